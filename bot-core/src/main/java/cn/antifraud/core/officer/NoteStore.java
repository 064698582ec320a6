package cn.antifraud.core.officer;

import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;

/** Officers' internal notes on a conversation ({@code officer_notes}); never sent to the resident. */
final class NoteStore {
    private final Store store;
    private final MongoCollection<Document> notes;

    NoteStore(Store store) {
        this.store = store;
        this.notes = store.collection("officer_notes");
        notes.createIndex(Indexes.ascending("conversationId", "at"));
    }

    JsonObject add(String conversationId, String author, String text, Instant at) {
        notes.insertOne(new Document("_id", UUID.randomUUID().toString()).append("conversationId", conversationId)
            .append("author", author).append("text", text).append("at", Date.from(at)));
        return new JsonObject().put("author", author).put("text", text).put("at", at.toString());
    }

    JsonArray list(String conversationId) {
        JsonArray out = new JsonArray();
        notes.find(new Document("conversationId", conversationId)).sort(Sorts.ascending("at")).forEach(d -> out.add(
            new JsonObject().put("author", d.getString("author")).put("text", d.getString("text"))
                .put("at", d.getDate("at").toInstant().toString())));
        return out;
    }
}
