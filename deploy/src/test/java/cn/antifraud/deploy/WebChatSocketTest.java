package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class WebChatSocketTest {
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

    private WebSocketConnectOptions options(String sessionId) {
        return new WebSocketConnectOptions().setHost("localhost").setPort(server.port())
            .setURI("/ws/chat?sessionId=" + sessionId);
    }

    @Test
    void aMessageSentOverTheSocketIsAnsweredAndBothSidesArePushedInOrder(Vertx vertx, VertxTestContext test) throws Exception {
        String session = server.chat(null, "你好").getString("sessionId");
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setClosingTimeout(2));
        List<JsonObject> pushed = new ArrayList<>();
        client.connect(options(session)).onComplete(test.succeeding(ws -> {
            ws.textMessageHandler(text -> {
                JsonObject frame = new JsonObject(text);
                if ("message".equals(frame.getString("type"))) {
                    pushed.add(frame.getJsonObject("message"));
                }
                if (pushed.size() == 2) {
                    test.verify(() -> {
                        assertEquals("resident", pushed.get(0).getString("sender"));
                        assertEquals("bot", pushed.get(1).getString("sender"));
                        assertEquals(3L, pushed.get(0).getLong("seq"));
                        assertTrue(pushed.get(1).getLong("seq") > pushed.get(0).getLong("seq"));
                    });
                    // close explicitly so the test's Vert.x instance shuts down at once
                    ws.close().onComplete(v -> client.close().onComplete(c -> test.completeNow()));
                }
            });
            ws.writeTextMessage(new JsonObject().put("type", "message").put("text", "有人让我下载一个会议软件共享屏幕").encode());
        }));
        assertTrue(test.awaitCompletion(30, TimeUnit.SECONDS));
    }

    @Test
    void aSocketForAnUnknownSessionIsClosed(Vertx vertx, VertxTestContext test) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setClosingTimeout(2));
        client.connect(options("wunknownsession00000")).onComplete(test.succeeding(ws ->
            ws.closeHandler(v -> test.verify(() -> {
                assertEquals((short) 4404, ws.closeStatusCode());
                test.completeNow();
            }))));
        assertTrue(test.awaitCompletion(30, TimeUnit.SECONDS));
    }
}
