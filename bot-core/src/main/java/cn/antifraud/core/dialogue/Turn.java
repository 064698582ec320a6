package cn.antifraud.core.dialogue;

import cn.antifraud.core.analysis.Analysis;
import cn.antifraud.core.conversation.Reply;
import cn.antifraud.core.conversation.ReplyKind;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What one step of dialogue decided: the replies, the flow state to keep (null ends the flow), and the
 * effects the router carries out after the replies are stored (escalate to an officer, case filed).
 */
public final class Turn {
    private final List<Reply> replies = new ArrayList<>();
    private JsonObject flow;
    private boolean escalate;
    private boolean urgent;
    private String escalationReason;
    private String caseNo;
    private Analysis judged;
    private String kind;
    private String scamType;

    public static Turn reply(String text, String... options) {
        return new Turn().add(Reply.of(text, options));
    }

    public Turn add(Reply reply) {
        replies.add(reply);
        return this;
    }

    /** Puts a reply before the others (what must be heard first: a caller hears the first and the last sentence). */
    public Turn lead(Reply reply) {
        replies.add(0, reply);
        return this;
    }

    public Turn add(String text, String... options) {
        return add(Reply.of(text, options));
    }

    /** Keep this flow state for the next message (null ends the flow). */
    public Turn flow(JsonObject state) {
        this.flow = state;
        return this;
    }

    /** Hand the conversation to an officer; {@code stopPayment} puts it at the top of the queue. */
    public Turn escalate(boolean stopPayment, String reason) {
        this.escalate = true;
        this.urgent = this.urgent || stopPayment;
        this.escalationReason = reason;
        return this;
    }

    public Turn caseFiled(String number) {
        this.caseNo = number;
        return this;
    }

    /**
     * The analysis this turn's verdict was written from: the message's own, or for a follow-up the earlier message's
     * type and risk carried over. The router keeps it as the conversation's last verdict and answers it to the client.
     */
    public Turn judged(Analysis analysis) {
        this.judged = analysis;
        return this;
    }

    /** The analysis behind this turn's verdict, or null when the turn gave none. */
    public Analysis judged() {
        return judged;
    }

    /**
     * The risk of the verdict this turn gave on the resident's own message, or null when it gave none (a button, an
     * answer to a question, a lesson) or only carried an earlier message's verdict over (a follow-up). The review
     * queue reads it: only messages the bot judged on their own are worth labelling.
     */
    public String ownVerdict() {
        return judged == null || FollowUp.INTENT.equals(judged.intent()) ? null : judged.risk().id();
    }

    /** The kind of every reply in this turn that was built without one (a verdict always keeps its own). */
    public Turn kind(String replyKind) {
        this.kind = replyKind;
        return this;
    }

    /** Whether a kind was set for the replies that have none. */
    public boolean hasKind() {
        return kind != null;
    }

    /** The scam type the resident confirmed (in a report): it becomes the conversation's type. */
    public Turn confirmedScamType(String typeId) {
        this.scamType = typeId;
        return this;
    }

    public String confirmedScamType() {
        return scamType;
    }

    /** The replies, each with its kind (the turn's kind, else {@code chat}, where a reply has none). */
    public List<Reply> replies() {
        List<Reply> out = new ArrayList<>(replies.size());
        for (Reply r : replies) {
            out.add(r.orKind(kind == null ? ReplyKind.CHAT : kind));
        }
        return out;
    }

    public JsonObject flow() {
        return flow;
    }

    public boolean escalates() {
        return escalate;
    }

    public boolean urgent() {
        return urgent;
    }

    public String escalationReason() {
        return escalationReason;
    }

    public String caseNo() {
        return caseNo;
    }
}
