package cn.antifraud.channels.twilio;

import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/** Call state per CallSid in {@code voice_calls}, so a call survives a restart mid-way. Blocking. */
final class VoiceCalls {
    private final Store store;
    private final MongoCollection<Document> calls;

    VoiceCalls(Store store) {
        this.store = store;
        this.calls = store.collection("voice_calls");
    }

    Optional<VoiceCall> find(String callSid) {
        Document d = calls.find(new Document("_id", callSid)).first();
        return Optional.ofNullable(d).map(x -> new VoiceCall(x.getString("_id"), x.getString("from"), x.getString("mode"),
            x.getInteger("misses", 0), x.getString("lastPrompt"), x.getString("pending"), x.getBoolean("ownNumber", false),
            x.getString("caseNo")));
    }

    void save(VoiceCall c) {
        calls.replaceOne(new Document("_id", c.callSid()), new Document("_id", c.callSid()).append("from", c.from())
            .append("mode", c.mode()).append("misses", c.misses()).append("lastPrompt", c.lastPrompt())
            .append("pending", c.pending()).append("ownNumber", c.offersOwnNumber()).append("caseNo", c.caseNo())
            .append("updatedAt", new Date()), new ReplaceOptions().upsert(true));
    }
}
