package cn.antifraud.core.conversation;

import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * The ids of the conversations waiting for or held by an officer, in a collection of their own. The officers'
 * queue and a resident's place in line were a query by state over every conversation ever stored, which the
 * embedded store answers by reading them all (it has no index for a non-unique key): each escalation got slower
 * as conversations piled up. This collection holds only the few in the queue. The conversation stays the truth:
 * an entry is written before a conversation enters the queue and removed after it leaves, so a crash in between
 * leaves at most an extra entry, which reads check against the conversation and clear, never a missing one.
 */
final class OfficerQueue {
    static final Set<ConversationState> QUEUED = EnumSet.of(ConversationState.WAITING_OFFICER, ConversationState.OFFICER);
    private static final String MIGRATION = "officer-queue";

    private final MongoCollection<Document> entries;

    OfficerQueue(Store store, MongoCollection<Document> conversations, MongoCollection<Document> migrations) {
        this.entries = store.collection("officer_queue");
        migrate(conversations, migrations);
    }

    /** Conversations queued before this collection existed get their entries, once. */
    private void migrate(MongoCollection<Document> conversations, MongoCollection<Document> migrations) {
        if (migrations.find(new Document("_id", MIGRATION)).first() != null) {
            return;
        }
        List<String> states = QUEUED.stream().map(ConversationState::id).toList();
        for (Document d : conversations.find(new Document("state", new Document("$in", states)))) {
            enter(d.getString("_id"));
        }
        migrations.insertOne(new Document("_id", MIGRATION).append("at", new Date()));
    }

    /** Before a conversation is saved in a queued state. */
    void enter(String conversationId) {
        entries.replaceOne(new Document("_id", conversationId), new Document("_id", conversationId).append("at", new Date()),
            new ReplaceOptions().upsert(true));
    }

    /** After a conversation was saved in a state outside the queue. */
    void leave(String conversationId) {
        entries.deleteOne(new Document("_id", conversationId));
    }

    /** The ids of every queued conversation (and of any left by a crash, which the caller checks). */
    List<String> ids() {
        List<String> out = new ArrayList<>();
        for (Document d : entries.find()) {
            out.add(d.getString("_id"));
        }
        return out;
    }
}
