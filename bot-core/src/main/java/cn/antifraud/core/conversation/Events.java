package cn.antifraud.core.conversation;

/** Event-bus addresses, named {@code domain.event}. Payloads are JSON objects. */
public final class Events {
    /** A conversation needs an officer: {conversationId, urgent, reason}. */
    public static final String ESCALATION_RAISED = "escalation.raised";
    /**
     * A message was added to a session: {sessionKey, channel, address, message}, and {@code state}, the
     * conversation's state once the turn that stored it was saved (absent on officers' and system messages: a
     * listener that needs the state reads the conversation then).
     */
    public static final String MESSAGE_ADDED = "conversation.message";
    /** Prefix of {@link #sessionMessages}. */
    public static final String SESSION_MESSAGE_PREFIX = "conversation.message.session.";
    /** A conversation changed state: {conversationId, state, officer}. */
    public static final String CONVERSATION_CHANGED = "conversation.changed";

    /**
     * The address of one session's messages (same payload as {@link #MESSAGE_ADDED}): a socket listens to its own
     * session only, so a message costs the same however many sockets are open.
     */
    public static String sessionMessages(String sessionKey) {
        return SESSION_MESSAGE_PREFIX + sessionKey;
    }

    private Events() {
    }
}
