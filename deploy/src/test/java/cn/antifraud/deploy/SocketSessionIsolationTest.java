package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A web-chat socket is pushed its own session's messages and nobody else's. */
class SocketSessionIsolationTest {
    @TempDir
    Path dataDir;

    @Test
    void aSocketReceivesOnlyItsOwnSessionsMessages() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            String a = server.chat(null, "你好").getString("sessionId");
            String b = server.chat(null, "你好").getString("sessionId");
            HttpClient http = HttpClient.newHttpClient();
            Frames framesA = new Frames();
            Frames framesB = new Frames();
            WebSocket socketA = open(http, server, a, framesA);
            WebSocket socketB = open(http, server, b, framesB);
            try {
                server.chat(b, "我收到一条短信说我的快递丢了要理赔");
                List<JsonObject> ofB = framesB.messages(2);
                assertEquals("我收到一条短信说我的快递丢了要理赔", ofB.get(0).getString("text"));
                // Pushes to one socket arrive in order: had B's messages reached A, they would come before this one.
                server.chat(a, "谢谢");
                List<JsonObject> ofA = framesA.messages(2);
                assertEquals("谢谢", ofA.get(0).getString("text"), "socket A was pushed another session's message: " + ofA);
                assertEquals("resident", ofA.get(0).getString("sender"));
                assertEquals("bot", ofA.get(1).getString("sender"));
            } finally {
                socketA.abort();
                socketB.abort();
            }
        }
    }

    private static WebSocket open(HttpClient http, TestServer server, String session, Frames frames) throws Exception {
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://localhost:" + server.port() + "/ws/chat?sessionId=" + session),
            frames).get(10, TimeUnit.SECONDS);
        // pushes start once the socket says it is listening ({"type":"ready"}); a message sent before that is not pushed
        if (!frames.ready.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the socket never said it was ready");
        }
        return ws;
    }

    /** Collects the socket's {"type":"message"} frames. */
    private static final class Frames implements WebSocket.Listener {
        private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonObject frame = new JsonObject(partial.toString());
                partial.setLength(0);
                if ("message".equals(frame.getString("type"))) {
                    messages.add(frame.getJsonObject("message"));
                } else if ("ready".equals(frame.getString("type"))) {
                    ready.countDown();
                }
            }
            ws.request(1);
            return null;
        }

        List<JsonObject> messages(int count) throws InterruptedException {
            List<JsonObject> out = new java.util.ArrayList<>();
            while (out.size() < count) {
                JsonObject m = messages.poll(30, TimeUnit.SECONDS);
                if (m == null) {
                    throw new AssertionError("no push within 30 s; got " + out);
                }
                out.add(m);
            }
            return out;
        }
    }
}
