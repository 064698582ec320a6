package cn.antifraud.core.training;

import cn.antifraud.core.analysis.Detector;
import cn.antifraud.core.analysis.Models;
import cn.antifraud.core.analysis.TextClassifier;
import cn.antifraud.core.analysis.TypeModel;
import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Every model version that went live, or was refused, with its held-out figures ({@code models}); the model bytes
 * in chunks well under MongoDB's 16 MB document limit ({@code model_chunks}); and which one is live
 * ({@code model_state}), so a restart and every other instance run the same model. Blocking.
 */
public final class ModelStore {
    static final int CHUNK = 1024 * 1024;

    private final Store store;
    private final MongoCollection<Document> models;
    private final MongoCollection<Document> chunks;
    private final MongoCollection<Document> state;

    public ModelStore(Store store) {
        this.store = store;
        this.models = store.collection("models");
        this.chunks = store.collection("model_chunks");
        this.state = store.collection("model_state");
        chunks.createIndex(Indexes.ascending("model", "part", "n"));
    }

    /** Stores a model's bytes, then its record (so a half-written model is never listed). */
    public void save(String id, Models m, JsonObject meta) {
        int count = 0;
        for (String part : List.of("detector", "scam", "intent")) {
            byte[] bytes = switch (part) {
                case "detector" -> m.detector().save();
                case "scam" -> m.scamType().save();
                default -> m.intent().save();
            };
            for (int n = 0; n * CHUNK < bytes.length; n++) {
                byte[] slice = Arrays.copyOfRange(bytes, n * CHUNK, Math.min(bytes.length, (n + 1) * CHUNK));
                chunks.replaceOne(new Document("_id", id + ":" + part + ":" + n), new Document("_id", id + ":" + part + ":" + n)
                    .append("model", id).append("part", part).append("n", n).append("data", new Binary(slice)),
                    new ReplaceOptions().upsert(true));
                count++;
            }
        }
        record(id, meta.copy().put("stored", true).put("chunks", count));
    }

    /** Stores (or updates) a model's record without bytes, e.g. a refused candidate. */
    public void record(String id, JsonObject meta) {
        Document d = Document.parse(meta.encode()).append("_id", id);
        Document old = models.find(new Document("_id", id)).first();
        d.append("createdAt", old != null && old.getDate("createdAt") != null ? old.getDate("createdAt") : new Date());
        if (old != null && old.getBoolean("stored", false)) {
            d.put("stored", true);
            d.put("chunks", old.get("chunks"));
        }
        models.replaceOne(new Document("_id", id), d, new ReplaceOptions().upsert(true));
    }

    public boolean stored(String id) {
        Document d = models.find(new Document("_id", id)).first();
        return d != null && d.getBoolean("stored", false);
    }

    public Optional<JsonObject> find(String id) {
        return Optional.ofNullable(models.find(new Document("_id", id)).first()).map(ModelStore::toJson);
    }

    public Models load(String id) {
        if (!stored(id)) {
            throw new IllegalArgumentException("model " + id + " is not stored");
        }
        byte[] detector = bytes(id, "detector");
        if (detector.length == 0) {
            throw new IllegalArgumentException("model " + id + " was stored before the scam-vs-not detector existed; retrain it");
        }
        return new Models(Detector.load(detector), TypeModel.load(bytes(id, "scam")),
            TextClassifier.load(bytes(id, "intent")), id);
    }

    public void setLive(String id) {
        state.replaceOne(new Document("_id", "live"), new Document("_id", "live").append("model", id).append("at", new Date()),
            new ReplaceOptions().upsert(true));
    }

    public Optional<String> live() {
        return Optional.ofNullable(state.find(new Document("_id", "live")).first()).map(d -> d.getString("model"));
    }

    /** All model records, newest first, each marked whether it is live. */
    public List<JsonObject> list() {
        String live = live().orElse(null);
        List<JsonObject> out = new ArrayList<>();
        for (Document d : models.find().sort(Sorts.descending("createdAt"))) {
            out.add(toJson(d).put("live", d.getString("_id").equals(live)));
        }
        return out;
    }

    private byte[] bytes(String id, String part) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Document d : chunks.find(new Document("model", id).append("part", part)).sort(Sorts.ascending("n"))) {
            out.writeBytes(d.get("data", Binary.class).getData());
        }
        return out.toByteArray();
    }

    private static JsonObject toJson(Document d) {
        JsonObject json = new JsonObject(d.toJson()).put("id", d.getString("_id"));
        json.remove("_id");
        json.put("createdAt", d.getDate("createdAt") == null ? null : d.getDate("createdAt").toInstant().toString());
        return json;
    }
}
