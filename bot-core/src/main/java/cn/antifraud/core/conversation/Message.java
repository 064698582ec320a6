package cn.antifraud.core.conversation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * One message in a session: from the resident, the bot, an officer or the system. {@code seq} orders them.
 * Messages other than the resident's carry the reply {@code kind} (see {@link ReplyKind}); verdicts their {@code risk}.
 */
public record Message(String id, String sessionKey, String conversationId, long seq, String sender, String text,
                      List<String> options, JsonObject analysis, Instant createdAt, String kind, String risk) {
    public static final String RESIDENT = "resident";
    public static final String BOT = "bot";
    public static final String OFFICER = "officer";
    public static final String SYSTEM = "system";

    /** A message without a reply kind (a resident's). */
    public Message(String id, String sessionKey, String conversationId, long seq, String sender, String text,
                   List<String> options, JsonObject analysis, Instant createdAt) {
        this(id, sessionKey, conversationId, seq, sender, text, options, analysis, createdAt, null, null);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("seq", seq).put("sender", sender).put("text", text)
            .put("conversationId", conversationId).put("createdAt", createdAt.toString());
        if (options != null && !options.isEmpty()) {
            json.put("options", new JsonArray(options));
        }
        if (analysis != null) {
            json.put("analysis", analysis);
        }
        if (kind != null) {
            json.put("kind", kind);
        }
        if (risk != null) {
            json.put("risk", risk);
        }
        return json;
    }
}
