package cn.antifraud.channels.http.limit;

import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * Counters every node of a cluster shares, in the store ({@code rate_limits}): a client's requests count once whichever
 * node they reach. One-minute windows (a client may get up to N at the end of one minute and N at the start of the
 * next, a fair price for one atomic upsert per request); a window's document carries its expiry (a TTL index on
 * MongoDB, and a sweep here for stores without one). Used when clustered; a single node keeps the faster
 * {@link InProcessRateLimiter}. The count runs on a worker thread (blocking driver).
 */
public final class StoredRateLimiter implements RateLimiter {
    private static final long WINDOW_MS = 60_000;
    private static final long SWEEP_EVERY_MS = 60_000;

    private final Vertx vertx;
    private final MongoCollection<Document> windows;
    private final Clock clock;
    private final AtomicLong lastSweep = new AtomicLong();

    public StoredRateLimiter(Vertx vertx, Store store, Clock clock) {
        this.vertx = vertx;
        this.windows = store.collection("rate_limits");
        this.clock = clock;
        windows.createIndex(Indexes.ascending("expireAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    public Future<Decision> acquireAsync(String key, int perMinute) {
        if (perMinute <= 0) {
            return Future.succeededFuture(Decision.ALLOWED);
        }
        return vertx.executeBlocking(() -> acquire(key, perMinute), false);
    }

    /** Blocking: counts one request under {@code key} in the current minute, for every node. */
    @Override
    public Decision acquire(String key, int perMinute) {
        if (perMinute <= 0) {
            return Decision.ALLOWED;
        }
        long now = clock.millis();
        long window = now / WINDOW_MS;
        long end = (window + 1) * WINDOW_MS;
        sweep(now);
        Document d = windows.findOneAndUpdate(new Document("_id", key + "@" + window),
            Updates.combine(Updates.inc("n", 1L), Updates.setOnInsert("expireAt", new Date(end + WINDOW_MS))),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long n = ((Number) d.get("n")).longValue();
        return n <= perMinute ? Decision.ALLOWED : new Decision(false, Math.max(1, (end - now + 999) / 1000));
    }

    /** Removes finished windows about once a minute (the embedded store has no TTL monitor). */
    private void sweep(long now) {
        long last = lastSweep.get();
        if (now - last >= SWEEP_EVERY_MS && lastSweep.compareAndSet(last, now)) {
            windows.deleteMany(new Document("expireAt", new Document("$lt", new Date(now))));
        }
    }
}
