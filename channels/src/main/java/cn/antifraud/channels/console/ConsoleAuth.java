package cn.antifraud.channels.console;

import cn.antifraud.channels.http.ApiError;
import cn.antifraud.core.officer.OfficerAccess;
import cn.antifraud.core.officer.OfficerSession;
import cn.antifraud.core.officer.Role;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The officer API's gate: a session cookie (401 without a live one), the CSRF token on every change (403), and
 * the role a route needs (403). The cookie is HttpOnly, SameSite=Strict, scoped to the API, Secure on https.
 */
final class ConsoleAuth {
    static final String COOKIE = "af_officer";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String PATH = "/api/officer";
    static final String BACKGROUND_HEADER = "X-Background-Refresh";
    private static final String KEY = "officer";

    private final Vertx vertx;
    private final OfficerAccess access;
    private final boolean secure;

    ConsoleAuth(Vertx vertx, OfficerAccess access, boolean secure) {
        this.vertx = vertx;
        this.access = access;
        this.secure = secure;
    }

    /** Loads the session for every officer route except login; checks the CSRF token on changes. */
    void authenticate(RoutingContext ctx) {
        if (ctx.request().path().equals(PATH + "/login")) {
            ctx.next();
            return;
        }
        // The page's first question ("am I signed in?") is answered 200 either way, so a fresh console logs no 401.
        boolean probe = ctx.request().path().equals(PATH + "/session");
        Cookie cookie = ctx.request().getCookie(COOKIE);
        if (cookie == null) {
            signedOut(ctx, probe);
            return;
        }
        // The live feed and the page's own automatic refreshes are not an officer at work: they do not defer the idle timeout.
        boolean background = ctx.request().path().equals(PATH + "/events") || ctx.request().getHeader(BACKGROUND_HEADER) != null;
        vertx.executeBlocking(() -> access.session(cookie.getValue(), !background), false).onFailure(ctx::fail).onSuccess(found -> {
            if (found.isEmpty()) {
                ctx.response().addCookie(expired());
                signedOut(ctx, probe);
                return;
            }
            OfficerSession s = found.get();
            HttpMethod m = ctx.request().method();
            if (m != HttpMethod.GET && m != HttpMethod.HEAD && !sameToken(s.csrfToken(), ctx.request().getHeader(CSRF_HEADER))) {
                ctx.fail(new ApiError(403, "csrf_invalid", "安全校验失败（缺少或错误的 CSRF 令牌），请刷新页面后重试"));
                return;
            }
            ctx.put(KEY, s);
            ctx.next();
        });
    }

    private static void signedOut(RoutingContext ctx, boolean probe) {
        if (probe) {
            ctx.json(new io.vertx.core.json.JsonObject().put("loggedIn", false));
        } else {
            ctx.fail(unauthorized());
        }
    }

    static Handler<RoutingContext> require(Role role) {
        return ctx -> {
            if (!session(ctx).role().atLeast(role)) {
                throw new ApiError(403, "forbidden", "您的角色没有这个权限");
            }
            ctx.next();
        };
    }

    static OfficerSession session(RoutingContext ctx) {
        OfficerSession s = ctx.get(KEY);
        if (s == null) {
            throw unauthorized();
        }
        return s;
    }

    Cookie cookie(String value) {
        return Cookie.cookie(COOKIE, value).setPath(PATH).setHttpOnly(true).setSecure(secure).setSameSite(CookieSameSite.STRICT);
    }

    Cookie expired() {
        return cookie("").setMaxAge(0);
    }

    static ApiError unauthorized() {
        return new ApiError(401, "unauthorized", "请先登录");
    }

    private static boolean sameToken(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
