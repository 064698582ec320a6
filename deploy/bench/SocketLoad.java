import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens SOCKETS web-chat sockets (one session each) to the service on loopback, then sends PROBES messages to
 * random sessions over REST and measures how long each takes until the bot's reply reaches that session's own
 * socket (the turn plus the push).
 * {@code java -cp antifraud.jar deploy/bench/SocketLoad.java PORT SOCKETS PROBES [GO_PREFIX]}
 *
 * <p>Steps: (1) SOCKETS sessions (or -Dsessions=N if more: a baseline with the same store and warm-up but few
 * sockets) are started with one REST turn each, CONCURRENCY (16) at a time, and "SESSIONS n seconds" is printed;
 * (2) a socket is opened for each of the first SOCKETS sessions, at most IN_FLIGHT (200) handshakes at a time; a
 * socket counts as open once the server's {"type":"ready"} has arrived (its session's subscription is registered),
 * and "SOCKETS open seconds" is printed; (3) with -DholdSeconds=N the sockets are held open N seconds (to see that
 * the pings keep them alive past the idle timeouts); (4) the probes run one at a time. With GO_PREFIX given, the
 * client waits before step 2 until the file GO_PREFIX1 exists and before step 3 until GO_PREFIX2 exists (at most
 * 10 minutes each), so the caller can measure the heap after the sessions and with the sockets open.
 *
 * <p>Every pushed message carries its conversation id; the REST answers tell which session each conversation
 * belongs to. A message on a socket whose session does not own its conversation is "pushed to a wrong socket".
 *
 * <p>stdout, besides the two lines above: "PROBE p50_ms p99_ms max_ms" (from sending the REST turn to the bot's
 * reply on the socket), "AFTER_ANSWER p50_ms p99_ms max_ms" (the reply on the socket minus the REST answer's
 * arrival: what the push adds; negative when the push came first), "MISSED n" (probes whose reply did not arrive
 * within 10 s), "WRONG n", "CLOSED n" (sockets the server closed before the end), "ERRORS n". Progress, errors
 * (counted, the first few printed) and phase times go to stderr. Every wait is bounded; past MAX_SECONDS (1800) in
 * all, or on any failure, the client prints why and exits non-zero instead of hanging.
 */
public final class SocketLoad {
    private static final int CONCURRENCY = Integer.getInteger("concurrency", 16);
    private static final int IN_FLIGHT = Integer.getInteger("inFlight", 200);
    private static final long MAX_SECONDS = Long.getLong("maxSeconds", 1800);
    private static final long HOLD_SECONDS = Long.getLong("holdSeconds", 0);
    private static final int SHOW_ERRORS = 5;
    private static final long T0 = System.nanoTime();

    private static final AtomicInteger ERRORS = new AtomicInteger();
    private static final AtomicInteger WRONG = new AtomicInteger();
    private static final AtomicInteger CLOSED = new AtomicInteger();
    private static final java.util.Set<String> CLOSED_SESSIONS = ConcurrentHashMap.newKeySet();
    /** conversation id -> the session it belongs to, from the REST answers. */
    private static final Map<String, String> OWNER = new ConcurrentHashMap<>();
    /** pushes whose conversation no REST answer had named yet when they arrived: checked again at the end. */
    private static final ConcurrentLinkedQueue<String[]> UNCHECKED = new ConcurrentLinkedQueue<>();
    /** session -> the probe waiting for its reply. */
    private static final Map<String, Probe> WAITING = new ConcurrentHashMap<>();

    private SocketLoad() {
    }

    /** One probe: the resident's text, when it was sent, and whether its own message has come back on the socket. */
    private static final class Probe {
        final String text;
        final long start = System.nanoTime();
        volatile boolean echoed;
        final CompletableFuture<Long> replied = new CompletableFuture<>();

        Probe(String text) {
            this.text = text;
        }
    }

    public static void main(String[] args) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(MAX_SECONDS * 1000);
            } catch (InterruptedException e) {
                return;
            }
            log("gave up: more than " + MAX_SECONDS + " s in all");
            Runtime.getRuntime().halt(3);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            run(args);
            System.out.flush();
            Runtime.getRuntime().halt(0);
        } catch (Throwable e) {
            log("failed: " + e);
            e.printStackTrace();
            System.out.flush();
            // Vert.x's event-loop threads are not daemons: without this the JVM would outlive main
            Runtime.getRuntime().halt(2);
        }
    }

    private static void run(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int sockets = Integer.parseInt(args[1]);
        int probes = Integer.parseInt(args[2]);
        String go = args.length > 3 ? args[3] : null;
        Vertx vertx = Vertx.vertx();
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(10_000),
            new PoolOptions().setHttp1MaxSize(CONCURRENCY).setMaxWaitQueueSize(-1));
        // Vert.x 5 limits WebSocket connections per host (50 by default); the rest would queue.
        // -Dcompress=true asks for permessage-deflate as browsers do (the server accepts it by default)
        WebSocketClient ws = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(sockets + 10)
            .setConnectTimeout(10_000).setTryUsePerMessageCompression(Boolean.getBoolean("compress")));

        // 1. sessions
        long t = System.nanoTime();
        String[] sessions = new String[Math.max(sockets, Integer.getInteger("sessions", 0))];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int w = 0; w < CONCURRENCY; w++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            workers.add(done);
            startSessions(http, port, sessions, next, started, done);
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(MAX_SECONDS, TimeUnit.SECONDS);
        List<String> known = new ArrayList<>();
        for (String s : sessions) {
            if (s != null) {
                known.add(s);
            }
        }
        double sessionSeconds = secondsSince(t);
        log(known.size() + " sessions started in " + sessionSeconds + " s (" + ERRORS.get() + " errors)");
        if (known.isEmpty()) {
            throw new IllegalStateException("no session could be started");
        }
        out("SESSIONS " + known.size() + " " + sessionSeconds);
        awaitGo(go, "1");

        // 2. sockets
        t = System.nanoTime();
        int errorsBefore = ERRORS.get();
        List<String> open = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger cursor = new AtomicInteger();
        AtomicInteger settled = new AtomicInteger();
        CompletableFuture<Void> allSettled = new CompletableFuture<>();
        Runnable[] launch = {null};
        launch[0] = () -> {
            int i = cursor.getAndIncrement();
            if (i >= Math.min(sockets, known.size())) {
                return;
            }
            String s = known.get(i);
            connect(vertx, ws, port, s).onComplete(ar -> {
                if (ar.succeeded()) {
                    open.add(s);
                } else {
                    error("socket " + i + ": " + ar.cause());
                }
                int n = settled.incrementAndGet();
                if (n % 1000 == 0) {
                    log(open.size() + " sockets open, " + (ERRORS.get() - errorsBefore) + " failed, " + secondsSince(T0) + " s");
                }
                if (n == Math.min(sockets, known.size())) {
                    allSettled.complete(null);
                }
                launch[0].run();
            });
        };
        for (int i = 0; i < Math.min(IN_FLIGHT, known.size()); i++) {
            vertx.runOnContext(v -> launch[0].run());
        }
        // each handshake is bounded (connect(): 30 s), so this only guards against a bug here
        allSettled.get(MAX_SECONDS, TimeUnit.SECONDS);
        double openSeconds = secondsSince(t);
        log(open.size() + " sockets open in " + openSeconds + " s (" + (ERRORS.get() - errorsBefore) + " failed)");
        out("SOCKETS " + open.size() + " " + openSeconds);
        if (open.isEmpty()) {
            throw new IllegalStateException("no socket could be opened");
        }
        awaitGo(go, "2");

        if (HOLD_SECONDS > 0) {
            log("holding the sockets open for " + HOLD_SECONDS + " s (the server pings every 20 s, drops silent ones after 75 s)");
            Thread.sleep(HOLD_SECONDS * 1000);
            log(CLOSED.get() + " sockets closed by the server while held");
        }

        // 3. probes, one at a time, each to a random session with an open socket
        t = System.nanoTime();
        List<Double> ms = new ArrayList<>();
        List<Double> afterAnswer = new ArrayList<>();
        List<String> slow = new ArrayList<>();
        int missed = 0;
        for (int i = 0; i < probes; i++) {
            String s = open.get(ThreadLocalRandom.current().nextInt(open.size()));
            for (int tries = 0; CLOSED_SESSIONS.contains(s) && tries < 1000; tries++) {
                s = open.get(ThreadLocalRandom.current().nextInt(open.size()));
            }
            Probe p = new Probe("probe " + i + " 明天几点开会");
            WAITING.put(s, p);
            try {
                JsonObject answer = post(http, port, new JsonObject().put("sessionId", s).put("text", p.text))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                long answered = System.nanoTime();
                own(answer, s);
                long replied = p.replied.get(10, TimeUnit.SECONDS);
                ms.add((replied - p.start) / 1e6);
                slow.add(String.format("%08.1f ms: probe %d, %.1f s into the probes", (replied - p.start) / 1e6, i,
                    (p.start - t) / 1e9));
                afterAnswer.add((replied - answered) / 1e6);
            } catch (Exception e) {
                missed++;
                error("probe " + i + " to " + s + ": " + e);
            } finally {
                WAITING.remove(s);
            }
            if ((i + 1) % 50 == 0) {
                log((i + 1) + " probes, " + missed + " missed, " + secondsSince(T0) + " s");
            }
        }
        log(probes + " probes in " + secondsSince(t) + " s; the slowest:");
        slow.sort(Collections.reverseOrder());
        slow.stream().limit(5).forEach(line -> log("  " + line.replaceFirst("^0+(?=\\d)", "")));
        // late pushes of the last probe's other replies, then the pushes no answer had accounted for on arrival
        Thread.sleep(500);
        List<String[]> unchecked = new ArrayList<>(UNCHECKED);
        UNCHECKED.clear();
        int unowned = 0;
        for (String[] push : unchecked) {
            if (push[1] == null || OWNER.get(push[1]) == null) {
                unowned++;
            } else {
                checkOwner(push[0], push[1]);
            }
        }
        if (unowned > 0) {
            log(unowned + " pushed messages name a conversation no REST answer named (counted as wrong)");
            WRONG.addAndGet(unowned);
        }
        out("PROBE " + percentiles(ms));
        out("AFTER_ANSWER " + percentiles(afterAnswer));
        out("MISSED " + missed);
        out("WRONG " + WRONG.get());
        out("CLOSED " + CLOSED.get());
        out("ERRORS " + ERRORS.get());
    }

    /** With a go prefix given, waits (at most 10 minutes) until the file prefix + step exists. */
    private static void awaitGo(String prefix, String step) throws Exception {
        if (prefix == null) {
            return;
        }
        Path go = Path.of(prefix + step);
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!Files.exists(go)) {
            if (System.nanoTime() > until) {
                throw new TimeoutException("no go file " + go + " within 10 minutes");
            }
            Thread.sleep(100);
        }
    }

    /** "p50 p99 max" in ms, or "- - -" when there is nothing to sort. */
    private static String percentiles(List<Double> ms) {
        if (ms.isEmpty()) {
            return "- - -";
        }
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return String.format("%.1f %.1f %.1f", sorted.get((sorted.size() - 1) / 2),
            sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * 0.99) - 1)), sorted.get(sorted.size() - 1));
    }

    /** One worker of step 1: starts the next session, and again until all are started. */
    private static void startSessions(HttpClient http, int port, String[] sessions, AtomicInteger next, AtomicInteger started,
                                      CompletableFuture<Void> done) {
        int i = next.getAndIncrement();
        if (i >= sessions.length) {
            done.complete(null);
            return;
        }
        post(http, port, new JsonObject().put("text", "你好")).onComplete(ar -> {
            if (ar.succeeded() && ar.result().getString("sessionId") != null) {
                sessions[i] = ar.result().getString("sessionId");
                own(ar.result(), sessions[i]);
                int n = started.incrementAndGet();
                if (n % 1000 == 0) {
                    log(n + " sessions started, " + secondsSince(T0) + " s");
                }
            } else {
                error("session " + i + ": " + (ar.failed() ? ar.cause() : ar.result().encode()));
            }
            startSessions(http, port, sessions, next, started, done);
        });
    }

    /** Opens session s's socket; succeeds once the server's "ready" arrives, fails after 30 s at most. */
    private static Future<WebSocket> connect(Vertx vertx, WebSocketClient ws, int port, String s) {
        Promise<WebSocket> ready = Promise.promise();
        long timer = vertx.setTimer(30_000, id -> ready.tryFail("no ready within 30 s"));
        ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws/chat?sessionId=" + s)
                .setTimeout(30_000))
            .onFailure(ready::tryFail)
            .onSuccess(socket -> {
                socket.closeHandler(v -> {
                    if (!ready.tryFail("closed before ready: " + socket.closeStatusCode() + " " + socket.closeReason())) {
                        CLOSED.incrementAndGet();
                        CLOSED_SESSIONS.add(s);
                        error("socket of " + s + " closed by the server: " + socket.closeStatusCode() + " " + socket.closeReason());
                    }
                });
                socket.exceptionHandler(e -> error("socket of " + s + ": " + e));
                socket.textMessageHandler(text -> {
                    JsonObject frame = new JsonObject(text);
                    String type = frame.getString("type");
                    if ("ready".equals(type)) {
                        vertx.cancelTimer(timer);
                        if (!ready.tryComplete(socket)) {
                            socket.close();
                        }
                    } else if ("message".equals(type)) {
                        pushed(s, frame.getJsonObject("message"));
                    }
                });
            });
        return ready.future();
    }

    /** A message pushed to session s's socket: checks whose it is and completes s's probe with the bot's reply. */
    private static void pushed(String s, JsonObject message) {
        checkOwner(s, message.getString("conversationId"));
        Probe p = WAITING.get(s);
        if (p == null) {
            return;
        }
        if ("resident".equals(message.getString("sender"))) {
            if (p.text.equals(message.getString("text"))) {
                p.echoed = true;
            }
        } else if (p.echoed && "bot".equals(message.getString("sender"))) {
            p.replied.complete(System.nanoTime());
        }
    }

    private static void checkOwner(String s, String conversationId) {
        String owner = conversationId == null ? null : OWNER.get(conversationId);
        if (owner == null) {
            UNCHECKED.add(new String[] {s, conversationId});
        } else if (!owner.equals(s)) {
            if (WRONG.incrementAndGet() <= SHOW_ERRORS) {
                log("pushed to a wrong socket: conversation " + conversationId + " of " + owner + " reached " + s);
            }
        }
    }

    private static void own(JsonObject answer, String s) {
        JsonObject conversation = answer.getJsonObject("conversation");
        String id = conversation == null ? null : conversation.getString("id");
        if (id != null) {
            OWNER.put(id, s);
        }
    }

    private static Future<JsonObject> post(HttpClient http, int port, JsonObject body) {
        return http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
                .setURI("/api/chat/messages").putHeader("Content-Type", "application/json").setTimeout(30_000))
            .compose(req -> req.send(Buffer.buffer(body.encode())).compose(res -> res.body().map(b -> {
                if (res.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + res.statusCode() + " " + b);
                }
                return new JsonObject(b.toString());
            })));
    }

    private static void error(String what) {
        if (ERRORS.incrementAndGet() <= SHOW_ERRORS) {
            log("error: " + what);
        }
    }

    private static double secondsSince(long t) {
        return Math.round((System.nanoTime() - t) / 1e8) / 10.0;
    }

    private static void log(String line) {
        System.err.println("[" + secondsSince(T0) + " s] " + line);
    }

    private static void out(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
