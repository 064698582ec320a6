package cn.antifraud.channels.console;

import cn.antifraud.channels.http.ApiError;
import cn.antifraud.channels.http.Requests;
import cn.antifraud.channels.http.limit.ClientAddress;
import cn.antifraud.channels.http.limit.TrustedProxies;
import cn.antifraud.core.officer.Account;
import cn.antifraud.core.officer.OfficerAccess;
import cn.antifraud.core.officer.OfficerSession;
import cn.antifraud.core.officer.Role;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;

/** Login, logout, who am I, colleagues, and the admins' account management. */
final class AccountRoutes {
    private final Vertx vertx;
    private final OfficerAccess access;
    private final ConsoleAuth auth;
    private final LoginPool hashing;
    private final TrustedProxies proxies;

    AccountRoutes(Vertx vertx, OfficerAccess access, ConsoleAuth auth, TrustedProxies proxies) {
        this.vertx = vertx;
        this.access = access;
        this.auth = auth;
        this.hashing = new LoginPool(vertx);
        this.proxies = proxies;
    }

    void mount(Router r) {
        String p = ConsoleAuth.PATH;
        var admin = ConsoleAuth.require(Role.ADMIN);
        r.post(p + "/login").handler(this::login);
        r.post(p + "/logout").handler(this::logout);
        r.get(p + "/me").handler(ctx -> {
            OfficerSession s = ConsoleAuth.session(ctx);
            ctx.json(new JsonObject().put("username", s.username()).put("role", s.role().id()).put("csrfToken", s.csrfToken()));
        });
        r.get(p + "/session").handler(ctx -> {
            OfficerSession s = ConsoleAuth.session(ctx);
            ctx.json(new JsonObject().put("loggedIn", true).put("username", s.username()).put("role", s.role().id())
                .put("csrfToken", s.csrfToken()));
        });
        r.get(p + "/colleagues").handler(ctx -> blocking(ctx, () -> {
            JsonArray out = new JsonArray();
            access.accounts().stream().filter(a -> !a.disabled())
                .forEach(a -> out.add(new JsonObject().put("username", a.username()).put("role", a.role().id())));
            return new JsonObject().put("colleagues", out);
        }));
        r.get(p + "/accounts").handler(admin).handler(ctx -> blocking(ctx, () -> {
            JsonArray out = new JsonArray();
            access.accounts().stream().map(Account::toJson).forEach(out::add);
            return new JsonObject().put("accounts", out);
        }));
        r.post(p + "/accounts").handler(admin).handler(ctx -> {
            JsonObject body = Requests.jsonObject(ctx);
            String username = Requests.optionalString(body, "username");
            String password = Requests.optionalString(body, "password");
            Role role = Role.of(Requests.optionalString(body, "role") == null ? "officer" : body.getString("role"));
            String actor = ConsoleAuth.session(ctx).username();
            hashing.run(() -> {
                access.create(actor, username, password, role);
                return new JsonObject().put("username", username).put("role", role.id());
            }).onSuccess(json -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(json.encode())).onFailure(e -> ConsoleErrors.fail(ctx, e));
        });
        r.post(p + "/accounts/:username/password").handler(admin).handler(ctx -> {
            String password = Requests.optionalString(Requests.jsonObject(ctx), "password");
            ConsoleChannel.reply(ctx, hashing.run(() -> {
                access.resetPassword(ConsoleAuth.session(ctx).username(), ctx.pathParam("username"), password);
                return new JsonObject().put("username", ctx.pathParam("username")).put("passwordReset", true);
            }));
        });
        r.post(p + "/accounts/:username/role").handler(admin).handler(ctx -> {
            Role role = Role.of(Requests.optionalString(Requests.jsonObject(ctx), "role"));
            blocking(ctx, () -> {
                access.setRole(ConsoleAuth.session(ctx).username(), ctx.pathParam("username"), role);
                return new JsonObject().put("username", ctx.pathParam("username")).put("role", role.id());
            });
        });
        r.post(p + "/accounts/:username/disabled").handler(admin).handler(ctx -> {
            Object v = Requests.jsonObject(ctx).getValue("disabled");
            if (!(v instanceof Boolean disabled)) {
                throw ApiError.badRequest("invalid_field", "字段 disabled 必须是 true 或 false");
            }
            blocking(ctx, () -> {
                access.setDisabled(ConsoleAuth.session(ctx).username(), ctx.pathParam("username"), disabled);
                return new JsonObject().put("username", ctx.pathParam("username")).put("disabled", disabled);
            });
        });
    }

    private void login(RoutingContext ctx) {
        // Only JSON: a cross-site form cannot send it without a CORS preflight, so no other site can log a browser in.
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "unsupported_media_type", "登录请求必须是 JSON");
        }
        JsonObject body = Requests.jsonObject(ctx);
        String username = Requests.optionalString(body, "username");
        String password = Requests.optionalString(body, "password");
        if (username == null || password == null || username.length() > 64 || password.length() > 200) {
            throw ApiError.badRequest("missing_field", "请输入用户名和密码");
        }
        var old = ctx.request().getCookie(ConsoleAuth.COOKIE);
        String address = ClientAddress.of(ctx.request(), proxies);
        hashing.run(() -> {
            if (old != null) {
                access.session(old.getValue(), false).ifPresent(access::logout);
            }
            return access.login(username, password, address);
        }).onSuccess(login -> {
            ctx.response().addCookie(auth.cookie(login.cookie()));
            ctx.json(new JsonObject().put("csrfToken", login.session().csrfToken()).put("username", login.session().username())
                .put("role", login.session().role().id()));
        }).onFailure(e -> {
            if (e instanceof ApiError busy && busy.status() == 503) {
                ctx.response().putHeader("Retry-After", "5");
            }
            ConsoleErrors.fail(ctx, e);
        });
    }

    private void logout(RoutingContext ctx) {
        OfficerSession s = ConsoleAuth.session(ctx);
        vertx.executeBlocking(() -> {
            access.logout(s);
            return new JsonObject().put("loggedOut", true);
        }, false).onSuccess(json -> {
            ctx.response().addCookie(auth.expired());
            ctx.json(json);
        }).onFailure(e -> ConsoleErrors.fail(ctx, e));
    }

    private void blocking(RoutingContext ctx, Callable<JsonObject> work) {
        ConsoleChannel.reply(ctx, vertx.executeBlocking(work, false));
    }
}
