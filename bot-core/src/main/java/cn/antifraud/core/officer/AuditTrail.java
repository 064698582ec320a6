package cn.antifraud.core.officer;

import cn.antifraud.core.audit.AuditLog;
import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bson.Document;

/**
 * The console's side of the audit: writes go through the shared {@link AuditLog} (the insert-only
 * {@code audit} collection, also fed by the report flow); supervisors read the newest entries here, by
 * target or by actor. Targets: a case number, {@code conversation:ID}, {@code account:NAME}. Blocking.
 */
public final class AuditTrail {
    private final AuditLog log;
    private final MongoCollection<Document> audit;

    public AuditTrail(AuditLog log, Store store) {
        this.log = log;
        this.audit = store.collection("audit");
        audit.createIndex(Indexes.descending("at"));
        audit.createIndex(Indexes.ascending("actor", "at"));
    }

    /** Records one action; {@code details} must not carry message text or unmasked personal data. */
    public void record(String actor, String action, String target, JsonObject details) {
        log.record(actor, action, target, details);
    }

    /** The newest entries first, optionally only those about one target or by one actor. */
    public JsonArray recent(String target, String actor, int limit) {
        Document filter = new Document();
        if (target != null) {
            filter.append("target", target);
        }
        if (actor != null) {
            filter.append("actor", actor);
        }
        JsonArray out = new JsonArray();
        for (Document d : audit.find(filter).sort(Sorts.descending("at")).limit(Math.max(1, Math.min(limit, 1000)))) {
            JsonObject e = new JsonObject().put("at", d.getDate("at").toInstant().toString()).put("actor", d.getString("actor"))
                .put("action", d.getString("action")).put("target", d.getString("target"));
            Document details = d.get("details", Document.class);
            if (details != null && !details.isEmpty()) {
                e.put("detail", new JsonObject(details.toJson()));
            }
            out.add(e);
        }
        return out;
    }
}
