package cn.antifraud.core.stats;

import cn.antifraud.core.storage.Store;
import cn.antifraud.kb.KnowledgeBase;
import com.mongodb.client.MongoCollection;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * The figures anti-fraud centres report, over the last N days (China time): warnings handled, dissuasion
 * success rate, amount saved (挽损), reports by scam type per day, escalations per day, response time (raised
 * to claimed) and handling time (claimed to closed). Read from {@code officer_handling} and {@code cases}.
 */
public final class Dashboard {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String DISSUADED = "劝阻成功";
    public static final String NOT_FRAUD = "非诈骗";

    private final MongoCollection<Document> handling;
    private final MongoCollection<Document> cases;
    private final KnowledgeBase kb;
    private final Clock clock;

    public Dashboard(Store store, KnowledgeBase kb, Clock clock) {
        this.handling = store.collection("officer_handling");
        this.cases = store.collection("cases");
        this.kb = kb;
        this.clock = clock;
    }

    /** Blocking: call from a worker thread. */
    public JsonObject compute(int days) {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        LocalDate first = today.minusDays(days - 1L);
        Instant from = first.atStartOfDay(ZONE).toInstant();
        Map<LocalDate, Integer> escalationsByDay = new TreeMap<>();
        Map<String, Map<LocalDate, Integer>> reportsByType = new TreeMap<>();
        Map<String, Integer> dispositions = new LinkedHashMap<>();
        List<Double> response = new ArrayList<>();
        List<Double> handlingTimes = new ArrayList<>();
        int closed = 0;
        double saved = 0;
        for (Document d : handling.find(new Document("$or", List.of(new Document("escalatedAt", new Document("$gte", Date.from(from))),
                new Document("closedAt", new Document("$gte", Date.from(from))))))) {
            Date escalated = d.getDate("escalatedAt");
            Date claimed = d.getDate("claimedAt");
            Date closedAt = d.getDate("closedAt");
            if (escalated != null && !escalated.toInstant().isBefore(from)) {
                escalationsByDay.merge(day(escalated), 1, Integer::sum);
                if (claimed != null) {
                    response.add((claimed.getTime() - escalated.getTime()) / 1000.0);
                }
            }
            if (closedAt != null && !closedAt.toInstant().isBefore(from)) {
                closed++;
                dispositions.merge(d.getString("disposition"), 1, Integer::sum);
                Number amount = (Number) d.get("amountSaved");
                saved += amount == null ? 0 : amount.doubleValue();
                if (claimed != null) {
                    handlingTimes.add((closedAt.getTime() - claimed.getTime()) / 1000.0);
                }
            }
        }
        for (Document c : cases.find(new Document("createdAt", new Document("$gte", Date.from(from))))) {
            String type = c.getString("scamType") == null ? KnowledgeBase.NONE : c.getString("scamType");
            reportsByType.computeIfAbsent(type, k -> new TreeMap<>()).merge(day(c.getDate("createdAt")), 1, Integer::sum);
        }
        JsonArray dayLabels = new JsonArray();
        JsonArray escalations = new JsonArray();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            dayLabels.add(d.toString());
            escalations.add(escalationsByDay.getOrDefault(d, 0));
        }
        JsonArray byType = new JsonArray();
        reportsByType.forEach((type, counts) -> {
            JsonArray series = new JsonArray();
            for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
                series.add(counts.getOrDefault(d, 0));
            }
            byType.add(new JsonObject().put("scamType", type).put("name", kb.taxonomy().getOrDefault(type, "未识别"))
                .put("counts", series).put("total", counts.values().stream().mapToInt(Integer::intValue).sum()));
        });
        int judged = closed - dispositions.getOrDefault(NOT_FRAUD, 0);
        int dissuaded = dispositions.getOrDefault(DISSUADED, 0);
        return new JsonObject().put("days", days).put("from", first.toString()).put("to", today.toString())
            .put("warningsHandled", closed).put("escalations", escalationsByDay.values().stream().mapToInt(Integer::intValue).sum())
            .put("dissuaded", dissuaded).put("dissuasionRate", judged == 0 ? null : Math.round(1000.0 * dissuaded / judged) / 1000.0)
            .put("amountSaved", Math.round(saved * 100) / 100.0).put("dispositions", new JsonObject(new LinkedHashMap<>(dispositions)))
            .put("responseSeconds", summary(response)).put("handlingSeconds", summary(handlingTimes))
            .put("dayLabels", dayLabels).put("escalationsByDay", escalations).put("reportsByType", byType);
    }

    private static LocalDate day(Date d) {
        return d.toInstant().atZone(ZONE).toLocalDate();
    }

    private static JsonObject summary(List<Double> values) {
        if (values.isEmpty()) {
            return new JsonObject().put("count", 0).putNull("average").putNull("median");
        }
        List<Double> sorted = values.stream().sorted().toList();
        double avg = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
            : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return new JsonObject().put("count", sorted.size()).put("average", Math.round(avg * 10) / 10.0)
            .put("median", Math.round(median * 10) / 10.0);
    }
}
