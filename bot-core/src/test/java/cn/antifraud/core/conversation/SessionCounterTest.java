package cn.antifraud.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.antifraud.core.storage.StorageConfig;
import cn.antifraud.core.storage.Store;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session's state lives on its open conversation: one open conversation per session (the unique {@code openOf}
 * is the arbiter), a message counter that carries on across conversations and officers' messages and never moves
 * back, numbers a crash left taken are skipped, and stores of the earlier shape are carried over at start.
 */
class SessionCounterTest {
    @TempDir
    Path dataDir;

    private Store open() {
        return Store.open(new StorageConfig(null, "counter", dataDir));
    }

    /** One turn as the router stores it: messages numbered on from the session's counter, then the conversation. */
    private static Conversation turn(ConversationStore store, Conversation c, boolean fresh, String text) {
        long last = store.session(c.sessionKey()).map(ConversationStore.Session::lastSeq).orElse(0L);
        var stored = store.storeTurn(c.sessionKey(), c.id(), null, text, null, List.of(Reply.of("好的")),
            fresh ? -1 : c.version(), null, last);
        return fresh ? store.insert(c, stored.mark()) : store.update(c, stored.mark()).orElseThrow();
    }

    @Test
    void aSessionHasOneOpenConversationAndItsNumbersCarryOnIntoTheNext() {
        try (Store s = open()) {
            ConversationStore store = new ConversationStore(s);
            Conversation first = turn(store, ConversationStore.fresh("sms", "+8613900000001"), true, "你好");
            first = turn(store, first, false, "还在吗");
            assertEquals(4, store.session(first.sessionKey()).orElseThrow().lastSeq());

            Conversation second = ConversationStore.fresh("sms", "+8613900000001");
            MongoWriteException refused = assertThrows(MongoWriteException.class, () -> store.insert(second));
            assertEquals(ErrorCategory.DUPLICATE_KEY, refused.getError().getCategory());

            store.update(first.withState(ConversationState.CLOSED)).orElseThrow();
            assertNull(store.session(first.sessionKey()).orElseThrow().open());
            Conversation next = turn(store, second, true, "我又收到一条短信");
            var session = store.session(first.sessionKey()).orElseThrow();
            assertEquals(next.id(), session.open().id());
            assertEquals(6, session.lastSeq());
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L),
                store.messagesAfter(first.sessionKey(), 0, 100).stream().map(Message::seq).toList());
        }
    }

    @Test
    void anOfficersMessageMovesTheCounterAndASaveOfAnEarlierCopyDoesNotMoveItBack() {
        try (Store s = open()) {
            ConversationStore store = new ConversationStore(s);
            Conversation c = turn(store, ConversationStore.fresh("web", "w1"), true, "你好");
            Message officer = store.append(c.sessionKey(), c.id(), Message.OFFICER, Reply.of("您好，我是民警"));
            assertEquals(3, officer.seq());
            // the officer's message does not change the conversation's version: a save decided before it still lands
            store.update(c.withFlow(null)).orElseThrow();
            assertEquals(3, store.session(c.sessionKey()).orElseThrow().lastSeq());
        }
    }

    @Test
    void numbersACrashLeftTakenAreSkipped() {
        try (Store s = open()) {
            ConversationStore store = new ConversationStore(s);
            Conversation c = turn(store, ConversationStore.fresh("web", "w2"), true, "你好");
            // a turn whose messages were stored but whose conversation was never saved: the counter stays at 2
            store.storeTurn(c.sessionKey(), c.id(), null, "第一条", null, List.of(Reply.of("好的")), c.version(), null, 2);
            assertEquals(2, store.session(c.sessionKey()).orElseThrow().lastSeq());
            var next = store.storeTurn(c.sessionKey(), c.id(), null, "第二条", null, List.of(Reply.of("好的")), c.version(), null, 2);
            assertEquals(5, next.resident().seq());
            assertEquals(6, next.mark().lastSeq());
        }
    }

    @Test
    void aStoreOfTheEarlierShapeIsCarriedOverAtStart() {
        try (Store s = open()) {
            Date now = new Date();
            Conversation c = ConversationStore.fresh("wechat", "oOld");
            s.collection("conversations").insertOne(ConversationStore.toDocument(c));
            s.collection("sessions").insertOne(new Document("_id", c.sessionKey()).append("conversationId", c.id())
                .append("nextSeq", 7L).append("lastAt", now).append("lastOptions", List.of("我要报案", "联系民警"))
                .append("createdAt", now));

            ConversationStore store = new ConversationStore(s);
            var session = store.session(c.sessionKey()).orElseThrow();
            assertEquals(c.id(), session.open().id());
            assertEquals(7, session.lastSeq());
            assertEquals(List.of("我要报案", "联系民警"), store.lastOfferedOptions(c.sessionKey()));
            assertEquals(now.toInstant(), session.lastAt());
        }
    }
}
