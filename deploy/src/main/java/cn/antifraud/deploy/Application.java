package cn.antifraud.deploy;

import cn.antifraud.channels.console.KnowledgeRoutes;
import cn.antifraud.channels.http.HttpChannel;
import cn.antifraud.channels.http.PublicUrl;
import cn.antifraud.channels.http.WebServer;
import cn.antifraud.channels.http.limit.InProcessRateLimiter;
import cn.antifraud.channels.http.limit.StoredRateLimiter;
import cn.antifraud.channels.ops.Metrics;
import cn.antifraud.channels.ops.OpsChannel;
import cn.antifraud.channels.twilio.CallbackTasks;
import cn.antifraud.channels.twilio.SmsChannel;
import cn.antifraud.channels.twilio.SmsSender;
import cn.antifraud.channels.twilio.TwilioOutbound;
import cn.antifraud.channels.twilio.TwilioSignatures;
import cn.antifraud.channels.twilio.VoiceChannel;
import cn.antifraud.channels.twilio.VoiceTurns;
import cn.antifraud.channels.webchat.WebChatChannel;
import cn.antifraud.channels.wechat.WeChatChannel;
import cn.antifraud.channels.wechat.WeChatNonces;
import cn.antifraud.core.analysis.AnalysisPipeline;
import cn.antifraud.core.analysis.Analyzer;
import cn.antifraud.core.audit.AuditLog;
import cn.antifraud.core.conversation.ConversationRouter;
import cn.antifraud.core.conversation.ConversationStore;
import cn.antifraud.core.dialogue.DialogueEngine;
import cn.antifraud.core.dialogue.Flow;
import cn.antifraud.core.escalation.ConversationLifecycle;
import cn.antifraud.core.escalation.RecentWaits;
import cn.antifraud.core.indicator.IndicatorRegistry;
import cn.antifraud.core.people.PeopleDirectory;
import cn.antifraud.core.report.CaseService;
import cn.antifraud.core.report.CaseStatusFlow;
import cn.antifraud.core.report.CaseStore;
import cn.antifraud.core.report.ReportFiler;
import cn.antifraud.core.report.ReportFlow;
import cn.antifraud.core.storage.Store;
import cn.antifraud.deploy.cluster.ClusterNode;
import cn.antifraud.kb.KnowledgeBase;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsCommandListener;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Wires the whole service on one machine: storage, knowledge base, models, dialogue, channels, HTTP. */
public final class Application implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Application.class.getName());

    private final Vertx vertx;
    private final Store store;
    private final HttpServer server;
    private final Services services;
    private final ConversationRouter router;
    private final PeopleDirectory people;
    private final KnowledgeModule knowledge;

    /** Services other parts (officer console, tests) reach through the running application. */
    public record Services(CaseService cases, AuditLog audit, IndicatorRegistry indicators, ConversationStore conversations) {
    }

    private Application(Vertx vertx, Store store, HttpServer server, Services services, ConversationRouter router,
                        PeopleDirectory people, KnowledgeModule knowledge) {
        this.vertx = vertx;
        this.store = store;
        this.server = server;
        this.services = services;
        this.router = router;
        this.people = people;
        this.knowledge = knowledge;
    }

    /** Starts everything and returns once the HTTP server listens (then {@code GET /health} answers 200). */
    public static Application start(AppConfig config) throws Exception {
        KnowledgeBase kb = KnowledgeBase.load();
        Metrics metrics = new Metrics();
        Store store = Store.open(config.storage(), List.of(new MongoMetricsCommandListener(metrics.registry())));
        ClusterNode node;
        IndicatorRegistry registry;
        FutureTask<Analyzer> analyzing;
        Path modelDir = config.modelCache();
        try {
            registry = new IndicatorRegistry(store);
            // Reading the models and building HanLP's dictionaries is most of a start with cached models, and
            // needs neither the cluster node nor the other stores: it runs beside them on the second core.
            analyzing = new FutureTask<>(() -> AnalysisPipeline.analyzer(kb, modelDir, registry));
            Thread loader = new Thread(analyzing, "analyzer-load");
            loader.setDaemon(true);
            loader.start();
            node = ClusterNode.start(config.cluster(), metrics.registry());
        } catch (Exception | Error e) {
            store.close();
            throw e;
        }
        Vertx vertx = node.vertx();
        try {
            registry.seed(kb.seedIndicators());
            ConversationStore conversations = new ConversationStore(store);
            ConversationLifecycle lifecycle = new ConversationLifecycle(conversations, vertx.eventBus());
            Clock clock = Clock.systemUTC();
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            CaseStore cases = new CaseStore(store, clock, zone);
            Services services = new Services(new CaseService(vertx, cases), new AuditLog(store, clock), registry, conversations);
            List<Flow> flows = new ArrayList<>();
            flows.add(new ReportFlow(kb, new ReportFiler(cases, registry), clock, zone));
            flows.add(new CaseStatusFlow(cases));
            KnowledgeModule knowledge = new KnowledgeModule(kb, store, services.audit());
            flows.addAll(knowledge.flows());
            DialogueEngine engine = new DialogueEngine(kb, flows);
            PublicUrl publicUrl = new PublicUrl(config.http());
            PeopleDirectory people = new PeopleDirectory(store);
            TwilioSignatures twilioSignatures = new TwilioSignatures(config.twilio(), publicUrl);
            SmsSender sms = new SmsSender(vertx, config.twilio(), store, publicUrl);
            CallbackTasks callbacks = new CallbackTasks(store);
            new TwilioOutbound(vertx, sms, callbacks).listen();
            Analyzer analyzer = loaded(analyzing);
            // alone, this node records every claim; clustered, other nodes' claims are read again every few seconds
            RecentWaits waits = new RecentWaits(store, clock, config.cluster().members().isEmpty() ? null : RecentWaits.CLUSTER_REREAD);
            ConversationRouter router = new ConversationRouter(vertx, conversations, analyzer, engine, lifecycle, waits);
            knowledge.start(vertx, router, analyzer, registry, modelDir, config.tips());

            List<HttpChannel> channels = List.of(
                new OpsChannel(vertx, store, metrics, () -> analyzer.models().version(), config.edge().metricsToken(), node.health()),
                new WebChatChannel(vertx, router, metrics, config.residentSessionDays()),
                new SmsChannel(vertx, router, people, sms, twilioSignatures, metrics),
                new VoiceChannel(vertx, router, new VoiceTurns.Effects(store, people, sms, callbacks, config.twilio().officerPhone()),
                    twilioSignatures, publicUrl, metrics),
                new WeChatChannel(vertx, router, config.wechat(), metrics, store,
                    new WeChatNonces(store, clock, config.wechat().maxSkewSeconds()), clock),
                OfficerConsole.create(vertx, store, kb, router, lifecycle, waits, services, config, System.err),
                new KnowledgeRoutes(vertx, knowledge.admin()));
            HttpServer server = WebServer.start(vertx, WebServer.router(vertx, channels, config.edge(),
                    // clustered, every node counts a client's requests together; alone, in process (faster)
                    config.cluster().members().isEmpty() ? new InProcessRateLimiter() : new StoredRateLimiter(vertx, store, clock)),
                    config.http().port(), config.edge())
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            publicUrl.bind(server.actualPort());
            LOG.info("serving on port " + server.actualPort() + " (public URL " + config.http().publicBaseUrl(server.actualPort()) + ")");
            return new Application(vertx, store, server, services, router, people, knowledge);
        } catch (Exception | Error e) {
            vertx.close();
            store.close();
            throw e;
        }
    }

    /** The analyzer loaded in the background; its failure fails the start as if it had loaded in line. */
    private static Analyzer loaded(FutureTask<Analyzer> analyzing) throws Exception {
        try {
            return analyzing.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    public int port() {
        return server.actualPort();
    }

    public Vertx vertx() {
        return vertx;
    }

    public Store store() {
        return store;
    }

    public ConversationRouter router() {
        return router;
    }

    /** One person across SMS, voice and reports, keyed by phone number (for the officer console). */
    public PeopleDirectory people() {
        return people;
    }

    public Services services() {
        return services;
    }

    public KnowledgeModule knowledge() {
        return knowledge;
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warning("unclean HTTP shutdown: " + e.getMessage());
        } finally {
            store.close();
        }
    }
}
