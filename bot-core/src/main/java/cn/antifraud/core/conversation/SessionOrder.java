package cn.antifraud.core.conversation;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;

/**
 * Keeps one session's turns in order across nodes. Alone, the router's in-process lock is enough and this adds
 * nothing; clustered, the work first takes the session's cluster-wide lock (Vert.x shared data, a Hazelcast map
 * lock that is freed when its holder's node dies), asked for without blocking a worker thread, and releases it
 * when the work is done. The store's unique sequence numbers stay the last guard.
 */
final class SessionOrder {
    /** Longer than any turn; a turn that cannot get the lock in this time fails instead of interleaving. */
    private static final long LOCK_TIMEOUT_MS = 30_000;

    private final Vertx vertx;

    SessionOrder(Vertx vertx) {
        this.vertx = vertx;
    }

    <T> Future<T> run(String sessionKey, Callable<T> work) {
        if (!vertx.isClustered()) {
            return vertx.executeBlocking(work, false);
        }
        return vertx.sharedData().getLockWithTimeout("session:" + sessionKey, LOCK_TIMEOUT_MS)
            .compose(lock -> vertx.executeBlocking(work, false).andThen(done -> lock.release()));
    }
}
