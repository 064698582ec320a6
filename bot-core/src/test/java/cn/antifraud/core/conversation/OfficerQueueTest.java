package cn.antifraud.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.core.storage.StorageConfig;
import cn.antifraud.core.storage.Store;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The officers' queue is read from its own collection, not by a scan of every conversation: a conversation is
 * listed while it waits for or is held by an officer, in the queue's order, and no longer once it leaves; an entry
 * a crash left behind is not listed; conversations queued before the collection existed are found.
 */
class OfficerQueueTest {
    private static final List<ConversationState> QUEUE = List.of(ConversationState.WAITING_OFFICER, ConversationState.OFFICER);

    @TempDir
    Path dataDir;

    @Test
    void listsQueuedConversationsInOrderAndForgetsThoseThatLeft() {
        try (Store store = Store.open(new StorageConfig(null, "queue", dataDir))) {
            ConversationStore conversations = new ConversationStore(store);
            Conversation low = conversations.create("web", "low");
            Conversation high = conversations.create("web", "high");
            Conversation bot = conversations.create("web", "bot");
            Conversation waitingLow = conversations.update(low.withEscalation(false, 50)).orElseThrow();
            Conversation waitingHigh = conversations.update(high.withEscalation(false, 10)).orElseThrow();
            conversations.update(bot.withFlow(null)).orElseThrow();

            assertEquals(List.of(high.id(), low.id()), ids(conversations.inStates(QUEUE, 10)));
            assertEquals(List.of(high.id()), ids(conversations.inStates(QUEUE, 1)));

            Conversation held = conversations.update(waitingHigh.withOfficer("officer-1", ConversationState.OFFICER)).orElseThrow();
            assertEquals(List.of(low.id()), ids(conversations.inStates(List.of(ConversationState.WAITING_OFFICER), 10)));
            conversations.update(held.withOfficer(null, ConversationState.BOT)).orElseThrow();
            conversations.update(waitingLow.withState(ConversationState.CLOSED)).orElseThrow();
            assertTrue(conversations.inStates(QUEUE, 10).isEmpty());
        }
    }

    @Test
    void anEntryWithoutAQueuedConversationIsNotListed() {
        try (Store store = Store.open(new StorageConfig(null, "queue", dataDir))) {
            ConversationStore conversations = new ConversationStore(store);
            Conversation c = conversations.create("web", "a");
            OfficerQueue queue = new OfficerQueue(store, store.collection("conversations"), store.collection("migrations"));
            queue.enter(c.id());
            queue.enter("never-stored");

            assertTrue(conversations.inStates(QUEUE, 10).isEmpty());
            assertTrue(queue.ids().isEmpty(), "stale entries are cleared when read");
        }
    }

    @Test
    void conversationsQueuedBeforeTheQueueExistedAreListed() {
        try (Store store = Store.open(new StorageConfig(null, "queue", dataDir))) {
            Conversation c = ConversationStore.fresh("web", "old").withEscalation(true, 0);
            store.collection("conversations").insertOne(ConversationStore.toDocument(c));

            ConversationStore conversations = new ConversationStore(store);
            assertEquals(List.of(c.id()), ids(conversations.inStates(QUEUE, 10)));
        }
    }

    private static List<String> ids(List<Conversation> list) {
        return list.stream().map(Conversation::id).toList();
    }
}
