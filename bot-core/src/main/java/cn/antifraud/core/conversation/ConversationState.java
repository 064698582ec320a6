package cn.antifraud.core.conversation;

/** The conversation state machine: bot -> waiting_officer -> officer -> closed (and back to bot). */
public enum ConversationState {
    BOT, WAITING_OFFICER, OFFICER, CLOSED;

    public String id() {
        return name().toLowerCase();
    }

    public static ConversationState of(String id) {
        return valueOf(id.toUpperCase());
    }
}
