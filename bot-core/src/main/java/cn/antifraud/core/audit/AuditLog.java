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
 * The one append-only audit of who saw or did what ({@code audit}): the report flow, the officer console (logins,
 * accounts, views of conversations and cases, every change) and the knowledge-base admin all write through this
 * class, which only inserts and reads, never updates or deletes. Call it whenever an officer views full (unmasked)
 * values. The actor is the officer's username ({@code system} for the service itself). Targets: a case number,
 * {@code conversation:ID}, {@code account:NAME}, {@code kb:TYPE}, {@code indicator:...}, {@code corpus:ID},
 * {@code model:VERSION}. Entries answer {@code at, actor, action, target, details}. Blocking.
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
        audit.createIndex(Indexes.descending("at"));
        audit.createIndex(Indexes.ascending("actor", "at"));
    }

    /** Records one action, e.g. record("wang", "case.view", "FZ-20261123-000001", {...}). */
    public void record(String actor, String action, String target, JsonObject details) {
        audit.insertOne(new Document("at", Date.from(clock.instant())).append("actor", actor).append("action", action)
            .append("target", target).append("details", Document.parse((details == null ? new JsonObject() : details).encode())));
    }

    /** The entries about one target, oldest first. */
    public List<JsonObject> entries(String target) {
        List<JsonObject> out = new ArrayList<>();
        for (Document d : audit.find(new Document("target", target)).sort(Sorts.ascending("at"))) {
            out.add(toJson(d));
        }
        return out;
    }

    /**
     * The newest entries first, all or those whose target starts with {@code targetPrefix} (e.g. {@code kb:romance},
     * {@code model:}), at most {@code limit}.
     */
    public List<JsonObject> recent(String targetPrefix, int limit) {
        return find(targetPrefix == null ? new Document()
            : new Document("target", new Document("$regex", "^" + java.util.regex.Pattern.quote(targetPrefix))), limit);
    }

    /** The newest entries first, optionally only those about exactly one target and/or by one actor, at most {@code limit}. */
    public List<JsonObject> recent(String target, String actor, int limit) {
        Document filter = new Document();
        if (target != null) {
            filter.append("target", target);
        }
        if (actor != null) {
            filter.append("actor", actor);
        }
        return find(filter, limit);
    }

    private List<JsonObject> find(Document filter, int limit) {
        List<JsonObject> out = new ArrayList<>();
        for (Document d : audit.find(filter).sort(Sorts.descending("at")).limit(Math.max(1, Math.min(limit, 1000)))) {
            out.add(toJson(d));
        }
        return out;
    }

    private static JsonObject toJson(Document d) {
        Document details = d.get("details", Document.class);
        return new JsonObject().put("at", d.getDate("at").toInstant().toString()).put("actor", d.getString("actor"))
            .put("action", d.getString("action")).put("target", d.getString("target"))
            .put("details", details == null ? new JsonObject() : new JsonObject(details.toJson()));
    }
}
