package cn.antifraud.core.officer;

import cn.antifraud.core.analysis.KnownIndicators;
import cn.antifraud.core.conversation.Conversation;
import cn.antifraud.core.conversation.ConversationRouter;
import cn.antifraud.core.conversation.Message;
import cn.antifraud.core.escalation.ConversationLifecycle;
import cn.antifraud.core.followup.FollowUpPlan;
import cn.antifraud.core.followup.FollowUpStore;
import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * Cases (报案) as officers see them ({@code cases}): open one from a conversation, read it with its linked
 * cases (sharing an indicator), the indicators' report counts and a timeline, and move it through
 * new → accepted → investigating → closed. Closing plans the follow-ups.
 */
public final class CaseDesk {
    public static final List<String> STATUSES = List.of("new", "accepted", "investigating", "closed");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneId.of("Asia/Shanghai"));

    private final Vertx vertx;
    private final Store store;
    private final MongoCollection<Document> cases;
    private final MongoCollection<Document> counters;
    private final ConversationRouter router;
    private final ConversationLifecycle lifecycle;
    private final KnownIndicators known;
    private final FollowUpStore followups;
    private final AuditTrail audit;
    private final Clock clock;

    public CaseDesk(Vertx vertx, Store store, ConversationRouter router, ConversationLifecycle lifecycle, KnownIndicators known,
                    FollowUpStore followups, AuditTrail audit, Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.cases = store.collection("cases");
        this.counters = store.collection("counters");
        this.router = router;
        this.lifecycle = lifecycle;
        this.known = known;
        this.followups = followups;
        this.audit = audit;
        this.clock = clock;
    }

    /** Files a case from a conversation (an officer taking a report by hand); conflict when it already has one. */
    public Future<JsonObject> open(String conversationId, OfficerSession s) {
        return vertx.executeBlocking(() -> {
            Conversation c = router.store().find(conversationId)
                .orElseThrow(() -> OfficerException.notFound("unknown_conversation", "找不到这个对话"));
            if (c.caseNo() != null) {
                throw OfficerException.conflict("case_exists", "这个对话已有案件 " + c.caseNo());
            }
            Instant now = clock.instant();
            String day = DAY.format(now);
            Document counter = counters.findOneAndUpdate(new Document("_id", "case:" + day), Updates.inc("seq", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            String caseNo = String.format("FZ-%s-%06d", day, ((Number) counter.get("seq")).longValue());
            List<Message> messages = router.store().conversationMessages(conversationId);
            List<Document> indicators = new ArrayList<>();
            Set<String> keys = new LinkedHashSet<>();
            BigDecimal amount = ConversationViews.maxAmount(messages);
            for (Message m : messages) {
                if (Message.RESIDENT.equals(m.sender()) && m.analysis() != null) {
                    for (Object o : m.analysis().getJsonArray("indicators", new JsonArray())) {
                        JsonObject i = (JsonObject) o;
                        if (!"amount".equals(i.getString("type")) && keys.add(i.getString("type") + ":" + i.getString("value"))) {
                            indicators.add(new Document("type", i.getString("type")).append("value", i.getString("value")));
                        }
                    }
                }
            }
            cases.insertOne(new Document("_id", caseNo).append("caseNo", caseNo).append("conversationId", conversationId)
                .append("status", "new").append("scamType", c.lastScamType()).append("risk", ConversationViews.peakRisk(c, messages))
                .append("channel", c.channel()).append("amount", amount == null ? null : amount.toPlainString())
                .append("indicators", indicators).append("indicatorKeys", new ArrayList<>(keys)).append("createdAt", Date.from(now))
                .append("createdBy", s.username()).append("history", List.of(event(now, s.username(), "created", "new"))));
            store.written();
            lifecycle.change(c, cur -> cur.withCase(caseNo));
            audit.record(s.username(), "case.create", "case:" + caseNo, new JsonObject().put("conversationId", conversationId));
            return new JsonObject().put("caseNo", caseNo).put("status", "new");
        }, false);
    }

    /** One case with its history, linked cases, indicator report counts and timeline; recorded as a view. */
    public Future<JsonObject> find(String caseNo, OfficerSession s) {
        return vertx.executeBlocking(() -> {
            Document d = load(caseNo);
            JsonObject json = new JsonObject(d.toJson()).put("caseNo", caseNo);
            json.remove("_id");
            json.put("createdAt", d.getDate("createdAt").toInstant().toString());
            json.remove("indicatorKeys");
            JsonArray history = new JsonArray();
            for (Document h : d.getList("history", Document.class, List.of())) {
                history.add(new JsonObject().put("at", h.getDate("at").toInstant().toString()).put("by", h.getString("by"))
                    .put("action", h.getString("action")).put("status", h.getString("status")));
            }
            json.put("history", history);
            JsonArray indicators = new JsonArray();
            for (Document i : d.getList("indicators", Document.class, List.of())) {
                indicators.add(new JsonObject().put("type", i.getString("type")).put("value", i.getString("value"))
                    .put("reportCount", known.find(i.getString("type"), i.getString("value")).map(KnownIndicators.Entry::reportCount)
                        .orElse(0)));
            }
            json.put("indicators", indicators).put("linked", linked(d)).put("timeline", timeline(d));
            audit.record(s.username(), "case.view", "case:" + caseNo, null);
            return json;
        }, false);
    }

    /** Moves a case one step along new → accepted → investigating → closed. */
    public Future<JsonObject> setStatus(String caseNo, String status, OfficerSession s) {
        return vertx.executeBlocking(() -> {
            Document d = load(caseNo);
            String from = d.getString("status");
            int next = STATUSES.indexOf(status);
            if (next < 0) {
                throw OfficerException.invalid("invalid_status", "状态只能是 new、accepted、investigating 或 closed");
            }
            if (next != STATUSES.indexOf(from) + 1) {
                throw OfficerException.conflict("invalid_transition", "案件状态不能从 " + from + " 改为 " + status);
            }
            Instant now = clock.instant();
            var result = cases.updateOne(new Document("_id", caseNo).append("status", from), Updates.combine(
                Updates.set("status", status), Updates.push("history", event(now, s.username(), "status", status))));
            if (result.getModifiedCount() == 0) {
                throw OfficerException.conflict("invalid_transition", "案件状态刚刚被别人修改了，请刷新");
            }
            store.written();
            int planned = 0;
            if ("closed".equals(status)) {
                planned = followups.plan(d.getString("conversationId"), caseNo, d.getString("channel"), d.getString("risk"),
                    d.getString("scamType"), FollowUpPlan.days(d.getString("risk"), null), now).size();
            }
            audit.record(s.username(), "case.status", "case:" + caseNo, new JsonObject().put("from", from).put("to", status));
            return new JsonObject().put("caseNo", caseNo).put("status", status).put("followups", planned);
        }, false);
    }

    private Document load(String caseNo) {
        Document d = caseNo == null || caseNo.length() > 40 ? null : cases.find(new Document("_id", caseNo)).first();
        if (d == null) {
            throw OfficerException.notFound("unknown_case", "找不到案件 " + caseNo);
        }
        return d;
    }

    private JsonArray linked(Document d) {
        JsonArray out = new JsonArray();
        List<String> keys = d.getList("indicatorKeys", String.class, List.of());
        if (keys.isEmpty()) {
            return out;
        }
        cases.find(new Document("indicatorKeys", new Document("$in", keys)).append("_id", new Document("$ne", d.getString("_id"))))
            .limit(50).forEach(o -> out.add(new JsonObject().put("caseNo", o.getString("_id")).put("status", o.getString("status"))
                .put("scamType", o.getString("scamType")).put("createdAt", o.getDate("createdAt").toInstant().toString())
                .put("shared", new JsonArray(o.getList("indicatorKeys", String.class, List.of()).stream()
                    .filter(keys::contains).map(k -> k.substring(0, k.indexOf(':'))).distinct().toList()))));
        return out;
    }

    /** Everything that happened, oldest first: the conversation's messages, status changes and audited actions. */
    private JsonArray timeline(Document d) {
        List<JsonObject> events = new ArrayList<>();
        String conversationId = d.getString("conversationId");
        if (conversationId != null) {
            for (Message m : router.store().conversationMessages(conversationId)) {
                events.add(new JsonObject().put("at", m.createdAt().toString()).put("kind", "message").put("who", m.sender())
                    .put("text", m.text()));
            }
        }
        for (Document h : d.getList("history", Document.class, List.of())) {
            events.add(new JsonObject().put("at", h.getDate("at").toInstant().toString()).put("kind", h.getString("action"))
                .put("who", h.getString("by")).put("text", h.getString("status")));
        }
        audit.recent("conversation:" + conversationId, null, 200).forEach(o -> {
            JsonObject a = (JsonObject) o;
            if (!a.getString("action").endsWith(".view")) {
                events.add(new JsonObject().put("at", a.getString("at")).put("kind", a.getString("action"))
                    .put("who", a.getString("actor")).put("text", a.getJsonObject("detail", new JsonObject()).encode()));
            }
        });
        events.sort((a, b) -> a.getString("at").compareTo(b.getString("at")));
        return new JsonArray(new ArrayList<>(events));
    }

    private static Document event(Instant at, String by, String action, String status) {
        return new Document("at", Date.from(at)).append("by", by).append("action", action).append("status", status);
    }
}
