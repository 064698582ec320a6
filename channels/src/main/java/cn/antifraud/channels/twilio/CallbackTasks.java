package cn.antifraud.channels.twilio;

import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;

/**
 * Call-back promises for voice callers: when no officer line is configured, or an officer's written reply
 * cannot reach a caller by SMS, a task goes into {@code callbacks} for the duty officers. Blocking.
 */
public final class CallbackTasks {
    private final Store store;
    private final MongoCollection<Document> callbacks;

    public CallbackTasks(Store store) {
        this.store = store;
        this.callbacks = store.collection("callbacks");
    }

    public String record(String sessionKey, String phone, String reason, String text) {
        String id = UUID.randomUUID().toString();
        callbacks.insertOne(new Document("_id", id).append("sessionKey", sessionKey).append("phone", phone)
            .append("reason", reason).append("text", text).append("status", "open").append("createdAt", new Date()));
        return id;
    }

    public long openFor(String sessionKey) {
        return callbacks.countDocuments(new Document("sessionKey", sessionKey).append("status", "open"));
    }
}
