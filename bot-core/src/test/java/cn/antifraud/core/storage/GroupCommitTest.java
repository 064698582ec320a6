package cn.antifraud.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    @Test
    void writesAppliedWhileACommitRunsShareTheNextCommit() throws Exception {
        CountDownLatch firstCommitStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstCommit = new CountDownLatch(1);
        AtomicInteger flushes = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            if (flushes.incrementAndGet() == 1) {
                firstCommitStarted.countDown();
                await(releaseFirstCommit);
            }
        });
        Thread first = new Thread(() -> group.awaitDurable(group.applied()));
        first.start();
        assertTrue(firstCommitStarted.await(10, TimeUnit.SECONDS));

        List<Thread> later = new ArrayList<>();
        CountDownLatch laterApplied = new CountDownLatch(10);
        for (int i = 0; i < 10; i++) {
            Thread t = new Thread(() -> {
                long ticket = group.applied();
                laterApplied.countDown();
                group.awaitDurable(ticket);
            });
            t.start();
            later.add(t);
        }
        assertTrue(laterApplied.await(10, TimeUnit.SECONDS));
        releaseFirstCommit.countDown();
        first.join(10_000);
        for (Thread t : later) {
            t.join(10_000);
            assertTrue(!t.isAlive(), "a writer was never acknowledged");
        }
        assertEquals(2, flushes.get(), "the ten writes made during the first commit share one more commit");
        assertEquals(2, group.commits());
    }

    @Test
    void aWriteIsNotAcknowledgedByACommitThatStartedBeforeIt() throws Exception {
        CountDownLatch commitStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger flushes = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            if (flushes.incrementAndGet() == 1) {
                commitStarted.countDown();
                await(release);
            }
        });
        Thread first = new Thread(() -> group.awaitDurable(group.applied()));
        first.start();
        assertTrue(commitStarted.await(10, TimeUnit.SECONDS));
        long late = group.applied();
        release.countDown();
        group.awaitDurable(late);
        first.join(10_000);
        assertEquals(2, flushes.get(), "the late write needed a commit of its own");
    }

    @Test
    void aCommitSoonAfterAnotherWaitsOutTheSpacingSoMoreWritesJoinIt() {
        long spacing = TimeUnit.MILLISECONDS.toNanos(200);
        List<Long> starts = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        GroupCommit group = new GroupCommit(() -> {
            starts.add(System.nanoTime());
            ends.add(System.nanoTime());
        }, spacing);
        group.awaitDurable(group.applied());
        group.awaitDurable(group.applied());
        assertEquals(2, group.commits());
        // a lower bound only: a loaded machine can make the wait longer, never shorter
        assertTrue(starts.get(1) - ends.get(0) >= spacing, "the second commit started before the spacing had passed");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
