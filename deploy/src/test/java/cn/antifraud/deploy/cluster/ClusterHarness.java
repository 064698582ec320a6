package cn.antifraud.deploy.cluster;

import cn.antifraud.core.analysis.AnalysisPipeline;
import cn.antifraud.core.analysis.KnownIndicators;
import cn.antifraud.deploy.TestServer;
import cn.antifraud.kb.KnowledgeBase;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A cluster on this machine, as an operator would run one: {@code antifraud.jar store} in one JVM, then nodes in
 * JVMs of their own, all on loopback, with {@code CLUSTER_MEMBERS} naming every node's Hazelcast port and a cluster
 * name of its own (so concurrent builds never join each other). The models are cached first, by the test JVM;
 * the first node starts alone (it creates the first officer account), the rest together once it is ready.
 */
final class ClusterHarness implements AutoCloseable {
    static final long START_SECONDS = 240;

    private final JavaProcess store;
    private final String mongoUri;
    private final List<Node> nodes = new ArrayList<>();

    /** One node: its process and its HTTP port. */
    record Node(String name, JavaProcess process, int port) {
        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }
    }

    private ClusterHarness(JavaProcess store, String mongoUri) {
        this.store = store;
        this.mongoUri = mongoUri;
    }

    static ClusterHarness start(Path dir, int count, Map<String, String> extraEnv) throws Exception {
        // Train (or find) the cached models here, in the test JVM's larger heap: the nodes' small heaps only load them.
        AnalysisPipeline.analyzer(KnowledgeBase.load(), TestServer.MODEL_CACHE, KnownIndicators.NONE);
        JavaProcess store = JavaProcess.start("store", Map.of("DATA_DIR", dir.resolve("store").toString(), "STORE_PORT", "0"), "store");
        String uri = store.awaitLine(true, l -> l.startsWith("mongodb://"), 60).strip();
        ClusterHarness h = new ClusterHarness(store, uri);
        try {
            String cluster = "test-" + UUID.randomUUID().toString().substring(0, 8);
            List<Integer> hazelcastPorts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                hazelcastPorts.add(freePort());
            }
            String members = String.join(",", hazelcastPorts.stream().map(p -> "127.0.0.1:" + p).toList());
            List<JavaProcess> started = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Map<String, String> env = new HashMap<>();
                env.put("PORT", "0");
                env.put("MONGODB_URI", uri);
                env.put("MODEL_DIR", TestServer.MODEL_CACHE.toString());
                env.put("DATA_DIR", dir.resolve("node" + i).toString());
                env.put("ADMIN_PASSWORD", "test-admin-password");
                env.put("CLUSTER_MEMBERS", members);
                env.put("CLUSTER_HOST", "127.0.0.1");
                env.put("CLUSTER_PORT", String.valueOf(hazelcastPorts.get(i)));
                env.put("CLUSTER_NAME", cluster);
                env.putAll(extraEnv);
                JavaProcess p = JavaProcess.start("node-" + (char) ('a' + i), env, "serve");
                started.add(p);
                if (i == 0) {
                    h.nodes.add(ready("node-a", p));
                }
            }
            for (int i = 1; i < count; i++) {
                h.nodes.add(ready("node-" + (char) ('a' + i), started.get(i)));
            }
            for (Node n : h.nodes) {
                waitUntil(START_SECONDS, () -> members(n) == count, n.name() + " sees " + count + " members");
            }
            return h;
        } catch (Exception | Error e) {
            h.close();
            throw e;
        }
    }

    private static Node ready(String name, JavaProcess p) throws InterruptedException {
        String line = p.awaitLine(false, l -> l.startsWith("antifraud hotline ready on port "), START_SECONDS);
        return new Node(name, p, Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1).strip()));
    }

    Node node(int i) {
        return nodes.get(i);
    }

    String mongoUri() {
        return mongoUri;
    }

    /** The number of members a node reports in {@code /health}, or -1 when it does not answer. */
    static int members(Node n) {
        try {
            JsonObject health = new JsonObject(Http.get(n.url("/health")).body());
            return health.getJsonObject("checks").getJsonObject("cluster").getInteger("members");
        } catch (Exception e) {
            return -1;
        }
    }

    static void waitUntil(long seconds, BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not within " + seconds + " s: " + what);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            n.process().close();
        }
        store.close();
    }
}
