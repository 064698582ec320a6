package cn.antifraud.channels.http.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InProcessRateLimiterTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void theSixtyFirstRequestWithinAnyMinuteWaitsUntilTheOldestLeavesTheWindow() {
        AtomicLong now = new AtomicLong(5 * SECOND);
        InProcessRateLimiter limiter = new InProcessRateLimiter(now::get);
        for (int i = 0; i < 60; i++) {
            assertTrue(limiter.acquire("a", 60).allowed(), "request " + (i + 1));
            now.addAndGet(SECOND / 2);
        }
        RateLimiter.Decision refused = limiter.acquire("a", 60);
        assertFalse(refused.allowed());
        assertEquals(30, refused.retryAfterSeconds(), "the first request was 30 s ago");
        assertTrue(limiter.acquire("b", 60).allowed(), "keys are counted apart");
        now.addAndGet(30 * SECOND);
        assertTrue(limiter.acquire("a", 60).allowed());
        assertTrue(limiter.acquire("x", 0).allowed(), "0 turns the limit off");
    }
}
