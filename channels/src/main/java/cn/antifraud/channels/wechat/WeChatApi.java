package cn.antifraud.channels.wechat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Official Account's server API at WECHAT_API_BASE_URL: the access token from {@code /cgi-bin/token}
 * (cached, refreshed five minutes before it expires or when WeChat says it is invalid or expired) and
 * customer-service text messages through {@code /cgi-bin/message/custom/send}. With {@link WeChatTokens} the token
 * is shared by all nodes of a cluster.
 */
public final class WeChatApi {
    static final Set<Integer> TOKEN_ERRORS = Set.of(40001, 40014, 42001);
    private static final Duration MARGIN = Duration.ofMinutes(5);

    private record Token(String value, Instant refreshAt) {
    }

    private final Vertx vertx;
    private final WeChatConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicReference<Token> token = new AtomicReference<>();
    private final AtomicReference<Future<String>> refreshing = new AtomicReference<>();
    /** The token WeChat last refused: never taken again from the shared store. */
    private final AtomicReference<String> refused = new AtomicReference<>();
    private final WeChatTokens shared;

    public WeChatApi(Vertx vertx, WeChatConfig config) {
        this(vertx, config, null);
    }

    /** With {@code shared}, every node of a cluster uses the one stored token (see {@link WeChatTokens}). */
    WeChatApi(Vertx vertx, WeChatConfig config, WeChatTokens shared) {
        this.vertx = vertx;
        this.config = config;
        this.shared = shared;
    }

    public boolean canSend() {
        return config.canSend();
    }

    /** Sends a text as a customer-service message to a follower (within 48 hours of their last message). */
    public Future<Void> sendText(String openId, String text) {
        JsonObject body = new JsonObject().put("touser", openId).put("msgtype", "text")
            .put("text", new JsonObject().put("content", text));
        return post(body, true);
    }

    private Future<Void> post(JsonObject body, boolean retry) {
        return accessToken().compose(t -> call(HttpRequest.newBuilder(uri("/cgi-bin/message/custom/send?access_token=" + enc(t)))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8)))
            .compose(res -> {
                int code = res.getInteger("errcode", 0);
                if (code == 0) {
                    return Future.<Void>succeededFuture();
                }
                if (retry && TOKEN_ERRORS.contains(code)) {
                    refused.set(t);
                    token.set(null);
                    return post(body, false);
                }
                return Future.failedFuture(new IllegalStateException("WeChat errcode " + code));
            }));
    }

    /** The cached access token, fetched when missing or due; concurrent callers share one fetch. */
    Future<String> accessToken() {
        Token t = token.get();
        if (t != null && Instant.now().isBefore(t.refreshAt())) {
            return Future.succeededFuture(t.value());
        }
        Promise<String> mine = Promise.promise();
        if (!refreshing.compareAndSet(null, mine.future())) {
            Future<String> inFlight = refreshing.get();
            return inFlight != null ? inFlight : accessToken();
        }
        storedToken().compose(stored -> stored != null ? Future.succeededFuture(stored) : fetchToken())
            .onComplete(ar -> {
                refreshing.set(null);
                mine.handle(ar);
            });
        return mine.future();
    }

    /** Another node's fresh token, or null (none stored, due, or refused). */
    private Future<String> storedToken() {
        if (shared == null) {
            return Future.succeededFuture(null);
        }
        return vertx.executeBlocking(() -> shared.find(config.appId()).filter(t -> Instant.now().isBefore(t.refreshAt())
                && !t.value().equals(refused.get())).map(t -> {
                    token.set(new Token(t.value(), t.refreshAt()));
                    return t.value();
                }).orElse(null), false)
            .recover(e -> Future.succeededFuture(null));
    }

    private Future<String> fetchToken() {
        return call(HttpRequest.newBuilder(uri("/cgi-bin/token?grant_type=client_credential&appid="
                + enc(config.appId()) + "&secret=" + enc(config.appSecret()))).GET())
            .compose(res -> {
                String value = res.getString("access_token");
                if (value == null) {
                    return Future.failedFuture(new IllegalStateException("WeChat token errcode " + res.getInteger("errcode")));
                }
                long seconds = res.getLong("expires_in", 7200L);
                Duration lead = Duration.ofSeconds(seconds).compareTo(MARGIN.multipliedBy(2)) > 0 ? MARGIN
                    : Duration.ofSeconds(seconds / 2);
                Token fresh = new Token(value, Instant.now().plusSeconds(seconds).minus(lead));
                token.set(fresh);
                if (shared == null) {
                    return Future.succeededFuture(value);
                }
                return vertx.executeBlocking(() -> {
                    shared.save(config.appId(), new WeChatTokens.Shared(fresh.value(), fresh.refreshAt()));
                    return value;
                }, false);
            });
    }

    private Future<JsonObject> call(HttpRequest.Builder request) {
        return Future.fromCompletionStage(http.sendAsync(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), vertx.getOrCreateContext())
            .compose(res -> res.statusCode() == 200 ? Future.succeededFuture(new JsonObject(res.body()))
                : Future.failedFuture(new IllegalStateException("WeChat API answered HTTP " + res.statusCode())));
    }

    private URI uri(String pathAndQuery) {
        return URI.create(config.apiBaseUrl().replaceAll("/$", "") + pathAndQuery);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
