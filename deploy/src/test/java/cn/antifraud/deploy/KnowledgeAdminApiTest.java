package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.channels.http.HttpChannel;
import cn.antifraud.channels.http.WebServer;
import cn.antifraud.channels.knowledge.KnowledgeAdminApi;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisors' JSON handlers, mounted the way the console will mount them (a sub-router; here with a stand-in
 * for the console's login that takes the officer's name from a header), on their own port.
 */
class KnowledgeAdminApiTest {
    @TempDir
    static Path dataDir;
    static TestServer server;
    static HttpServer api;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        Vertx vertx = server.app().vertx();
        KnowledgeAdminApi handlers = new KnowledgeAdminApi(server.app().knowledge().admin(), ctx -> ctx.request().getHeader("X-Test-Officer"));
        HttpChannel mounted = r -> {
            Router sub = Router.router(vertx);
            handlers.mountSupervisor(sub);
            handlers.mountOfficer(sub, "", io.vertx.ext.web.RoutingContext::next);
            r.route("/kb/*").subRouter(sub);
        };
        api = WebServer.start(vertx, WebServer.router(vertx, List.of(mounted)), 0)
            .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        server.close();
        server = null; // a closed server's models must not stay reachable for the rest of the test run
        api = null;
    }

    static HttpResponse<String> call(String method, String path, JsonObject body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + api.actualPort() + "/kb" + path))
            .header("X-Test-Officer", "supervisor-liu").header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aSupervisorEditsAQuizOverHttpAndAStaleOrInvalidEditGetsTheRightStatus() throws Exception {
        HttpResponse<String> list = call("GET", "/types", null);
        assertEquals(200, list.statusCode());
        assertEquals(13, new JsonArray(list.body()).size());
        JsonObject current = new JsonObject(call("GET", "/types/fake_loan", null).body());
        JsonObject content = current.getJsonObject("content");
        content.getJsonArray("quiz").getJsonObject(0).put("explanation", "正规贷款放款前不收任何费用。（已修订）");
        HttpResponse<String> saved = call("PUT", "/types/fake_loan", new JsonObject().put("content", content).put("baseVersion", 0)
            .put("note", "clearer explanation"));
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(1, new JsonObject(saved.body()).getInteger("version"));

        HttpResponse<String> stale = call("PUT", "/types/fake_loan", new JsonObject().put("content", content).put("baseVersion", 0));
        assertEquals(409, stale.statusCode());
        assertEquals("edit_conflict", new JsonObject(stale.body()).getJsonObject("error").getString("code"));

        content.remove("advice");
        HttpResponse<String> invalid = call("PUT", "/types/fake_loan", new JsonObject().put("content", content).put("baseVersion", 1));
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("advice"), invalid.body());
        assertEquals(404, call("GET", "/types/nope", null).statusCode());

        JsonArray audit = new JsonArray(call("GET", "/audit?target=kb:fake_loan", null).body());
        assertEquals("supervisor-liu", audit.getJsonObject(0).getString("actor"));
    }

    @Test
    void indicatorsCorpusAndTrainingStatusAreReachable() throws Exception {
        HttpResponse<String> ind = call("POST", "/indicators", new JsonObject().put("type", "url").put("value", "kuaidi-lipei.top")
            .put("scamType", "fake_customer_service"));
        assertEquals(200, ind.statusCode(), ind.body());
        HttpResponse<String> added = call("POST", "/corpus", new JsonObject().put("text", "您的快递丢失，添加理赔专员微信处理").put("label",
            "fake_customer_service"));
        assertEquals(200, added.statusCode(), added.body());
        assertEquals(400, call("POST", "/corpus", new JsonObject().put("text", "x").put("label", "bogus")).statusCode());
        assertEquals(200, call("GET", "/review", null).statusCode());
        assertEquals(404, call("GET", "/training/no-such-job", null).statusCode());
        assertEquals(404, call("POST", "/models/nope/restore", null).statusCode());
        assertEquals(200, call("GET", "/models", null).statusCode());
    }
}
