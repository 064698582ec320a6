package cn.antifraud.channels.http;

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

    private WebServer() {
    }

    public static Router router(Vertx vertx, List<HttpChannel> channels) {
        Router router = Router.router(vertx);
        BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY);
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
            router.route().method(method).handler(body);
        }
        for (HttpChannel channel : channels) {
            channel.mount(router);
        }
        router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars").setCachingEnabled(true));
        router.route("/*").handler(StaticHandler.create("webroot").setIndexPage("index.html").setDefaultContentEncoding("UTF-8"));
        router.route().failureHandler(Errors::handle);
        router.route().last().handler(ctx -> Errors.send(ctx, 404, "not_found", "找不到这个地址"));
        return router;
    }

    public static Future<HttpServer> start(Vertx vertx, Router router, int port) {
        return vertx.createHttpServer(new HttpServerOptions().setMaxWebSocketFrameSize(64 * 1024)
                .setCompressionSupported(true))
            .requestHandler(router).listen(port, "0.0.0.0");
    }
}
