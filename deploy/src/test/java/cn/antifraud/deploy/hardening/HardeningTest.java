package cn.antifraud.deploy.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.deploy.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edge as an operator configures it: the default rate limit (60 a minute) behind a trusted proxy (each test
 * is its own client address through X-Forwarded-For), short socket timeouts, a metrics token, one-day resident
 * sessions. Against the real server.
 */
class HardeningTest {
    static final String METRICS_TOKEN = "scrape-token-0123456789";
    static final AtomicInteger CLIENTS = new AtomicInteger(10);

    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir, Map.of("RATE_LIMIT_PER_MINUTE", "60", "TRUSTED_PROXIES", "127.0.0.1,::1",
            "HTTP_HEADER_TIMEOUT_SECONDS", "2", "HTTP_IDLE_TIMEOUT_SECONDS", "3", "METRICS_TOKEN", METRICS_TOKEN,
            "RESIDENT_SESSION_DAYS", "1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A fresh client address (the proxy names it in X-Forwarded-For). */
    static String client() {
        return "203.0.113." + CLIENTS.incrementAndGet();
    }

    static HttpResponse<String> send(String method, String path, String client, String json, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(30))
            .header("X-Forwarded-For", "198.51.100.7, " + client)
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        // a client per request: with a 3 s idle timeout a pooled connection may be closed by the server just as it is reused
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
            .send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String code(HttpResponse<String> res) {
        return new JsonObject(res.body()).getJsonObject("error").getString("code");
    }

    @Test
    void theSixtyFirstRequestInAMinuteFromOneAddressIsRefusedWith429() throws Exception {
        String client = client();
        String classify = new JsonObject().put("text", "你好").encode();
        for (int i = 1; i <= 60; i++) {
            assertEquals(200, send("POST", "/api/classify", client, classify).statusCode(), "request " + i);
        }
        HttpResponse<String> limited = send("POST", "/api/chat/messages", client, classify);
        assertEquals(429, limited.statusCode());
        assertEquals("rate_limited", code(limited));
        assertTrue(limited.body().contains("秒再试"), limited.body());
        long retry = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
        assertEquals(200, send("POST", "/api/classify", client(), classify).statusCode(), "another address is not limited");
        assertEquals(200, send("GET", "/health", client, null).statusCode(), "health is not a resident's API");
    }

    @Test
    void aHalfSentRequestIsDroppedWithinTheHeaderTimeout() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("POST /api/classify HTTP/1.1\r\nHost: localhost\r\nContent-Ty");
            assertTrue(raw.closedWithin(8_000), "dropped after HTTP_HEADER_TIMEOUT_SECONDS=2");
        }
        try (Raw raw = new Raw(server.port())) {
            raw.send("POST /api/classify HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + client()
                + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"text\":");
            assertTrue(raw.closedWithin(10_000), "a body that stops coming is dropped after HTTP_IDLE_TIMEOUT_SECONDS=3");
        }
    }

    @Test
    void transcriptsAndVerdictsAreNotCachedAndMaskCardsAndPhones() throws Exception {
        String client = client();
        JsonObject answer = new JsonObject(send("POST", "/api/chat/messages", client,
            new JsonObject().put("text", "对方让我往6222020200112233445转账，联系电话13812345678").encode()).body());
        String session = answer.getString("sessionId");
        String indicators = answer.getJsonObject("analysis").getJsonArray("indicators").encode();
        assertFalse(indicators.contains("6222020200112233445") || indicators.contains("13812345678"), indicators);
        assertTrue(indicators.contains("138****5678"), indicators);
        HttpResponse<String> transcript = send("GET", "/api/chat/sessions/" + session + "/messages", client, null);
        assertEquals(200, transcript.statusCode());
        assertEquals("no-store", transcript.headers().firstValue("Cache-Control").orElse(""));
        assertFalse(new JsonObject(transcript.body()).getJsonArray("messages").getJsonObject(0).getJsonObject("analysis").encode()
            .contains("13812345678"));
        HttpResponse<String> classify = send("POST", "/api/classify", client, new JsonObject().put("text", "加我13812345678").encode());
        assertEquals("no-store", classify.headers().firstValue("Cache-Control").orElse(""));
        assertFalse(classify.body().contains("13812345678"), classify.body());
    }

    @Test
    void aWebSessionUnusedForRESIDENT_SESSION_DAYSExpires() throws Exception {
        String client = client();
        String session = new JsonObject(send("POST", "/api/chat/messages", client, new JsonObject().put("text", "你好").encode()).body())
            .getString("sessionId");
        assertEquals(200, send("GET", "/api/chat/sessions/" + session + "/messages", client, null).statusCode());
        Date twoDaysAgo = Date.from(Instant.now().minus(Duration.ofDays(2)));
        server.app().store().collection("messages").updateMany(new Document("sessionKey", "web:" + session),
            new Document("$set", new Document("createdAt", twoDaysAgo)));
        // the session's open conversation records when its last message was stored: age that too, as two idle days would
        server.app().store().collection("conversations").updateMany(new Document("sessionKey", "web:" + session),
            new Document("$set", new Document("lastAt", twoDaysAgo)));
        HttpResponse<String> expired = send("GET", "/api/chat/sessions/" + session + "/messages", client, null);
        assertEquals(404, expired.statusCode());
        assertEquals("unknown_session", code(expired));
        // a turn checks the session it reads anyway: the same answer, and nothing stored for the expired session
        HttpResponse<String> turn = send("POST", "/api/chat/messages", client,
            new JsonObject().put("sessionId", session).put("text", "还在吗").encode());
        assertEquals(404, turn.statusCode());
        assertEquals("unknown_session", code(turn));
        assertEquals(0, server.app().store().collection("messages").countDocuments(new Document("text", "还在吗")));
    }

    @Test
    void pagesCarryCspNosniffAndFrameAncestorsAndRevalidateTheirScripts() throws Exception {
        for (String path : new String[] {"/", "/chat.js", "/console/", "/console/console.js"}) {
            HttpResponse<String> page = send("GET", path, client(), null);
            assertEquals(200, page.statusCode(), path);
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            String cache = page.headers().firstValue("Cache-Control").orElse("");
            assertFalse(cache.contains("immutable"), path + ": " + cache);
            assertEquals("no-cache", cache, path);
        }
    }

    @Test
    void anUnsatisfiableRangeAndAWrongMethodAnswer4xxWithTheErrorBody() throws Exception {
        HttpResponse<String> range = send("GET", "/chat.js", client(), null, "Range", "bytes=99999999-");
        assertEquals(416, range.statusCode(), range.body());
        HttpResponse<String> method = send("DELETE", "/api/chat/messages", client(), null);
        assertEquals(405, method.statusCode(), method.body());
        assertEquals("method_not_allowed", code(method));
        assertEquals(405, send("POST", "/health", client(), "{}").statusCode());
        assertEquals(404, send("GET", "/no/such/page", client(), null).statusCode());
    }

    @Test
    void metricsNeedTheBearerTokenWhenOneIsSet() throws Exception {
        assertEquals(401, send("GET", "/metrics", client(), null).statusCode());
        assertEquals(401, send("GET", "/metrics", client(), null, "Authorization", "Bearer wrong").statusCode());
        HttpResponse<String> ok = send("GET", "/metrics", client(), null, "Authorization", "Bearer " + METRICS_TOKEN);
        assertEquals(200, ok.statusCode());
        assertTrue(ok.body().contains("# TYPE"), ok.body());
    }

    @Test
    void aWebSocketTextFrameThatIsNotUtf8IsRefusedNotStored() throws Exception {
        String client = client();
        String session = new JsonObject(send("POST", "/api/chat/messages", client, new JsonObject().put("text", "你好").encode()).body())
            .getString("sessionId");
        long before = server.app().store().collection("messages").countDocuments(new Document("sessionKey", "web:" + session));
        try (Raw raw = new Raw(server.port())) {
            assertTrue(raw.upgrade("/ws/chat?sessionId=" + session).startsWith("HTTP/1.1 101"));
            byte[] json = "{\"type\":\"message\",\"text\":\"XX\"}".getBytes(StandardCharsets.UTF_8);
            int at = new String(json, StandardCharsets.ISO_8859_1).indexOf("XX");
            json[at] = (byte) 0xC3;
            json[at + 1] = (byte) 0x28;
            raw.textFrame(json);
            byte[] frame = raw.nextFrame();
            while (frame[0] != 0x8) {
                frame = raw.nextFrame();
            }
            assertEquals(1007, ((frame[1] & 0xff) << 8) | (frame[2] & 0xff), "closed as invalid payload data");
        }
        assertEquals(before, server.app().store().collection("messages").countDocuments(new Document("sessionKey", "web:" + session)));
        assertNull(server.app().store().collection("messages").find(new Document("text", new Document("$regex", "\uFFFD"))).first());
    }

    @Test
    void aTwoThousandDigitMessageIsAnsweredInWellUnderASecond() throws Exception {
        String client = client();
        String digits = new JsonObject().put("text", "1".repeat(2000)).encode();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            assertEquals(200, send("POST", "/api/classify", client, digits).statusCode());
            best = Math.min(best, System.nanoTime() - start);
        }
        // the figure is "well under 100 ms" (docs/benchmarks.md); a second is the generous bound on a shared machine
        assertTrue(best < 1_000_000_000L, best / 1_000_000 + " ms");
    }
}
