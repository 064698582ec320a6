package cn.antifraud.channels.console;

import cn.antifraud.channels.http.ApiError;
import cn.antifraud.channels.http.HttpChannel;
import cn.antifraud.channels.http.Requests;
import cn.antifraud.channels.http.limit.TrustedProxies;
import cn.antifraud.core.followup.FollowUpService;
import cn.antifraud.core.officer.CaseDesk;
import cn.antifraud.core.officer.OfficerAccess;
import cn.antifraud.core.officer.OfficerDesk;
import cn.antifraud.core.officer.OfficerException;
import cn.antifraud.core.officer.Role;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The officers' API under {@code /api/officer} (the pages are static files under {@code /console/}):
 * login and accounts ({@link AccountRoutes}), the queue and conversations (here), cases, follow-ups, figures
 * and the audit log ({@link CaseRoutes}), and the live feed ({@link LiveFeed}).
 */
public final class ConsoleChannel implements HttpChannel {
    private final Vertx vertx;
    private final OfficerAccess access;
    private final OfficerDesk desk;
    private final CaseRoutes cases;
    private final boolean secureCookie;
    private final TrustedProxies proxies;

    public ConsoleChannel(Vertx vertx, OfficerAccess access, OfficerDesk desk, CaseDesk caseDesk, FollowUpService followups,
                          ConsoleFigures figures, boolean secureCookie, TrustedProxies proxies) {
        this.proxies = proxies;
        this.vertx = vertx;
        this.access = access;
        this.desk = desk;
        this.cases = new CaseRoutes(caseDesk, followups, figures);
        this.secureCookie = secureCookie;
    }

    @Override
    public void mount(Router r) {
        ConsoleAuth auth = new ConsoleAuth(vertx, access, secureCookie);
        r.route(ConsoleAuth.PATH + "/*").handler(ctx -> {
            ctx.response().putHeader("Cache-Control", "no-store");
            auth.authenticate(ctx);
        });
        r.route(ConsoleAuth.PATH + "/*").failureHandler(ctx -> {
            if (ctx.failure() instanceof OfficerException e) {
                ConsoleErrors.fail(ctx, e);
            } else {
                ctx.next();
            }
        });
        new AccountRoutes(vertx, access, auth, proxies).mount(r);
        String p = ConsoleAuth.PATH;
        var officer = ConsoleAuth.require(Role.OFFICER);
        r.get(p + "/events").handler(officer).handler(new LiveFeed(vertx, access, desk)::stream);
        r.get(p + "/queue").handler(officer).handler(ctx -> reply(ctx, desk.queue()
            .map(q -> new JsonObject().put("queue", q).put("scamTypes", desk.scamTypeNames()))));
        r.get(p + "/conversations/:id").handler(officer).handler(ctx -> reply(ctx, desk.view(id(ctx), ConsoleAuth.session(ctx))));
        r.post(p + "/conversations/:id/claim").handler(officer)
            .handler(ctx -> reply(ctx, desk.claim(id(ctx), ConsoleAuth.session(ctx))));
        r.post(p + "/conversations/:id/messages").handler(officer).handler(ctx ->
            reply(ctx, desk.reply(id(ctx), ConsoleAuth.session(ctx), text(ctx, "text"))));
        r.post(p + "/conversations/:id/notes").handler(officer).handler(ctx ->
            reply(ctx, desk.note(id(ctx), ConsoleAuth.session(ctx), text(ctx, "text"))));
        r.post(p + "/conversations/:id/transfer").handler(officer).handler(ctx ->
            reply(ctx, desk.transfer(id(ctx), ConsoleAuth.session(ctx), Requests.optionalString(Requests.jsonObject(ctx), "to"))));
        r.post(p + "/conversations/:id/handback").handler(officer)
            .handler(ctx -> reply(ctx, desk.handBack(id(ctx), ConsoleAuth.session(ctx))));
        r.post(p + "/conversations/:id/close").handler(officer).handler(this::close);
        cases.mount(r);
    }

    private void close(RoutingContext ctx) {
        JsonObject body = Requests.jsonObject(ctx);
        String disposition = Requests.optionalString(body, "disposition");
        Object amount = body.getValue("amountSaved");
        double saved = 0;
        if (amount != null) {
            if (!(amount instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 1e11) {
                throw ApiError.badRequest("invalid_field", "挽损金额 amountSaved 必须是不小于 0 的数字（元）");
            }
            saved = n.doubleValue();
        }
        if (disposition == null) {
            throw ApiError.badRequest("missing_field", "缺少字段 disposition（处置结果）");
        }
        reply(ctx, desk.close(id(ctx), ConsoleAuth.session(ctx), disposition, saved));
    }

    static String id(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (id == null || id.length() > 64) {
            throw ApiError.notFound("not_found", "找不到这个对象");
        }
        return id;
    }

    /** A required officer text: not blank, at most 2,000 characters. */
    static String text(RoutingContext ctx, String field) {
        String text = Requests.optionalString(Requests.jsonObject(ctx), field);
        if (text == null || text.isBlank()) {
            throw ApiError.badRequest("empty_text", "内容不能为空");
        }
        if (text.codePointCount(0, text.length()) > Requests.MAX_TEXT) {
            throw ApiError.badRequest("text_too_long", "内容不能超过 " + Requests.MAX_TEXT + " 个字");
        }
        return text.strip();
    }

    static void reply(RoutingContext ctx, Future<?> result) {
        result.onSuccess(v -> {
            if (v instanceof JsonObject json) {
                ctx.json(json);
            } else {
                ctx.json(new JsonObject().put("result", v));
            }
        }).onFailure(e -> ConsoleErrors.fail(ctx, e));
    }
}
