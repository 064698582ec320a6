package cn.antifraud.deploy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One officer's browser for API tests: its own cookie jar and the CSRF token from the last login. */
final class OfficerClient {
    private final TestServer server;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    String csrf;

    OfficerClient(TestServer server) {
        this.server = server;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static OfficerClient loggedIn(TestServer server, String username, String password) throws Exception {
        OfficerClient c = new OfficerClient(server);
        HttpResponse<String> res = c.login(username, password);
        if (res.statusCode() != 200) {
            throw new AssertionError("login of " + username + " answered " + res.statusCode() + ": " + res.body());
        }
        return c;
    }

    HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> res = send("POST", "/login", new JsonObject().put("username", username).put("password", password), null);
        if (res.statusCode() == 200) {
            csrf = new JsonObject(res.body()).getString("csrfToken");
        }
        return res;
    }

    String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("af_officer"))
            .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    HttpResponse<String> post(String path, JsonObject body) throws IOException, InterruptedException {
        return send("POST", path, body, csrf);
    }

    /** A change with an explicit CSRF header (null: none at all). */
    HttpResponse<String> postWithToken(String path, JsonObject body, String token) throws IOException, InterruptedException {
        return send("POST", path, body, token);
    }

    /** The body of a 2xx answer as JSON; anything else fails the test with the answer. */
    JsonObject ok(HttpResponse<String> res) {
        if (res.statusCode() / 100 != 2) {
            throw new AssertionError(res.request().uri().getPath() + " answered " + res.statusCode() + ": " + res.body());
        }
        return new JsonObject(res.body());
    }

    JsonObject getOk(String path) throws IOException, InterruptedException {
        return ok(get(path));
    }

    JsonObject postOk(String path, JsonObject body) throws IOException, InterruptedException {
        return ok(post(path, body));
    }

    static String code(HttpResponse<String> res) {
        return new JsonObject(res.body()).getJsonObject("error").getString("code");
    }

    private HttpResponse<String> send(String method, String path, JsonObject body, String token)
        throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url("/api/officer" + path))).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("X-CSRF-Token", token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
