package cn.antifraud.core.storage;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB-wire-compatible server (mongo-java-server, H2 MVStore backend) on a loopback port, persisted in
 * {@code dataDir/mongo.mv}. The application talks to it through the real MongoDB driver, exactly as it
 * would to a real deployment. The server itself answers a write only after it is in the file (group commit in
 * {@link SerializedBackend}), so an acknowledged write survives a killed process and no caller has to ask.
 */
public final class EmbeddedMongo implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedMongo.class.getName());
    /**
     * Threads that answer the driver's connections. A writer waiting for its commit holds one, and a connection
     * is served by one thread, so there are enough for every concurrent writer (the driver pools up to 100).
     */
    private static final int SERVER_THREADS = 64;
    /**
     * How long a chunk no longer referenced is kept before its space is reused. H2's default (45 s) is meant
     * for disks that reorder writes across a power cut; here a commit reaches the OS before the write is
     * answered, which is what survives a killed process, and 45 s of commits at hundreds per second made the
     * file grow with the number of commits rather than with the data.
     */
    private static final int RETENTION_MS = 2_000;
    /** Chunks less full than this are rewritten by the scheduled compaction. */
    private static final int TARGET_FILL_RATE = 80;
    /**
     * Compaction runs under the operation lock, so it goes in small steps: 2 MB every 4 s rewrites as much as 16 MB
     * every 30 s did, but holds every other operation for a few milliseconds instead of a few hundred.
     */
    private static final int COMPACT_EVERY_SECONDS = 4;
    private static final int COMPACT_WRITE_BYTES = 2 << 20;
    /** At shutdown nobody waits, so the last compaction may rewrite more. */
    private static final int COMPACT_AT_CLOSE_BYTES = 16 << 20;
    private static final int PAGE_SPLIT_BYTES = 4 << 10;
    /**
     * The least time between two commits while writes keep coming (see {@link GroupCommit}): a write waits at most
     * this long more, and a busy store commits at most 500 times a second, each commit carrying many writes.
     */
    private static final long COMMIT_SPACING_NANOS = 2_000_000;

    private final MVStore mvStore;
    private final SerializedBackend backend;
    private final MongoServer server;
    private final String connectionString;
    private final ScheduledExecutorService maintenance;

    private EmbeddedMongo(MVStore mvStore, SerializedBackend backend, MongoServer server, String connectionString) {
        this.mvStore = mvStore;
        this.backend = backend;
        this.server = server;
        this.connectionString = connectionString;
        this.maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-store-compaction");
            t.setDaemon(true);
            return t;
        });
        maintenance.scheduleWithFixedDelay(() -> compact(COMPACT_WRITE_BYTES), COMPACT_EVERY_SECONDS, COMPACT_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    public static EmbeddedMongo start(Path dataDir) {
        return start(dataDir, "127.0.0.1", 0);
    }

    /** Starts the store on {@code host:port} ({@code 0} picks a free port). */
    public static EmbeddedMongo start(Path dataDir, String host, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("DATA_DIR " + dataDir + " cannot be created: " + e.getMessage(), e);
        }
        if (!Files.isWritable(dataDir)) {
            throw new IllegalStateException("DATA_DIR " + dataDir + " is not writable");
        }
        // No background auto-commit: it could write half an operation; commits run between operations only.
        // Pages split at 4 KB, not compressed: a commit rewrites every page it touches, whole, so small pages keep
        // the file near the size of the data. LZF compression made it smaller still (9 KB per stored turn against
        // about 17), but it was most of a commit's CPU and the turns' tail latency (docs/benchmarks.md); pages
        // compressed by earlier versions are still read.
        MVStore mvStore = new MVStore.Builder().fileName(dataDir.resolve("mongo.mv").toString())
            .autoCommitDisabled().autoCompactFillRate(TARGET_FILL_RATE).pageSplitSize(PAGE_SPLIT_BYTES).open();
        mvStore.setRetentionTime(RETENTION_MS);
        H2Backend h2 = new TypedH2Backend(mvStore);
        SerializedBackend backend = new SerializedBackend(h2, h2::commit, COMMIT_SPACING_NANOS);
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress(host, port), 1, SERVER_THREADS);
        InetSocketAddress address = server.getLocalAddress();
        String uri = "mongodb://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
        return new EmbeddedMongo(mvStore, backend, server, uri);
    }

    public String connectionString() {
        return connectionString;
    }

    /** Commits made so far: many concurrent writes share one (see {@link GroupCommit}). */
    public long commits() {
        return backend.commits();
    }

    /** Rewrites sparsely used chunks so the file's free space is reused; the data file grows with the data. */
    void compact(int writeBytes) {
        try {
            backend.exclusively(() -> {
                if (!mvStore.isClosed() && mvStore.compact(TARGET_FILL_RATE, writeBytes)) {
                    mvStore.commit();
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "embedded store compaction failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        maintenance.shutdownNow();
        server.stopListening();
        // A last rewrite of sparse chunks; H2's close then shrinks the file by what is free at its end.
        // (MVStore.compactFile, which moves chunks, trips an assertion inside H2 2.3.232, so it is not used.)
        compact(COMPACT_AT_CLOSE_BYTES);
        server.shutdownNow();
    }
}
