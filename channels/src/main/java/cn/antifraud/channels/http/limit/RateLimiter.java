package cn.antifraud.channels.http.limit;

import io.vertx.core.Future;

/**
 * Counts requests per key (a client address and what it asks for): in this process on a single node
 * ({@link InProcessRateLimiter}), in counters every node shares when clustered ({@link StoredRateLimiter}).
 */
public interface RateLimiter {
    /** Whether one more request under {@code key} is allowed now; when not, how long until it would be. */
    Decision acquire(String key, int perMinute);

    /** As {@link #acquire}, for the event loop: an implementation that blocks answers on a worker thread. */
    default Future<Decision> acquireAsync(String key, int perMinute) {
        return Future.succeededFuture(acquire(key, perMinute));
    }

    /** Allowed, or refused with the seconds to wait. */
    record Decision(boolean allowed, long retryAfterSeconds) {
        public static final Decision ALLOWED = new Decision(true, 0);
    }
}
