package cn.antifraud.channels.http;

import cn.antifraud.channels.http.limit.InProcessRateLimiter;
import cn.antifraud.channels.http.limit.RateLimit;
import cn.antifraud.channels.http.limit.RateLimiter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;

/** Builds the router from the registered channels and starts the HTTP server. */
public final class WebServer {
    /** Largest request body accepted (JSON, forms, WeChat XML). */
    public static final long MAX_BODY = 64 * 1024;
    /** Twilio sends SMS bodies up to 1,600 characters; percent-encoded, a 4-byte character takes 12 bytes. */
    public static final int MAX_FORM_FIELD = 1600 * 12;

    private WebServer() {
    }

    public static Router router(Vertx vertx, List<HttpChannel> channels) {
        return router(vertx, channels, EdgeConfig.defaults(), new InProcessRateLimiter());
    }

    public static Router router(Vertx vertx, List<HttpChannel> channels, EdgeConfig edge, RateLimiter limiter) {
        Router router = Router.router(vertx);
        router.route().handler(PageHeaders::apply);
        // the body first: a limiter that counts across nodes answers later, after the request has ended
        BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY);
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
            router.route().method(method).handler(body);
        }
        RateLimit limit = new RateLimit(limiter, edge.trustedProxies(), edge.rateLimitPerMinute());
        router.route("/api/chat/*").handler(limit.handler("resident"));
        router.route("/api/classify").handler(limit.handler("resident"));
        router.route("/ws/chat").handler(limit.handler("resident"));
        router.post("/api/officer/login").handler(limit.handler("login"));
        for (HttpChannel channel : channels) {
            channel.mount(router);
        }
        router.route("/webjars/*").method(HttpMethod.GET).method(HttpMethod.HEAD)
            .handler(StaticHandler.create("META-INF/resources/webjars").setCachingEnabled(true));
        router.route("/*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(PageHeaders::revalidate)
            .handler(StaticHandler.create("webroot").setIndexPage("index.html").setDefaultContentEncoding("UTF-8"));
        router.route().failureHandler(Errors::handle);
        // Vert.x tells a path no route has (404) from a known path asked with the wrong method (405).
        router.errorHandler(404, ctx -> Errors.send(ctx, 404, "not_found", "找不到这个地址"));
        router.errorHandler(405, ctx -> Errors.send(ctx, 405, "method_not_allowed", "不支持这个请求方法"));
        return router;
    }

    public static Future<HttpServer> start(Vertx vertx, Router router, int port) {
        return start(vertx, router, port, EdgeConfig.defaults());
    }

    public static Future<HttpServer> start(Vertx vertx, Router router, int port, EdgeConfig edge) {
        // No WebSocket compression: browsers ask for permessage-deflate, and each socket that has it keeps a deflater
        // and an inflater of 80-100 KB outside the heap; 10,000 sockets then needed 1.9 GB of memory against about
        // 1 GB without (docs/benchmarks.md). Chat pushes are short, so little bandwidth is lost.
        HttpServerOptions options = new HttpServerOptions().setMaxWebSocketFrameSize(64 * 1024).setMaxWebSocketMessageSize(64 * 1024)
            .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false)
            .setCompressionSupported(true).setIdleTimeout(edge.idleTimeoutSeconds()).setMaxFormAttributeSize(MAX_FORM_FIELD)
            .setMaxFormBufferedBytes((int) MAX_BODY).setWebSocketClosingTimeout(5);
        HttpServer server = vertx.createHttpServer(options);
        ConnectionGuard guard = new ConnectionGuard(vertx, edge.headerTimeoutSeconds(), edge.maxConnections());
        guard.attach(server);
        return server.requestHandler(request -> {
            guard.headersArrived(request.connection());
            router.handle(request);
        }).listen(port, "0.0.0.0");
    }
}
