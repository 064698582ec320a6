package cn.antifraud.core.officer;

import cn.antifraud.core.conversation.Message;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * A case's timeline told as sentences for officers: who did what, in Chinese. Audit actions and case-history
 * codes stay in the data; no code, JSON or sequence number reaches the page.
 */
final class TimelineSentences {
    private static final Map<String, String> SENDERS = Map.of(Message.RESIDENT, "群众", Message.BOT, "反诈助手",
        Message.OFFICER, "民警", Message.SYSTEM, "系统");
    private static final Map<String, String> CASE_STATUS = Map.of("new", "新报案", "accepted", "已受理",
        "investigating", "侦查中", "closed", "已结案");
    private static final Map<String, String> ACTIONS = Map.ofEntries(
        Map.entry("conversation.claim", "接手了对话"),
        Map.entry("conversation.reply", "回复了群众"),
        Map.entry("conversation.note", "添加了内部备注"),
        Map.entry("conversation.transfer", "移交了对话"),
        Map.entry("conversation.handback", "把对话交还给反诈助手"),
        Map.entry("conversation.close", "结束了对话"),
        Map.entry("followup.send", "发送了回访消息"),
        Map.entry("followup.done", "完成了回访"),
        Map.entry("case.create", "根据对话立案"),
        Map.entry("case.status", "修改了案件状态"));

    private TimelineSentences() {
    }

    static String message(String sender, String text) {
        return SENDERS.getOrDefault(sender, "系统") + "：" + text;
    }

    /** One audited officer action, e.g. 「民警 zhang 结束了对话，处置结果：劝阻成功，挽损 ¥20000」. */
    static String audit(String actor, String action, JsonObject details) {
        StringBuilder sb = new StringBuilder("民警 ").append(actor).append(" ").append(ACTIONS.getOrDefault(action, "处理了对话"));
        JsonObject d = details == null ? new JsonObject() : details;
        if (d.getString("to") != null && "conversation.transfer".equals(action)) {
            sb.append("，交给 ").append(d.getString("to"));
        }
        if (d.getString("disposition") != null) {
            sb.append("，处置结果：").append(d.getString("disposition"));
        }
        if (d.getValue("amountSaved") instanceof Number n && n.doubleValue() > 0) {
            sb.append("，挽损 ¥").append(new java.math.BigDecimal(n.toString()).stripTrailingZeros().toPlainString());
        }
        if (d.getValue("day") instanceof Number n) {
            sb.append("（第").append(n.intValue()).append("天）");
        }
        return sb.append("。").toString();
    }

    /** One entry of the case's own history (filed, linked, status changes). */
    static String history(String actor, String action, String note) {
        String who = actor == null || "system".equals(actor) ? "系统" : "resident".equals(actor) ? "报案人" : "民警 " + actor;
        if ("status".equals(action)) {
            return who + " 把案件状态改为「" + CASE_STATUS.getOrDefault(note, "其他") + "」。";
        }
        if (note != null && !note.isBlank()) {
            return note.endsWith("。") ? note : note + "。";
        }
        return who + " 更新了案件。";
    }
}
