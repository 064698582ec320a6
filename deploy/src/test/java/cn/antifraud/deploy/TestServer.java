package cn.antifraud.deploy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real service for tests: the launcher's own wiring on port 0, embedded MongoDB under a temp DATA_DIR,
 * reached with a real HTTP client. Trained models are cached in target/test-models so only the first
 * server of a build trains them.
 */
public final class TestServer implements AutoCloseable {
    public static final Path MODEL_CACHE = Path.of("target", "test-models").toAbsolutePath();

    private final Application app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(Application app) {
        this.app = app;
    }

    public static TestServer start(Path dataDir) throws Exception {
        return start(dataDir, Map.of());
    }

    public static TestServer start(Path dataDir, Map<String, String> extraEnv) throws Exception {
        return new TestServer(Application.start(AppConfig.fromEnvironment(env(dataDir, extraEnv))));
    }

    /** The environment a test server runs with: port 0, the given DATA_DIR, the shared model cache, no rate limit. */
    public static Map<String, String> env(Path dataDir, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("DATA_DIR", dataDir.toString());
        env.put("MODEL_DIR", MODEL_CACHE.toString());
        env.put("ADMIN_PASSWORD", "test-admin-password");
        // Tests send far more than a resident would from one address; those about limits set their own figure.
        env.put("RATE_LIMIT_PER_MINUTE", "0");
        env.putAll(extraEnv);
        return env;
    }

    public Application app() {
        return app;
    }

    public int port() {
        return app.port();
    }

    public String url(String path) {
        return "http://localhost:" + app.port() + path;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> postJson(String path, JsonObject body) throws IOException, InterruptedException {
        return post(path, "application/json", body.encode().getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one web-chat message and returns the answer, failing unless the status is 200. */
    public JsonObject chat(String sessionId, String text) throws IOException, InterruptedException {
        JsonObject body = new JsonObject().put("text", text);
        if (sessionId != null) {
            body.put("sessionId", sessionId);
        }
        HttpResponse<String> res = postJson("/api/chat/messages", body);
        if (res.statusCode() != 200) {
            throw new AssertionError("chat answered " + res.statusCode() + ": " + res.body());
        }
        return new JsonObject(res.body());
    }

    /** All reply texts of an answer joined, for assertions on what the resident reads. */
    public static String replyText(JsonObject answer) {
        StringBuilder sb = new StringBuilder();
        answer.getJsonArray("replies").forEach(r -> sb.append(((JsonObject) r).getString("text")).append('\n'));
        return sb.toString();
    }

    @Override
    public void close() {
        app.close();
    }
}
