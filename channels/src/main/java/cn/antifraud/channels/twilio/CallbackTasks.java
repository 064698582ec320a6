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
        return record(sessionKey, phone, reason, text, null);
    }

    /** A task for a voice call ({@code callSid}), so a recorded message can be attached to it later. */
    public String record(String sessionKey, String phone, String reason, String text, String callSid) {
        String id = UUID.randomUUID().toString();
        callbacks.insertOne(new Document("_id", id).append("sessionKey", sessionKey).append("phone", phone)
            .append("reason", reason).append("text", text).append("callSid", callSid).append("status", "open")
            .append("createdAt", new Date()));
        return id;
    }

    /** Attaches the caller's recorded message to the open task of that call; false when the call has none. */
    public boolean attachRecording(String callSid, String recordingUrl, String seconds) {
        var r = callbacks.updateMany(new Document("callSid", callSid).append("status", "open"), new Document("$set",
            new Document("recordingUrl", recordingUrl).append("recordingSeconds", seconds).append("recordedAt", new Date())));
        return r.getMatchedCount() > 0;
    }

    public long openFor(String sessionKey) {
        return callbacks.countDocuments(new Document("sessionKey", sessionKey).append("status", "open"));
    }
}
