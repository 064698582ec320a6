package cn.antifraud.core.conversation;

import cn.antifraud.core.storage.OrderedIds;
import cn.antifraud.core.storage.Store;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * Sessions (one per channel and address), conversations and their messages in MongoDB. Blocking: call
 * from worker threads.
 *
 * <p>Shaped for the embedded server as much as for MongoDB: mongo-java-server serves a query from an index only
 * when the query is equality (or {@code $in} on a one-field index) on exactly a unique index's keys, and scans
 * the whole collection otherwise. So every hot read is by a unique key: a session by {@code _id} (it names its
 * open conversation and the options last offered), a conversation by {@code _id} (replaced by
 * {@code _id + version}, a unique compound index), messages by {@code slot} ("sessionKey#seq", unique) with
 * {@code $in} over the sequence numbers the session has handed out, and a delivery by its id. On MongoDB the
 * same unique indexes serve the same queries.
 */
public final class ConversationStore {
    /** On a resident's message: the risk of the verdict the bot gave on it (absent for answers, buttons, follow-ups). */
    public static final String VERDICT_FIELD = "verdict";
    private static final String SLOTS_MIGRATION = "message-slots";
    private static final String SESSION_SEQ_INDEX = "sessionKey_1_seq_1";

    private final MongoCollection<Document> sessions;
    private final MongoCollection<Document> conversations;
    private final MongoCollection<Document> messages;
    private final MongoCollection<Document> inbound;
    private final OfficerQueue queue;

    /**
     * A session: its open conversation (if any), the last sequence number handed out, the options last offered, when
     * its last message was stored ({@code lastAt}, null on sessions stored before it was recorded) and when it was opened.
     */
    public record Session(String key, String conversationId, long lastSeq, List<String> lastOptions, Instant lastAt,
                          Instant createdAt) {
    }

    /** A turn's messages as stored: the resident's and the bot's replies, with their sequence numbers. */
    public record StoredTurn(Message resident, List<Message> replies) {
    }

    /** The delivery id was stored before: the turn of the first delivery is {@link #turnOf}. */
    public static final class DuplicateDelivery extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DuplicateDelivery(String delivery) {
            super("delivery already stored: " + delivery);
        }
    }

    public ConversationStore(Store store) {
        this.sessions = store.collection("sessions");
        this.conversations = store.collection("conversations");
        this.messages = store.collection("messages");
        this.inbound = store.collection("inbound_deliveries");
        conversations.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
        conversations.createIndex(Indexes.ascending("sessionKey", "state"));
        conversations.createIndex(Indexes.ascending("state", "priority", "updatedAt"));
        conversations.createIndex(Indexes.ascending("caseNo"));
        dropSessionSeqIndex();
        messages.createIndex(Indexes.ascending("conversationId", "seq"));
        messages.createIndex(Indexes.ascending("slot"), new IndexOptions().unique(true).sparse(true).name("slot_unique"));
        messages.createIndex(Indexes.ascending("delivery"), new IndexOptions().unique(true).sparse(true).name("delivery_unique"));
        migrateSlots(store.collection("migrations"));
        this.queue = new OfficerQueue(store, conversations, store.collection("migrations"));
    }

    /**
     * Stores made before the unique slot kept a unique index on (sessionKey, seq) as well: the same constraint
     * twice, and on the embedded store one more B-tree rewritten by every message. The slot is the one kept.
     */
    private void dropSessionSeqIndex() {
        for (Document index : messages.listIndexes()) {
            if (SESSION_SEQ_INDEX.equals(index.getString("name"))) {
                messages.dropIndex(SESSION_SEQ_INDEX);
            }
        }
    }

    /** Messages stored before slots existed get theirs, once (a marker document records that it ran). */
    private void migrateSlots(MongoCollection<Document> migrations) {
        if (migrations.find(new Document("_id", SLOTS_MIGRATION)).first() != null) {
            return;
        }
        for (Document d : messages.find(new Document("slot", new Document("$exists", false)))) {
            messages.updateOne(new Document("_id", d.get("_id")),
                Updates.set("slot", slot(d.getString("sessionKey"), ((Number) d.get("seq")).longValue())));
        }
        migrations.insertOne(new Document("_id", SLOTS_MIGRATION).append("at", new Date()));
    }

    static String slot(String sessionKey, long seq) {
        return sessionKey + "#" + seq;
    }

    /** The session of a channel address, if it exists. */
    public Optional<Session> session(String sessionKey) {
        return Optional.ofNullable(sessions.find(new Document("_id", sessionKey)).first()).map(ConversationStore::toSession);
    }

    public boolean sessionExists(String sessionKey) {
        return session(sessionKey).isPresent();
    }

    /**
     * Whether the session exists and has had a message (or was opened) at or after {@code since}: idle sessions
     * expire. The session records when its last message was stored ({@code lastAt}), so this is one read by
     * {@code _id}; looking for the session's latest message instead was a scan of every stored message on the
     * embedded store (it cannot sort by a part of an index), run before each continuing turn, and it stalled
     * those turns once the store held a few thousand.
     */
    public boolean sessionActiveSince(String sessionKey, Instant since) {
        return session(sessionKey).map(s -> activeSince(s, since)).orElse(false);
    }

    /** The same for a session already read (a turn reads it anyway): no further read unless it is a legacy one. */
    public boolean activeSince(Session session, Instant since) {
        Instant at = session.lastAt() != null ? session.lastAt() : legacyLastAt(session);
        return at == null || !at.isBefore(since);
    }

    /** A session stored before it recorded {@code lastAt}: its latest message, read by its unique slot. */
    private Instant legacyLastAt(Session session) {
        Document last = session.lastSeq() == 0 ? null : messages.find(new Document("slot", slot(session.key(), session.lastSeq()))).first();
        return last != null ? last.getDate("createdAt").toInstant() : session.createdAt();
    }

    /** The open (not closed) conversation of a session, if any. */
    public Optional<Conversation> openConversation(String sessionKey) {
        return session(sessionKey).flatMap(this::openConversation);
    }

    /** The session's open conversation: the one it names, unless that was closed. */
    public Optional<Conversation> openConversation(Session session) {
        if (session.conversationId() == null) {
            return legacyOpenConversation(session.key());
        }
        return find(session.conversationId()).filter(c -> c.state() != ConversationState.CLOSED);
    }

    /** Sessions stored before they named their conversation: found the old way (a scan on the embedded store). */
    private Optional<Conversation> legacyOpenConversation(String sessionKey) {
        Document d = conversations.find(new Document("sessionKey", sessionKey)
                .append("state", new Document("$ne", ConversationState.CLOSED.id())))
            .sort(Sorts.descending("createdAt")).first();
        return Optional.ofNullable(d).map(ConversationStore::toConversation);
    }

    public Optional<Conversation> find(String conversationId) {
        return Optional.ofNullable(conversations.find(new Document("_id", conversationId)).first())
            .map(ConversationStore::toConversation);
    }

    /** A new conversation, not stored yet: {@link #insert} stores it (with the turn that opens it). */
    public static Conversation fresh(String channel, String address) {
        return fresh(OrderedIds.next(), channel, address);
    }

    /** A new conversation with a given id (one a session already names), not stored yet. */
    public static Conversation fresh(String id, String channel, String address) {
        Instant now = Instant.now();
        return new Conversation(id, channel + ":" + address, channel, address,
            ConversationState.BOT, null, null, null, null, false, 100, null, now, now, 0, null);
    }

    /** Creates and stores a conversation, and makes it the session's open one. */
    public Conversation create(String channel, String address) {
        Conversation c = insert(fresh(channel, address));
        sessions.updateOne(new Document("_id", c.sessionKey()), Updates.combine(Updates.set("conversationId", c.id()),
            Updates.setOnInsert("nextSeq", 0L), Updates.setOnInsert("createdAt", new Date())), new UpdateOptions().upsert(true));
        return c;
    }

    /** Stores a new conversation as it is (version 0). */
    public Conversation insert(Conversation c) {
        if (OfficerQueue.QUEUED.contains(c.state())) {
            queue.enter(c.id());
        }
        conversations.insertOne(toDocument(c));
        return c;
    }

    /**
     * Saves a conversation if nobody else changed it since it was read; returns the saved copy, or empty
     * when another writer got there first (the caller reloads and retries).
     */
    public Optional<Conversation> update(Conversation c) {
        Conversation next = new Conversation(c.id(), c.sessionKey(), c.channel(), c.address(), c.state(), c.flow(),
            c.lastScamType(), c.lastRisk(), c.caseNo(), c.stopPayment(), c.priority(), c.officer(), c.createdAt(),
            Instant.now(), c.version() + 1, c.lastVerdict());
        boolean queued = OfficerQueue.QUEUED.contains(next.state());
        if (queued) {
            queue.enter(next.id());
        }
        Document before = conversations.findOneAndReplace(new Document("_id", c.id()).append("version", c.version()),
            toDocument(next), new FindOneAndReplaceOptions().projection(new Document("state", 1)));
        if (before == null) {
            return Optional.empty();
        }
        if (!queued && OfficerQueue.QUEUED.contains(ConversationState.of(before.getString("state")))) {
            queue.leave(next.id());
        }
        return Optional.of(next);
    }

    /**
     * Stores one turn: the resident's message (with its channel delivery id, unique, so a retried delivery is
     * recognised) and the bot's replies in one batch, after allocating all their sequence numbers with one
     * {@code $inc} on the session, which also records the open conversation and the options offered last.
     * {@code baseVersion} is the conversation's version the turn was decided on (-1: a new conversation), kept
     * with the resident's message so a retry can tell whether the conversation was saved after it.
     * The unique slot is the arbiter of sequence numbers: should two writers ever get the same ones, the loser
     * allocates again.
     *
     * @throws DuplicateDelivery when the delivery id was stored before
     */
    public StoredTurn storeTurn(String sessionKey, String conversationId, String delivery, String text, JsonObject analysis,
                                List<Reply> replies, long baseVersion) {
        return storeTurn(sessionKey, conversationId, delivery, text, analysis, replies, baseVersion, null);
    }

    /**
     * As above; {@code verdict} is the risk of the verdict the bot gave on this very message (null when the turn gave
     * none of its own), kept with the resident's message for the review queue.
     */
    public StoredTurn storeTurn(String sessionKey, String conversationId, String delivery, String text, JsonObject analysis,
                                List<Reply> replies, long baseVersion, String verdict) {
        List<String> offered = List.of();
        for (Reply r : replies) {
            if (!r.options().isEmpty()) {
                offered = r.options();
            }
        }
        for (int attempt = 0; ; attempt++) {
            Document session = sessions.findOneAndUpdate(new Document("_id", sessionKey),
                Updates.combine(Updates.inc("nextSeq", 1L + replies.size()), Updates.set("conversationId", conversationId),
                    Updates.set("lastOptions", offered), Updates.set("lastAt", new Date()),
                    Updates.setOnInsert("createdAt", new Date())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).upsert(true));
            long seq = ((Number) session.get("nextSeq")).longValue() - replies.size();
            Instant now = Instant.now();
            Message resident = new Message(OrderedIds.next(), sessionKey, conversationId, seq, Message.RESIDENT,
                text, List.of(), analysis, now);
            Document residentDoc = toDocument(resident).append("replies", replies.size()).append("baseVersion", baseVersion);
            if (verdict != null) {
                residentDoc.append(VERDICT_FIELD, verdict);
            }
            if (delivery != null) {
                residentDoc.append("delivery", delivery);
            }
            List<Document> batch = new ArrayList<>(List.of(residentDoc));
            List<Message> bot = new ArrayList<>();
            for (int i = 0; i < replies.size(); i++) {
                Reply r = replies.get(i);
                Message m = new Message(OrderedIds.next(), sessionKey, conversationId, seq + 1 + i, Message.BOT,
                    r.text(), r.options(), null, now, r.kindOrChat(), r.risk());
                bot.add(m);
                batch.add(toDocument(m));
            }
            try {
                messages.insertMany(batch);
                return new StoredTurn(resident, bot);
            } catch (MongoBulkWriteException e) {
                if (!isDuplicate(e) || attempt >= 10) {
                    throw e;
                }
                var first = e.getWriteErrors().get(0);
                if (delivery != null && first.getIndex() == 0 && first.getMessage().contains("delivery_unique")) {
                    throw new DuplicateDelivery(delivery);
                }
            }
        }
    }

    /** The stored turn of a channel delivery: its resident message, its replies and the base version, if stored. */
    public Optional<RetriedTurn> turnOf(String delivery) {
        Document d = messages.find(new Document("delivery", delivery)).first();
        if (d == null) {
            return Optional.empty();
        }
        Message resident = toMessage(d);
        int count = d.getInteger("replies", 0);
        List<Message> replies = bySlots(resident.sessionKey(), resident.seq() + 1, resident.seq() + count);
        return Optional.of(new RetriedTurn(resident, replies, ((Number) d.get("baseVersion")).longValue()));
    }

    /** A delivery seen before: its stored messages and the conversation version its turn was decided on. */
    public record RetriedTurn(Message resident, List<Message> replies, long baseVersion) {
    }

    /** Appends one message (an officer's, the system's) to the session, allocating the next sequence number. */
    public Message append(String sessionKey, String conversationId, String sender, String text, List<String> options,
                          JsonObject analysis) {
        return append(sessionKey, conversationId, sender, text, options, analysis, null, null);
    }

    /** Appends a bot, officer or system message with its reply kind (and a verdict's risk). */
    public Message append(String sessionKey, String conversationId, String sender, Reply reply) {
        return append(sessionKey, conversationId, sender, reply.text(), reply.options(), null, reply.kindOrChat(), reply.risk());
    }

    private Message append(String sessionKey, String conversationId, String sender, String text, List<String> options,
                           JsonObject analysis, String kind, String risk) {
        for (int attempt = 0; ; attempt++) {
            Document session = sessions.findOneAndUpdate(new Document("_id", sessionKey),
                Updates.combine(Updates.inc("nextSeq", 1L), Updates.set("lastAt", new Date())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).upsert(true));
            long seq = ((Number) session.get("nextSeq")).longValue();
            Message m = new Message(OrderedIds.next(), sessionKey, conversationId, seq, sender, text,
                options == null ? List.of() : options, analysis, Instant.now(), kind, risk);
            try {
                messages.insertOne(toDocument(m));
                return m;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    private static boolean isDuplicate(MongoBulkWriteException e) {
        return !e.getWriteErrors().isEmpty()
            && ErrorCategory.fromErrorCode(e.getWriteErrors().get(0).getCode()) == ErrorCategory.DUPLICATE_KEY;
    }

    /** Messages of a session with sequence numbers from..to (inclusive), in order, read by their unique slots. */
    private List<Message> bySlots(String sessionKey, long from, long to) {
        if (to < from) {
            return List.of();
        }
        List<String> slots = new ArrayList<>();
        for (long seq = from; seq <= to; seq++) {
            slots.add(slot(sessionKey, seq));
        }
        List<Message> out = new ArrayList<>();
        for (Document d : messages.find(new Document("slot", new Document("$in", slots)))) {
            out.add(toMessage(d));
        }
        out.sort(Comparator.comparingLong(Message::seq));
        return out;
    }

    public List<Message> messagesAfter(String sessionKey, long afterSeq, int limit) {
        return session(sessionKey).map(s -> messagesAfter(s, afterSeq, limit)).orElse(List.of());
    }

    /** The same, for a session that must have been active since {@code activeSince}: empty when it is unknown or idle. */
    public Optional<List<Message>> messagesAfter(String sessionKey, Instant activeSince, long afterSeq, int limit) {
        return session(sessionKey).filter(s -> activeSince(s, activeSince)).map(s -> messagesAfter(s, afterSeq, limit));
    }

    private List<Message> messagesAfter(Session session, long afterSeq, int limit) {
        return bySlots(session.key(), afterSeq + 1, Math.min(session.lastSeq(), afterSeq + limit));
    }

    /**
     * The quick-reply options the bot offered in its latest turn, for channels where a resident answers an option
     * by its number; the session keeps them.
     */
    public List<String> lastOfferedOptions(String sessionKey) {
        return session(sessionKey).map(Session::lastOptions).orElse(List.of());
    }

    /** A conversation's messages in order: its session's messages read by slot, those of this conversation kept. */
    public List<Message> conversationMessages(String conversationId) {
        Optional<Conversation> c = find(conversationId);
        if (c.isEmpty()) {
            return List.of();
        }
        long last = session(c.get().sessionKey()).map(Session::lastSeq).orElse(0L);
        List<Message> out = new ArrayList<>();
        for (Message m : bySlots(c.get().sessionKey(), 1, last)) {
            if (conversationId.equals(m.conversationId())) {
                out.add(m);
            }
        }
        return out;
    }

    /** Conversations in any of the given states (the officers' queue), at most {@code limit}. */
    public List<Conversation> inStates(List<ConversationState> states, int limit) {
        List<Conversation> out = new ArrayList<>();
        if (!OfficerQueue.QUEUED.containsAll(states)) {
            conversations.find(new Document("state", new Document("$in", states.stream().map(ConversationState::id).toList())))
                .sort(Sorts.ascending("priority", "updatedAt")).limit(limit).forEach(d -> out.add(toConversation(d)));
            return out;
        }
        // the queue's own few entries, then those conversations by _id; an entry a crash left behind is cleared
        List<String> ids = queue.ids();
        if (ids.isEmpty()) {
            return out;
        }
        Set<String> found = new HashSet<>();
        for (Document d : conversations.find(new Document("_id", new Document("$in", ids)))) {
            Conversation c = toConversation(d);
            found.add(c.id());
            if (!OfficerQueue.QUEUED.contains(c.state())) {
                queue.leave(c.id());
            } else if (states.contains(c.state())) {
                out.add(c);
            }
        }
        ids.stream().filter(id -> !found.contains(id)).forEach(queue::leave);
        out.sort(Comparator.comparingInt(Conversation::priority).thenComparing(Conversation::updatedAt));
        return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
    }

    /**
     * Records a channel delivery id for a channel command that stores no message (STOP, a WeChat event); false
     * when it was seen before. Messages carry their delivery id themselves ({@link #storeTurn}).
     */
    public boolean claimDelivery(String channel, String externalId) {
        try {
            inbound.insertOne(new Document("_id", channel + ":" + externalId).append("at", new Date()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Keeps the rendered answer to a delivery, so a retry gets the same one. */
    public void saveDeliveryReply(String channel, String externalId, String reply) {
        inbound.updateOne(new Document("_id", channel + ":" + externalId),
            Updates.combine(Updates.set("reply", reply), Updates.setOnInsert("at", new Date())), new UpdateOptions().upsert(true));
    }

    public Optional<String> deliveryReply(String channel, String externalId) {
        Document d = inbound.find(new Document("_id", channel + ":" + externalId)).first();
        return Optional.ofNullable(d == null ? null : d.getString("reply"));
    }

    @SuppressWarnings("unchecked")
    private static Session toSession(Document d) {
        List<String> options = (List<String>) d.get("lastOptions", List.class);
        Number next = (Number) d.get("nextSeq");
        Date lastAt = d.getDate("lastAt");
        Date createdAt = d.getDate("createdAt");
        return new Session(d.getString("_id"), d.getString("conversationId"), next == null ? 0 : next.longValue(),
            options == null ? List.of() : options, lastAt == null ? null : lastAt.toInstant(),
            createdAt == null ? null : createdAt.toInstant());
    }

    private static Document toDocument(Message m) {
        Document d = new Document("_id", m.id()).append("sessionKey", m.sessionKey()).append("conversationId", m.conversationId())
            .append("seq", m.seq()).append("slot", slot(m.sessionKey(), m.seq())).append("sender", m.sender())
            .append("text", m.text()).append("options", m.options()).append("createdAt", Date.from(m.createdAt()));
        if (m.analysis() != null) {
            d.append("analysis", Document.parse(m.analysis().encode()));
        }
        if (m.kind() != null) {
            d.append("kind", m.kind());
        }
        if (m.risk() != null) {
            d.append("risk", m.risk());
        }
        return d;
    }

    static Document toDocument(Conversation c) {
        return new Document("_id", c.id()).append("sessionKey", c.sessionKey()).append("channel", c.channel())
            .append("address", c.address()).append("state", c.state().id())
            .append("flow", c.flow() == null ? null : Document.parse(c.flow().encode()))
            .append("lastScamType", c.lastScamType()).append("lastRisk", c.lastRisk()).append("caseNo", c.caseNo())
            .append("stopPayment", c.stopPayment()).append("priority", c.priority()).append("officer", c.officer())
            .append("createdAt", Date.from(c.createdAt())).append("updatedAt", Date.from(c.updatedAt()))
            .append("version", c.version())
            .append("lastVerdict", c.lastVerdict() == null ? null : c.lastVerdict().toDocument());
    }

    static Conversation toConversation(Document d) {
        Document flow = d.get("flow", Document.class);
        return new Conversation(d.getString("_id"), d.getString("sessionKey"), d.getString("channel"), d.getString("address"),
            ConversationState.of(d.getString("state")), flow == null ? null : new JsonObject(flow.toJson()),
            d.getString("lastScamType"), d.getString("lastRisk"), d.getString("caseNo"), d.getBoolean("stopPayment", false),
            d.getInteger("priority", 100), d.getString("officer"), d.getDate("createdAt").toInstant(),
            d.getDate("updatedAt").toInstant(), ((Number) d.get("version")).longValue(),
            LastVerdict.of(d.get("lastVerdict", Document.class)));
    }

    @SuppressWarnings("unchecked")
    static Message toMessage(Document d) {
        Document analysis = d.get("analysis", Document.class);
        return new Message(d.getString("_id"), d.getString("sessionKey"), d.getString("conversationId"),
            ((Number) d.get("seq")).longValue(), d.getString("sender"), d.getString("text"),
            (List<String>) d.get("options", List.class), analysis == null ? null : new JsonObject(analysis.toJson()),
            d.getDate("createdAt").toInstant(), d.getString("kind"), d.getString("risk"));
    }
}
