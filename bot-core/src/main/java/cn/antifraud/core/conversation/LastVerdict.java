package cn.antifraud.core.conversation;

import org.bson.Document;

/**
 * The verdict on the message the resident last had checked in a conversation, whatever its risk (a {@code none}
 * counts too), so that a follow-up such as 「这个网站是真的吗」 is answered about that message. Unlike the
 * conversation's {@code lastScamType}/{@code lastRisk}, which keep the last scam seen, this is always the latest.
 */
public record LastVerdict(String scamType, String risk, double confidence) {
    Document toDocument() {
        return new Document("scamType", scamType).append("risk", risk).append("confidence", confidence);
    }

    static LastVerdict of(Document d) {
        if (d == null) {
            return null;
        }
        Object confidence = d.get("confidence");
        return new LastVerdict(d.getString("scamType"), d.getString("risk"),
            confidence instanceof Number n ? n.doubleValue() : 0);
    }
}
