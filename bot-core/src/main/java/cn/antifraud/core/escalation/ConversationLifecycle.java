package cn.antifraud.core.escalation;

import cn.antifraud.core.conversation.Conversation;
import cn.antifraud.core.conversation.ConversationState;
import cn.antifraud.core.conversation.ConversationStore;
import cn.antifraud.core.conversation.Events;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The conversation state machine's transitions. Each method saves the change (optimistically, retrying on
 * a concurrent change) and publishes the event; listeners (queue, notifications) react to the events.
 */
public final class ConversationLifecycle {
    public static final int PRIORITY_STOP_PAYMENT = 0;
    public static final int PRIORITY_HIGH = 10;
    public static final int PRIORITY_MEDIUM = 20;
    public static final int PRIORITY_NORMAL = 50;

    private final ConversationStore store;
    private final EventBus bus;

    public ConversationLifecycle(ConversationStore store, EventBus bus) {
        this.store = store;
        this.bus = bus;
    }

    /** bot -> waiting_officer (or stays waiting/held, becoming urgent). */
    public Conversation escalate(Conversation c, boolean stopPayment, String reason) {
        return escalate(c, UnaryOperator.identity(), stopPayment, reason, null);
    }

    /**
     * A turn's own changes, its escalation and where its session stands ({@code mark}, may be null) saved together:
     * one write instead of two.
     */
    public Conversation escalate(Conversation c, UnaryOperator<Conversation> edit, boolean stopPayment, String reason,
                                 ConversationStore.TurnMark mark) {
        Conversation saved = change(c, cur -> escalated(edit.apply(cur), stopPayment), mark);
        announceEscalation(saved, reason);
        return saved;
    }

    /** A new conversation inserted already escalated (its first turn asked for an officer): one write. */
    public Conversation insertEscalated(Conversation fresh, boolean stopPayment, String reason, ConversationStore.TurnMark mark) {
        Conversation saved = store.insert(escalated(fresh, stopPayment), mark);
        announceEscalation(saved, reason);
        return saved;
    }

    private static Conversation escalated(Conversation cur, boolean stopPayment) {
        int priority = stopPayment ? PRIORITY_STOP_PAYMENT : priorityFor(cur.lastRisk());
        Conversation next = cur.withEscalation(stopPayment, priority);
        return cur.state() == ConversationState.OFFICER ? next.withState(ConversationState.OFFICER) : next;
    }

    /** Tells the queue and the notifications that a saved conversation was escalated. */
    private void announceEscalation(Conversation saved, String reason) {
        bus.publish(Events.ESCALATION_RAISED, new JsonObject().put("conversationId", saved.id())
            .put("urgent", saved.stopPayment()).put("reason", reason).put("channel", saved.channel()));
        publishChanged(saved);
    }

    /**
     * waiting_officer -> officer for exactly one officer: the version check makes a second, concurrent claim
     * fail. Empty when the conversation was already taken or is not waiting.
     */
    public Optional<Conversation> claim(Conversation c, String officer) {
        if (c.state() != ConversationState.WAITING_OFFICER && c.state() != ConversationState.BOT) {
            return Optional.empty();
        }
        Optional<Conversation> saved = store.update(c.withOfficer(officer, ConversationState.OFFICER));
        saved.ifPresent(this::publishChanged);
        return saved;
    }

    /** officer -> officer (another officer). */
    public Conversation transfer(Conversation c, String toOfficer) {
        Conversation saved = change(c, cur -> cur.withOfficer(toOfficer, ConversationState.OFFICER));
        publishChanged(saved);
        return saved;
    }

    /** officer -> bot: the bot answers again. */
    public Conversation handBack(Conversation c) {
        Conversation saved = change(c, cur -> cur.withOfficer(null, ConversationState.BOT));
        publishChanged(saved);
        return saved;
    }

    /** any -> closed. */
    public Conversation close(Conversation c) {
        Conversation saved = change(c, cur -> cur.withState(ConversationState.CLOSED).withFlow(null));
        publishChanged(saved);
        return saved;
    }

    /** Applies a change to the freshest copy, retrying when someone else saved in between. */
    public Conversation change(Conversation c, UnaryOperator<Conversation> edit) {
        return change(c, edit, null);
    }

    /** The same, with where the conversation's session stands after a turn ({@code mark}, may be null). */
    public Conversation change(Conversation c, UnaryOperator<Conversation> edit, ConversationStore.TurnMark mark) {
        Conversation current = c;
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Conversation> saved = store.update(edit.apply(current), mark);
            if (saved.isPresent()) {
                return saved.get();
            }
            current = store.find(c.id()).orElseThrow(() -> new IllegalStateException("conversation vanished: " + c.id()));
        }
        throw new IllegalStateException("conversation " + c.id() + " is changing too fast");
    }

    static int priorityFor(String risk) {
        if ("high".equals(risk)) {
            return PRIORITY_HIGH;
        }
        return "medium".equals(risk) ? PRIORITY_MEDIUM : PRIORITY_NORMAL;
    }

    private void publishChanged(Conversation c) {
        bus.publish(Events.CONVERSATION_CHANGED, new JsonObject().put("conversationId", c.id()).put("state", c.state().id())
            .put("officer", c.officer()).put("sessionKey", c.sessionKey()));
    }
}
