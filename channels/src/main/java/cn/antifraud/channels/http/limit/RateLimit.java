package cn.antifraud.channels.http.limit;

import cn.antifraud.channels.http.Errors;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The route handler that refuses a client over its allowance: 429 with Retry-After and the contract's error
 * body. One allowance per client address and per group of routes ("resident", "login").
 */
public final class RateLimit {
    private final RateLimiter limiter;
    private final TrustedProxies proxies;
    private final int perMinute;

    public RateLimit(RateLimiter limiter, TrustedProxies proxies, int perMinute) {
        this.limiter = limiter;
        this.proxies = proxies;
        this.perMinute = perMinute;
    }

    public Handler<RoutingContext> handler(String group) {
        return ctx -> {
            if (perMinute <= 0) {
                ctx.next();
                return;
            }
            Future<RateLimiter.Decision> pending = limiter.acquireAsync(group + ":" + ClientAddress.of(ctx.request(), proxies),
                perMinute);
            // A count that answers later (clustered) must not let the request be read meanwhile: a socket's upgrade
            // needs it unread. Other requests go on reading once the count is in (bodies were read before this).
            boolean paused = !pending.isComplete() && !ctx.request().isEnded();
            if (paused) {
                ctx.request().pause();
            }
            pending.onComplete(ar -> {
                if (paused && !"websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
                    ctx.request().resume();
                }
                // a counter that cannot be reached lets the request through: a victim must never be locked out
                if (ar.failed() || ar.result().allowed()) {
                    ctx.next();
                    return;
                }
                RateLimiter.Decision d = ar.result();
                ctx.response().putHeader("Retry-After", String.valueOf(d.retryAfterSeconds()));
                Errors.send(ctx, 429, "rate_limited", "您的请求太频繁了，请等 " + d.retryAfterSeconds()
                    + " 秒再试。如果正在被骗或已经转账，请直接拨打110。");
            });
        };
    }
}
