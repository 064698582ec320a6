package cn.antifraud.core.report;

import cn.antifraud.core.conversation.Conversation;
import cn.antifraud.core.dialogue.DialogueEngine;
import io.vertx.core.json.JsonObject;

/**
 * What a channel may ask about a report in progress without knowing the form: whether one is half-filled,
 * and whether an officer could already call back about an urgent one (receiving account, amount, phone).
 */
public final class ReportProgress {
    /** What a channel sends to throw the open report away and start it again. */
    public static final String RESTART = ReportTexts.RESTART;

    private ReportProgress() {
    }

    /** A report form is open in this conversation (started, neither filed nor cancelled). */
    public static boolean inProgress(Conversation c) {
        JsonObject flow = c == null ? null : c.flow();
        return flow != null && DialogueEngine.REPORT_FLOW.equals(flow.getString("name"));
    }

    /**
     * The three things a stop-payment call-back needs are taken (or no report is open, so nothing more will
     * be asked): where the money went, how much, and whom to call back.
     */
    public static boolean callBackReady(Conversation c) {
        if (!inProgress(c)) {
            return true;
        }
        ReportForm f = new ReportForm(c.flow());
        return f.answered(ReportForm.RECEIVER) && f.answered(ReportForm.AMOUNT) && f.answered(ReportForm.PHONE);
    }

    /** The call-back number the victim gave in the open report, or null. */
    public static String callBackPhone(Conversation c) {
        return inProgress(c) ? c.flow().getString("phone") : null;
    }
}
