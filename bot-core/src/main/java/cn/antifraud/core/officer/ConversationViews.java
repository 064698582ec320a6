package cn.antifraud.core.officer;

import cn.antifraud.core.analysis.Masking;
import cn.antifraud.core.conversation.Conversation;
import cn.antifraud.core.conversation.InboundMessage;
import cn.antifraud.core.conversation.Message;
import cn.antifraud.core.dialogue.UrgentHelp;
import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.ScamType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;

/** How conversations look to officers: the queue line (personal data masked) and the suggestions panel. */
final class ConversationViews {
    private static final List<String> RISKS = List.of("high", "medium", "low", "none");
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{7,}[0-9Xx]?");

    private final KnowledgeBase kb;

    ConversationViews(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** One line of the queue: channel and masked contact, type, risk, amount, waiting since and the bot's summary. */
    JsonObject queueItem(Conversation c, List<Message> messages, Document handling) {
        Instant escalatedAt = handling != null && handling.getDate("escalatedAt") != null
            ? handling.getDate("escalatedAt").toInstant() : null;
        List<Message> current = EscalationMessages.current(messages, escalatedAt);
        Message verdict = EscalationMessages.lastVerdict(current);
        JsonObject analysis = verdict == null ? null : verdict.analysis();
        String scamType = c.lastScamType() != null ? c.lastScamType() : analysis == null ? null : analysis.getString("scamType");
        String waitingSince = (escalatedAt != null ? escalatedAt : c.updatedAt()).toString();
        JsonObject item = new JsonObject().put("id", c.id()).put("state", c.state().id()).put("channel", c.channel())
            .put("address", maskAddress(c.channel(), c.address())).put("contact", contact(c.channel(), c.address()))
            .put("hasPhone", hasPhone(c.channel())).put("stopPayment", c.stopPayment())
            .put("priority", c.priority()).put("risk", peakRisk(c, messages)).put("scamType", scamType)
            .put("scamTypeName", typeName(scamType))
            .put("officer", c.officer()).put("caseNo", c.caseNo()).put("waitingSince", waitingSince)
            .put("messages", messages.size()).put("summary", summary(c, current, handling));
        BigDecimal amount = lossAmount(current);
        if (amount != null) {
            item.put("amount", amount.toPlainString());
        }
        return item;
    }

    /** Whether the resident can be reached by phone (SMS follow-ups): they wrote or called from one. */
    static boolean hasPhone(String channel) {
        return InboundMessage.SMS.equals(channel) || InboundMessage.VOICE.equals(channel);
    }

    /**
     * How officers name the resident: a masked phone or WeChat id. A web resident's address is their session id,
     * which is also their bearer token, so it never reaches the console in any form.
     */
    static String contact(String channel, String address) {
        return switch (channel) {
            case InboundMessage.SMS, InboundMessage.VOICE -> Masking.mask("phone", address);
            case InboundMessage.WECHAT -> "微信用户 " + Masking.keepEnds(address, 0, 4);
            default -> "网页访客";
        };
    }

    /**
     * The highest risk seen in the conversation (stop-payment counts as high): one calm follow-up message must
     * not make an earlier high-risk verdict look harmless in the queue or in the follow-up plan.
     */
    static String peakRisk(Conversation c, List<Message> messages) {
        String peak = c.stopPayment() ? "high" : c.lastRisk() == null ? "none" : c.lastRisk();
        for (Message m : messages) {
            if (Message.RESIDENT.equals(m.sender()) && m.analysis() != null) {
                String r = m.analysis().getString("risk", "none");
                peak = riskRank(r) < riskRank(peak) ? r : peak;
            }
        }
        return peak;
    }

    static int riskRank(String risk) {
        int i = RISKS.indexOf(risk);
        return i < 0 ? RISKS.size() : i;
    }

    /** The bot's summary of the current escalation's messages: why it was escalated, the type, the warning phrases, the last message (masked). */
    String summary(Conversation c, List<Message> messages, Document handling) {
        StringBuilder sb = new StringBuilder();
        if (c.stopPayment()) {
            sb.append("【紧急止付】");
        }
        String reason = handling == null ? null : handling.getString("reason");
        if (reason != null) {
            sb.append(reason.contains("money") ? "群众称已转账。" : "群众要求转人工。");
        }
        if (c.lastScamType() != null && !KnowledgeBase.NONE.equals(c.lastScamType())) {
            sb.append("疑似").append(typeName(c.lastScamType())).append("。");
        }
        JsonArray signals = new JsonArray();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            if (EscalationMessages.isTyped(messages, i) && m.analysis() != null) {
                m.analysis().getJsonArray("signals", new JsonArray()).forEach(s -> {
                    String phrase = ((JsonObject) s).getString("phrase");
                    if (!signals.contains(phrase) && signals.size() < 6) {
                        signals.add(phrase);
                    }
                });
            }
        }
        if (!signals.isEmpty()) {
            sb.append("关键词：").append(String.join("、", signals.stream().map(String::valueOf).toList())).append("。");
        }
        Message last = lastResident(messages);
        if (last != null) {
            String text = maskText(last);
            sb.append("最新：").append(text.length() > 40 ? text.substring(0, 40) + "…" : text);
        }
        return sb.toString();
    }

    /** The suggestions panel: the analysis of the last message the bot judged, and the type's advice as canned replies. */
    JsonObject suggestions(Conversation c, List<Message> messages) {
        Message last = EscalationMessages.lastVerdict(messages);
        JsonObject analysis = last == null ? null : last.analysis();
        String type = analysis != null && !KnowledgeBase.NONE.equals(analysis.getString("scamType"))
            ? analysis.getString("scamType") : c.lastScamType();
        JsonArray canned = new JsonArray();
        if (type != null && kb.taxonomy().containsKey(type)) {
            ScamType st = kb.type(type);
            canned.add("您遇到的情况很像" + st.name() + "：" + st.summary());
            st.advice().forEach(canned::add);
        }
        canned.add("您好，我是值班民警，已经看到您反映的情况，请别着急，我们一起来处理。");
        canned.add("请不要再向对方转账，也不要把验证码告诉任何人。");
        canned.add("请把对方的电话、收款账号和聊天记录截图保存好，这些都是重要证据。");
        canned.add(UrgentHelp.STEPS);
        JsonObject out = new JsonObject().put("scamType", type).put("scamTypeName", typeName(type)).put("canned", canned);
        if (analysis != null) {
            out.put("latest", analysis).put("latestSeq", last.seq());
        }
        return out;
    }

    /** Scam type ids to their Chinese names, for the console to label the bot's analysis. */
    JsonObject typeNames() {
        return new JsonObject(new java.util.LinkedHashMap<>(kb.taxonomy()));
    }

    String typeName(String id) {
        if (id == null || KnowledgeBase.NONE.equals(id)) {
            return "未识别";
        }
        return kb.taxonomy().getOrDefault(id, id);
    }

    /** The address field kept for API clients: the masked contact (never a web session id). */
    static String maskAddress(String channel, String address) {
        return contact(channel, address);
    }

    /** Masks indicators the analysis found, then any remaining long number (cards, phones, QQ, ID numbers). */
    static String maskText(Message m) {
        String text = m.text();
        if (m.analysis() != null) {
            for (Object o : m.analysis().getJsonArray("indicators", new JsonArray())) {
                JsonObject i = (JsonObject) o;
                String value = i.getString("value");
                if (value != null && !"amount".equals(i.getString("type"))) {
                    text = text.replace(value, Masking.mask(i.getString("type"), value));
                }
            }
        }
        return LONG_NUMBER.matcher(text).replaceAll(r -> Masking.keepEnds(r.group(), 3, 4));
    }

    private static Message lastResident(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (Message.RESIDENT.equals(messages.get(i).sender())) {
                return messages.get(i);
            }
        }
        return null;
    }

    /** The largest amount the resident stated as their own loss (a quoted story's sums are not a loss). */
    static BigDecimal lossAmount(List<Message> messages) {
        BigDecimal max = null;
        for (int k = 0; k < messages.size(); k++) {
            Message m = messages.get(k);
            if (!EscalationMessages.isOwnLoss(messages, k)) {
                continue;
            }
            for (Object o : m.analysis().getJsonArray("indicators", new JsonArray())) {
                JsonObject i = (JsonObject) o;
                if ("amount".equals(i.getString("type"))) {
                    try {
                        BigDecimal v = new BigDecimal(i.getString("value"));
                        max = max == null || v.compareTo(max) > 0 ? v : max;
                    } catch (NumberFormatException ignored) {
                        // not a number: leave it out
                    }
                }
            }
        }
        return max;
    }
}
