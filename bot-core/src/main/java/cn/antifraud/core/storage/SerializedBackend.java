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

/**
 * Runs the embedded server's operations one at a time. mongo-java-server does not make a single
 * findAndModify, a filtered replace or a unique-index check atomic against concurrent clients, while a real
 * MongoDB does (document-level atomicity); the code relies on that (claims, counters, sequence numbers).
 * Serialising every operation gives the embedded store the same guarantees at single-machine load.
 */
final class SerializedBackend implements MongoBackend {
    private final MongoBackend delegate;
    private final Object lock = new Object();

    SerializedBackend(MongoBackend delegate) {
        this.delegate = delegate;
    }

    @Override
    public void handleClose(Channel channel) {
        synchronized (lock) {
            delegate.handleClose(channel);
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        synchronized (lock) {
            return delegate.handleCommand(channel, database, command, query);
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        synchronized (lock) {
            return delegate.handleQuery(query);
        }
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        synchronized (lock) {
            return delegate.handleMessage(message);
        }
    }

    @Override
    public void dropDatabase(String database) {
        synchronized (lock) {
            delegate.dropDatabase(database);
        }
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
