package cn.antifraud.deploy;

import cn.antifraud.core.storage.EmbeddedMongo;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code antifraud.jar store}: the embedded store alone ({@code DATA_DIR}, {@code STORE_HOST}, {@code STORE_PORT}),
 * so several nodes on one machine (a development cluster, the cluster tests) share one database. Prints its
 * {@code mongodb://} URI on standard output and serves until SIGTERM, then closes the data file. Like the embedded
 * store of one node it answers a write only once it is on disk, so a killed store loses nothing acknowledged.
 * Not for production clusters: they use a MongoDB replica set.
 */
final class StoreCommand {
    static final String HELP = """
        usage: java -jar antifraud.jar store
        Runs the embedded store alone and prints its mongodb:// URI; stops on SIGTERM.
        Point each node's MONGODB_URI at that URI. For development and tests only:
        production clusters use a MongoDB replica set (see deploy/README.md).

        environment:
          DATA_DIR     where the data file lives (default ./data; mongo.mv inside)
          STORE_HOST   the address to listen on (default 127.0.0.1)
          STORE_PORT   the port (default 27017; 0 picks a free one)
        """;

    private StoreCommand() {
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) throws InterruptedException {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.print(HELP);
            return 0;
        }
        if (args.length > 0) {
            err.println("store takes no arguments, got '" + args[0] + "'");
            err.print(HELP);
            return 2;
        }
        Path dataDir = dataDir(env.get("DATA_DIR"));
        String host = host(env.get("STORE_HOST"));
        int port = port(env.get("STORE_PORT"));
        EmbeddedMongo store;
        try {
            store = EmbeddedMongo.start(dataDir, host, port);
        } catch (RuntimeException e) {
            err.println("could not start the store: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // The store answers a write only once it is in the file; closing compacts and closes the file.
            store.close();
            err.println("store stopped");
            stopped.countDown();
        }, "store-shutdown"));
        out.println(store.connectionString());
        out.flush();
        err.println("store serving " + store.connectionString() + " with data under " + dataDir.toAbsolutePath());
        stopped.await();
        return 0;
    }

    private static Path dataDir(String value) {
        String v = value == null || value.isBlank() ? "./data" : value.strip();
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new ConfigException("DATA_DIR must be a directory path: " + e.getReason());
        }
    }

    private static String host(String value) {
        if (value == null || value.isBlank()) {
            return "127.0.0.1";
        }
        if (!value.strip().matches("[A-Za-z0-9.:-]{1,253}")) {
            throw new ConfigException("STORE_HOST must be an IP address or host name, got '" + value + "'");
        }
        return value.strip();
    }

    private static int port(String value) {
        if (value == null || value.isBlank()) {
            return 27017;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException("STORE_PORT must be a number from 0 to 65535, got '" + value + "'");
    }
}
