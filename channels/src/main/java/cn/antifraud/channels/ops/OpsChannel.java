package cn.antifraud.channels.ops;

import cn.antifraud.channels.http.HttpChannel;
import cn.antifraud.core.storage.Store;
import cn.antifraud.channels.http.Errors;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * {@code GET /health} (200 when serving, with each dependency's state and the version of the model running at the
 * time of the request, which changes after a retrain or restore) and {@code GET /metrics}.
 */
public final class OpsChannel implements HttpChannel {
    private final Vertx vertx;
    private final Store store;
    private final Metrics metrics;
    private final Supplier<String> modelVersion;
    private final Supplier<JsonObject> cluster;
    private final String metricsToken;

    /**
     * {@code metricsToken} null leaves /metrics open (a scraper on a private network); set, it needs the bearer token.
     * {@code cluster} answers {@code checks.cluster} ({members, nodeId}), or null when the node runs alone.
     */
    public OpsChannel(Vertx vertx, Store store, Metrics metrics, Supplier<String> modelVersion, String metricsToken,
                      Supplier<JsonObject> cluster) {
        this.metricsToken = metricsToken;
        this.vertx = vertx;
        this.store = store;
        this.metrics = metrics;
        this.modelVersion = modelVersion;
        this.cluster = cluster;
    }

    @Override
    public void mount(Router router) {
        router.get("/health").handler(ctx -> vertx.executeBlocking(store::ping, false).onComplete(ar -> {
            boolean up = ar.succeeded() && ar.result();
            JsonObject checks = new JsonObject()
                .put("storage", new JsonObject().put("status", up ? "up" : "down").put("embedded", store.embedded()))
                .put("classifier", new JsonObject().put("status", "up").put("model", modelVersion.get()));
            JsonObject clusterCheck = cluster.get();
            if (clusterCheck != null) {
                checks.put("cluster", clusterCheck);
            }
            JsonObject body = new JsonObject().put("status", up ? "ok" : "degraded").put("checks", checks);
            ctx.response().setStatusCode(up ? 200 : 503);
            ctx.json(body);
        }));
        router.get("/metrics").handler(ctx -> {
            if (metricsToken != null && !bearer(ctx.request().getHeader("Authorization"))) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                Errors.send(ctx, 401, "unauthorized", "需要 METRICS_TOKEN 令牌");
                return;
            }
            ctx.response().putHeader("Cache-Control", "no-store")
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.render());
        });
    }

    private boolean bearer(String header) {
        return header != null && header.startsWith("Bearer ") && MessageDigest.isEqual(
            metricsToken.getBytes(StandardCharsets.UTF_8), header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }
}
