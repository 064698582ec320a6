package cn.antifraud.channels.console;

import cn.antifraud.core.audit.AuditLog;
import cn.antifraud.core.stats.Dashboard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The supervisors' read side: dashboard figures and the audit log, read on worker threads. */
public final class ConsoleFigures {
    private final Vertx vertx;
    private final Dashboard dashboard;
    private final AuditLog audit;

    public ConsoleFigures(Vertx vertx, Dashboard dashboard, AuditLog audit) {
        this.vertx = vertx;
        this.dashboard = dashboard;
        this.audit = audit;
    }

    Future<JsonObject> figures(int days) {
        return vertx.executeBlocking(() -> dashboard.compute(days), false);
    }

    Future<JsonArray> audit(String target, String actor, int limit) {
        return vertx.executeBlocking(() -> new JsonArray(audit.recent(target, actor, limit)), false);
    }
}
