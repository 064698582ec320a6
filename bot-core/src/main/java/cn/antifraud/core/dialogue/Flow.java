package cn.antifraud.core.dialogue;

/**
 * A multi-turn dialogue (report intake, quiz, drill). The router hands every message to the active flow
 * until the flow returns a turn whose state is null. The state is stored with the conversation, so a flow
 * holds no per-conversation fields and survives restarts.
 */
public interface Flow {
    /** The id stored in the flow state's {@code "name"} field. */
    String name();

    /** Starts the flow for this message. */
    Turn start(TurnContext ctx);

    /** Handles a message while the flow is active. */
    Turn next(TurnContext ctx);
}
