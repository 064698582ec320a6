package cn.antifraud.core.officer;

import cn.antifraud.core.conversation.Message;
import cn.antifraud.kb.KnowledgeBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which of a conversation's messages speak for its current escalation. A conversation can hold an earlier,
 * unrelated check, button presses and answers to the report's questions; the queue's summary, amount and the
 * bot's suggestion must come from what the resident actually said about this escalation.
 */
final class EscalationMessages {
    /** Intents under which a resident speaks of their own loss (not a pasted message or someone else's story). */
    private static final Set<String> OWN_LOSS = Set.of("money_sent", "report_fraud");

    private EscalationMessages() {
    }

    /**
     * The messages of the current escalation: from the last message the bot judged (a verdict) at or before the
     * escalation, after any earlier hand-back to the bot; everything after the escalation belongs to it too.
     */
    static List<Message> current(List<Message> messages, Instant escalatedAt) {
        int start = 0;
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            if (escalatedAt != null && m.createdAt().isAfter(escalatedAt)) {
                break;
            }
            if (Message.BOT.equals(m.sender()) && OfficerDesk.HANDED_BACK.equals(m.text())) {
                start = i + 1;
            }
        }
        int lastVerdict = -1;
        for (int i = start; i < messages.size(); i++) {
            Message m = messages.get(i);
            if (escalatedAt != null && m.createdAt().isAfter(escalatedAt)) {
                break;
            }
            if (isVerdict(messages, i)) {
                lastVerdict = i;
            }
        }
        return new ArrayList<>(messages.subList(lastVerdict >= 0 ? lastVerdict : start, messages.size()));
    }

    /** A resident message that the bot answered with a verdict: a message to check, not a button or an answer. */
    static boolean isVerdict(List<Message> messages, int index) {
        Message m = messages.get(index);
        return isTyped(messages, index) && m.analysis() != null
            && KnowledgeBase.VERIFY_INTENT.equals(m.analysis().getString("intent"));
    }

    /** A resident message typed by the resident: not one of the options the bot had just offered. */
    static boolean isTyped(List<Message> messages, int index) {
        Message m = messages.get(index);
        if (!Message.RESIDENT.equals(m.sender())) {
            return false;
        }
        for (int i = index - 1; i >= 0; i--) {
            Message before = messages.get(i);
            if (Message.BOT.equals(before.sender())) {
                return before.options() == null || !before.options().contains(m.text().strip());
            }
            if (Message.RESIDENT.equals(before.sender())) {
                return true;
            }
        }
        return true;
    }

    /** A resident message stating their own loss, where an amount means money the resident lost. */
    static boolean isOwnLoss(List<Message> messages, int index) {
        Message m = messages.get(index);
        return Message.RESIDENT.equals(m.sender()) && m.analysis() != null
            && OWN_LOSS.contains(m.analysis().getString("intent"));
    }

    /** The last message the bot gave a verdict on, or null. */
    static Message lastVerdict(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (isVerdict(messages, i)) {
                return messages.get(i);
            }
        }
        return null;
    }
}
