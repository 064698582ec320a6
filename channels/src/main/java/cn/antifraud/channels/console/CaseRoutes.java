package cn.antifraud.channels.console;

import cn.antifraud.channels.http.ApiError;
import cn.antifraud.channels.http.Requests;
import cn.antifraud.core.followup.FollowUpService;
import cn.antifraud.core.officer.CaseDesk;
import cn.antifraud.core.officer.Role;
import cn.antifraud.core.stats.DashboardCsv;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Cases, follow-ups (回访), the supervisors' figures (JSON and CSV) and the audit log. */
final class CaseRoutes {
    private final CaseDesk cases;
    private final FollowUpService followups;
    private final ConsoleFigures figures;

    CaseRoutes(CaseDesk cases, FollowUpService followups, ConsoleFigures figures) {
        this.cases = cases;
        this.followups = followups;
        this.figures = figures;
    }

    void mount(Router r) {
        String p = ConsoleAuth.PATH;
        var officer = ConsoleAuth.require(Role.OFFICER);
        var supervisor = ConsoleAuth.require(Role.SUPERVISOR);
        r.post(p + "/conversations/:id/case").handler(officer).handler(ctx ->
            ConsoleChannel.reply(ctx, cases.open(ConsoleChannel.id(ctx), ConsoleAuth.session(ctx))));
        r.get(p + "/cases").handler(officer).handler(ctx -> {
            String q = ctx.queryParams().get("q");
            if (q != null && q.length() > 40) {
                throw ApiError.badRequest("invalid_parameter", "搜索内容不能超过 40 个字");
            }
            ConsoleChannel.reply(ctx, cases.search(q, ConsoleAuth.session(ctx)).map(list -> new JsonObject().put("cases", list)));
        });
        r.get(p + "/cases/:caseNo").handler(officer).handler(ctx ->
            ConsoleChannel.reply(ctx, cases.find(ctx.pathParam("caseNo"), ConsoleAuth.session(ctx))));
        r.post(p + "/cases/:caseNo/status").handler(officer).handler(ctx -> {
            String status = Requests.optionalString(Requests.jsonObject(ctx), "status");
            if (status == null) {
                throw ApiError.badRequest("missing_field", "缺少字段 status");
            }
            ConsoleChannel.reply(ctx, cases.setStatus(ctx.pathParam("caseNo"), status, ConsoleAuth.session(ctx)));
        });
        r.get(p + "/followups").handler(officer).handler(ctx ->
            ConsoleChannel.reply(ctx, followups.due().map(list -> new JsonObject().put("followups", list))));
        r.post(p + "/followups/:id/send").handler(officer).handler(ctx ->
            ConsoleChannel.reply(ctx, followups.send(ctx.pathParam("id"), ConsoleAuth.session(ctx))));
        r.post(p + "/followups/:id/done").handler(officer).handler(ctx -> {
            String outcome = ctx.body().length() == 0 ? null : Requests.optionalString(Requests.jsonObject(ctx), "outcome");
            ConsoleChannel.reply(ctx, followups.done(ctx.pathParam("id"), ConsoleAuth.session(ctx), outcome));
        });
        r.get(p + "/stats").handler(supervisor).handler(ctx -> ConsoleChannel.reply(ctx, figures.figures(days(ctx))));
        r.get(p + "/stats.csv").handler(supervisor).handler(ctx -> figures.figures(days(ctx)).onSuccess(f ->
            ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"antifraud-stats.csv\"").end(DashboardCsv.render(f)))
            .onFailure(ctx::fail));
        r.get(p + "/audit").handler(supervisor).handler(ctx -> {
            int limit = intParam(ctx, "limit", 200, 1, 1000);
            ConsoleChannel.reply(ctx, figures.audit(ctx.queryParams().get("target"), ctx.queryParams().get("actor"), limit)
                .map(list -> new JsonObject().put("audit", list)));
        });
    }

    private static int days(RoutingContext ctx) {
        return intParam(ctx, "days", 30, 1, 366);
    }

    private static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
        String v = ctx.queryParams().get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiError.badRequest("invalid_parameter", name + " 必须是 " + min + " 到 " + max + " 之间的整数");
    }
}
