package cn.antifraud.deploy;

import cn.antifraud.channels.console.ConsoleChannel;
import cn.antifraud.channels.console.ConsoleFigures;
import cn.antifraud.core.conversation.ConversationRouter;
import cn.antifraud.core.escalation.ConversationLifecycle;
import cn.antifraud.core.escalation.RecentWaits;
import cn.antifraud.core.followup.FollowUpService;
import cn.antifraud.core.followup.FollowUpStore;
import cn.antifraud.core.officer.AccountStore;
import cn.antifraud.core.audit.AuditLog;
import cn.antifraud.core.officer.CaseDesk;
import cn.antifraud.core.officer.OfficerAccess;
import cn.antifraud.core.officer.OfficerDesk;
import cn.antifraud.core.officer.SessionStore;
import cn.antifraud.core.stats.Dashboard;
import cn.antifraud.core.storage.Store;
import cn.antifraud.kb.KnowledgeBase;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.time.Clock;

/** Wires the officers' side (accounts, sessions, desk, cases, follow-ups, figures, audit) into one HTTP channel. */
final class OfficerConsole {
    private OfficerConsole() {
    }

    static ConsoleChannel create(Vertx vertx, Store store, KnowledgeBase kb, ConversationRouter router, ConversationLifecycle lifecycle,
                                 RecentWaits waits, Application.Services services, AppConfig config, PrintStream err) {
        Clock clock = Clock.systemUTC();
        AuditLog audit = services.audit();
        AccountStore accounts = new AccountStore(store);
        OfficerAccess access = new OfficerAccess(accounts, new SessionStore(store), audit, clock, OfficerAccess.DEFAULT_IDLE);
        access.ensureFirstAdmin(config.adminUsername(), config.adminPassword()).ifPresent(password -> err.println(
            "First officer account created: username '" + config.adminUsername() + "', generated password '" + password
                + "' (shown only this once; sign in at /console/ and change it)."));
        FollowUpStore followUps = new FollowUpStore(store);
        OfficerDesk desk = new OfficerDesk(vertx, store, router, lifecycle, kb, followUps, audit, accounts, clock, waits);
        desk.listen();
        CaseDesk cases = new CaseDesk(vertx, services.cases().store(), router, lifecycle, services.indicators(), followUps, audit, clock);
        String base = config.http().publicBaseUrl();
        return new ConsoleChannel(vertx, access, desk, cases, new FollowUpService(vertx, followUps, router, audit, clock, kb.taxonomy()),
            new ConsoleFigures(vertx, new Dashboard(store, kb, clock), audit), base != null && base.startsWith("https://"),
            config.edge().trustedProxies());
    }
}
