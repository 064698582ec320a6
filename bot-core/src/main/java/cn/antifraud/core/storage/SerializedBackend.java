package cn.antifraud.core.storage;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs the embedded server's operations one at a time, and answers a write only once it is on disk.
 * mongo-java-server does not make a single findAndModify, a filtered replace or a unique-index check atomic
 * against concurrent clients, while a real MongoDB does (document-level atomicity); the code relies on that
 * (claims, counters, sequence numbers). Serialising every operation gives the embedded store the same
 * guarantees at single-machine load. Durability is a group commit ({@link GroupCommit}): the writer waits
 * outside the lock, so other operations go on while a commit runs, and the writes they make share the next one.
 * Commits also run under the lock, so the file never holds half an operation. A reply is copied under the lock:
 * mongo-java-server's replies can share document objects with the store (a findAndModify's "after" document),
 * and the reply is encoded after the lock is released, when the next operation may already be changing them;
 * without the copy two concurrent {@code $inc} callers could both be told the same value.
 */
final class SerializedBackend implements MongoBackend {
    /** Commands that change nothing; any other command is treated as a write and waits for its commit. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "aggregate", "listcollections",
        "listindexes", "listdatabases", "hello", "ismaster", "ping", "buildinfo", "killcursors", "endsessions",
        "serverstatus", "dbstats", "collstats", "whatsmyuri", "getparameter", "getlasterror", "getlog",
        "getcmdlineopts", "connectionstatus", "hostinfo", "getfreemonitoringstatus", "saslstart", "saslcontinue");

    private final MongoBackend delegate;
    private final Object lock = new Object();
    private final GroupCommit durability;

    /**
     * {@code commit} flushes the delegate's applied writes to disk; it is called under the operation lock, at most
     * once every {@code commitSpacingNanos} ({@link GroupCommit}).
     */
    SerializedBackend(MongoBackend delegate, Runnable commit, long commitSpacingNanos) {
        this.delegate = delegate;
        this.durability = new GroupCommit(() -> {
            synchronized (lock) {
                commit.run();
            }
        }, commitSpacingNanos);
    }

    /** Runs {@code work} with no operation in progress (maintenance such as compaction). */
    void exclusively(Runnable work) {
        synchronized (lock) {
            work.run();
        }
    }

    long commits() {
        return durability.commits();
    }

    private Document run(String command, Supplier<Document> op) {
        if (command != null && READS.contains(command.toLowerCase(Locale.ROOT))) {
            synchronized (lock) {
                return copy(op.get());
            }
        }
        long ticket;
        Document result;
        synchronized (lock) {
            try {
                result = copy(op.get());
            } finally {
                ticket = durability.applied();
            }
        }
        durability.awaitDurable(ticket);
        return result;
    }

    private static Document copy(Document reply) {
        return reply == null ? null : reply.cloneDeeply();
    }

    private static String commandOf(Document command) {
        return command == null || command.isEmpty() ? null : command.keySet().iterator().next();
    }

    @Override
    public void handleClose(Channel channel) {
        synchronized (lock) {
            delegate.handleClose(channel);
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return run(command, () -> delegate.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        synchronized (lock) {
            return delegate.handleQuery(query);
        }
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return run(commandOf(message.getDocument()), () -> delegate.handleMessage(message));
    }

    @Override
    public void dropDatabase(String database) {
        run("dropDatabase", () -> {
            delegate.dropDatabase(database);
            return null;
        });
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return delegate.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return delegate.getServerStatus();
    }

    @Override
    public void close() {
        synchronized (lock) {
            delegate.close();
        }
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        synchronized (lock) {
            delegate.closeCursors(cursorIds);
        }
    }

    @Override
    public Clock getClock() {
        return delegate.getClock();
    }

    @Override
    public void enableOplog() {
        delegate.enableOplog();
    }

    @Override
    public void disableOplog() {
        delegate.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        synchronized (lock) {
            return delegate.resolveDatabase(database);
        }
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        delegate.version(version);
        return this;
    }
}
