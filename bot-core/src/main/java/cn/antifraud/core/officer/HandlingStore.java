package cn.antifraud.core.officer;

import cn.antifraud.core.escalation.RecentWaits;
import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * How officers handled each escalated conversation ({@code officer_handling}, keyed by conversation id):
 * when it was raised, claimed and closed, by whom, the disposition and the amount saved. The queue's waiting
 * times and the supervisors' figures come from here. Writes are idempotent upserts, so every node's event
 * listener may record the same escalation.
 */
public final class HandlingStore {
    private final Store store;
    private final MongoCollection<Document> handling;
    private final RecentWaits waits;

    /** {@code waits}: the summary of recent claims residents are told a wait from, told of each first claim (may be null). */
    public HandlingStore(Store store, RecentWaits waits) {
        this.store = store;
        this.waits = waits;
        this.handling = store.collection("officer_handling");
        handling.createIndex(Indexes.ascending("closedAt"));
        handling.createIndex(Indexes.ascending("escalatedAt"));
    }

    public void escalated(String conversationId, Instant at, boolean urgent, String reason, String channel) {
        Bson change = Updates.combine(Updates.setOnInsert("escalatedAt", Date.from(at)), Updates.setOnInsert("reason", reason),
            Updates.setOnInsert("channel", channel));
        if (urgent) {
            change = Updates.combine(change, Updates.set("urgent", true));
        }
        upsert(conversationId, change);
    }

    /** Records the first claim (response time is measured to it); later claims only change the holder. */
    public void claimed(String conversationId, String officer, Instant at, String channel) {
        Document d = handling.find(new Document("_id", conversationId)).first();
        Bson change = Updates.combine(Updates.setOnInsert("escalatedAt", Date.from(at)), Updates.setOnInsert("channel", channel),
            Updates.set("holder", officer));
        boolean first = d == null || d.get("claimedAt") == null;
        if (first) {
            change = Updates.combine(change, Updates.set("claimedAt", Date.from(at)), Updates.set("claimedBy", officer));
        }
        upsert(conversationId, change);
        if (first && waits != null) {
            Date escalated = d == null ? null : d.getDate("escalatedAt");
            waits.claimed(conversationId, escalated == null ? at : escalated.toInstant(), at);
        }
    }

    public void holder(String conversationId, String officer) {
        upsert(conversationId, officer == null ? Updates.unset("holder") : Updates.set("holder", officer));
    }

    public void closed(String conversationId, String officer, Instant at, String disposition, double amountSaved,
                       String scamType, String risk) {
        upsert(conversationId, Updates.combine(Updates.setOnInsert("escalatedAt", Date.from(at)), Updates.set("closedAt", Date.from(at)),
            Updates.set("closedBy", officer), Updates.set("disposition", disposition), Updates.set("amountSaved", amountSaved),
            Updates.set("scamType", scamType), Updates.set("risk", risk)));
    }

    public Optional<Document> find(String conversationId) {
        return Optional.ofNullable(handling.find(new Document("_id", conversationId)).first());
    }

    /** Conversations escalated or closed within [from, to). */
    public List<Document> between(Instant from, Instant to) {
        Document range = new Document("$gte", Date.from(from)).append("$lt", Date.from(to));
        List<Document> out = new ArrayList<>();
        handling.find(new Document("$or", List.of(new Document("escalatedAt", range), new Document("closedAt", range))))
            .forEach(out::add);
        return out;
    }

    private void upsert(String id, Bson change) {
        handling.updateOne(new Document("_id", id), change, new UpdateOptions().upsert(true));
    }
}
