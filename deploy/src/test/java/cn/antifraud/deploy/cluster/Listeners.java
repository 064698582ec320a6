package cn.antifraud.deploy.cluster;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** What a browser holds open: an officer's Server-Sent Events feed, a resident's web-chat socket. */
final class Listeners {
    private Listeners() {
    }

    /** Collected frames (SSE {event, data} or socket JSON), to wait on. */
    static final class Received {
        private final List<JsonObject> frames = new CopyOnWriteArrayList<>();
        private Runnable stop = () -> { };

        JsonObject await(Predicate<JsonObject> match, long seconds, String what) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                for (JsonObject f : frames) {
                    if (match.test(f)) {
                        return f;
                    }
                }
                Thread.sleep(100);
            }
            throw new AssertionError("not received within " + seconds + " s: " + what + "; got " + frames);
        }

        List<JsonObject> frames() {
            return List.copyOf(frames);
        }

        void close() {
            stop.run();
        }
    }

    /** The console's feed ({@code GET /api/officer/events}) on a node, with the officer's cookies. */
    static Received sse(HttpClient officer, ClusterHarness.Node node) throws InterruptedException {
        Received r = new Received();
        CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> res = officer.sendAsync(
            HttpRequest.newBuilder(URI.create(node.url("/api/officer/events"))).GET().build(),
            HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            String[] event = {null};
            try {
                res.join().body().forEach(line -> {
                    if (line.startsWith("event: ")) {
                        event[0] = line.substring(7);
                    } else if (line.startsWith("data: ") && event[0] != null) {
                        r.frames.add(new JsonObject().put("event", event[0]).put("data", new JsonObject(line.substring(6))));
                        event[0] = null;
                    }
                });
            } catch (java.io.UncheckedIOException | java.util.concurrent.CompletionException ignored) {
                // the test closed the feed, or the node went away
            }
        }, "sse-" + node.name());
        reader.setDaemon(true);
        reader.start();
        r.stop = () -> res.thenAccept(x -> x.body().close());
        r.await(f -> "hello".equals(f.getString("event")), 30, "the feed's hello");
        return r;
    }

    /** A resident's web-chat socket ({@code /ws/chat?sessionId=...}) on a node. */
    static Received socket(ClusterHarness.Node node, String sessionId) throws Exception {
        Received r = new Received();
        StringBuilder partial = new StringBuilder();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
            .buildAsync(URI.create("ws://127.0.0.1:" + node.port() + "/ws/chat?sessionId=" + sessionId), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        r.frames.add(new JsonObject(partial.toString()));
                        partial.setLength(0);
                    }
                    socket.request(1);
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
        r.stop = () -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        r.await(f -> "ready".equals(f.getString("type")), 30, "the socket's ready");
        return r;
    }
}
