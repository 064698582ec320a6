package cn.antifraud.channels.http.limit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A sliding minute per key in this process: a request is allowed while the key has made fewer than N in the
 * last 60 seconds, so the (N+1)-th request within any minute is refused, and Retry-After says when the oldest
 * of them leaves the window. Each key keeps the times of its last N requests (a ring); keys idle for a minute
 * are forgotten when the map grows.
 */
public final class InProcessRateLimiter implements RateLimiter {
    private static final int FORGET_ABOVE = 10_000;
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public InProcessRateLimiter() {
        this(System::nanoTime);
    }

    InProcessRateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** The times of the last N allowed requests, oldest at {@code next}. */
    private static final class Window {
        final long[] times;
        int next;
        int count;
        long last;

        Window(int size) {
            times = new long[size];
        }
    }

    @Override
    public Decision acquire(String key, int perMinute) {
        if (perMinute <= 0) {
            return Decision.ALLOWED;
        }
        long now = nanoClock.getAsLong();
        if (windows.size() > FORGET_ABOVE) {
            windows.values().removeIf(w -> now - w.last > MINUTE_NANOS);
        }
        Window w = windows.computeIfAbsent(key, k -> new Window(perMinute));
        synchronized (w) {
            if (w.times.length != perMinute) {
                windows.remove(key);
                return acquire(key, perMinute);
            }
            w.last = now;
            if (w.count == perMinute) {
                long oldest = w.times[w.next];
                if (now - oldest < MINUTE_NANOS) {
                    long wait = (oldest + MINUTE_NANOS - now + 999_999_999L) / 1_000_000_000L;
                    return new Decision(false, Math.max(1, wait));
                }
            } else {
                w.count++;
            }
            w.times[w.next] = now;
            w.next = (w.next + 1) % perMinute;
            return Decision.ALLOWED;
        }
    }
}
