package cn.antifraud.core.audit;

import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

/**
 * Who changed what, when ({@code audit_log}): knowledge-base edits, indicators, corpus additions, model changes.
 * Same collection and fields as the console's audit trail ({@code detail}); details never carry message text. Blocking: call from worker threads.
 */
public final class AuditLog {
    private final Store store;
    private final MongoCollection<Document> log;

    /** One audited action. */
    public record Entry(String id, Instant at, String actor, String action, String target, JsonObject details) {
        public JsonObject toJson() {
            return new JsonObject().put("id", id).put("at", at.toString()).put("actor", actor).put("action", action)
                .put("target", target).put("detail", details);
        }
    }

    public AuditLog(Store store) {
        this.store = store;
        this.log = store.collection("audit_log");
        log.createIndex(Indexes.ascending("target", "at"));
        log.createIndex(Indexes.descending("at"));
        store.written();
    }

    public Entry record(String actor, String action, String target, JsonObject details) {
        Entry e = new Entry(UUID.randomUUID().toString(), Instant.now(), actor, action, target,
            details == null ? new JsonObject() : details);
        log.insertOne(new Document("_id", e.id()).append("at", Date.from(e.at())).append("actor", actor).append("action", action)
            .append("target", target).append("detail", Document.parse(e.details().encode())));
        store.written();
        return e;
    }

    /** The newest entries first; {@code targetPrefix} (may be null) narrows to one thing, e.g. {@code kb:romance}. */
    public List<Entry> recent(String targetPrefix, int limit) {
        Document filter = targetPrefix == null ? new Document()
            : new Document("target", new Document("$regex", "^" + java.util.regex.Pattern.quote(targetPrefix)));
        List<Entry> out = new ArrayList<>();
        for (Document d : log.find(filter).sort(Sorts.descending("at")).limit(limit)) {
            Document details = d.get("detail", Document.class);
            out.add(new Entry(d.getString("_id"), d.getDate("at").toInstant(), d.getString("actor"), d.getString("action"),
                d.getString("target"), details == null ? new JsonObject() : new JsonObject(details.toJson())));
        }
        return out;
    }
}
