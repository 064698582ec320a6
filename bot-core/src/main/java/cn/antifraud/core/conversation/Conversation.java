package cn.antifraud.core.conversation;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One conversation with a resident on one channel and address. {@code flow} is the dialogue flow in
 * progress with its private state; {@code version} guards concurrent updates; {@code lastVerdict} is the verdict
 * on the latest checked message (null before the first).
 */
public record Conversation(String id, String sessionKey, String channel, String address, ConversationState state,
                           JsonObject flow, String lastScamType, String lastRisk, String caseNo, boolean stopPayment,
                           int priority, String officer, Instant createdAt, Instant updatedAt, long version,
                           LastVerdict lastVerdict) {

    public Conversation withState(ConversationState next) {
        return new Conversation(id, sessionKey, channel, address, next, flow, lastScamType, lastRisk, caseNo, stopPayment,
            priority, officer, createdAt, updatedAt, version, lastVerdict);
    }

    public Conversation withFlow(JsonObject next) {
        return new Conversation(id, sessionKey, channel, address, state, next, lastScamType, lastRisk, caseNo, stopPayment,
            priority, officer, createdAt, updatedAt, version, lastVerdict);
    }

    public Conversation withVerdict(String scamType, String risk) {
        return new Conversation(id, sessionKey, channel, address, state, flow, scamType, risk, caseNo, stopPayment,
            priority, officer, createdAt, updatedAt, version, lastVerdict);
    }

    /** Records the verdict just given (any risk), the one a follow-up question refers to. */
    public Conversation withLastVerdict(LastVerdict checked) {
        return new Conversation(id, sessionKey, channel, address, state, flow, lastScamType, lastRisk, caseNo, stopPayment,
            priority, officer, createdAt, updatedAt, version, checked);
    }

    public Conversation withCase(String number) {
        return new Conversation(id, sessionKey, channel, address, state, flow, lastScamType, lastRisk, number, stopPayment,
            priority, officer, createdAt, updatedAt, version, lastVerdict);
    }

    public Conversation withEscalation(boolean urgent, int newPriority) {
        return new Conversation(id, sessionKey, channel, address, ConversationState.WAITING_OFFICER, flow, lastScamType,
            lastRisk, caseNo, stopPayment || urgent, Math.min(priority, newPriority), officer, createdAt, updatedAt, version, lastVerdict);
    }

    public Conversation withOfficer(String who, ConversationState next) {
        return new Conversation(id, sessionKey, channel, address, next, flow, lastScamType, lastRisk, caseNo, stopPayment,
            priority, who, createdAt, updatedAt, version, lastVerdict);
    }

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("state", state.id());
    }
}
