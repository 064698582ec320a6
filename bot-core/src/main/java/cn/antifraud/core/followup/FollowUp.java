package cn.antifraud.core.followup;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** One planned follow-up contact: which conversation (and case), which day after closing, when due, its state. */
public record FollowUp(String id, String conversationId, String caseNo, String channel, String risk, String scamType,
                       int day, Instant dueAt, String status, String doneBy, Instant doneAt, String outcome) {
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String DONE = "done";

    public JsonObject toJson(Instant now) {
        JsonObject json = new JsonObject().put("id", id).put("conversationId", conversationId).put("caseNo", caseNo)
            .put("channel", channel).put("risk", risk).put("scamType", scamType).put("day", day)
            .put("dueAt", dueAt.toString()).put("status", status).put("overdue", PENDING.equals(status) && dueAt.isBefore(now));
        if (doneBy != null) {
            json.put("doneBy", doneBy).put("doneAt", doneAt.toString()).put("outcome", outcome);
        }
        return json;
    }
}
