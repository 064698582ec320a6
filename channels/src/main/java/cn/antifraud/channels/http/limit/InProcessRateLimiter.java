package cn.antifraud.channels.http.limit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per key in this process: a key may burst up to its per-minute allowance, then gets one
 * request back every 60/N seconds. Buckets idle for a minute (full again) are forgotten when the map grows.
 */
public final class InProcessRateLimiter implements RateLimiter {
    private static final int FORGET_ABOVE = 10_000;
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public InProcessRateLimiter() {
        this(System::nanoTime);
    }

    InProcessRateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    @Override
    public Decision acquire(String key, int perMinute) {
        if (perMinute <= 0) {
            return Decision.ALLOWED;
        }
        long now = nanoClock.getAsLong();
        if (buckets.size() > FORGET_ABOVE) {
            forgetIdle(now);
        }
        double perNano = perMinute / (double) MINUTE_NANOS;
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        synchronized (b) {
            b.tokens = Math.min(perMinute, b.tokens + (now - b.at) * perNano);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return Decision.ALLOWED;
            }
            long wait = (long) Math.ceil((1 - b.tokens) / perNano / 1e9);
            return new Decision(false, Math.max(1, wait));
        }
    }

    /** A bucket untouched for a minute is full again: forgetting it changes nothing. */
    private void forgetIdle(long now) {
        buckets.entrySet().removeIf(e -> now - e.getValue().at > MINUTE_NANOS);
    }
}
