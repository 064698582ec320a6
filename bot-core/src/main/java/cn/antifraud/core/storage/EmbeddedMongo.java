package cn.antifraud.core.storage;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB-wire-compatible server (mongo-java-server, H2 MVStore backend) on a loopback port, persisted in
 * {@code dataDir/mongo.mv}. The application talks to it through the real MongoDB driver, exactly as it
 * would to a real deployment. H2 commits lazily, so {@link #commit()} is called after each acknowledged
 * write: a write the driver acknowledged survives a killed process.
 */
public final class EmbeddedMongo implements AutoCloseable {
    private final H2Backend backend;
    private final MongoServer server;
    private final String connectionString;

    private EmbeddedMongo(H2Backend backend, MongoServer server, String connectionString) {
        this.backend = backend;
        this.server = server;
        this.connectionString = connectionString;
    }

    public static EmbeddedMongo start(Path dataDir) {
        return start(dataDir, "127.0.0.1", 0);
    }

    /** Listens on {@code host:port} ({@code 0} picks a free port): the store alone, shared by several nodes. */
    public static EmbeddedMongo start(Path dataDir, String host, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("DATA_DIR " + dataDir + " cannot be created: " + e.getMessage(), e);
        }
        if (!Files.isWritable(dataDir)) {
            throw new IllegalStateException("DATA_DIR " + dataDir + " is not writable");
        }
        H2Backend backend = new H2Backend(dataDir.resolve("mongo.mv").toString());
        MongoServer server = new MongoServer(new SerializedBackend(backend));
        server.bind(host, port);
        InetSocketAddress address = server.getLocalAddress();
        String uri = "mongodb://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
        return new EmbeddedMongo(backend, server, uri);
    }

    public String connectionString() {
        return connectionString;
    }

    /** Flushes everything written so far to the data file. */
    public void commit() {
        backend.commit();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
