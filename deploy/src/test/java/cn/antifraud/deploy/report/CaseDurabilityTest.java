package cn.antifraud.deploy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.deploy.TestServer;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A case number shown to a victim survives the server being killed (no clean shutdown) right after. */
class CaseDurabilityTest {
    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aCaseWhoseNumberWasShownIsCompleteAfterTheServerIsKilledAndRestarted() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), "cn.antifraud.deploy.Main");
        pb.environment().putAll(TestServer.env(dataDir, java.util.Map.of("PORT", String.valueOf(port))));
        File log = dataDir.resolve("server.log").toFile();
        pb.redirectErrorStream(true).redirectOutput(log);
        Process process = pb.start();
        String base = "http://localhost:" + port;
        String card = Victim.card("622100556677889900");
        String caseNo;
        String session;
        try {
            waitForHealth(base, process, log);
            session = null;
            JsonObject answer = null;
            for (String text : List.of("我被骗了，三天前被冒充客服骗了两万，转到了" + card, "是的", "网银转账", "13766667777", "王五",
                "海淀区", "确认提交")) {
                answer = chat(base, session, text);
                session = answer.getString("sessionId");
            }
            caseNo = answer.getString("caseNo");
            assertNotNull(caseNo, answer.encode());
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        try (TestServer server = TestServer.start(dataDir)) {
            JsonObject c = server.app().services().cases().find(caseNo).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).orElseThrow(() -> new AssertionError("case " + caseNo + " lost after kill -9"));
            assertEquals("20000", c.getString("amount"));
            assertEquals(card, c.getJsonArray("receivers").getJsonObject(0).getString("value"));
            assertEquals("13766667777", c.getJsonObject("contact").getString("phone"));
            assertEquals("王五", c.getJsonObject("contact").getString("name"));
            assertEquals("海淀区", c.getJsonObject("contact").getString("district"));
            assertEquals("bank_transfer", c.getString("method"));
            assertEquals("new", c.getString("status"));
            JsonObject again = server.chat(session, "确认提交");
            assertEquals(caseNo, again.getString("caseNo"));
            assertTrue(TestServer.replyText(again).contains("已经提交过了"), TestServer.replyText(again));
        }
    }

    private void waitForHealth(String base, Process process, File log) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited: " + Files.readString(log.toPath()));
            }
            try {
                HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("server did not become healthy: " + Files.readString(log.toPath()));
    }

    private JsonObject chat(String base, String session, String text) throws Exception {
        JsonObject body = new JsonObject().put("text", text);
        if (session != null) {
            body.put("sessionId", session);
        }
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/api/chat/messages"))
            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), res.body());
        return new JsonObject(res.body());
    }
}
