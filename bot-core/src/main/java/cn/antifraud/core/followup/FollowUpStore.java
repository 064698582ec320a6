package cn.antifraud.core.followup;

import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;

/** Planned follow-ups in MongoDB ({@code followups}). Blocking: call from worker threads. */
public final class FollowUpStore {
    private final Store store;
    private final MongoCollection<Document> followups;

    public FollowUpStore(Store store) {
        this.store = store;
        this.followups = store.collection("followups");
        followups.createIndex(Indexes.ascending("status", "dueAt"));
        followups.createIndex(Indexes.ascending("conversationId"));
    }

    /** Plans the follow-ups for a closed conversation or case; days counted from {@code closedAt}. */
    public List<FollowUp> plan(String conversationId, String caseNo, String channel, String risk, String scamType,
                               List<Integer> days, Instant closedAt) {
        List<FollowUp> out = new ArrayList<>();
        for (int day : days) {
            FollowUp f = new FollowUp(UUID.randomUUID().toString(), conversationId, caseNo, channel, risk, scamType, day,
                closedAt.plus(Duration.ofDays(day)), FollowUp.PENDING, null, null, null);
            followups.insertOne(new Document("_id", f.id()).append("conversationId", conversationId).append("caseNo", caseNo)
                .append("channel", channel).append("risk", risk).append("scamType", scamType).append("day", day)
                .append("dueAt", Date.from(f.dueAt())).append("status", f.status()).append("createdAt", Date.from(closedAt)));
            out.add(f);
        }
        return out;
    }

    /** Open follow-ups due before {@code until}, earliest first (overdue ones on top). */
    public List<FollowUp> due(Instant until, int limit) {
        List<FollowUp> out = new ArrayList<>();
        followups.find(new Document("status", new Document("$in", List.of(FollowUp.PENDING, FollowUp.SENT)))
                .append("dueAt", new Document("$lte", Date.from(until))))
            .sort(Sorts.ascending("dueAt")).limit(limit).forEach(d -> out.add(toFollowUp(d)));
        return out;
    }

    public List<FollowUp> forConversation(String conversationId) {
        List<FollowUp> out = new ArrayList<>();
        followups.find(new Document("conversationId", conversationId)).sort(Sorts.ascending("dueAt"))
            .forEach(d -> out.add(toFollowUp(d)));
        return out;
    }

    public Optional<FollowUp> find(String id) {
        return Optional.ofNullable(followups.find(new Document("_id", id)).first()).map(FollowUpStore::toFollowUp);
    }

    public void mark(String id, String status, String by, Instant at, String outcome) {
        followups.updateOne(new Document("_id", id), Updates.combine(Updates.set("status", status), Updates.set("doneBy", by),
            Updates.set("doneAt", Date.from(at)), Updates.set("outcome", outcome)));
    }

    public long count(String status) {
        return followups.countDocuments(new Document("status", status));
    }

    static FollowUp toFollowUp(Document d) {
        Date doneAt = d.getDate("doneAt");
        return new FollowUp(d.getString("_id"), d.getString("conversationId"), d.getString("caseNo"), d.getString("channel"),
            d.getString("risk"), d.getString("scamType"), d.getInteger("day", 0), d.getDate("dueAt").toInstant(),
            d.getString("status"), d.getString("doneBy"), doneAt == null ? null : doneAt.toInstant(), d.getString("outcome"));
    }
}
