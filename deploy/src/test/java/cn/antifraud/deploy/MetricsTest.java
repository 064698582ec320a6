package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} keeps its antifraud_* series on Micrometer, next to the JVM's, Vert.x's and the driver's. */
class MetricsTest {
    @TempDir
    Path dataDir;

    @Test
    void metricsShowTheServiceSeriesWithTurnPercentilesAndTheEcosystemSeries() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            server.chat(null, "您好，我是京东客服，您的订单异常需要退款，请提供银行卡号和验证码");
            server.postJson("/api/classify", new JsonObject().put("text", "你好"));
            HttpResponse<String> metrics = server.get("/metrics");
            assertEquals(200, metrics.statusCode());
            String body = metrics.body();
            for (String series : List.of("antifraud_messages_total{channel=\"web\"} 1.0", "antifraud_verdicts_total{risk=",
                    "antifraud_classify_total{risk=\"none\"} 1.0", "antifraud_turn_seconds_bucket{channel=\"web\",le=",
                    "antifraud_turn_seconds_count{channel=\"web\"} 1", "antifraud_turn_latency_seconds{channel=\"web\",quantile=\"0.99\"}",
                    "jvm_memory_used_bytes", "vertx_http_server_requests_total", "vertx_eventbus_handlers", "mongodb_driver_commands_seconds")) {
                assertTrue(body.contains(series), series + " missing from /metrics");
            }
        }
    }
}
