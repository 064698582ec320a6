package cn.antifraud.core.dialogue;

import cn.antifraud.core.analysis.Analysis;
import cn.antifraud.core.conversation.Conversation;
import cn.antifraud.core.conversation.InboundMessage;
import io.vertx.core.json.JsonObject;

/** Everything a flow may read to decide its next step. {@code text} is the resident's message, stripped. */
public record TurnContext(Conversation conversation, InboundMessage message, Analysis analysis) {
    public String text() {
        return message.text().strip();
    }

    /** The active flow's private state (never null inside a flow). */
    public JsonObject flowState() {
        JsonObject f = conversation.flow();
        return f == null ? new JsonObject() : f.copy();
    }

    public String channel() {
        return message.channel();
    }
}
