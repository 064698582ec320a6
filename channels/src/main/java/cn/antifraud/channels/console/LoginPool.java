package cn.antifraud.channels.console;

import cn.antifraud.channels.http.ApiError;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Password hashing (logins, new passwords) on its own two threads with a short queue: argon2id is meant to be
 * slow, and a login flood on the shared worker pool would starve chat turns and /health. Beyond the queue a
 * login is refused at once (503 with Retry-After) instead of waiting.
 */
final class LoginPool {
    static final int THREADS = 2;
    static final int QUEUE = 32;

    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "password-hashing");
            t.setDaemon(true);
            return t;
        });
    private final Vertx vertx;

    LoginPool(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Runs blocking work on the pool; the result arrives on the caller's Vert.x context. */
    <T> Future<T> run(Callable<T> work) {
        Context context = vertx.getOrCreateContext();
        Promise<T> promise = Promise.promise();
        try {
            executor.execute(() -> {
                try {
                    T result = work.call();
                    context.runOnContext(v -> promise.complete(result));
                } catch (Exception | Error e) {
                    context.runOnContext(v -> promise.fail(e));
                }
            });
        } catch (RejectedExecutionException e) {
            promise.fail(new ApiError(503, "busy", "现在登录的人太多了，请过几秒再试"));
        }
        return promise.future();
    }

    void close() {
        executor.shutdownNow();
    }
}
