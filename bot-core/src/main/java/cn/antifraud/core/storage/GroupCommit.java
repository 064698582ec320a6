package cn.antifraud.core.storage;

/**
 * Makes writes durable in groups, as MongoDB's journal does. Each applied write takes a ticket; its writer then
 * waits until a commit that started after the write has finished. The first waiter finding no commit running
 * becomes the committer; writes applied while it commits wait for the next commit, so many concurrent writers
 * share a few commits instead of paying one each.
 */
final class GroupCommit {
    private final Runnable commit;
    private long applied;
    private long durable;
    private boolean committing;
    private long commits;

    /** {@code commit} flushes every write applied so far; it is called by one thread at a time. */
    GroupCommit(Runnable commit) {
        this.commit = commit;
    }

    /** Records that a write was applied (in memory); returns the ticket to wait for. */
    synchronized long applied() {
        return ++applied;
    }

    /** Blocks until the write with this ticket is on disk. */
    void awaitDurable(long ticket) {
        while (true) {
            long target;
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
                target = applied;
            }
            boolean done = false;
            try {
                commit.run();
                done = true;
            } finally {
                synchronized (this) {
                    committing = false;
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
