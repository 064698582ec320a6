package cn.antifraud.deploy;

import cn.antifraud.core.conversation.ConversationRouter;
import cn.antifraud.core.dialogue.Flow;
import cn.antifraud.core.education.EducationContent;
import cn.antifraud.core.education.EducationFlow;
import cn.antifraud.core.education.QuizFlow;
import cn.antifraud.core.storage.Store;
import cn.antifraud.core.tips.TipScheduler;
import cn.antifraud.core.tips.TipSubscriptions;
import cn.antifraud.core.tips.TipsConfig;
import cn.antifraud.core.tips.TipsFlow;
import cn.antifraud.kb.KnowledgeBase;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;

/** Prevention education wired together: content (with supervisors' edits), the flows, and the tip scheduler. */
public final class EducationModule {
    private final EducationContent content;
    private final TipSubscriptions subscriptions;
    private final List<Flow> flows;
    private TipScheduler tips;
    private Vertx vertx;
    private ConversationRouter router;
    private KnowledgeBase kb;

    EducationModule(KnowledgeBase kb, Store store) {
        this.content = new EducationContent(kb);
        this.subscriptions = new TipSubscriptions(store);
        TipsFlow tipsFlow = new TipsFlow(subscriptions);
        EducationFlow education = new EducationFlow(content, tipsFlow);
        this.flows = List.of(education, new QuizFlow(education), tipsFlow);
    }

    List<Flow> flows() {
        return flows;
    }

    /** Starts the tip scheduler once the router exists. */
    void start(Vertx vertx, ConversationRouter router, KnowledgeBase kb, TipsConfig config) {
        this.vertx = vertx;
        this.router = router;
        this.kb = kb;
        tips = newScheduler(Clock.systemUTC());
        tips.start(config.intervalSeconds());
    }

    public EducationContent content() {
        return content;
    }

    public TipSubscriptions subscriptions() {
        return subscriptions;
    }

    /** Another scheduler on the same storage (a second instance, or a test with its own clock); not started. */
    public TipScheduler newScheduler(Clock clock) {
        return new TipScheduler(vertx, subscriptions, router, kb, clock);
    }

    public TipScheduler tips() {
        return tips;
    }
}
