package cn.antifraud.core.officer;

import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;

/**
 * Who did what, to what, when: every view of personal data and every change made in the console, in the
 * append-only {@code audit_log} collection (this class only ever inserts). Supervisors read it.
 */
public final class AuditTrail {
    private final Store store;
    private final MongoCollection<Document> log;
    private final Clock clock;

    public AuditTrail(Store store, Clock clock) {
        this.store = store;
        this.log = store.collection("audit_log");
        this.clock = clock;
        log.createIndex(Indexes.descending("at"));
        log.createIndex(Indexes.ascending("target", "at"));
    }

    /** Records one action; {@code detail} must not carry message text or unmasked personal data. */
    public void record(String actor, String action, String target, JsonObject detail) {
        Document d = new Document("_id", UUID.randomUUID().toString()).append("at", Date.from(clock.instant()))
            .append("actor", actor).append("action", action).append("target", target);
        if (detail != null && !detail.isEmpty()) {
            d.append("detail", Document.parse(detail.encode()));
        }
        log.insertOne(d);
        store.written();
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
        for (Document d : log.find(filter).sort(Sorts.descending("at")).limit(Math.max(1, Math.min(limit, 1000)))) {
            JsonObject e = new JsonObject().put("at", d.getDate("at").toInstant().toString()).put("actor", d.getString("actor"))
                .put("action", d.getString("action")).put("target", d.getString("target"));
            Document detail = d.get("detail", Document.class);
            if (detail != null) {
                e.put("detail", new JsonObject(detail.toJson()));
            }
            out.add(e);
        }
        return out;
    }
}
