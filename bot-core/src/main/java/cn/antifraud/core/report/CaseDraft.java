package cn.antifraud.core.report;

import cn.antifraud.core.analysis.Indicator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * A confirmed report about to become a case. {@code reportId} identifies one report attempt of a
 * conversation: filing it twice yields one case. Receivers are the scammer's accounts, numbers, links, apps.
 */
public record CaseDraft(String reportId, String conversationId, String channel, String scamType, boolean scamTypeConfirmed,
                        String story, Instant lostAt, String lostAtText, boolean ongoing, BigDecimal amount, String method,
                        List<Indicator> receivers, String receiverNote, String phone, String name, String district,
                        boolean urgent) {

    /** One key per receiver ("bank_card:6222..."), used to link cases and feed the indicator registry. */
    public List<String> indicatorKeys() {
        List<String> keys = new ArrayList<>();
        for (Indicator i : receivers) {
            String key = i.type() + ":" + i.value().toLowerCase();
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    Document toDocument() {
        List<Document> rec = new ArrayList<>();
        for (Indicator i : receivers) {
            rec.add(new Document("type", i.type()).append("value", i.value()));
        }
        return new Document("reportId", reportId).append("conversationId", conversationId).append("channel", channel)
            .append("scamType", scamType).append("scamTypeConfirmed", scamTypeConfirmed).append("story", story)
            .append("lostAt", lostAt == null ? null : Date.from(lostAt)).append("lostAtText", lostAtText)
            .append("ongoing", ongoing).append("amount", amount.toPlainString())
            .append("amountFen", amount.movePointRight(2).longValue()).append("method", method)
            .append("receivers", rec).append("receiverNote", receiverNote).append("indicatorKeys", indicatorKeys())
            .append("contact", new Document("phone", phone).append("name", name).append("district", district))
            .append("urgent", urgent).append("stopPayment", urgent)
            .append("priority", urgent ? 0 : 50);
    }
}
