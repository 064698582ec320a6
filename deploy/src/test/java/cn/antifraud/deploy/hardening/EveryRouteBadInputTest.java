package cn.antifraud.deploy.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.deploy.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus over every route, as a signed-in admin (so the officer routes reach their handlers past
 * the gate): broken and mistyped bodies, wrong encodings, entities, repeated form keys, odd ids and queries,
 * broken Range headers. Nothing may answer 500 or above, and every refusal is the contract's error body.
 */
class EveryRouteBadInputTest {
    static final String[][] ROUTES = {
        {"GET", "/"}, {"GET", "/chat.js"}, {"GET", "/console/"}, {"GET", "/health"}, {"GET", "/metrics"},
        {"GET", "/webjars/echarts/5.3.1/dist/echarts.min.js"},
        {"POST", "/api/chat/messages"}, {"GET", "/api/chat/sessions/ID/messages"}, {"POST", "/api/classify"}, {"GET", "/ws/chat"},
        {"POST", "/twilio/sms"}, {"POST", "/twilio/sms/status"}, {"POST", "/twilio/voice"}, {"POST", "/twilio/voice/gather"},
        {"GET", "/wechat"}, {"POST", "/wechat"},
        {"POST", "/api/officer/login"}, {"GET", "/api/officer/me"}, {"GET", "/api/officer/colleagues"},
        {"GET", "/api/officer/queue"}, {"GET", "/api/officer/conversations/ID"},
        {"POST", "/api/officer/conversations/ID/claim"}, {"POST", "/api/officer/conversations/ID/messages"},
        {"POST", "/api/officer/conversations/ID/notes"}, {"POST", "/api/officer/conversations/ID/transfer"},
        {"POST", "/api/officer/conversations/ID/handback"}, {"POST", "/api/officer/conversations/ID/close"},
        {"POST", "/api/officer/conversations/ID/case"}, {"GET", "/api/officer/cases/ID"}, {"POST", "/api/officer/cases/ID/status"},
        {"GET", "/api/officer/followups"}, {"POST", "/api/officer/followups/ID/send"}, {"POST", "/api/officer/followups/ID/done"},
        {"GET", "/api/officer/stats"}, {"GET", "/api/officer/stats.csv"}, {"GET", "/api/officer/audit"},
        {"GET", "/api/officer/accounts"}, {"POST", "/api/officer/accounts"}, {"POST", "/api/officer/accounts/ID/password"},
        {"POST", "/api/officer/accounts/ID/role"}, {"POST", "/api/officer/accounts/ID/disabled"},
        {"GET", "/api/officer/kb/types"}, {"GET", "/api/officer/kb/types/ID"}, {"PUT", "/api/officer/kb/types/ID"},
        {"GET", "/api/officer/kb/types/ID/history"}, {"POST", "/api/officer/kb/types/ID/revert"},
        {"POST", "/api/officer/kb/indicators"}, {"GET", "/api/officer/kb/review"}, {"GET", "/api/officer/kb/corpus"},
        {"POST", "/api/officer/kb/corpus"}, {"POST", "/api/officer/kb/corpus/import"}, {"DELETE", "/api/officer/kb/corpus/ID"},
        {"GET", "/api/officer/kb/training/ID"}, {"GET", "/api/officer/kb/models"}, {"GET", "/api/officer/kb/models/running"},
        {"POST", "/api/officer/kb/models/ID/restore"}, {"GET", "/api/officer/kb/audit"},
        {"POST", "/api/officer/logout"},
    };
    static final String[] IDS = {"x", "%00", "..%2F..%2Fetc%2Fpasswd", "%E6%B5%8B%E8%AF%95", "a".repeat(300), "%FF%FE"};
    static final String[] QUERIES = {"", "?after=abc", "?after=-1&limit=-5", "?limit=99999999999999999999&target=%FF%FE",
        "?sessionId=%00&echostr=&timestamp=abc&nonce=&signature=zz"};

    record Body(String contentType, byte[] bytes) {
    }

    static List<Body> bodies() {
        List<Body> b = new ArrayList<>();
        b.add(new Body(null, new byte[0]));
        b.add(new Body("application/json", "{\"text\": ".getBytes(StandardCharsets.UTF_8)));
        b.add(new Body("application/json", "[1,2]".getBytes(StandardCharsets.UTF_8)));
        b.add(new Body("application/json", "{\"text\":\"你好\"}".getBytes(Charset.forName("GBK"))));
        b.add(new Body("application/json", ("{\"text\":\"" + "骗".repeat(40_000) + "\"}").getBytes(StandardCharsets.UTF_8)));
        b.add(new Body("application/json", new JsonObject().put("text", 123).put("sessionId", List.of()).put("username", Map.of())
            .put("password", 1).put("disposition", (Object) null).put("to", 5).put("status", 7).put("amountSaved", "x").put("tsv", 1)
            .put("role", "god").put("disabled", "yes").put("type", List.of()).put("value", 3).put("label", Map.of())
            .encode().getBytes(StandardCharsets.UTF_8)));
        b.add(new Body("application/json", new JsonObject().put("text", "\u0000\uFFFF😀").put("username", "admin").put("password", "")
            .put("disposition", "劝阻成功").put("amountSaved", -1).put("to", "admin").put("status", "closed").put("role", "")
            .put("tsv", "a\tb\n\t\t").put("type", "phone").put("value", "").encode().getBytes(StandardCharsets.UTF_8)));
        b.add(new Body("text/xml", ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + "<xml><FromUserName>&e;</FromUserName><MsgType>text</MsgType><Content>x</Content></xml>").getBytes(StandardCharsets.UTF_8)));
        b.add(new Body("text/xml", "<xml><Encrypt>not-base64!!</Encrypt><MsgType>event</MsgType></xml>".getBytes(StandardCharsets.UTF_8)));
        b.add(new Body("application/x-www-form-urlencoded",
            "From=%2B8613900000099&From=x&Body=%ZZ&CallSid=CA1&CallSid=CA2&Digits=%E0%A4&MessageSid=".getBytes(StandardCharsets.UTF_8)));
        b.add(new Body("application/x-www-form-urlencoded", ("Body=" + "%E9%AA%97".repeat(3000) + "&From=1").getBytes(StandardCharsets.UTF_8)));
        b.add(new Body("multipart/form-data; boundary=zz",
            "--zz\r\nContent-Disposition: form-data; name=\"f\"; filename=\"../../x\"\r\n\r\nx\r\n--zz--".getBytes(StandardCharsets.UTF_8)));
        return b;
    }

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
    }

    @Test
    void noRouteAnswers500OrAboveToAnyBadInput() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/officer/login")))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                new JsonObject().put("username", "admin").put("password", "test-admin-password").encode())).build(),
            HttpResponse.BodyHandlers.ofString());
        String csrf = new JsonObject(login.body()).getString("csrfToken");
        List<String> failures = new ArrayList<>();
        int answers = 0;
        for (String[] route : ROUTES) {
            for (int v = 0; v < IDS.length; v++) {
                String path = route[1].replace("ID", IDS[v]) + QUERIES[v % QUERIES.length];
                if (!route[1].contains("ID") && v > 0 && v >= QUERIES.length) {
                    continue;
                }
                for (Body body : bodies()) {
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(30))
                        .header("X-CSRF-Token", csrf).header("Range", v % 2 == 0 ? "bytes=zz-" : "bytes=999999999-");
                    if (body.contentType() != null) {
                        b.header("Content-Type", body.contentType());
                    }
                    boolean sendsBody = !route[0].equals("GET");
                    b.method(route[0], sendsBody ? HttpRequest.BodyPublishers.ofByteArray(body.bytes()) : HttpRequest.BodyPublishers.noBody());
                    HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    answers++;
                    if (res.statusCode() >= 500) {
                        failures.add(res.statusCode() + " " + route[0] + " " + path + " <" + body.contentType() + "> " + res.body());
                    } else if (res.statusCode() >= 400 && !errorBody(res.body())) {
                        failures.add("no error body: " + res.statusCode() + " " + route[0] + " " + path + " " + res.body());
                    }
                    if (!sendsBody) {
                        break;
                    }
                }
            }
        }
        assertTrue(answers > 1000, answers + " answers");
        assertEquals(List.of(), failures, failures.size() + " of " + answers + " answers failed");
    }

    static boolean errorBody(String body) {
        try {
            JsonObject error = new JsonObject(body).getJsonObject("error");
            return error != null && !error.getString("code", "").isBlank() && !error.getString("message", "").isBlank();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
