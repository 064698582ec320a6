package cn.antifraud.core.conversation;

import cn.antifraud.core.storage.OrderedIds;
import cn.antifraud.core.storage.Store;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
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
import org.bson.conversions.Bson;

/**
 * Sessions (one per channel and address), conversations and their messages in MongoDB. Blocking: call
 * from worker threads.
 *
 * <p>A session's state lives on its open conversation: the document names its session in {@code openOf} (a sparse
 * unique index, so a session has at most one open conversation, found by equality) and carries the session's message
 * counter ({@code nextSeq}, the last sequence number handed out), when its last message was stored ({@code lastAt})
 * and the options last offered ({@code lastOptions}). So a continuing turn reads one document and writes two: its
 * messages in one batch and the conversation once, with the counter. The {@code sessions} document changes only
 * when a conversation opens: it names the session's latest conversation, whose counter the next one continues from.
 *
 * <p>Shaped for the embedded server as much as for MongoDB: mongo-java-server serves a query from an index only
 * when the query is equality (or {@code $in} on a one-field index) on exactly a unique index's keys, and scans
 * the whole collection otherwise. So every hot read is by a unique key: the open conversation by {@code openOf},
 * a conversation by {@code _id} (saved by {@code _id + version}, a unique compound index), messages by {@code slot}
 * ("sessionKey#seq", unique) with {@code $in} over the sequence numbers handed out, and a delivery by its id. On
 * MongoDB the same unique indexes serve the same queries.
 */
public final class ConversationStore {
    /** On a resident's message: the risk of the verdict the bot gave on it (absent for answers, buttons, follow-ups). */
    public static final String VERDICT_FIELD = "verdict";
    static final String OPEN_OF = "openOf";
    static final String NEXT_SEQ = "nextSeq";
    static final String LAST_AT = "lastAt";
    static final String LAST_OPTIONS = "lastOptions";
    /** How far ahead one probe looks for sequence numbers already taken (after a crash left the counter behind). */
    private static final int PROBE = 256;

    private final MongoCollection<Document> sessions;
    private final MongoCollection<Document> conversations;
    private final MongoCollection<Document> messages;
    private final MongoCollection<Document> inbound;
    private final OfficerQueue queue;

    /**
     * A session as a turn sees it: its open conversation (null when none), its latest conversation's id (the open
     * one, else the last one opened; null for a session that never had one), the last sequence number handed out,
     * the options last offered, when its last message was stored ({@code lastAt}, null on sessions stored before it
     * was recorded) and when it was opened.
     */
    public record Session(String key, Conversation open, String latestConversationId, long lastSeq, List<String> lastOptions,
                          Instant lastAt, Instant createdAt) {
    }

    /**
     * Where a session stands after its latest messages: the last sequence number handed out, when the last message
     * was stored, and the options offered last (null: unchanged). Saved on the conversation with the turn's own
     * changes, in the same write.
     */
    public record TurnMark(long lastSeq, Instant at, List<String> options) {
    }

    /** A turn's messages as stored (the resident's and the bot's replies, with their sequence numbers) and its mark. */
    public record StoredTurn(Message resident, List<Message> replies, TurnMark mark) {
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
        conversations.createIndex(Indexes.ascending(OPEN_OF), new IndexOptions().unique(true).sparse(true).name("open_of_unique"));
        conversations.createIndex(Indexes.ascending("sessionKey", "state"));
        conversations.createIndex(Indexes.ascending("state", "priority", "updatedAt"));
        conversations.createIndex(Indexes.ascending("caseNo"));
        ConversationMigrations.dropSessionSeqIndex(messages);
        messages.createIndex(Indexes.ascending("conversationId", "seq"));
        messages.createIndex(Indexes.ascending("slot"), new IndexOptions().unique(true).sparse(true).name("slot_unique"));
        messages.createIndex(Indexes.ascending("delivery"), new IndexOptions().unique(true).sparse(true).name("delivery_unique"));
        MongoCollection<Document> migrations = store.collection("migrations");
        ConversationMigrations.slots(messages, migrations);
        ConversationMigrations.openOf(sessions, conversations, migrations);
        this.queue = new OfficerQueue(store, conversations, migrations);
    }

    static String slot(String sessionKey, long seq) {
        return sessionKey + "#" + seq;
    }

    /**
     * The session of a channel address, if it exists: one read (its open conversation by {@code openOf}); a session
     * without an open conversation is read from its own document and its latest conversation.
     */
    public Optional<Session> session(String sessionKey) {
        Document open = conversations.find(new Document(OPEN_OF, sessionKey)).first();
        if (open != null) {
            return Optional.of(new Session(sessionKey, toConversation(open), open.getString("_id"), seqOf(open),
                optionsOf(open), instantOf(open, LAST_AT), instantOf(open, "createdAt")));
        }
        Document s = sessions.find(new Document("_id", sessionKey)).first();
        if (s == null) {
            return Optional.empty();
        }
        // the latest conversation (closed) holds the counter; a session stored before that holds its own
        String latestId = s.getString("conversationId");
        Document latest = latestId == null ? null : conversations.find(new Document("_id", latestId)).first();
        Instant at = later(instantOf(latest, LAST_AT), instantOf(s, LAST_AT));
        List<String> options = latest != null && latest.get(LAST_OPTIONS) != null ? optionsOf(latest) : optionsOf(s);
        return Optional.of(new Session(sessionKey, null, latestId, Math.max(seqOf(latest), seqOf(s)), options, at,
            instantOf(s, "createdAt")));
    }

    private static long seqOf(Document d) {
        Number n = d == null ? null : (Number) d.get(NEXT_SEQ);
        return n == null ? 0 : n.longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> optionsOf(Document d) {
        List<String> options = d == null ? null : (List<String>) d.get(LAST_OPTIONS, List.class);
        return options == null ? List.of() : options;
    }

    private static Instant instantOf(Document d, String field) {
        Date date = d == null ? null : d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /**
     * Whether the session exists and has had a message (or was opened) at or after {@code since}: idle sessions
     * expire. The session records when its last message was stored ({@code lastAt}), so this is the one read of
     * {@link #session}; looking for the session's latest message instead was a scan of every stored message on the
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
        return session(sessionKey).map(Session::open);
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

    /**
     * Creates and stores a conversation as the session's open one; if the session opened one meanwhile (a turn on
     * another thread), that one.
     */
    public Conversation create(String channel, String address) {
        Conversation c = fresh(channel, address);
        try {
            return insert(c);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return openConversation(c.sessionKey()).orElseThrow(() -> e);
        }
    }

    /** Stores a new conversation as it is (version 0), continuing its session's counter. */
    public Conversation insert(Conversation c) {
        long last = session(c.sessionKey()).map(Session::lastSeq).orElse(0L);
        return insert(c, new TurnMark(last, null, null));
    }

    /**
     * Stores a new conversation (version 0) with where its session stands, and makes it the session's latest. An
     * open conversation is its session's open one: a second open one is refused by the unique {@code openOf}.
     */
    public Conversation insert(Conversation c, TurnMark mark) {
        if (OfficerQueue.QUEUED.contains(c.state())) {
            queue.enter(c.id());
        }
        Document d = toDocument(c);
        d.putAll(markFields(mark));
        if (c.state() != ConversationState.CLOSED) {
            d.append(OPEN_OF, c.sessionKey());
        }
        conversations.insertOne(d);
        // after the conversation: a crash in between leaves the session naming the one before, and the open one is
        // still found by openOf; its counter then runs behind at most once the conversation is closed (slots arbitrate)
        sessions.updateOne(new Document("_id", c.sessionKey()), Updates.combine(Updates.set("conversationId", c.id()),
            Updates.setOnInsert("createdAt", new Date())), new UpdateOptions().upsert(true));
        return c;
    }

    /**
     * Saves a conversation if nobody else changed it since it was read; returns the saved copy, or empty
     * when another writer got there first (the caller reloads and retries).
     */
    public Optional<Conversation> update(Conversation c) {
        return update(c, null);
    }

    /**
     * The same, with where the session stands after a turn ({@code mark}, may be null) in the same write. The
     * conversation's fields are set one by one, never replaced whole, so a save decided on an older copy does not
     * take back the session's counter (it only moves forward, by {@code $max}).
     */
    public Optional<Conversation> update(Conversation c, TurnMark mark) {
        Conversation next = new Conversation(c.id(), c.sessionKey(), c.channel(), c.address(), c.state(), c.flow(),
            c.lastScamType(), c.lastRisk(), c.caseNo(), c.stopPayment(), c.priority(), c.officer(), c.createdAt(),
            Instant.now(), c.version() + 1, c.lastVerdict());
        boolean queued = OfficerQueue.QUEUED.contains(next.state());
        if (queued) {
            queue.enter(next.id());
        }
        List<Bson> changes = new ArrayList<>();
        toDocument(next).forEach((field, value) -> {
            if (!"_id".equals(field)) {
                changes.add(Updates.set(field, value));
            }
        });
        changes.add(next.state() == ConversationState.CLOSED ? Updates.unset(OPEN_OF) : Updates.set(OPEN_OF, next.sessionKey()));
        if (mark != null) {
            changes.addAll(markChanges(mark));
        }
        Document before = conversations.findOneAndUpdate(new Document("_id", c.id()).append("version", c.version()),
            Updates.combine(changes), new FindOneAndUpdateOptions().projection(new Document("state", 1)));
        if (before == null) {
            return Optional.empty();
        }
        if (!queued && OfficerQueue.QUEUED.contains(ConversationState.of(before.getString("state")))) {
            queue.leave(next.id());
        }
        return Optional.of(next);
    }

    /** Records where the session stands after a turn that changed nothing else (an officer holds the conversation). */
    public void advance(String conversationId, TurnMark mark) {
        conversations.updateOne(new Document("_id", conversationId), Updates.combine(markChanges(mark)));
    }

    /** A mark's fields as the conversation stores them (what is null in the mark is left out). */
    private static Document markFields(TurnMark mark) {
        Document d = new Document(NEXT_SEQ, mark.lastSeq());
        if (mark.at() != null) {
            d.append(LAST_AT, Date.from(mark.at()));
        }
        if (mark.options() != null) {
            d.append(LAST_OPTIONS, mark.options());
        }
        return d;
    }

    /** A mark as changes to a stored conversation: the counter only moves forward ({@code $max}). */
    private static List<Bson> markChanges(TurnMark mark) {
        List<Bson> changes = new ArrayList<>();
        markFields(mark).forEach((field, value) ->
            changes.add(NEXT_SEQ.equals(field) ? Updates.max(field, value) : Updates.set(field, value)));
        return changes;
    }

    /** The options a turn offers last (those of its last reply that has any), which a numbered answer refers to. */
    public static List<String> offered(List<Reply> replies) {
        List<String> offered = List.of();
        for (Reply r : replies) {
            if (!r.options().isEmpty()) {
                offered = r.options();
            }
        }
        return offered;
    }

    /**
     * Stores one turn: the resident's message (with its channel delivery id, unique, so a retried delivery is
     * recognised) and the bot's replies in one batch, numbered on from {@code lastSeq}, the session's counter as the
     * turn read it; the returned mark is saved with the conversation ({@link #insert(Conversation, TurnMark)},
     * {@link #update(Conversation, TurnMark)} or {@link #advance}). {@code baseVersion} is the conversation's version
     * the turn was decided on (-1: a new conversation), kept with the resident's message so a retry can tell whether
     * the conversation was saved after it; {@code verdict} is the risk of the verdict the bot gave on this very message
     * (null when the turn gave none of its own), kept for the review queue. The unique slot is the arbiter of sequence
     * numbers: when they are taken (a crash left the counter behind), the turn numbers on after those taken.
     *
     * @throws DuplicateDelivery when the delivery id was stored before
     */
    public StoredTurn storeTurn(String sessionKey, String conversationId, String delivery, String text, JsonObject analysis,
                                List<Reply> replies, long baseVersion, String verdict, long lastSeq) {
        long seq = lastSeq + 1;
        for (int attempt = 0; ; attempt++) {
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
                return new StoredTurn(resident, bot, new TurnMark(seq + replies.size(), now, offered(replies)));
            } catch (MongoBulkWriteException e) {
                if (!isDuplicate(e) || attempt >= 10) {
                    throw e;
                }
                var first = e.getWriteErrors().get(0);
                if (delivery != null && first.getIndex() == 0 && first.getMessage().contains("delivery_unique")) {
                    throw new DuplicateDelivery(delivery);
                }
                seq = lastTaken(sessionKey, seq) + 1;
            }
        }
    }

    /**
     * The last sequence number taken in a session, probing forward by unique slots from {@code from} (the first
     * number a turn found taken, or just before it): what a crash between a turn's messages and its mark left behind.
     */
    private long lastTaken(String sessionKey, long from) {
        long last = from;
        while (true) {
            List<Message> taken = bySlots(sessionKey, last + 1, last + PROBE);
            if (taken.isEmpty()) {
                return last;
            }
            last = taken.get(taken.size() - 1).seq();
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

    /**
     * Appends a bot, officer or system message with its reply kind (and a verdict's risk): numbered on from the
     * session's counter and stored, then the counter moved on the conversation that holds it (the latest), as a turn does.
     */
    public Message append(String sessionKey, String conversationId, String sender, Reply reply) {
        Optional<Session> session = session(sessionKey);
        String holder = session.map(Session::latestConversationId).orElse(null);
        long seq = session.map(Session::lastSeq).orElse(0L) + 1;
        for (int attempt = 0; ; attempt++) {
            Message m = new Message(OrderedIds.next(), sessionKey, conversationId, seq, sender, reply.text(), reply.options(),
                null, Instant.now(), reply.kindOrChat(), reply.risk());
            try {
                messages.insertOne(toDocument(m));
                advance(holder == null ? conversationId : holder, new TurnMark(seq, m.createdAt(), null));
                return m;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || attempt >= 10) {
                    throw e;
                }
                seq = lastTaken(sessionKey, seq) + 1;
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
