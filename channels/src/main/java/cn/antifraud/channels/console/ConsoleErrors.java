package cn.antifraud.channels.console;

import cn.antifraud.channels.http.ApiError;
import cn.antifraud.core.officer.OfficerException;
import io.vertx.ext.web.RoutingContext;

/** Maps the officer services' refusals to HTTP statuses (then {@code Errors} renders the body). */
final class ConsoleErrors {
    private ConsoleErrors() {
    }

    static void fail(RoutingContext ctx, Throwable failure) {
        if (failure instanceof OfficerException e) {
            if (e.retryAfterSeconds() > 0) {
                ctx.response().putHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
            }
            ctx.fail(new ApiError(status(e.kind()), e.code(), e.getMessage()));
            return;
        }
        ctx.fail(failure);
    }

    static int status(OfficerException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case BAD_CREDENTIALS -> 401;
            case FORBIDDEN, DISABLED -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case LOCKED -> 423;
            case THROTTLED -> 429;
        };
    }
}
