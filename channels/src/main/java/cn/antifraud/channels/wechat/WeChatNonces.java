package cn.antifraud.channels.wechat;

import cn.antifraud.core.storage.Store;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * The (timestamp, nonce) pairs of WeChat callbacks seen within the skew window, in MongoDB
 * ({@code wechat_nonces}) so that every node refuses a pair another node has already accepted: the unique
 * {@code _id} owns "accepted once", a TTL index forgets pairs once their timestamp is outside the window anyway.
 * The body's hash is kept with the pair: WeChat's own retry of a callback repeats the same request byte for
 * byte (and is answered from the delivery record), a replay with another body is a forgery. Blocking.
 */
public final class WeChatNonces {
    private final Store store;
    private final MongoCollection<Document> nonces;
    private final Clock clock;
    private final long windowSeconds;
    private final AtomicLong nextSweep = new AtomicLong();

    public WeChatNonces(Store store, Clock clock, long windowSeconds) {
        this.store = store;
        this.nonces = store.collection("wechat_nonces");
        this.clock = clock;
        this.windowSeconds = windowSeconds;
        nonces.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /** Whether this pair is new, or a byte-identical repeat of the request that first used it. */
    public boolean accept(long timestamp, String nonce, String requestHash) {
        Instant now = clock.instant();
        String id = timestamp + ":" + nonce;
        try {
            // A pair is refused by the skew check once its timestamp is a window away from now, so it may be forgotten then.
            nonces.insertOne(new Document("_id", id).append("hash", requestHash)
                .append("expiresAt", Date.from(Instant.ofEpochSecond(timestamp).plusSeconds(windowSeconds).plusSeconds(60))));
            long due = nextSweep.get();
            if (now.getEpochSecond() >= due && nextSweep.compareAndSet(due, now.getEpochSecond() + 60)) {
                forgetExpired(now);
            }
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document first = nonces.find(Filters.eq("_id", id)).first();
            return first != null && requestHash.equals(first.getString("hash"));
        }
    }

    /** The embedded store has no TTL monitor: expired pairs are removed here now and then. */
    private void forgetExpired(Instant now) {
        if (store.embedded()) {
            nonces.deleteMany(Filters.lt("expiresAt", Date.from(now)));
        }
    }
}
