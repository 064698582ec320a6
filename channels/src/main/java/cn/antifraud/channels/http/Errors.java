package cn.antifraud.channels.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The one place failures become HTTP responses: {"error": {"code", "message"}} with the right status. */
public final class Errors {
    private static final Logger LOG = Logger.getLogger(Errors.class.getName());

    private Errors() {
    }

    public static JsonObject body(String code, String message) {
        return new JsonObject().put("error", new JsonObject().put("code", code).put("message", message));
    }

    public static void send(RoutingContext ctx, int status, String code, String message) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
            .end(body(code, message).encode());
    }

    /** Router failure handler: maps an {@link ApiError}, Vert.x's own status failures, or anything else (500). */
    public static void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ApiError e) {
            send(ctx, e.status(), e.code(), e.getMessage());
            return;
        }
        int status = ctx.statusCode();
        switch (status) {
            case 400 -> send(ctx, 400, "bad_request", "请求格式不正确");
            case 401 -> send(ctx, 401, "unauthorized", "请先登录");
            case 403 -> send(ctx, 403, "forbidden", "没有权限");
            case 404 -> send(ctx, 404, "not_found", "找不到这个地址");
            case 405 -> send(ctx, 405, "method_not_allowed", "不支持这个请求方法");
            case 413 -> send(ctx, 413, "body_too_large", "请求内容太大");
            case 415 -> send(ctx, 415, "unsupported_media_type", "不支持的内容类型");
            case 416 -> send(ctx, 416, "range_not_satisfiable", "请求的内容范围无效");
            case 429 -> send(ctx, 429, "rate_limited", "请求太频繁了，请稍等一会儿再试");
            default -> {
                if (hungUp(ctx, failure)) {
                    // the client went away mid-request: nothing to answer and nothing wrong on our side
                    LOG.fine(() -> "client closed the connection on " + ctx.request().method() + " " + ctx.request().path());
                    return;
                }
                if (status >= 400 && status < 500) {
                    send(ctx, status, "bad_request", "请求无法处理（" + status + "）");
                    return;
                }
                LOG.log(Level.SEVERE, "unhandled failure on " + ctx.request().method() + " " + ctx.request().path(), failure);
                send(ctx, status >= 500 ? status : 500, "internal_error", "服务器开小差了，请稍后再试；紧急情况请拨打110");
            }
        }
    }

    private static boolean hungUp(RoutingContext ctx, Throwable failure) {
        if (ctx.response().closed()) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.core.http.HttpClosedException || t instanceof java.nio.channels.ClosedChannelException
                || t instanceof java.io.IOException && String.valueOf(t.getMessage()).contains("Connection reset")) {
                return true;
            }
        }
        return false;
    }
}
