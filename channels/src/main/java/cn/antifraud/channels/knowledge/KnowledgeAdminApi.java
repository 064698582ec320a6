package cn.antifraud.channels.knowledge;

import cn.antifraud.channels.http.ApiError;
import cn.antifraud.channels.http.Requests;
import cn.antifraud.core.audit.ChangeRefused;
import cn.antifraud.core.kbadmin.KnowledgeAdmin;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * The supervisors' knowledge-base API as JSON handlers, for the officer console to mount behind its login, role
 * check and CSRF protection (it is deliberately not an {@code HttpChannel}: it has no auth of its own). Paths are
 * relative to wherever the console mounts it, e.g. {@code /api/officer/kb}; {@code actor} names the signed-in
 * officer for the audit trail.
 */
public final class KnowledgeAdminApi {
    static final int DEFAULT_LIMIT = 50;

    private final KnowledgeAdmin admin;
    private final Function<RoutingContext, String> actor;

    public KnowledgeAdminApi(KnowledgeAdmin admin, Function<RoutingContext, String> actor) {
        this.admin = admin;
        this.actor = actor;
    }

    /** Supervisor routes: content, indicators, corpus, training, models, audit. */
    public void mountSupervisor(Router r) {
        r.get("/types").handler(ctx -> answer(ctx, admin.types()));
        r.get("/types/:id").handler(ctx -> answer(ctx, admin.type(ctx.pathParam("id"))));
        r.put("/types/:id").handler(this::saveType);
        r.get("/types/:id/history").handler(ctx -> answer(ctx, admin.typeHistory(ctx.pathParam("id"))));
        r.post("/types/:id/revert").handler(ctx -> answer(ctx, admin.revertType(ctx.pathParam("id"),
            integer(Requests.jsonObject(ctx), "version"), actor.apply(ctx))));
        r.post("/indicators").handler(this::addIndicator);
        r.get("/review").handler(ctx -> answer(ctx, admin.review(limit(ctx))));
        r.get("/corpus").handler(ctx -> answer(ctx, admin.additions(limit(ctx))));
        r.post("/corpus").handler(this::addToCorpus);
        r.post("/corpus/import").handler(ctx -> answer(ctx, admin.importCorpus(required(Requests.jsonObject(ctx), "tsv"),
            actor.apply(ctx))));
        r.delete("/corpus/:id").handler(ctx -> answer(ctx, admin.removeAddition(ctx.pathParam("id"), actor.apply(ctx))
            .map(v -> new JsonObject().put("removed", ctx.pathParam("id")))));
        r.post("/training").handler(ctx -> admin.startTraining(actor.apply(ctx))
            .onSuccess(job -> ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(job.encode()))
            .onFailure(e -> ctx.fail(map(e))));
        r.get("/training/:id").handler(ctx -> answer(ctx, admin.trainingJob(ctx.pathParam("id"))));
        r.get("/models").handler(ctx -> answer(ctx, admin.models()));
        r.get("/models/running").handler(ctx -> answer(ctx, admin.runningModel()));
        r.post("/models/:id/restore").handler(ctx -> answer(ctx, admin.restoreModel(ctx.pathParam("id"), actor.apply(ctx))));
        r.get("/audit").handler(ctx -> answer(ctx, admin.auditTrail(ctx.queryParams().get("target"), limit(ctx))));
    }

    /** Officer route {@code prefix + /corrections}: propose a corrected label for a message the bot got wrong. */
    public void mountOfficer(Router r, String prefix, io.vertx.core.Handler<RoutingContext> gate) {
        r.post(prefix + "/corrections").handler(gate).handler(ctx -> {
            JsonObject body = Requests.jsonObject(ctx);
            answer(ctx, admin.proposeCorrection(Requests.text(body, "messageId"), Requests.text(body, "label"), actor.apply(ctx)));
        });
    }

    private void saveType(RoutingContext ctx) {
        JsonObject body = Requests.jsonObject(ctx);
        Object content = body.getValue("content");
        String text = content instanceof JsonObject o ? o.encodePrettily() : Requests.optionalString(body, "contentText");
        if (text == null) {
            throw ApiError.badRequest("missing_field", "缺少字段 content（JSON 对象）或 contentText（JSON 文本）");
        }
        answer(ctx, admin.saveType(ctx.pathParam("id"), text, integer(body, "baseVersion"), actor.apply(ctx),
            Requests.optionalString(body, "note")));
    }

    private void addIndicator(RoutingContext ctx) {
        JsonObject b = Requests.jsonObject(ctx);
        answer(ctx, admin.addIndicator(Requests.text(b, "type"), Requests.text(b, "value"), Requests.text(b, "scamType"),
            Requests.optionalString(b, "note"), actor.apply(ctx)));
    }

    private void addToCorpus(RoutingContext ctx) {
        JsonObject b = Requests.jsonObject(ctx);
        String messageId = Requests.optionalString(b, "messageId");
        String text = messageId == null ? Requests.text(b, "text") : null;
        answer(ctx, admin.addToCorpus(messageId, text, Requests.text(b, "label"), actor.apply(ctx)));
    }

    private static String required(JsonObject body, String field) {
        String v = Requests.optionalString(body, field);
        if (v == null || v.isBlank()) {
            throw ApiError.badRequest("missing_field", "缺少字段 " + field);
        }
        return v;
    }

    private static int integer(JsonObject body, String field) {
        if (!(body.getValue(field) instanceof Integer i)) {
            throw ApiError.badRequest("invalid_field", "字段 " + field + " 必须是整数");
        }
        return i;
    }

    private static int limit(RoutingContext ctx) {
        String v = ctx.queryParams().get("limit");
        try {
            return v == null ? DEFAULT_LIMIT : Math.max(1, Math.min(500, Integer.parseInt(v)));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid_limit", "limit 必须是 1 到 500 的整数");
        }
    }

    private static void answer(RoutingContext ctx, Future<?> result) {
        result.onSuccess(ctx::json).onFailure(e -> ctx.fail(map(e)));
    }

    /** Refusals become the contract's error statuses; anything else stays a 500. */
    static Throwable map(Throwable e) {
        if (e instanceof ChangeRefused r) {
            int status = switch (r.kind()) {
                case INVALID -> 400;
                case CONFLICT -> 409;
                case NOT_FOUND -> 404;
            };
            return new ApiError(status, r.code(), r.getMessage());
        }
        return e;
    }
}
