package cn.antifraud.core.escalation;

import cn.antifraud.core.conversation.Conversation;
import cn.antifraud.core.conversation.ConversationState;
import cn.antifraud.core.conversation.ConversationStore;
import cn.antifraud.core.conversation.Reply;
import cn.antifraud.core.conversation.ReplyKind;
import java.util.List;

/**
 * Where a resident who just asked for an officer stands: a worried person waits more calmly knowing the
 * place in the line. Everyone already waiting who is at least as urgent is ahead (a stop-payment before the
 * rest, then by priority); the resident who asked last has waited least, so nobody equally urgent is behind.
 */
public final class QueuePlace {
    private QueuePlace() {
    }

    /** How many waiting conversations the officers will take before this one. */
    public static int ahead(ConversationStore store, Conversation c, boolean urgent) {
        boolean stop = urgent || c.stopPayment();
        int priority = stop ? ConversationLifecycle.PRIORITY_STOP_PAYMENT
            : Math.min(c.priority(), ConversationLifecycle.priorityFor(c.lastRisk()));
        int ahead = 0;
        for (Conversation other : store.inStates(List.of(ConversationState.WAITING_OFFICER), 300)) {
            if (other.id().equals(c.id())) {
                continue;
            }
            if (other.stopPayment() || !stop && other.priority() <= priority) {
                ahead++;
            }
        }
        return ahead;
    }

    /** The resident's place in words, as a hand-off reply. */
    public static Reply notice(ConversationStore store, Conversation c, boolean urgent) {
        return notice(store, c, urgent, "");
    }

    /** The place, then the expected wait when recent claims tell one ({@link RecentWaits#sentence()}, may be empty). */
    public static Reply notice(ConversationStore store, Conversation c, boolean urgent, String expectedWait) {
        int ahead = ahead(store, c, urgent);
        String text = ahead == 0 ? "现在您排在第1位，前面没有人在等，民警一接手就会在这里回复您。"
            : "现在您排在第" + (ahead + 1) + "位，前面还有" + ahead + "位居民在等民警。民警接手时，这里会告诉您。";
        text += expectedWait;
        if (urgent || c.stopPayment()) {
            text += "紧急止付的情况民警会优先处理。";
        }
        return Reply.of(text).as(ReplyKind.HANDOFF);
    }

    /** Puts the notice right after the last hand-off reply (before a report's next question), else at the end. */
    public static void insert(List<Reply> replies, Reply notice) {
        int at = replies.size();
        for (int i = replies.size() - 1; i >= 0; i--) {
            if (ReplyKind.HANDOFF.equals(replies.get(i).kind())) {
                at = i + 1;
                break;
            }
        }
        replies.add(at, notice);
    }
}
