package cn.antifraud.channels.http.limit;

/**
 * Counts requests per key (a client address and what it asks for). In-process today; a clustered node would
 * put the same contract in front of shared counters so that every node sees one client's requests.
 */
public interface RateLimiter {
    /** Whether one more request under {@code key} is allowed now; when not, how long until it would be. */
    Decision acquire(String key, int perMinute);

    /** Allowed, or refused with the seconds to wait. */
    record Decision(boolean allowed, long retryAfterSeconds) {
        public static final Decision ALLOWED = new Decision(true, 0);
    }
}
