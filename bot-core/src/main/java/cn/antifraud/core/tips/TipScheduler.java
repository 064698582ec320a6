package cn.antifraud.core.tips;

import cn.antifraud.core.conversation.Conversation;
import cn.antifraud.core.conversation.ConversationRouter;
import cn.antifraud.core.conversation.ConversationState;
import cn.antifraud.core.conversation.ConversationStore;
import cn.antifraud.core.conversation.Message;
import cn.antifraud.core.lease.Leases;
import cn.antifraud.kb.Audience;
import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.ScamType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Sends each subscriber one tip per period. Every {@code interval} it looks at the active subscriptions, claims
 * the current period's delivery (a unique insert: at most once even with several instances) and only then
 * publishes the tip into the subscriber's conversation; the channels deliver it (SMS, WeChat, live web chat).
 * With {@link Leases}, the periodic runs happen on one node of the cluster only (the holder of the {@code tips}
 * lease, renewed each run); when that node dies its lease expires and another node's next run takes over.
 */
public final class TipScheduler {
    private static final Logger LOG = Logger.getLogger(TipScheduler.class.getName());
    /** The lease that makes one node of the cluster the one that sends tips. */
    public static final String LEASE = "tips";

    private final Vertx vertx;
    private final TipSubscriptions subscriptions;
    private final ConversationRouter router;
    private final List<String> tips;
    private final Clock clock;
    private final Leases leases;
    private long timer = -1;

    public TipScheduler(Vertx vertx, TipSubscriptions subscriptions, ConversationRouter router, KnowledgeBase kb, Clock clock) {
        this(vertx, subscriptions, router, kb, clock, null);
    }

    /** {@code leases} null: every periodic run is this node's own (one instance, or tests driving {@link #tick}). */
    public TipScheduler(Vertx vertx, TipSubscriptions subscriptions, ConversationRouter router, KnowledgeBase kb, Clock clock,
                        Leases leases) {
        this.leases = leases;
        this.vertx = vertx;
        this.subscriptions = subscriptions;
        this.router = router;
        this.tips = tips(kb);
        this.clock = clock;
    }

    /** Checks for due tips every {@code intervalSeconds}. */
    public void start(long intervalSeconds) {
        // Two missed renewals free the lease: a dead holder is replaced within about two intervals.
        Duration ttl = Duration.ofSeconds(2 * intervalSeconds + 5);
        timer = vertx.setPeriodic(intervalSeconds * 1000, id -> (leases == null ? Future.succeededFuture(true)
            : vertx.executeBlocking(() -> leases.acquire(LEASE, ttl), false))
            .compose(mine -> mine ? tick() : Future.succeededFuture(0))
            .onFailure(e -> LOG.warning("tip delivery run failed: " + e.getMessage())));
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One run: sends the tips that are due now; answers how many were sent. */
    public Future<Integer> tick() {
        return vertx.executeBlocking(() -> {
            Instant now = clock.instant();
            List<Future<Message>> sent = new ArrayList<>();
            for (TipSubscriptions.Subscription s : subscriptions.active()) {
                if (withOfficer(s)) {
                    continue;
                }
                var number = subscriptions.claim(s, s.period().key(now));
                if (number.isPresent()) {
                    sent.add(router.say(conversationOf(s), Message.BOT, text(number.get())));
                }
            }
            return sent;
        }, false).compose(sent -> Future.join(sent).map(all -> sent.size()));
    }

    /** The tip with this number: tips are sent in order and start over once all have been sent. */
    public String text(int number) {
        return "【防骗提醒】" + tips.get(number % tips.size()) + "\n（回复「退订提醒」可随时取消）";
    }

    /** A resident talking with an officer right now gets this period's tip later, not in the middle of it. */
    private boolean withOfficer(TipSubscriptions.Subscription s) {
        return router.store().openConversation(s.subscriber())
            .map(c -> c.state() == ConversationState.OFFICER || c.state() == ConversationState.WAITING_OFFICER).orElse(false);
    }

    private Conversation conversationOf(TipSubscriptions.Subscription s) {
        ConversationStore store = router.store();
        return store.find(s.conversationId()).filter(c -> c.state() != ConversationState.CLOSED)
            .or(() -> store.openConversation(s.subscriber()))
            .orElseGet(() -> store.create(s.channel(), s.address()));
    }

    /** Each type's advice and each audience's tips, interleaved so consecutive tips cover different scams. */
    static List<String> tips(KnowledgeBase kb) {
        List<String> out = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            for (ScamType t : kb.types().values()) {
                if (round < t.advice().size()) {
                    out.add("「" + t.name() + "」" + t.advice().get(round));
                }
            }
            for (Audience a : kb.audiences()) {
                if (round < a.tips().size()) {
                    out.add("（" + a.name() + "）" + a.tips().get(round));
                }
            }
        }
        return List.copyOf(out);
    }
}
