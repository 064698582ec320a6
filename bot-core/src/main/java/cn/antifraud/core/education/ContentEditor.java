package cn.antifraud.core.education;

import cn.antifraud.core.audit.AuditLog;
import cn.antifraud.core.audit.ChangeRefused;
import cn.antifraud.core.storage.Store;
import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.KnowledgeBaseException;
import cn.antifraud.kb.ScamType;
import cn.antifraud.kb.ScamTypeJson;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Supervisors' edits of a scam type's script, advice and quiz ({@code kb_overrides}). Each save is a new
 * version of the whole type (unique on type + version, so two supervisors editing version 3 at once cannot both
 * win), validated exactly like the shipped files, audited, and put live at once. Version 0 is the classpath file.
 * Blocking: call from worker threads.
 */
public final class ContentEditor {
    private final Store store;
    private final MongoCollection<Document> overrides;
    private final EducationContent content;
    private final AuditLog audit;

    /** One version of one type: its number, author, time, note and content. */
    public record Version(String type, int version, String actor, Date at, String note, JsonObject content) {
        public JsonObject toJson(boolean withContent) {
            JsonObject json = new JsonObject().put("type", type).put("version", version).put("actor", actor)
                .put("at", at == null ? null : at.toInstant().toString()).put("note", note);
            return withContent ? json.put("content", content) : json;
        }
    }

    public ContentEditor(Store store, EducationContent content, AuditLog audit) {
        this.store = store;
        this.overrides = store.collection("kb_overrides");
        this.content = content;
        this.audit = audit;
        overrides.createIndex(Indexes.ascending("type", "version"), new IndexOptions().unique(true));
    }

    /** Puts the newest stored version of every type live (at start, and to pick up another instance's edits). */
    public void load() {
        for (String id : content.kb().scamTypeIds()) {
            Document d = overrides.find(new Document("type", id)).sort(Sorts.descending("version")).first();
            if (d != null) {
                String text = text(d);
                content.replace(KnowledgeBase.parseType(text, "kb_overrides " + id + " v" + d.getInteger("version")));
            }
        }
    }

    /** The type as residents see it now, with its version number. */
    public Version current(String typeId) {
        ScamType t = known(typeId);
        Document d = overrides.find(new Document("type", typeId)).sort(Sorts.descending("version")).first();
        return d == null ? new Version(typeId, 0, "knowledge-base", null, "kb/types/" + typeId + ".json", ScamTypeJson.toJson(t))
            : toVersion(d);
    }

    /**
     * Saves {@code jsonText} (the whole type, as in kb/types) as the version after {@code baseVersion}. Invalid
     * content is refused naming the line; a stale base version is refused as a conflict.
     */
    public Version save(String typeId, String jsonText, int baseVersion, String actor, String note) {
        known(typeId);
        ScamType parsed;
        try {
            parsed = KnowledgeBase.parseType(jsonText, "edit of " + typeId);
        } catch (KnowledgeBaseException e) {
            throw new ChangeRefused(ChangeRefused.Kind.INVALID, "invalid_content", e.getMessage());
        }
        if (!parsed.id().equals(typeId)) {
            throw new ChangeRefused(ChangeRefused.Kind.INVALID, "invalid_content", "id must stay '" + typeId + "'");
        }
        int latest = current(typeId).version();
        if (baseVersion != latest) {
            throw conflict(typeId, latest);
        }
        Version v = new Version(typeId, latest + 1, actor, new Date(), note == null ? "" : note, ScamTypeJson.toJson(parsed));
        try {
            overrides.insertOne(new Document("_id", typeId + ":" + v.version()).append("type", typeId).append("version", v.version())
                .append("actor", actor).append("at", v.at()).append("note", v.note())
                .append("content", new Binary(v.content().encode().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw conflict(typeId, latest + 1);
            }
            throw e;
        }
        content.replace(parsed);
        audit.record(actor, "kb.edit", "kb:" + typeId, new JsonObject().put("version", v.version()).put("note", v.note()));
        return v;
    }

    /** Makes an earlier version (0 = the shipped file) current again, as a new version. */
    public Version revert(String typeId, int version, String actor) {
        Version target = version == 0 ? new Version(typeId, 0, null, null, "", ScamTypeJson.toJson(content.kb().type(typeId)))
            : history(typeId).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new ChangeRefused(ChangeRefused.Kind.NOT_FOUND, "no_such_version", "没有这个版本：" + version));
        return save(typeId, target.content().encode(), current(typeId).version(), actor, "revert to v" + version);
    }

    /** Every stored version, newest first. */
    public List<Version> history(String typeId) {
        known(typeId);
        List<Version> out = new ArrayList<>();
        for (Document d : overrides.find(new Document("type", typeId)).sort(Sorts.descending("version"))) {
            out.add(toVersion(d));
        }
        return out;
    }

    private ScamType known(String typeId) {
        ScamType t = content.kb().type(typeId);
        if (t == null) {
            throw new ChangeRefused(ChangeRefused.Kind.NOT_FOUND, "unknown_scam_type", "没有这个骗局类型：" + typeId);
        }
        return content.type(typeId);
    }

    private static ChangeRefused conflict(String typeId, int latest) {
        return new ChangeRefused(ChangeRefused.Kind.CONFLICT, "edit_conflict",
            "「" + typeId + "」已经被别人改过（现在是第 " + latest + " 版），请刷新后再改");
    }

    private static String text(Document d) {
        return new String(d.get("content", Binary.class).getData(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Version toVersion(Document d) {
        return new Version(d.getString("type"), d.getInteger("version"), d.getString("actor"), d.getDate("at"),
            d.getString("note"), new JsonObject(text(d)));
    }
}
