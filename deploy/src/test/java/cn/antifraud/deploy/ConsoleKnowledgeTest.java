package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knowledge-base API sits behind the console's login, CSRF check and roles. */
class ConsoleKnowledgeTest {
    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
        server = null;
    }

    @Test
    void onlyASignedInSupervisorWithTheCsrfTokenReachesTheKnowledgeBaseApi() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(server.url("/api/officer/kb/types"))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        OfficerClient admin = OfficerClient.loggedIn(server, "admin", "test-admin-password");
        assertEquals(200, admin.get("/kb/types").statusCode());
        JsonObject body = new JsonObject().put("type", "phone").put("value", "13800001111").put("scamType", "impersonate_police");
        assertEquals(403, admin.postWithToken("/kb/indicators", body, null).statusCode());
        assertEquals(200, admin.post("/kb/indicators", body).statusCode());
        assertEquals("admin", new io.vertx.core.json.JsonArray(admin.get("/kb/audit?target=indicator:").body()).getJsonObject(0)
            .getString("actor"));
    }

    @Test
    void supervisorsReadTheConsoleAndTheKnowledgeBaseInOneAuditUnderTheOfficersUsername() throws Exception {
        OfficerClient admin = OfficerClient.loggedIn(server, "admin", "test-admin-password");
        JsonObject body = new JsonObject().put("type", "phone").put("value", "13900002222").put("scamType", "impersonate_police");
        assertEquals(200, admin.post("/kb/indicators", body).statusCode());
        io.vertx.core.json.JsonArray mine = admin.getOk("/audit?actor=admin&limit=200").getJsonArray("audit");
        java.util.Set<String> actions = new java.util.HashSet<>();
        mine.forEach(o -> actions.add(((JsonObject) o).getString("action")));
        assertTrue(actions.contains("login") && actions.contains("indicator.add"), actions.toString());
        JsonObject entry = mine.stream().map(JsonObject.class::cast).filter(e -> "indicator.add".equals(e.getString("action")))
            .findFirst().orElseThrow();
        assertEquals("admin", entry.getString("actor"));
        assertTrue(entry.getString("at") != null && entry.getString("target").startsWith("indicator:phone:"), entry.encode());
        assertFalse(entry.encode().contains("13900002222"), "the number is masked in the audit");
    }
}
