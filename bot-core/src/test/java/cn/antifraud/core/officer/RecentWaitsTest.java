package cn.antifraud.core.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.core.escalation.RecentWaits;
import cn.antifraud.core.storage.StorageConfig;
import cn.antifraud.core.storage.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The typical wait residents are told comes from a summary of recent first claims: a claim recorded on this node
 * counts at once, claims stored before the start are read at start, another node's claims count after the next
 * re-read (clustered), and claims of escalations older than the window stop counting. Time is a clock the test moves.
 */
class RecentWaitsTest {
    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T02:00:00Z"));

    @Test
    void aClaimOnThisNodeCountsAtOnce() {
        try (Store store = Store.open(new StorageConfig(null, "waits", dataDir))) {
            RecentWaits waits = new RecentWaits(store, clock);
            HandlingStore handling = new HandlingStore(store, waits);
            for (int i = 0; i < 4; i++) {
                escalateAndClaim(handling, "c" + i, Duration.ofMinutes(i + 1));
            }
            assertEquals(Optional.empty(), waits.typical(), "four claims say nothing yet");
            assertEquals("", waits.sentence());
            escalateAndClaim(handling, "c4", Duration.ofMinutes(5));
            assertEquals(Optional.of(Duration.ofMinutes(3)), waits.typical(), "the fifth claim is counted at once");
            assertTrue(waits.sentence().contains("3分钟左右"), waits.sentence());
            // a second claim of the same conversation (a re-claim after a hand-back) is not a new wait
            handling.claimed("c0", "officer-2", clock.instant(), "web");
            assertEquals(Optional.of(Duration.ofMinutes(3)), waits.typical());
        }
    }

    @Test
    void claimsStoredBeforeTheStartAreReadAtStart() {
        try (Store store = Store.open(new StorageConfig(null, "waits", dataDir))) {
            HandlingStore before = new HandlingStore(store, null);
            escalateAndClaimFive(before, Duration.ofSeconds(30));
            assertEquals(Optional.of(Duration.ofSeconds(30)), new RecentWaits(store, clock).typical());
        }
    }

    @Test
    void anotherNodesClaimsCountAfterTheReread() {
        try (Store store = Store.open(new StorageConfig(null, "waits", dataDir))) {
            RecentWaits waits = new RecentWaits(store, clock, RecentWaits.CLUSTER_REREAD);
            HandlingStore otherNode = new HandlingStore(store, null);
            escalateAndClaimFive(otherNode, Duration.ofMinutes(2));
            assertEquals(Optional.empty(), waits.typical(), "not re-read yet");
            clock.advance(RecentWaits.CLUSTER_REREAD);
            assertEquals(Optional.of(Duration.ofMinutes(2)), waits.typical());
        }
    }

    @Test
    void claimsOfOldEscalationsStopCounting() {
        try (Store store = Store.open(new StorageConfig(null, "waits", dataDir))) {
            RecentWaits waits = new RecentWaits(store, clock);
            HandlingStore handling = new HandlingStore(store, waits);
            escalateAndClaimFive(handling, Duration.ofMinutes(1));
            assertEquals(Optional.of(Duration.ofMinutes(1)), waits.typical());
            clock.advance(Duration.ofHours(3));
            assertEquals(Optional.empty(), waits.typical());
        }
    }

    /** Five conversations c0..c4, each escalated {@code wait} ago and claimed now. */
    private void escalateAndClaimFive(HandlingStore handling, Duration wait) {
        for (int i = 0; i < 5; i++) {
            escalateAndClaim(handling, "c" + i, wait);
        }
    }

    /** Escalated {@code wait} ago, claimed now (the clock stays where it is). */
    private void escalateAndClaim(HandlingStore handling, String conversationId, Duration wait) {
        handling.escalated(conversationId, clock.instant().minus(wait), false, "resident_asked", "web");
        handling.claimed(conversationId, "officer-1", clock.instant(), "web");
    }
}
