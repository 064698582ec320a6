package cn.antifraud.core.officer;

import java.time.Instant;

/**
 * Failed logins counted per key ("account:NAME", "address:IP") and the moment the key may try again. In-process
 * today; several nodes would put shared counters behind the same contract.
 */
public interface LoginThrottle {
    /** One key's streak: failures since the last success, when it began, the latest failure, when the key may try again. */
    record Streak(int failures, Instant since, Instant last, Instant until) {
        public static final Streak NONE = new Streak(0, null, null, null);

        public long waitSeconds(Instant now) {
            return until == null || !until.isAfter(now) ? 0 : Math.max(1, (until.toEpochMilli() - now.toEpochMilli() + 999) / 1000);
        }
    }

    Streak streak(String key, Instant now);

    /** Counts one failure and sets the next allowed moment from the delay policy; returns the new streak. */
    Streak failed(String key, Instant now, DelayPolicy delay);

    void clear(String key);

    /** How long a key waits after its n-th failure in a row. */
    @FunctionalInterface
    interface DelayPolicy {
        long seconds(int failures);
    }
}
