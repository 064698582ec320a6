package cn.antifraud.core.conversation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** One message in a session: from the resident, the bot, an officer or the system. {@code seq} orders them. */
public record Message(String id, String sessionKey, String conversationId, long seq, String sender, String text,
                      List<String> options, JsonObject analysis, Instant createdAt) {
    public static final String RESIDENT = "resident";
    public static final String BOT = "bot";
    public static final String OFFICER = "officer";
    public static final String SYSTEM = "system";

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("seq", seq).put("sender", sender).put("text", text)
            .put("conversationId", conversationId).put("createdAt", createdAt.toString());
        if (options != null && !options.isEmpty()) {
            json.put("options", new JsonArray(options));
        }
        if (analysis != null) {
            json.put("analysis", analysis);
        }
        return json;
    }
}
