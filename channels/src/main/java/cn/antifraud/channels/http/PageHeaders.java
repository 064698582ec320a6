package cn.antifraud.channels.http;

import io.vertx.ext.web.RoutingContext;

/**
 * Headers every answer carries: no MIME sniffing, no framing by other sites, no referrer, and a Content
 * Security Policy that lets the pages load only from their own origin (scripts, styles, the WebJars, images,
 * the chat WebSocket and the API), with inline style attributes allowed for the charts.
 */
public final class PageHeaders {
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
        + "form-action 'self'; frame-ancestors 'none'";

    private PageHeaders() {
    }

    public static void apply(RoutingContext ctx) {
        ctx.response().headers().set("X-Content-Type-Options", "nosniff").set("X-Frame-Options", "DENY")
            .set("Referrer-Policy", "no-referrer").set("Content-Security-Policy", CSP);
        ctx.next();
    }

    /**
     * The pages and their scripts are not fingerprinted, so browsers must revalidate them (a cheap 304 with
     * Last-Modified) instead of keeping a stale chat.js for a day after a deploy. WebJars carry their version in
     * the path and stay cacheable.
     */
    public static void revalidate(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> {
            if (ctx.response().getStatusCode() < 400) {
                ctx.response().headers().set("Cache-Control", "no-cache");
            }
        });
        ctx.next();
    }
}
