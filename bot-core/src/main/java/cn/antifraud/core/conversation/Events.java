package cn.antifraud.core.conversation;

/** Event-bus addresses, named {@code domain.event}. Payloads are JSON objects. */
public final class Events {
    /** A conversation needs an officer: {conversationId, urgent, reason}. */
    public static final String ESCALATION_RAISED = "escalation.raised";
    /** A message was added to a session: {sessionKey, channel, address, message}. */
    public static final String MESSAGE_ADDED = "conversation.message";
    /** A conversation changed state: {conversationId, state, officer}. */
    public static final String CONVERSATION_CHANGED = "conversation.changed";

    private Events() {
    }
}
