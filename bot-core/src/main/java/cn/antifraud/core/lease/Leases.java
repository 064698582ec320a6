package cn.antifraud.core.lease;

import cn.antifraud.core.storage.Store;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;

/**
 * Leases in MongoDB ({@code leases}, one document per job keyed by its name): a job that must run once in the
 * cluster (the tip scheduler, retraining) runs only on the node holding its lease. A holder renews it on each
 * run; a node that dies stops renewing, the lease expires, and the next node to ask takes it over. The document's
 * {@code _id} is the only key, so taking a free or expired lease is one atomic upsert on any MongoDB. A lease lost
 * with an unflushed embedded write costs at most one extra run, which the jobs' own unique keys absorb.
 */
public final class Leases {
    private final MongoCollection<Document> collection;
    private final Clock clock;
    private final String holder = UUID.randomUUID().toString();

    public Leases(Store store, Clock clock) {
        this.collection = store.collection("leases");
        this.clock = clock;
    }

    /** Takes or renews the lease {@code name} for {@code ttl}; false while another live node holds it. Blocking. */
    public boolean acquire(String name, Duration ttl) {
        Date now = Date.from(clock.instant());
        try {
            collection.updateOne(Filters.and(Filters.eq("_id", name),
                    Filters.or(Filters.eq("holder", holder), Filters.lt("until", now))),
                Updates.combine(Updates.set("holder", holder), Updates.set("until", Date.from(clock.instant().plus(ttl))),
                    Updates.set("renewedAt", now)),
                new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            // Held and not expired: the filter matched nothing, and the upsert collided with the holder's _id.
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Gives the lease up at once (a finished retraining, a node shutting down). Blocking. */
    public void release(String name) {
        collection.deleteOne(Filters.and(Filters.eq("_id", name), Filters.eq("holder", holder)));
    }

    /** This node's holder id, as stored in the lease documents. */
    public String holder() {
        return holder;
    }
}
