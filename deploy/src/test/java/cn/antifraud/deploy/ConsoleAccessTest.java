package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logins, sessions, lockout, account management and the live feed against the real server. */
class ConsoleAccessTest {
    static final String PASSWORD = "officer-password-1";
    @TempDir
    static Path dataDir;
    static TestServer server;
    static OfficerClient admin;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        admin = OfficerClient.loggedIn(server, "admin", "test-admin-password");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static void create(String username, String role) throws Exception {
        admin.postOk("/accounts", new JsonObject().put("username", username).put("password", PASSWORD).put("role", role));
    }

    @Test
    void theLoginCookieIsHttpOnlySameSiteStrictAndEveryLoginGetsANewSessionId() throws Exception {
        create("alice", "officer");
        OfficerClient c = new OfficerClient(server);
        HttpResponse<String> first = c.login("alice", PASSWORD);
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        String lower = cookie.toLowerCase(java.util.Locale.ROOT);
        assertTrue(lower.contains("; httponly") && lower.contains("samesite=strict") && lower.contains("path=/api/officer"), cookie);
        assertTrue(!lower.contains("secure"), "plain http: no Secure flag, or the browser would drop it: " + cookie);
        assertNotNull(new JsonObject(first.body()).getString("csrfToken"));
        String firstId = c.sessionCookie();
        String firstCsrf = c.csrf;
        c.login("alice", PASSWORD);
        assertNotEquals(firstId, c.sessionCookie());
        assertNotEquals(firstCsrf, c.csrf);
        HttpResponse<String> old = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url("/api/officer/me")))
            .header("Cookie", "af_officer=" + firstId).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, old.statusCode(), "the session of the earlier login ended");
        assertEquals("alice", c.getOk("/me").getString("username"));
        HttpResponse<String> form = server.post("/api/officer/login", "text/plain",
            new JsonObject().put("username", "alice").put("password", PASSWORD).encode().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(415, form.statusCode(), "a cross-site form post cannot log a browser in");
    }

    @Test
    void logoutEndsTheSessionOnTheServer() throws Exception {
        create("bob12", "officer");
        OfficerClient c = OfficerClient.loggedIn(server, "bob12", PASSWORD);
        String id = c.sessionCookie();
        c.postOk("/logout", new JsonObject());
        HttpResponse<String> replay = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url("/api/officer/queue")))
            .header("Cookie", "af_officer=" + id).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, replay.statusCode());
    }

    @Test
    void twelveWrongPasswordsInARowSlowTheAccountDownButTheRightOneSucceedsWithinAMinute() throws Exception {
        create("carol", "officer");
        OfficerClient c = new OfficerClient(server);
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> res = c.login("carol", "wrong-password-" + i);
            assertEquals(401, res.statusCode());
            assertEquals("bad_credentials", OfficerClient.code(res));
        }
        HttpResponse<String> slowed = c.login("carol", PASSWORD);
        assertEquals(429, slowed.statusCode(), "even the right password waits after three failures");
        assertTrue(slowed.headers().firstValue("Retry-After").isPresent());
        assertTrue(slowed.body().contains("秒后再试"), slowed.body());
        for (int i = 4; i <= 12; i++) {
            int status = c.login("carol", "wrong-password-" + i).statusCode();
            assertTrue(status == 401 || status == 429, "slowed down, never locked: " + status);
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        HttpResponse<String> res = c.login("carol", PASSWORD);
        while (res.statusCode() == 429 && System.nanoTime() < deadline) {
            Thread.sleep(1000 * Long.parseLong(res.headers().firstValue("Retry-After").orElseThrow()));
            res = c.login("carol", PASSWORD);
        }
        assertEquals(200, res.statusCode(), res.body());
        assertTrue(admin.getOk("/audit?target=account:carol").getJsonArray("audit", new JsonArray()).stream()
            .filter(e -> "login.failed".equals(((JsonObject) e).getString("action"))).count() >= 3, "the burst is in the audit log");
    }

    @Test
    void adminsCreateDisableAndPromoteAccounts() throws Exception {
        create("dave1", "officer");
        assertEquals(409, admin.post("/accounts", new JsonObject().put("username", "dave1").put("password", PASSWORD)).statusCode());
        assertEquals(400, admin.post("/accounts", new JsonObject().put("username", "eve12").put("password", "short")).statusCode());
        assertEquals(400, admin.post("/accounts", new JsonObject().put("username", "eve12").put("password", PASSWORD)
            .put("role", "chief")).statusCode());
        OfficerClient dave = OfficerClient.loggedIn(server, "dave1", PASSWORD);
        assertEquals(403, dave.get("/audit").statusCode());
        admin.postOk("/accounts/dave1/role", new JsonObject().put("role", "supervisor"));
        assertEquals(401, dave.get("/queue").statusCode(), "a new role ends the old sessions");
        dave = OfficerClient.loggedIn(server, "dave1", PASSWORD);
        assertEquals(200, dave.get("/audit").statusCode());
        admin.postOk("/accounts/dave1/disabled", new JsonObject().put("disabled", true));
        assertEquals(401, dave.get("/queue").statusCode());
        HttpResponse<String> refused = dave.login("dave1", PASSWORD);
        assertEquals(401, refused.statusCode(), "a disabled account answers like a wrong password");
        assertEquals("bad_credentials", OfficerClient.code(refused));
        assertEquals(409, admin.post("/accounts/admin/disabled", new JsonObject().put("disabled", true)).statusCode());
        JsonObject audit = admin.getOk("/audit?actor=admin&limit=50");
        assertTrue(audit.encode().contains("account.disable") && audit.encode().contains("account.role"), audit.encode());
    }

    @Test
    void theLiveFeedPushesEscalationsAndTheirMessagesButNotResidentsTalkingToTheBot() throws Exception {
        create("frank", "officer");
        OfficerClient c = OfficerClient.loggedIn(server, "frank", PASSWORD);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> feed = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/officer/events")))
            .header("Cookie", "af_officer=" + c.sessionCookie()).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, feed.statusCode());
        assertTrue(feed.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        Iterator<String> lines = feed.body().iterator();
        while (!lines.next().startsWith("event: hello")) {
            // skip the retry line
        }
        server.chat(null, "请问这个快递短信是真的吗，只是随便问问");
        JsonObject answer = server.chat(null, "转人工");
        String id = answer.getJsonObject("conversation").getString("id");
        StringBuilder seen = new StringBuilder();
        String line = "";
        while (!line.startsWith("event: escalation")) {
            line = lines.next();
            seen.append(line).append('\n');
        }
        String data = lines.next();
        assertTrue(data.startsWith("data: ") && data.contains(id), data);
        c.postOk("/conversations/" + id + "/claim", new JsonObject());
        c.postOk("/conversations/" + id + "/messages", new JsonObject().put("text", "民警在线，请讲"));
        while (!line.contains("民警在线，请讲")) {
            line = lines.next();
            seen.append(line).append('\n');
        }
        assertFalse(seen.toString().contains("只是随便问问"), "a chat with the bot alone never reaches the console: " + seen);
        feed.body().close();
    }

    @Test
    void theFirstAdminGetsAGeneratedPasswordPrintedExactlyOnce(@TempDir Path dir) throws Exception {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        String printed;
        try {
            try (TestServer s = TestServer.start(dir, java.util.Map.of("ADMIN_PASSWORD", "", "ADMIN_USERNAME", "chief"))) {
                printed = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
            }
            try (TestServer s = TestServer.start(dir, java.util.Map.of("ADMIN_PASSWORD", "", "ADMIN_USERNAME", "chief",
                "PUBLIC_BASE_URL", "https://hotline.example.cn"))) {
                String all = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
                var m = java.util.regex.Pattern.compile("generated password '([^']+)'").matcher(printed);
                assertTrue(m.find(), printed);
                assertEquals(1, all.split("generated password", -1).length - 1, "printed once, not again at the next start");
                HttpResponse<String> login = new OfficerClient(s).login("chief", m.group(1));
                assertEquals(200, login.statusCode());
                assertTrue(login.headers().firstValue("Set-Cookie").orElse("").toLowerCase(java.util.Locale.ROOT).contains("; secure"),
                    "behind https the cookie is Secure");
            }
        } finally {
            System.setErr(original);
        }
    }
}
