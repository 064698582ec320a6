package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {
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

    private static void assertError(HttpResponse<String> res, int status, String code) {
        assertEquals(status, res.statusCode(), res.body());
        JsonObject error = new JsonObject(res.body()).getJsonObject("error");
        assertEquals(code, error.getString("code"));
        assertFalse(error.getString("message").isBlank());
    }

    private static HttpResponse<String> postRaw(String body) throws Exception {
        return server.post("/api/chat/messages", "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void emptyTextIsRefused() throws Exception {
        assertError(postRaw("{\"text\":\"\"}"), 400, "empty_text");
    }

    @Test
    void whitespaceOnlyTextIsRefused() throws Exception {
        assertError(postRaw("{\"text\":\"   \\n\\t　\"}"), 400, "empty_text");
    }

    @Test
    void textOverTwoThousandCharactersIsRefused() throws Exception {
        assertError(server.postJson("/api/chat/messages", new JsonObject().put("text", "骗".repeat(2001))), 400, "text_too_long");
    }

    @Test
    void exactlyTwoThousandCharactersIsAccepted() throws Exception {
        assertEquals(200, server.postJson("/api/chat/messages", new JsonObject().put("text", "转".repeat(2000))).statusCode());
    }

    @Test
    void malformedJsonIsRefused() throws Exception {
        assertError(postRaw("{\"text\": \"你好\""), 400, "malformed_json");
    }

    @Test
    void aJsonArrayInsteadOfAnObjectIsRefused() throws Exception {
        assertError(postRaw("[\"你好\"]"), 400, "malformed_json");
    }

    @Test
    void aMissingTextFieldIsRefused() throws Exception {
        assertError(postRaw("{\"sessionId\":null}"), 400, "missing_field");
    }

    @Test
    void aNumberWhereTextBelongsIsRefused() throws Exception {
        assertError(postRaw("{\"text\": 12345}"), 400, "invalid_field");
    }

    @Test
    void aNumberWhereTheSessionIdBelongsIsRefused() throws Exception {
        assertError(postRaw("{\"text\": \"你好\", \"sessionId\": 42}"), 400, "invalid_field");
    }

    @Test
    void anUnknownSessionIsNotFound() throws Exception {
        assertError(postRaw("{\"text\": \"你好\", \"sessionId\": \"wdoesnotexist000000\"}"), 404, "unknown_session");
        assertError(server.get("/api/chat/sessions/wdoesnotexist000000/messages"), 404, "unknown_session");
    }

    @Test
    void aBadAfterParameterIsRefused() throws Exception {
        String session = server.chat(null, "你好").getString("sessionId");
        assertError(server.get("/api/chat/sessions/" + session + "/messages?after=abc"), 400, "invalid_parameter");
        assertError(server.get("/api/chat/sessions/" + session + "/messages?after=-1"), 400, "invalid_parameter");
    }

    @Test
    void anOversizeBodyIsRefusedWithoutReadingItAll() throws Exception {
        byte[] big = ("{\"text\":\"" + "a".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertError(server.post("/api/chat/messages", "application/json", big), 413, "body_too_large");
    }

    @Test
    void nonUtf8BytesAreRefused() throws Exception {
        byte[] gbk = "{\"text\":\"你好\"}".getBytes(java.nio.charset.Charset.forName("GBK"));
        assertError(server.post("/api/chat/messages", "application/json", gbk), 400, "invalid_encoding");
    }

    @Test
    void anEmptyBodyIsRefused() throws Exception {
        assertError(server.post("/api/chat/messages", "application/json", new byte[0]), 400, "empty_body");
    }

    @Test
    void classifyRefusesBadInputTheSameWay() throws Exception {
        assertError(server.post("/api/classify", "application/json", "{}".getBytes(StandardCharsets.UTF_8)), 400, "missing_field");
        assertError(server.post("/api/classify", "application/json", "nope".getBytes(StandardCharsets.UTF_8)), 400, "malformed_json");
    }

    @Test
    void emojiOnlyAndBinaryJunkGetAnAnswerNotACrash() throws Exception {
        assertEquals(200, server.postJson("/api/classify", new JsonObject().put("text", "😀😀🙏🙏")).statusCode());
        assertEquals(200, server.postJson("/api/classify", new JsonObject().put("text", "\u0001\u0002\uFFFD\u0000abc")).statusCode());
    }

    @Test
    void anUnknownRouteAnswersTheErrorBody() throws Exception {
        assertError(server.get("/api/nothing-here"), 404, "not_found");
    }
}
