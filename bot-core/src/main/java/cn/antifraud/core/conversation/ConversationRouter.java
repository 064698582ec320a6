package cn.antifraud.core.conversation;

import cn.antifraud.core.analysis.Analysis;
import cn.antifraud.core.analysis.Analyzer;
import cn.antifraud.core.analysis.Risk;
import cn.antifraud.core.dialogue.DialogueEngine;
import cn.antifraud.core.dialogue.Turn;
import cn.antifraud.core.dialogue.TurnContext;
import cn.antifraud.core.escalation.ConversationLifecycle;
import cn.antifraud.core.escalation.QueuePlace;
import cn.antifraud.core.escalation.RecentWaits;
import cn.antifraud.kb.KnowledgeBase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

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
    private final RecentWaits waits;

    public ConversationRouter(Vertx vertx, ConversationStore store, Analyzer analyzer, DialogueEngine engine,
                              ConversationLifecycle lifecycle) {
        this(vertx, store, analyzer, engine, lifecycle, null);
    }

    /** With {@code waits}, a resident handed to an officer also hears the recent typical wait. */
    public ConversationRouter(Vertx vertx, ConversationStore store, Analyzer analyzer, DialogueEngine engine,
                              ConversationLifecycle lifecycle, RecentWaits waits) {
        this.waits = waits;
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
        return order.run(in.sessionKey(), () -> locked(in.sessionKey(), () -> handleLocked(in, null, false)));
    }

    /**
     * The first turn of a session the channel has just made up (a web chat's random id, which nobody else holds):
     * there is no session to read yet, so the turn does not ask for one.
     */
    public Future<TurnResult> startSession(InboundMessage in) {
        return order.run(in.sessionKey(), () -> locked(in.sessionKey(), () -> handleLocked(in, null, true)));
    }

    /**
     * A turn in a session that must already exist and have had a message at or after {@code activeSince} (the web
     * chat's session id is a bearer token that expires when unused); otherwise the turn fails with
     * {@link UnknownSession} and stores nothing. The check uses the session the turn reads anyway, so it costs no
     * round trip of its own.
     */
    public Future<TurnResult> continueSession(InboundMessage in, Instant activeSince) {
        return order.run(in.sessionKey(), () -> locked(in.sessionKey(), () -> handleLocked(in, activeSince, false)));
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

    /**
     * One turn in few round trips: read the session (one read: its open conversation carries the session's counter
     * and tells whether it is still active; a session just made up is not read), decide, then store the resident's
     * message and the replies in one batch (numbered on from the counter, the channel's delivery id with them) and
     * save the conversation once, with the counter. A delivery seen before is answered from what was stored; if the
     * crash came before the conversation was saved, the turn is finished now.
     */
    private TurnResult handleLocked(InboundMessage in, Instant activeSince, boolean newSession) {
        String delivery = in.externalId() == null ? null : in.channel() + ":" + in.externalId();
        if (delivery != null) {
            Optional<ConversationStore.RetriedTurn> seen = store.turnOf(delivery);
            if (seen.isPresent()) {
                return retried(in, seen.get());
            }
        }
        Optional<ConversationStore.Session> session = newSession ? Optional.empty() : store.session(in.sessionKey());
        if (activeSince != null && !session.map(s -> store.activeSince(s, activeSince)).orElse(false)) {
            throw new UnknownSession(in.sessionKey());
        }
        Conversation open = session.map(ConversationStore.Session::open).orElse(null);
        long lastSeq = session.map(ConversationStore.Session::lastSeq).orElse(0L);
        boolean fresh = open == null;
        Conversation conversation = fresh ? ConversationStore.fresh(in.channel(), in.address()) : open;
        Analysis analysis = analyzer.analyze(in.text());
        // While an officer holds the conversation the bot stays silent; the message is still stored and analysed.
        Turn turn = conversation.state() == ConversationState.OFFICER ? null
            : engine.handle(new TurnContext(conversation, in, analysis));
        List<Reply> replies = turn == null ? List.of() : new ArrayList<>(turn.replies());
        if (turn != null && turn.escalates()) {
            boolean verdict = analysis.intent().equals(KnowledgeBase.VERIFY_INTENT) && analysis.risk() != Risk.NONE;
            QueuePlace.insert(replies, QueuePlace.notice(store,
                verdict ? conversation.withVerdict(analysis.scamType(), analysis.risk().id()) : conversation, turn.urgent(),
                waits == null ? "" : waits.sentence()));
        }
        ConversationStore.StoredTurn stored;
        try {
            stored = store.storeTurn(in.sessionKey(), conversation.id(), delivery, in.text(), analysis.toJson(), replies,
                fresh ? -1 : conversation.version(), turn == null ? null : turn.ownVerdict(), lastSeq);
        } catch (ConversationStore.DuplicateDelivery e) {
            // the same delivery was stored meanwhile by another process: answer as a retry
            return store.turnOf(delivery).map(t -> retried(in, t)).orElseThrow(() -> e);
        }
        Conversation saved = save(conversation, fresh, analysis, turn, stored.mark());
        publish(in, stored, saved.state());
        return new TurnResult(in.address(), saved, new ArrayList<>(replies), turn == null ? analysis : judged(analysis, turn),
            saved.caseNo(), false);
    }

    /** What the turn's verdict was written from: for a follow-up, the earlier message's type and risk carried over. */
    private static Analysis judged(Analysis analysis, Turn turn) {
        return turn.judged() != null ? turn.judged() : analysis;
    }

    /** Saves what the turn decided, its escalation and where the session stands ({@code mark}) included, in one write. */
    private Conversation save(Conversation conversation, boolean fresh, Analysis analysis, Turn turn,
                              ConversationStore.TurnMark mark) {
        if (turn == null) {
            store.advance(conversation.id(), mark);
            return conversation;
        }
        // a follow-up's verdict is about the earlier message: the stored state keeps what was judged
        Analysis judged = judged(analysis, turn);
        boolean verdict = (turn.judged() != null || analysis.intent().equals(KnowledgeBase.VERIFY_INTENT))
            && judged.risk() != Risk.NONE;
        UnaryOperator<Conversation> edit = cur -> {
            Conversation next = cur.withFlow(turn.flow());
            if (verdict) {
                next = next.withVerdict(judged.scamType(), judged.risk().id());
            }
            if (turn.judged() != null) {
                next = next.withLastVerdict(new LastVerdict(judged.scamType(), judged.risk().id(), judged.confidence()));
            }
            if (turn.confirmedScamType() != null) {
                next = next.withVerdict(turn.confirmedScamType(), next.lastRisk());
            }
            return turn.caseNo() != null ? next.withCase(turn.caseNo()) : next;
        };
        if (!turn.escalates()) {
            return fresh ? store.insert(edit.apply(conversation), mark) : lifecycle.change(conversation, edit, mark);
        }
        return fresh ? lifecycle.insertEscalated(edit.apply(conversation), turn.urgent(), turn.escalationReason(), mark)
            : lifecycle.escalate(conversation, edit, turn.urgent(), turn.escalationReason(), mark);
    }

    /**
     * A delivery stored before. When its conversation was saved after it (its version moved past the one the turn
     * was decided on), the turn is complete and this is a duplicate. Otherwise the process died between storing
     * the messages and saving the conversation: the dialogue decides again on the same conversation and text
     * (flows are idempotent, a report is filed once per report id) and the conversation is saved; the resident
     * gets the replies that were stored.
     */
    private TurnResult retried(InboundMessage in, ConversationStore.RetriedTurn t) {
        Message resident = t.resident();
        InboundMessage original = new InboundMessage(in.channel(), in.address(), resident.text(), in.externalId(),
            in.receivedAt());
        Conversation c = store.find(resident.conversationId()).orElse(null);
        List<Reply> replies = t.replies().stream().map(m -> new Reply(m.text(), m.options(), m.kind(), m.risk())).toList();
        Analysis analysis = analyzer.analyze(resident.text());
        if (c != null && (c.version() > t.baseVersion() || c.state() == ConversationState.OFFICER)) {
            return new TurnResult(in.address(), c, replies, analysis, c.caseNo(), true);
        }
        boolean fresh = c == null;
        Conversation base = fresh ? ConversationStore.fresh(resident.conversationId(), in.channel(), in.address()) : c;
        Turn turn = engine.handle(new TurnContext(base, original, analysis));
        var mark = new ConversationStore.TurnMark(resident.seq() + t.replies().size(), resident.createdAt(),
            ConversationStore.offered(replies));
        Conversation saved = save(base, fresh, analysis, turn, mark);
        publish(in, new ConversationStore.StoredTurn(resident, t.replies(), mark), saved.state());
        return new TurnResult(in.address(), saved, new ArrayList<>(replies), judged(analysis, turn), saved.caseNo(), false);
    }

    /** Stores an officer's (or the system's) message in a conversation and announces it to the channels. */
    public Future<Message> say(Conversation c, String sender, String text) {
        return say(c, sender, new Reply(text, List.of(), Message.OFFICER.equals(sender) ? ReplyKind.OFFICER
            : Message.SYSTEM.equals(sender) ? ReplyKind.SYSTEM : ReplyKind.CHAT, null));
    }

    /** Stores a message with its options and kind (a closing notice that offers the next steps, say). */
    public Future<Message> say(Conversation c, String sender, Reply reply) {
        return order.run(c.sessionKey(), () -> locked(c.sessionKey(), () -> {
            Message m = store.append(c.sessionKey(), c.id(), sender, reply);
            publish(new InboundMessage(c.channel(), c.address(), reply.text(), null, m.createdAt()), m, null);
            return m;
        }));
    }

    private void publish(InboundMessage in, ConversationStore.StoredTurn turn, ConversationState state) {
        publish(in, turn.resident(), state);
        turn.replies().forEach(m -> publish(in, m, state));
    }

    /**
     * Announces a message: to the listeners of every message (officers' feed, outbound SMS and WeChat) and on the
     * session's own address, which only that session's sockets listen to. A turn's messages carry the state the
     * turn saved, so the officers' feed need not read the conversation back for each of them (a read per message,
     * on the store's one line, was as many round trips as the turn's own).
     */
    private void publish(InboundMessage in, Message m, ConversationState state) {
        JsonObject event = new JsonObject().put("sessionKey", in.sessionKey())
            .put("channel", in.channel()).put("address", in.address()).put("message", m.toJson());
        if (state != null) {
            event.put("state", state.id());
        }
        vertx.eventBus().publish(Events.MESSAGE_ADDED, event);
        vertx.eventBus().publish(Events.sessionMessages(in.sessionKey()), event);
    }

    public ConversationStore store() {
        return store;
    }

    public Analyzer analyzer() {
        return analyzer;
    }
}
