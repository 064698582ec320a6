package cn.antifraud.deploy;

import cn.antifraud.core.analysis.Analyzer;
import cn.antifraud.core.audit.AuditLog;
import cn.antifraud.core.conversation.ConversationRouter;
import cn.antifraud.core.dialogue.Flow;
import cn.antifraud.core.education.ContentEditor;
import cn.antifraud.core.education.EducationContent;
import cn.antifraud.core.education.EducationFlow;
import cn.antifraud.core.education.QuizFlow;
import cn.antifraud.core.indicator.IndicatorRegistry;
import cn.antifraud.core.kbadmin.KnowledgeAdmin;
import cn.antifraud.core.kbadmin.KnowledgeEvents;
import cn.antifraud.core.lease.Leases;
import cn.antifraud.core.storage.Store;
import cn.antifraud.core.tips.TipScheduler;
import cn.antifraud.core.tips.TipSubscriptions;
import cn.antifraud.core.tips.TipsConfig;
import cn.antifraud.core.tips.TipsFlow;
import cn.antifraud.core.training.CorpusAdditions;
import cn.antifraud.core.training.ModelStore;
import cn.antifraud.core.training.Retrainer;
import cn.antifraud.core.training.TrainingJobs;
import cn.antifraud.core.training.ReviewQueue;
import cn.antifraud.kb.KnowledgeBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * Prevention education and the knowledge base as a living thing, wired together: the teaching content with
 * supervisors' edits, the resident flows, the tip scheduler, and the supervisors' service (edits, corpus,
 * retraining) that the console mounts behind its login.
 */
public final class KnowledgeModule {
    private static final Logger LOG = Logger.getLogger(KnowledgeModule.class.getName());
    /** A backstop only: edits and model swaps reach every node at once through {@link KnowledgeEvents}. */
    static final long SYNC_SECONDS = 600;

    private final KnowledgeBase kb;
    private final Store store;
    private final EducationContent content;
    private final AuditLog audit;
    private final ContentEditor editor;
    private final TipSubscriptions subscriptions;
    private final List<Flow> flows;
    private Vertx vertx;
    private ConversationRouter router;
    private TipScheduler tips;
    private Retrainer retrainer;
    private KnowledgeAdmin admin;
    private Analyzer analyzer;
    private Leases leases;

    KnowledgeModule(KnowledgeBase kb, Store store, AuditLog audit) {
        this.kb = kb;
        this.store = store;
        this.content = new EducationContent(kb);
        this.audit = audit;
        this.editor = new ContentEditor(store, content, audit);
        editor.load();
        this.subscriptions = new TipSubscriptions(store);
        TipsFlow tipsFlow = new TipsFlow(subscriptions);
        EducationFlow education = new EducationFlow(content, tipsFlow);
        this.flows = List.of(education, new QuizFlow(education), tipsFlow);
    }

    List<Flow> flows() {
        return flows;
    }

    /**
     * Once the analyzer and router exist: runs the live model, starts tips (once in the cluster) and follows other
     * nodes' edits and model swaps through cluster events.
     */
    void start(Vertx v, ConversationRouter r, Analyzer analyzer, IndicatorRegistry indicators, Path modelCache, TipsConfig config) {
        this.vertx = v;
        this.router = r;
        this.analyzer = analyzer;
        CorpusAdditions additions = new CorpusAdditions(store, kb, audit);
        this.leases = new Leases(store, Clock.systemUTC());
        this.retrainer = new Retrainer(v, kb, analyzer, additions, new ModelStore(store), audit, modelCache, leases,
            new TrainingJobs(store));
        retrainer.syncLive();
        this.admin = new KnowledgeAdmin(v, kb, editor, indicators, additions, new ReviewQueue(store, additions, kb), retrainer, audit);
        this.tips = clusterScheduler();
        tips.start(config.intervalSeconds());
        indicators.onChange((type, value) -> v.eventBus().publish(KnowledgeEvents.CHANGED,
            new JsonObject().put("what", "indicators").put("type", type).put("value", value)));
        v.eventBus().<JsonObject>consumer(KnowledgeEvents.CHANGED, m -> sync(v, () -> {
            if ("indicators".equals(m.body().getString("what"))) {
                indicators.refresh(m.body().getString("type"), m.body().getString("value"));
            } else {
                editor.load();
            }
        }));
        v.eventBus().<JsonObject>consumer(KnowledgeEvents.MODEL_SWAPPED, m -> sync(v, retrainer::syncLive));
        v.setPeriodic(SYNC_SECONDS * 1000, id -> sync(v, () -> {
            editor.load();
            indicators.reload();
            retrainer.syncLive();
        }));
    }

    private static void sync(Vertx v, Runnable reload) {
        v.executeBlocking(() -> {
            reload.run();
            return null;
        }, false).onFailure(e -> LOG.warning("knowledge-base sync failed: " + e.getMessage()));
    }

    /** Another scheduler on the same storage (a second instance, or a test with its own clock); not started. */
    public TipScheduler newScheduler(Clock clock) {
        return new TipScheduler(vertx, subscriptions, router, kb, clock);
    }

    /** The periodic scheduler: its runs happen on the one node of a cluster that holds the tips lease. */
    private TipScheduler clusterScheduler() {
        return new TipScheduler(vertx, subscriptions, router, kb, Clock.systemUTC(), leases);
    }

    public EducationContent content() {
        return content;
    }

    public TipSubscriptions subscriptions() {
        return subscriptions;
    }

    public TipScheduler tips() {
        return tips;
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /** The supervisors' service, for the console to mount behind its login and role check. */
    public KnowledgeAdmin admin() {
        return admin;
    }
}
