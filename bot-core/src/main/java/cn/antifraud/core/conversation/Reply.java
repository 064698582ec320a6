package cn.antifraud.core.conversation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** One bot reply: text and optional quick-reply options (numbered lines where a channel has no buttons). */
public record Reply(String text, List<String> options) {
    public Reply {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static Reply of(String text, String... options) {
        return new Reply(text, List.of(options));
    }

    /** Plain-text rendering for SMS, WeChat and voice: options become numbered lines. */
    public String plainText() {
        if (options.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text).append('\n');
        for (int i = 0; i < options.size(); i++) {
            sb.append('\n').append(i + 1).append(". ").append(options.get(i));
        }
        return sb.append("\n回复数字即可选择。").toString();
    }

    public JsonObject toJson() {
        return new JsonObject().put("text", text).put("options", new JsonArray(options));
    }
}
