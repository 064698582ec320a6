package cn.antifraud.deploy.cluster;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain HTTP against one node; an instance keeps its own cookies (one officer's browser). */
final class Http {
    private static final HttpClient PLAIN = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .connectTimeout(Duration.ofSeconds(5)).build();
    private String csrf;

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return PLAIN.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** One web-chat turn through a node; fails unless 200. */
    static JsonObject chat(ClusterHarness.Node node, String sessionId, String text) throws IOException, InterruptedException {
        JsonObject body = new JsonObject().put("text", text);
        if (sessionId != null) {
            body.put("sessionId", sessionId);
        }
        HttpResponse<String> res = PLAIN.send(HttpRequest.newBuilder(URI.create(node.url("/api/chat/messages")))
            .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (res.statusCode() != 200) {
            throw new AssertionError("chat on " + node.name() + " answered " + res.statusCode() + ": " + res.body());
        }
        return new JsonObject(res.body());
    }

    /** A session's whole history as one node lists it. */
    static JsonObject history(ClusterHarness.Node node, String sessionId) throws IOException, InterruptedException {
        HttpResponse<String> res = get(node.url("/api/chat/sessions/" + sessionId + "/messages?after=0"));
        if (res.statusCode() != 200) {
            throw new AssertionError("history on " + node.name() + " answered " + res.statusCode() + ": " + res.body());
        }
        return new JsonObject(res.body());
    }

    /** Logs in as an officer on a node (the session is stored, so it works on every node). */
    JsonObject login(ClusterHarness.Node node, String username, String password) throws IOException, InterruptedException {
        JsonObject res = officer(node, "POST", "/login", new JsonObject().put("username", username).put("password", password));
        csrf = res.getString("csrfToken");
        return res;
    }

    /** An officer API call on a node; fails unless 2xx. */
    JsonObject officer(ClusterHarness.Node node, String method, String path, JsonObject body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.url("/api/officer" + path))).timeout(Duration.ofSeconds(30));
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8));
        HttpResponse<String> res = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (res.statusCode() / 100 != 2) {
            throw new AssertionError(method + " " + path + " on " + node.name() + " answered " + res.statusCode() + ": " + res.body());
        }
        return new JsonObject(res.body());
    }

    HttpClient client() {
        return client;
    }
}
