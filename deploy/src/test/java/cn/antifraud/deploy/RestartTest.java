package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartTest {
    @TempDir
    Path dataDir;

    @Test
    void aConversationSurvivesAServerRestartOnTheSameDataDir() throws Exception {
        String session;
        String conversationId;
        JsonArray before;
        try (TestServer server = TestServer.start(dataDir)) {
            JsonObject first = server.chat(null, "你好");
            session = first.getString("sessionId");
            conversationId = first.getJsonObject("conversation").getString("id");
            server.chat(session, "对方说我涉嫌洗钱，要我把钱转到安全账户");
            before = new JsonObject(server.get("/api/chat/sessions/" + session + "/messages").body()).getJsonArray("messages");
            assertEquals(4, before.size());
        }
        try (TestServer server = TestServer.start(dataDir)) {
            JsonArray after = new JsonObject(server.get("/api/chat/sessions/" + session + "/messages").body()).getJsonArray("messages");
            assertEquals(before, after);
            JsonObject next = server.chat(session, "谢谢");
            assertEquals(conversationId, next.getJsonObject("conversation").getString("id"));
            JsonArray all = new JsonObject(server.get("/api/chat/sessions/" + session + "/messages").body()).getJsonArray("messages");
            assertEquals(6, all.size());
            assertEquals(6L, all.getJsonObject(5).getLong("seq"));
        }
    }
}
