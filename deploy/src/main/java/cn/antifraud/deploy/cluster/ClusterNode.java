package cn.antifraud.deploy.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * This process's Vert.x: alone, exactly as without clustering, when {@code CLUSTER_MEMBERS} is unset; otherwise a
 * member of the Hazelcast cluster, with the event bus bound to {@code CLUSTER_HOST} so events (as JSON) reach
 * every node's sockets, feeds and channels, and shared-data locks are cluster-wide.
 */
public final class ClusterNode {
    /** Nodes started together (a Kubernetes rollout) join one after another; on a busy machine that takes a while. */
    private static final long JOIN_SECONDS = 180;

    private final Vertx vertx;
    private final HazelcastClusterManager manager;

    private ClusterNode(Vertx vertx, HazelcastClusterManager manager) {
        this.vertx = vertx;
        this.manager = manager;
    }

    /**
     * Starts this node's Vert.x; event loops, worker pools, the HTTP server and the JVM report into {@code registry},
     * alone or clustered.
     */
    public static ClusterNode start(ClusterConfig config, MeterRegistry registry) throws Exception {
        VertxOptions options = new VertxOptions()
            .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true));
        if (!config.enabled()) {
            return new ClusterNode(Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry)).build(), null);
        }
        HazelcastClusterManager manager = new HazelcastClusterManager(HazelcastSettings.of(config));
        options.getEventBusOptions().setHost(config.host()).setClusterPublicHost(config.host()).setPort(0);
        try {
            Vertx vertx = Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry))
                .withClusterManager(manager).buildClustered()
                .toCompletionStage().toCompletableFuture().get(JOIN_SECONDS, TimeUnit.SECONDS);
            return new ClusterNode(vertx, manager);
        } catch (TimeoutException e) {
            throw new IllegalStateException("did not join cluster '" + config.name() + "' (CLUSTER_MEMBERS " + String.join(",",
                config.members()) + ") within " + JOIN_SECONDS + " s", e);
        }
    }

    public Vertx vertx() {
        return vertx;
    }

    public boolean clustered() {
        return manager != null;
    }

    /** {@code /health}'s {@code checks.cluster}: the members this node sees and its own id; null when alone. */
    public Supplier<JsonObject> health() {
        if (manager == null) {
            return () -> null;
        }
        return () -> new JsonObject().put("status", manager.isActive() ? "up" : "down")
            .put("members", manager.getNodes().size()).put("nodeId", manager.getNodeId());
    }
}
