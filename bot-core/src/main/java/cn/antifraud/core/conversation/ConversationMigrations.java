package cn.antifraud.core.conversation;

import static cn.antifraud.core.conversation.ConversationStore.LAST_AT;
import static cn.antifraud.core.conversation.ConversationStore.LAST_OPTIONS;
import static cn.antifraud.core.conversation.ConversationStore.NEXT_SEQ;
import static cn.antifraud.core.conversation.ConversationStore.OPEN_OF;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Changes to stores made by earlier versions, each run once at start (a marker document records that it ran). */
final class ConversationMigrations {
    private static final String SLOTS_MIGRATION = "message-slots";
    private static final String OPEN_OF_MIGRATION = "open-of";
    private static final String SESSION_SEQ_INDEX = "sessionKey_1_seq_1";

    private ConversationMigrations() {
    }

    /**
     * Stores made before the unique slot kept a unique index on (sessionKey, seq) as well: the same constraint
     * twice, and on the embedded store one more B-tree rewritten by every message. The slot is the one kept.
     */
    static void dropSessionSeqIndex(MongoCollection<Document> messages) {
        for (Document index : messages.listIndexes()) {
            if (SESSION_SEQ_INDEX.equals(index.getString("name"))) {
                messages.dropIndex(SESSION_SEQ_INDEX);
            }
        }
    }

    /** Messages stored before slots existed get theirs, once (a marker document records that it ran). */
    static void slots(MongoCollection<Document> messages, MongoCollection<Document> migrations) {
        if (migrations.find(new Document("_id", SLOTS_MIGRATION)).first() != null) {
            return;
        }
        for (Document d : messages.find(new Document("slot", new Document("$exists", false)))) {
            messages.updateOne(new Document("_id", d.get("_id")),
                Updates.set("slot", ConversationStore.slot(d.getString("sessionKey"), ((Number) d.get("seq")).longValue())));
        }
        migrations.insertOne(new Document("_id", SLOTS_MIGRATION).append("at", new Date()));
    }

    /**
     * Stores made before sessions kept their state on the open conversation: each session's open conversation (the
     * one its session names, else its latest) is marked {@code openOf} and takes the session's counter, last time and
     * options, once. Idempotent, so two nodes starting together on one database may both run it.
     */
    static void openOf(MongoCollection<Document> sessions, MongoCollection<Document> conversations,
                       MongoCollection<Document> migrations) {
        if (migrations.find(new Document("_id", OPEN_OF_MIGRATION)).first() != null) {
            return;
        }
        Map<String, Document> open = new HashMap<>();
        Map<String, Document> sessionOf = new HashMap<>();
        for (Document d : conversations.find(new Document("state", new Document("$ne", ConversationState.CLOSED.id())))) {
            String key = d.getString("sessionKey");
            Document s = sessionOf.computeIfAbsent(key, k -> sessions.find(new Document("_id", k)).first());
            String named = s == null ? null : s.getString("conversationId");
            Document kept = open.get(key);
            boolean better = kept == null || d.getString("_id").equals(named)
                || (!kept.getString("_id").equals(named) && d.getDate("createdAt").after(kept.getDate("createdAt")));
            if (better) {
                open.put(key, d);
            }
        }
        for (Document d : open.values()) {
            Document s = sessionOf.get(d.getString("sessionKey"));
            List<Bson> set = new ArrayList<>(List.of(Updates.set(OPEN_OF, d.getString("sessionKey"))));
            if (s != null) {
                Number seq = (Number) s.get(NEXT_SEQ);
                set.add(Updates.max(NEXT_SEQ, seq == null ? 0L : seq.longValue()));
                if (s.get(LAST_AT) != null) {
                    set.add(Updates.set(LAST_AT, s.get(LAST_AT)));
                }
                if (s.get(LAST_OPTIONS) != null) {
                    set.add(Updates.set(LAST_OPTIONS, s.get(LAST_OPTIONS)));
                }
            }
            conversations.updateOne(new Document("_id", d.get("_id")), Updates.combine(set));
        }
        migrations.insertOne(new Document("_id", OPEN_OF_MIGRATION).append("at", new Date()));
    }
}
