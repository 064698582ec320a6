package cn.antifraud.core.conversation;

import cn.antifraud.core.analysis.Analysis;
import cn.antifraud.core.analysis.Analyzer;
import cn.antifraud.core.analysis.Risk;
import cn.antifraud.core.dialogue.DialogueEngine;
import cn.antifraud.core.dialogue.Turn;
import cn.antifraud.core.dialogue.TurnContext;
import cn.antifraud.core.escalation.ConversationLifecycle;
import cn.antifraud.kb.KnowledgeBase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One inbound message from any channel to the bot's replies: find the conversation, analyse, let the
 * dialogue decide (or stay silent while an officer holds it), store everything, carry out the effects.
 * Messages of one session are handled one at a time, on every node of a cluster ({@link SessionOrder}); the work
 * runs on worker threads.
 */
public final class ConversationRouter {
    private final Vertx vertx;
    private final ConversationStore store;
    private final Analyzer analyzer;
    private final DialogueEngine engine;
    private final ConversationLifecycle lifecycle;
    private final ReentrantLock[] locks = new ReentrantLock[256];
    private final SessionOrder order;

    public ConversationRouter(Vertx vertx, ConversationStore store, Analyzer analyzer, DialogueEngine engine,
                              ConversationLifecycle lifecycle) {
        this.vertx = vertx;
        this.store = store;
        this.analyzer = analyzer;
        this.engine = engine;
        this.lifecycle = lifecycle;
        this.order = new SessionOrder(vertx);
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public Future<TurnResult> handle(InboundMessage in) {
        return order.run(in.sessionKey(), () -> locked(in.sessionKey(), () -> handleLocked(in)));
    }

    /** Runs work for one session while holding that session's lock, so its turns and messages stay in order. */
    private <T> T locked(String sessionKey, java.util.concurrent.Callable<T> work) throws Exception {
        ReentrantLock lock = locks[Math.floorMod(sessionKey.hashCode(), locks.length)];
        lock.lock();
        try {
            return work.call();
        } finally {
            lock.unlock();
        }
    }

    private TurnResult handleLocked(InboundMessage in) {
        if (in.externalId() != null && !store.claimDelivery(in.channel(), in.externalId())) {
            Conversation c = store.openConversation(in.sessionKey()).orElse(null);
            return new TurnResult(in.address(), c, List.of(), null, c == null ? null : c.caseNo(), true);
        }
        store.ensureSession(in.sessionKey());
        Conversation conversation = store.openConversation(in.sessionKey())
            .orElseGet(() -> store.create(in.channel(), in.address()));
        Analysis analysis = analyzer.analyze(in.text());
        Message residentMessage = store.append(in.sessionKey(), conversation.id(), Message.RESIDENT, in.text(), List.of(),
            analysis.toJson());
        publish(in, residentMessage);

        if (conversation.state() == ConversationState.OFFICER) {
            return new TurnResult(in.address(), conversation, List.of(), analysis, conversation.caseNo(), false);
        }
        Turn turn = engine.handle(new TurnContext(conversation, in, analysis));
        boolean verdict = analysis.intent().equals(KnowledgeBase.VERIFY_INTENT) && analysis.risk() != Risk.NONE;
        Conversation saved = lifecycle.change(conversation, cur -> {
            Conversation next = cur.withFlow(turn.flow());
            if (verdict) {
                next = next.withVerdict(analysis.scamType(), analysis.risk().id());
            }
            return turn.caseNo() != null ? next.withCase(turn.caseNo()) : next;
        });
        for (var reply : turn.replies()) {
            publish(in, store.append(in.sessionKey(), saved.id(), Message.BOT, reply.text(), reply.options(), null));
        }
        if (turn.escalates()) {
            saved = lifecycle.escalate(saved, turn.urgent(), turn.escalationReason());
        }
        return new TurnResult(in.address(), saved, new ArrayList<>(turn.replies()), analysis, saved.caseNo(), false);
    }

    /** Stores an officer's (or the system's) message in a conversation and announces it to the channels. */
    public Future<Message> say(Conversation c, String sender, String text) {
        return order.run(c.sessionKey(), () -> locked(c.sessionKey(), () -> {
            Message m = store.append(c.sessionKey(), c.id(), sender, text, List.of(), null);
            publish(new InboundMessage(c.channel(), c.address(), text, null, m.createdAt()), m);
            return m;
        }));
    }

    private void publish(InboundMessage in, Message m) {
        vertx.eventBus().publish(Events.MESSAGE_ADDED, new JsonObject().put("sessionKey", in.sessionKey())
            .put("channel", in.channel()).put("address", in.address()).put("message", m.toJson()));
    }

    public ConversationStore store() {
        return store;
    }

    public Analyzer analyzer() {
        return analyzer;
    }
}
