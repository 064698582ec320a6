package cn.antifraud.core.audit;

import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Append-only record of who saw or did what to personal data ({@code audit}): this class only inserts and
 * reads, never updates or deletes. Call it whenever an officer views full (unmasked) values. Blocking.
 */
public final class AuditLog {
    private final Store store;
    private final MongoCollection<Document> audit;
    private final Clock clock;

    public AuditLog(Store store, Clock clock) {
        this.store = store;
        this.audit = store.collection("audit");
        this.clock = clock;
        audit.createIndex(Indexes.ascending("target", "at"));
        store.written();
    }

    /** Records one action, e.g. record("officer:wang", "case.view", "FZ-20261123-000001", {...}). */
    public void record(String actor, String action, String target, JsonObject details) {
        audit.insertOne(new Document("at", Date.from(clock.instant())).append("actor", actor).append("action", action)
            .append("target", target).append("details", Document.parse((details == null ? new JsonObject() : details).encode())));
        store.written();
    }

    /** The entries about one target, oldest first. */
    public List<JsonObject> entries(String target) {
        List<JsonObject> out = new ArrayList<>();
        for (Document d : audit.find(new Document("target", target)).sort(Sorts.ascending("at"))) {
            out.add(new JsonObject().put("at", d.getDate("at").toInstant().toString()).put("actor", d.getString("actor"))
                .put("action", d.getString("action")).put("target", d.getString("target"))
                .put("details", new JsonObject(d.get("details", Document.class).toJson())));
        }
        return out;
    }
}
