package cn.antifraud.core.conversation;

import cn.antifraud.core.storage.Store;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;

/**
 * Sessions (one per channel and address), conversations and their messages in MongoDB. Blocking: call
 * from worker threads. A session's messages carry a sequence number allocated atomically on the session.
 */
public final class ConversationStore {
    private final Store store;
    private final MongoCollection<Document> sessions;
    private final MongoCollection<Document> conversations;
    private final MongoCollection<Document> messages;
    private final MongoCollection<Document> inbound;

    public ConversationStore(Store store) {
        this.store = store;
        this.sessions = store.collection("sessions");
        this.conversations = store.collection("conversations");
        this.messages = store.collection("messages");
        this.inbound = store.collection("inbound_deliveries");
        conversations.createIndex(Indexes.ascending("sessionKey", "state"));
        conversations.createIndex(Indexes.ascending("state", "priority", "updatedAt"));
        conversations.createIndex(Indexes.ascending("caseNo"));
        messages.createIndex(Indexes.ascending("sessionKey", "seq"), new IndexOptions().unique(true));
        messages.createIndex(Indexes.ascending("conversationId", "seq"));
        store.written();
    }

    /** Creates the session for a channel address if it does not exist yet. */
    public void ensureSession(String sessionKey) {
        sessions.updateOne(new Document("_id", sessionKey),
            Updates.combine(Updates.setOnInsert("nextSeq", 0L), Updates.setOnInsert("createdAt", new Date())),
            new com.mongodb.client.model.UpdateOptions().upsert(true));
        store.written();
    }

    public boolean sessionExists(String sessionKey) {
        return sessions.find(new Document("_id", sessionKey)).first() != null;
    }

    /** Whether the session exists and has had a message (or was opened) at or after {@code since}: idle sessions expire. */
    public boolean sessionActiveSince(String sessionKey, Instant since) {
        Document session = sessions.find(new Document("_id", sessionKey)).first();
        if (session == null) {
            return false;
        }
        Document last = messages.find(new Document("sessionKey", sessionKey)).sort(Sorts.descending("seq")).limit(1).first();
        Date at = last != null ? last.getDate("createdAt") : session.getDate("createdAt");
        return at == null || !at.toInstant().isBefore(since);
    }

    /** The open (not closed) conversation of a session, if any. */
    public Optional<Conversation> openConversation(String sessionKey) {
        Document d = conversations.find(new Document("sessionKey", sessionKey)
                .append("state", new Document("$ne", ConversationState.CLOSED.id())))
            .sort(Sorts.descending("createdAt")).first();
        return Optional.ofNullable(d).map(ConversationStore::toConversation);
    }

    public Optional<Conversation> find(String conversationId) {
        return Optional.ofNullable(conversations.find(new Document("_id", conversationId)).first())
            .map(ConversationStore::toConversation);
    }

    public Conversation create(String channel, String address) {
        Instant now = Instant.now();
        Conversation c = new Conversation(UUID.randomUUID().toString(), channel + ":" + address, channel, address,
            ConversationState.BOT, null, null, null, null, false, 100, null, now, now, 0);
        conversations.insertOne(toDocument(c));
        store.written();
        return c;
    }

    /**
     * Saves a conversation if nobody else changed it since it was read; returns the saved copy, or empty
     * when another writer got there first (the caller reloads and retries).
     */
    public Optional<Conversation> update(Conversation c) {
        Conversation next = new Conversation(c.id(), c.sessionKey(), c.channel(), c.address(), c.state(), c.flow(),
            c.lastScamType(), c.lastRisk(), c.caseNo(), c.stopPayment(), c.priority(), c.officer(), c.createdAt(),
            Instant.now(), c.version() + 1);
        var result = conversations.replaceOne(new Document("_id", c.id()).append("version", c.version()), toDocument(next));
        if (result.getMatchedCount() == 0) {
            return Optional.empty();
        }
        store.written();
        return Optional.of(next);
    }

    /**
     * Appends a message to the session, allocating the next sequence number. The unique (sessionKey, seq)
     * index is the arbiter: should two writers ever get the same number, the loser takes the next one.
     */
    public Message append(String sessionKey, String conversationId, String sender, String text, List<String> options,
                          JsonObject analysis) {
        for (int attempt = 0; ; attempt++) {
            Document session = sessions.findOneAndUpdate(new Document("_id", sessionKey), Updates.inc("nextSeq", 1L),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).upsert(true));
            long seq = ((Number) session.get("nextSeq")).longValue();
            Message m = new Message(UUID.randomUUID().toString(), sessionKey, conversationId, seq, sender, text,
                options == null ? List.of() : options, analysis, Instant.now());
            Document d = new Document("_id", m.id()).append("sessionKey", sessionKey).append("conversationId", conversationId)
                .append("seq", seq).append("sender", sender).append("text", text).append("options", m.options())
                .append("createdAt", Date.from(m.createdAt()));
            if (analysis != null) {
                d.append("analysis", Document.parse(analysis.encode()));
            }
            try {
                messages.insertOne(d);
                store.written();
                return m;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    public List<Message> messagesAfter(String sessionKey, long afterSeq, int limit) {
        List<Message> out = new ArrayList<>();
        for (Document d : messages.find(new Document("sessionKey", sessionKey).append("seq", new Document("$gt", afterSeq)))
                 .sort(Sorts.ascending("seq")).limit(limit)) {
            out.add(toMessage(d));
        }
        return out;
    }

    /**
     * The quick-reply options the bot offered in its latest turn (the newest bot message with options since
     * the resident last wrote), for channels where a resident answers an option by its number.
     */
    @SuppressWarnings("unchecked")
    public List<String> lastOfferedOptions(String sessionKey) {
        for (Document d : messages.find(new Document("sessionKey", sessionKey)).sort(Sorts.descending("seq")).limit(10)) {
            if (Message.RESIDENT.equals(d.getString("sender"))) {
                break;
            }
            List<String> options = (List<String>) d.get("options", List.class);
            if (Message.BOT.equals(d.getString("sender")) && options != null && !options.isEmpty()) {
                return options;
            }
        }
        return List.of();
    }

    public List<Message> conversationMessages(String conversationId) {
        List<Message> out = new ArrayList<>();
        for (Document d : messages.find(new Document("conversationId", conversationId)).sort(Sorts.ascending("seq"))) {
            out.add(toMessage(d));
        }
        return out;
    }

    /** Conversations in any of the given states (the officers' queue), at most {@code limit}. */
    public List<Conversation> inStates(List<ConversationState> states, int limit) {
        List<Conversation> out = new ArrayList<>();
        conversations.find(new Document("state", new Document("$in", states.stream().map(ConversationState::id).toList())))
            .sort(Sorts.ascending("priority", "updatedAt")).limit(limit).forEach(d -> out.add(toConversation(d)));
        return out;
    }

    /**
     * Records a channel delivery id; false when it was seen before (a retried webhook). The stored reply
     * of the first delivery can be read back with {@link #deliveryReply}.
     */
    public boolean claimDelivery(String channel, String externalId) {
        try {
            inbound.insertOne(new Document("_id", channel + ":" + externalId).append("at", new Date()));
            store.written();
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public void saveDeliveryReply(String channel, String externalId, String reply) {
        inbound.updateOne(new Document("_id", channel + ":" + externalId), Updates.set("reply", reply));
        store.written();
    }

    public Optional<String> deliveryReply(String channel, String externalId) {
        Document d = inbound.find(new Document("_id", channel + ":" + externalId)).first();
        return Optional.ofNullable(d == null ? null : d.getString("reply"));
    }

    static Document toDocument(Conversation c) {
        return new Document("_id", c.id()).append("sessionKey", c.sessionKey()).append("channel", c.channel())
            .append("address", c.address()).append("state", c.state().id())
            .append("flow", c.flow() == null ? null : Document.parse(c.flow().encode()))
            .append("lastScamType", c.lastScamType()).append("lastRisk", c.lastRisk()).append("caseNo", c.caseNo())
            .append("stopPayment", c.stopPayment()).append("priority", c.priority()).append("officer", c.officer())
            .append("createdAt", Date.from(c.createdAt())).append("updatedAt", Date.from(c.updatedAt()))
            .append("version", c.version());
    }

    static Conversation toConversation(Document d) {
        Document flow = d.get("flow", Document.class);
        return new Conversation(d.getString("_id"), d.getString("sessionKey"), d.getString("channel"), d.getString("address"),
            ConversationState.of(d.getString("state")), flow == null ? null : new JsonObject(flow.toJson()),
            d.getString("lastScamType"), d.getString("lastRisk"), d.getString("caseNo"), d.getBoolean("stopPayment", false),
            d.getInteger("priority", 100), d.getString("officer"), d.getDate("createdAt").toInstant(),
            d.getDate("updatedAt").toInstant(), ((Number) d.get("version")).longValue());
    }

    @SuppressWarnings("unchecked")
    static Message toMessage(Document d) {
        Document analysis = d.get("analysis", Document.class);
        return new Message(d.getString("_id"), d.getString("sessionKey"), d.getString("conversationId"),
            ((Number) d.get("seq")).longValue(), d.getString("sender"), d.getString("text"),
            (List<String>) d.get("options", List.class), analysis == null ? null : new JsonObject(analysis.toJson()),
            d.getDate("createdAt").toInstant());
    }
}
