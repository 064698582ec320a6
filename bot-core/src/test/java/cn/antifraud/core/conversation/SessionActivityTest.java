package cn.antifraud.core.conversation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.core.storage.StorageConfig;
import cn.antifraud.core.storage.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session is active since its last stored message, which the session records itself (read by its id, no scan
 * of the messages); sessions stored before they recorded it are judged by their latest message, found by slot.
 */
class SessionActivityTest {
    private static final Duration DAY = Duration.ofDays(1);

    @TempDir
    Path dataDir;

    @Test
    void aSessionIsActiveSinceItsLastMessage() {
        try (Store store = Store.open(new StorageConfig(null, "activity", dataDir))) {
            ConversationStore conversations = new ConversationStore(store);
            Conversation c = ConversationStore.fresh("web", "w1");
            var stored = conversations.storeTurn(c.sessionKey(), c.id(), null, "你好", null, List.of(Reply.of("您好")), -1, null, 0);
            conversations.insert(c, stored.mark());

            assertTrue(conversations.sessionActiveSince(c.sessionKey(), Instant.now().minus(DAY)));
            assertFalse(conversations.sessionActiveSince(c.sessionKey(), Instant.now().plus(DAY)));
            assertFalse(conversations.sessionActiveSince("web:unknown", Instant.now().minus(DAY)));
        }
    }

    @Test
    void anOlderSessionIsJudgedByItsLatestMessage() {
        try (Store store = Store.open(new StorageConfig(null, "activity", dataDir))) {
            ConversationStore conversations = new ConversationStore(store);
            Instant weekAgo = Instant.now().minus(Duration.ofDays(7));
            Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
            store.collection("sessions").insertOne(new Document("_id", "web:old").append("nextSeq", 2L)
                .append("createdAt", Date.from(weekAgo)));
            store.collection("messages").insertOne(new Document("_id", "m2").append("sessionKey", "web:old")
                .append("seq", 2L).append("slot", ConversationStore.slot("web:old", 2)).append("createdAt", Date.from(twoDaysAgo)));

            assertTrue(conversations.sessionActiveSince("web:old", twoDaysAgo.minus(DAY)));
            assertFalse(conversations.sessionActiveSince("web:old", twoDaysAgo.plus(DAY)));
        }
    }
}
