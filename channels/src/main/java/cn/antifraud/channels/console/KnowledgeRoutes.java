package cn.antifraud.channels.console;

import cn.antifraud.channels.http.HttpChannel;
import cn.antifraud.channels.knowledge.KnowledgeAdminApi;
import cn.antifraud.core.kbadmin.KnowledgeAdmin;
import cn.antifraud.core.officer.Role;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * The knowledge-base API in the console, under {@code /api/officer/kb} (supervisors) and
 * {@code /api/officer/corrections} (officers), behind the console's session, CSRF and role checks. Registered in
 * the launcher's channel list after the {@link ConsoleChannel}, whose authentication route then runs first.
 */
public final class KnowledgeRoutes implements HttpChannel {
    private final Vertx vertx;
    private final KnowledgeAdminApi api;

    public KnowledgeRoutes(Vertx vertx, KnowledgeAdmin admin) {
        this.vertx = vertx;
        this.api = new KnowledgeAdminApi(admin, ctx -> ConsoleAuth.session(ctx).username());
    }

    @Override
    public void mount(Router r) {
        Router supervisor = Router.router(vertx);
        supervisor.route().handler(ConsoleAuth.require(Role.SUPERVISOR));
        api.mountSupervisor(supervisor);
        r.route(ConsoleAuth.PATH + "/kb/*").subRouter(supervisor);
        api.mountOfficer(r, ConsoleAuth.PATH, ConsoleAuth.require(Role.OFFICER));
    }
}
