package cn.antifraud.core.storage;

import java.util.concurrent.locks.LockSupport;

/**
 * Makes writes durable in groups, as MongoDB's journal does. Each applied write takes a ticket; its writer then
 * waits until a commit that started after the write has finished. The first waiter finding no commit running
 * becomes the committer; writes applied while it commits wait for the next commit, so many concurrent writers
 * share a few commits instead of paying one each.
 *
 * <p>Commits are also spaced by at least {@code spacingNanos}: a committer that comes sooner after the last commit
 * waits out the rest before it starts. A commit costs about the same whether it carries one write or fifty (it
 * rewrites every page the writes touched and every page above them), and without the spacing a chat
 * turn's few writes each found the store idle and paid a commit of their own (1.7 commits a turn under 64
 * concurrent turns). A writer on an idle store never waits: the last commit is long past.
 */
final class GroupCommit {
    private final Runnable commit;
    private final long spacingNanos;
    private long applied;
    private long durable;
    private boolean committing;
    private long commits;
    private long lastCommitEnded = System.nanoTime() - Long.MAX_VALUE / 2;

    /** {@code commit} flushes every write applied so far; it is called by one thread at a time. */
    GroupCommit(Runnable commit) {
        this(commit, 0);
    }

    GroupCommit(Runnable commit, long spacingNanos) {
        this.commit = commit;
        this.spacingNanos = spacingNanos;
    }

    /** Records that a write was applied (in memory); returns the ticket to wait for. */
    synchronized long applied() {
        return ++applied;
    }

    /** Blocks until the write with this ticket is on disk. */
    void awaitDurable(long ticket) {
        while (true) {
            long startAt;
            synchronized (this) {
                while (durable < ticket && committing) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the store to commit", e);
                    }
                }
                if (durable >= ticket) {
                    return;
                }
                committing = true;
                startAt = lastCommitEnded + spacingNanos;
            }
            boolean done = false;
            long target = 0;
            try {
                for (long wait = startAt - System.nanoTime(); wait > 0; wait = startAt - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                // read after the wait, so the writes applied meanwhile are counted as carried by this commit
                synchronized (this) {
                    target = applied;
                }
                commit.run();
                done = true;
            } finally {
                synchronized (this) {
                    committing = false;
                    lastCommitEnded = System.nanoTime();
                    if (done) {
                        durable = Math.max(durable, target);
                        commits++;
                    }
                    notifyAll();
                }
            }
        }
    }

    /** Commits made so far (for tests and metrics). */
    synchronized long commits() {
        return commits;
    }
}
