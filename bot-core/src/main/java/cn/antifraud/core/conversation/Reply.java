package cn.antifraud.core.conversation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One bot reply: text, optional quick-reply options (numbered lines where a channel has no buttons), what
 * kind of reply it is ({@link ReplyKind}), and the risk on verdicts only. A reply built without a kind gets
 * the kind of the turn it ends up in (see {@code Turn}); channels use the kind to badge verdicts alone.
 */
public record Reply(String text, List<String> options, String kind, String risk) {
    public Reply {
        options = options == null ? List.of() : List.copyOf(options);
        if (risk != null && !ReplyKind.VERDICT.equals(kind)) {
            throw new IllegalArgumentException("only a verdict carries a risk");
        }
    }

    public Reply(String text, List<String> options) {
        this(text, options, null, null);
    }

    public static Reply of(String text, String... options) {
        return new Reply(text, List.of(options));
    }

    /** A verdict on a checked message, carrying its risk ("high", "medium", "low", "none"). */
    public static Reply verdict(String text, String risk, String... options) {
        return new Reply(text, List.of(options), ReplyKind.VERDICT, risk);
    }

    /** This reply with {@code newKind} (a verdict keeps its kind and risk). */
    public Reply as(String newKind) {
        return ReplyKind.VERDICT.equals(kind) ? this : new Reply(text, options, newKind, null);
    }

    /** This reply with {@code fallback} as its kind when it has none yet. */
    public Reply orKind(String fallback) {
        return kind != null ? this : new Reply(text, options, fallback, null);
    }

    /** The kind, {@link ReplyKind#CHAT} when none was set. */
    public String kindOrChat() {
        return kind == null ? ReplyKind.CHAT : kind;
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
        JsonObject json = new JsonObject().put("text", text).put("options", new JsonArray(options)).put("kind", kindOrChat());
        if (risk != null) {
            json.put("risk", risk);
        }
        return json;
    }
}
