import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Opens SOCKETS web-chat sockets (one session each) to the service on loopback, then sends PROBES messages to
 * random sessions over REST and measures how long each takes to reach its own socket (the turn plus the push).
 * Prints "SOCKETS n", "PROBE p50_ms p99_ms" and "WRONG n" (pushes that reached another session's socket).
 * {@code java -cp antifraud.jar deploy/bench/SocketLoad.java PORT SOCKETS PROBES}
 */
public final class SocketLoad {
    private SocketLoad() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int sockets = Integer.parseInt(args[1]);
        int probes = Integer.parseInt(args[2]);
        Vertx vertx = Vertx.vertx();
        var http = vertx.createHttpClient();
        var ws = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(sockets + 10));
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < sockets; i++) {
            sessions.add(post(http, port, new JsonObject().put("text", "你好")).getString("sessionId"));
        }
        Map<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
        int[] wrong = {0};
        List<Future<WebSocket>> opened = new ArrayList<>();
        for (String s : sessions) {
            opened.add(ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws/chat?sessionId=" + s))
                .onSuccess(socket -> socket.textMessageHandler(text -> {
                    JsonObject frame = new JsonObject(text);
                    if (!"message".equals(frame.getString("type"))) {
                        return;
                    }
                    String body = frame.getJsonObject("message").getString("text");
                    CompletableFuture<Long> f = waiting.get(s);
                    if (f != null && body.startsWith("probe ")) {
                        f.complete(System.nanoTime());
                    } else if (body.startsWith("probe ")) {
                        wrong[0]++;
                    }
                })));
            if (opened.size() % 500 == 0) {
                Future.all(opened.subList(opened.size() - 500, opened.size())).toCompletionStage().toCompletableFuture()
                    .get(120, TimeUnit.SECONDS);
            }
        }
        Future.join(opened).toCompletionStage().toCompletableFuture().get(300, TimeUnit.SECONDS);
        long open = opened.stream().filter(Future::succeeded).count();
        System.out.println("SOCKETS " + open);
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < probes; i++) {
            String s = sessions.get((int) (Math.random() * sessions.size()));
            CompletableFuture<Long> pushed = new CompletableFuture<>();
            waiting.put(s, pushed);
            long start = System.nanoTime();
            post(http, port, new JsonObject().put("sessionId", s).put("text", "probe " + i));
            ms.add((pushed.get(30, TimeUnit.SECONDS) - start) / 1e6);
            waiting.remove(s);
        }
        Collections.sort(ms);
        System.out.printf("PROBE %.1f %.1f%n", ms.get(ms.size() / 2), ms.get(Math.min(ms.size() - 1, (int) (ms.size() * 0.99))));
        System.out.println("WRONG " + wrong[0]);
        System.exit(0);
    }

    private static JsonObject post(io.vertx.core.http.HttpClient http, int port, JsonObject body) throws Exception {
        return http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
                .setURI("/api/chat/messages").putHeader("Content-Type", "application/json"))
            .compose(req -> req.send(Buffer.buffer(body.encode())).compose(res -> res.body()))
            .map(b -> new JsonObject(b.toString())).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
