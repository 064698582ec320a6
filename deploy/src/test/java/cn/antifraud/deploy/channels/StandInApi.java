package cn.antifraud.deploy.channels;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A local stand-in for Twilio's and WeChat's APIs: a Vert.x HTTP server on a free port that records every
 * request and answers with what the test's responder returns.
 */
final class StandInApi implements AutoCloseable {
    record Call(String method, String path, MultiMap query, MultiMap headers, String body) {
    }

    record Answer(int status, String json) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final java.util.List<String> history = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final HttpServer server;

    StandInApi(Function<Call, Answer> responder) throws Exception {
        this.server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            Call call = new Call(req.method().name(), req.path(), MultiMap.caseInsensitiveMultiMap().addAll(req.params()),
                MultiMap.caseInsensitiveMultiMap().addAll(req.headers()), body.toString());
            Answer a = responder.apply(call);
            history.add(call.method() + " " + req.uri() + " " + call.body() + " -> " + a.json());
            calls.add(call);  // after answering: a test that reacts to this call cannot change its answer
            reply(req, a);
        })).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void reply(HttpServerRequest req, Answer a) {
        req.response().setStatusCode(a.status()).putHeader("Content-Type", "application/json").end(a.json());
    }

    String url() {
        return "http://localhost:" + server.actualPort();
    }

    /** The next request the stand-in received, waiting up to 10 seconds; fails when none came. */
    Call next() throws InterruptedException {
        Call c = calls.poll(10, TimeUnit.SECONDS);
        if (c == null) {
            throw new AssertionError("the stand-in API received no request");
        }
        return c;
    }

    /** Any request received within the given time, or null. */
    Call poll(long millis) throws InterruptedException {
        return calls.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Every request with its answer, for failure messages. */
    String history() {
        return String.join("\n", history);
    }

    void clear() {
        calls.clear();
    }

    @Override
    public void close() {
        vertx.close();
    }
}
