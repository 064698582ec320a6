package cn.antifraud.core.officer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link LoginThrottle} in this process's memory; a streak with no failure (or wait) for 15 minutes is forgotten. */
public final class InProcessLoginThrottle implements LoginThrottle {
    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Streak> streaks = new ConcurrentHashMap<>();

    @Override
    public Streak streak(String key, Instant now) {
        Streak s = streaks.get(key);
        return s == null || forgotten(s, now) ? Streak.NONE : s;
    }

    @Override
    public Streak failed(String key, Instant now, DelayPolicy delay) {
        if (streaks.size() > SWEEP_ABOVE) {
            streaks.values().removeIf(s -> forgotten(s, now));
        }
        return streaks.compute(key, (k, old) -> {
            Streak s = old == null || forgotten(old, now) ? Streak.NONE : old;
            int failures = s.failures() + 1;
            long wait = delay.seconds(failures);
            return new Streak(failures, s.since() == null ? now : s.since(), now, wait > 0 ? now.plusSeconds(wait) : s.until());
        });
    }

    @Override
    public void clear(String key) {
        streaks.remove(key);
    }

    private static boolean forgotten(Streak s, Instant now) {
        Instant latest = s.until() != null && s.until().isAfter(s.last()) ? s.until() : s.last();
        return latest.plus(FORGET_AFTER).isBefore(now);
    }
}
