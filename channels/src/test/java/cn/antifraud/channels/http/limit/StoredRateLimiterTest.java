package cn.antifraud.channels.http.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.core.storage.StorageConfig;
import cn.antifraud.core.storage.Store;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes sharing one store count one client's requests together. */
class StoredRateLimiterTest {
    @TempDir
    Path dataDir;

    /** A clock the test moves. */
    static final class Moving extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:10Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aClientsRequestsOnTwoNodesShareOneAllowanceAndTheNextMinuteStartsAfresh() throws Exception {
        Vertx vertx = Vertx.vertx();
        Moving clock = new Moving();
        try (Store store = Store.open(new StorageConfig(null, "limits", dataDir))) {
            RateLimiter nodeA = new StoredRateLimiter(vertx, store, clock);
            RateLimiter nodeB = new StoredRateLimiter(vertx, store, clock);
            assertTrue(nodeA.acquire("resident:1.2.3.4", 3).allowed());
            assertTrue(nodeB.acquire("resident:1.2.3.4", 3).allowed());
            assertTrue(nodeA.acquireAsync("resident:1.2.3.4", 3).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).allowed());
            RateLimiter.Decision refused = nodeB.acquire("resident:1.2.3.4", 3);
            assertFalse(refused.allowed(), "the fourth request in the minute, counted across both nodes");
            assertEquals(50, refused.retryAfterSeconds(), "the window ends at 10:01:00");
            assertTrue(nodeB.acquire("resident:5.6.7.8", 3).allowed(), "clients are counted apart");
            assertTrue(nodeA.acquire("x", 0).allowed(), "0 turns the limit off");
            clock.now = clock.now.plusSeconds(50);
            assertTrue(nodeA.acquire("resident:1.2.3.4", 3).allowed(), "a new minute");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
