package cn.antifraud.core.officer;

import cn.antifraud.core.analysis.Indicator;
import cn.antifraud.core.audit.AuditLog;
import cn.antifraud.core.conversation.Conversation;
import cn.antifraud.core.conversation.ConversationRouter;
import cn.antifraud.core.conversation.InboundMessage;
import cn.antifraud.core.conversation.Message;
import cn.antifraud.core.escalation.ConversationLifecycle;
import cn.antifraud.core.followup.FollowUpPlan;
import cn.antifraud.core.followup.FollowUpStore;
import cn.antifraud.core.indicator.IndicatorRegistry;
import cn.antifraud.core.report.CaseDraft;
import cn.antifraud.core.report.CaseStore;
import cn.antifraud.kb.KnowledgeBase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Cases (报案, the report flow's {@link CaseStore}) as officers work them: file one from a conversation, read
 * one with its linked cases, the receivers' report counts and a timeline, and move it one step at a time
 * through new → accepted → investigating → closed. Closing plans the follow-ups. Every view and change is audited.
 */
public final class CaseDesk {
    private final Vertx vertx;
    private final CaseStore cases;
    private final ConversationRouter router;
    private final ConversationLifecycle lifecycle;
    private final IndicatorRegistry registry;
    private final FollowUpStore followups;
    private final AuditLog audit;
    private final Clock clock;

    public CaseDesk(Vertx vertx, CaseStore cases, ConversationRouter router, ConversationLifecycle lifecycle,
                    IndicatorRegistry registry, FollowUpStore followups, AuditLog audit, Clock clock) {
        this.vertx = vertx;
        this.cases = cases;
        this.router = router;
        this.lifecycle = lifecycle;
        this.registry = registry;
        this.followups = followups;
        this.audit = audit;
        this.clock = clock;
    }

    /** Files a case from a conversation (an officer taking the report by hand); conflict when it already has one. */
    public Future<JsonObject> open(String conversationId, OfficerSession s) {
        return vertx.executeBlocking(() -> {
            Conversation c = router.store().find(conversationId)
                .orElseThrow(() -> OfficerException.notFound("unknown_conversation", "找不到这个对话"));
            OfficerDesk.mayWrite(c, s);
            if (c.caseNo() != null) {
                throw OfficerException.conflict("case_exists", "这个对话已有案件 " + c.caseNo());
            }
            List<Message> messages = router.store().conversationMessages(conversationId);
            List<Indicator> receivers = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (Message m : messages) {
                if (Message.RESIDENT.equals(m.sender()) && m.analysis() != null) {
                    for (Object o : m.analysis().getJsonArray("indicators", new JsonArray())) {
                        JsonObject i = (JsonObject) o;
                        if (!Indicator.AMOUNT.equals(i.getString("type")) && seen.add(i.getString("type") + ":" + i.getString("value"))) {
                            receivers.add(new Indicator(i.getString("type"), i.getString("value")));
                        }
                    }
                }
            }
            BigDecimal amount = ConversationViews.lossAmount(messages);
            String scamType = c.lastScamType() == null ? KnowledgeBase.NONE : c.lastScamType();
            boolean phoneChannel = InboundMessage.SMS.equals(c.channel()) || InboundMessage.VOICE.equals(c.channel());
            String caseNo = cases.file(new CaseDraft("officer:" + conversationId, conversationId, c.channel(), scamType, false,
                "值班民警 " + s.username() + " 根据对话立案", null, null, false, amount == null ? BigDecimal.ZERO : amount, null,
                receivers, null, phoneChannel ? c.address() : null, null, null, c.stopPayment())).caseNo();
            for (Indicator i : receivers) {
                if (i.isTraceable()) {
                    registry.recordReport(i.type(), i.value(), scamType);
                }
            }
            lifecycle.change(c, cur -> cur.withCase(caseNo));
            audit.record(s.username(), "case.create", caseNo, new JsonObject().put("conversationId", conversationId));
            return new JsonObject().put("caseNo", caseNo).put("status", CaseStore.NEW);
        }, false);
    }

    /** Cases by case number, phone or card, masked; the search itself is audited (with the query masked). */
    public Future<JsonArray> search(String query, OfficerSession s) {
        return vertx.executeBlocking(() -> {
            JsonArray out = new JsonArray();
            cases.search(query, 100).forEach(out::add);
            String q = query == null ? "" : query.strip();
            audit.record(s.username(), "case.search", "cases", new JsonObject()
                .put("query", q.matches("[\\d\\s-]{7,}") ? cn.antifraud.core.analysis.Masking.keepEnds(q, 3, 4) : q)
                .put("found", out.size()));
            return out;
        }, false);
    }

    /** One case with its history, linked cases, receivers' report counts and timeline; recorded as a view. */
    public Future<JsonObject> find(String caseNo, OfficerSession s) {
        return vertx.executeBlocking(() -> {
            JsonObject json = load(caseNo);
            JsonArray indicators = new JsonArray();
            for (Object o : json.getJsonArray("receivers", new JsonArray())) {
                JsonObject r = (JsonObject) o;
                indicators.add(r.copy().put("reportCount", registry.find(r.getString("type"), r.getString("value"))
                    .map(e -> e.reportCount()).orElse(0)));
            }
            JsonArray linked = new JsonArray();
            for (Object o : json.getJsonArray("linkedCases", new JsonArray())) {
                cases.find((String) o).ifPresent(l -> linked.add(new JsonObject().put("caseNo", l.getString("caseNo"))
                    .put("status", l.getString("status")).put("scamType", l.getString("scamType"))
                    .put("createdAt", l.getString("createdAt")).put("shared", shared(json, l))));
            }
            json.put("indicators", indicators).put("linked", linked).put("timeline", timeline(json))
                .put("risk", risk(json));
            audit.record(s.username(), "case.view", caseNo, null);
            return json;
        }, false);
    }

    /** Moves a case one step along new → accepted → investigating → closed; closing plans the follow-ups. */
    public Future<JsonObject> setStatus(String caseNo, String status, OfficerSession s) {
        return vertx.executeBlocking(() -> {
            JsonObject c = load(caseNo);
            String from = c.getString("status");
            int next = CaseStore.STATUSES.indexOf(status);
            if (next < 0) {
                throw OfficerException.invalid("invalid_status", "状态只能是 new、accepted、investigating 或 closed");
            }
            if (next != CaseStore.STATUSES.indexOf(from) + 1) {
                throw OfficerException.conflict("invalid_transition", "案件状态不能从 " + from + " 改为 " + status);
            }
            cases.setStatus(caseNo, status, s.username());
            int planned = 0;
            if ("closed".equals(status)) {
                String risk = risk(c);
                planned = followups.plan(c.getString("conversationId"), caseNo, c.getString("channel"), risk,
                    c.getString("scamType"), FollowUpPlan.days(risk, null), clock.instant()).size();
            }
            audit.record(s.username(), "case.status", caseNo, new JsonObject().put("from", from).put("to", status));
            return new JsonObject().put("caseNo", caseNo).put("status", status).put("followups", planned);
        }, false);
    }

    private JsonObject load(String caseNo) {
        return (caseNo == null || caseNo.length() > 40 ? java.util.Optional.<JsonObject>empty() : cases.find(caseNo))
            .orElseThrow(() -> OfficerException.notFound("unknown_case", "找不到案件 " + caseNo));
    }

    /** The case's risk for follow-ups: urgent is high; otherwise the peak risk of its conversation. */
    private String risk(JsonObject c) {
        if (c.getBoolean("urgent", false)) {
            return "high";
        }
        String id = c.getString("conversationId");
        return id == null ? "medium" : router.store().find(id)
            .map(conv -> ConversationViews.peakRisk(conv, router.store().conversationMessages(id))).orElse("medium");
    }

    private static JsonArray shared(JsonObject a, JsonObject b) {
        Set<String> mine = new LinkedHashSet<>();
        a.getJsonArray("receivers", new JsonArray()).forEach(o -> mine.add(key((JsonObject) o)));
        JsonArray out = new JsonArray();
        b.getJsonArray("receivers", new JsonArray()).forEach(o -> {
            JsonObject r = (JsonObject) o;
            if (mine.contains(key(r)) && !out.contains(r.getString("type"))) {
                out.add(r.getString("type"));
            }
        });
        return out;
    }

    private static String key(JsonObject r) {
        return r.getString("type") + ":" + String.valueOf(r.getString("value")).toLowerCase();
    }

    /** Everything that happened, oldest first: the conversation's messages, the case history and officers' actions. */
    private JsonArray timeline(JsonObject c) {
        List<JsonObject> events = new ArrayList<>();
        String conversationId = c.getString("conversationId");
        if (conversationId != null) {
            for (Message m : router.store().conversationMessages(conversationId)) {
                events.add(new JsonObject().put("at", m.createdAt().toString()).put("kind", "message").put("who", m.sender())
                    .put("text", TimelineSentences.message(m.sender(), m.text())));
            }
            audit.recent("conversation:" + conversationId, null, 200).forEach(a -> events.add(auditEvent(a)));
        }
        for (Object o : c.getJsonArray("history", new JsonArray())) {
            JsonObject h = (JsonObject) o;
            events.add(new JsonObject().put("at", h.getString("at")).put("kind", h.getString("action")).put("who", h.getString("actor"))
                .put("text", TimelineSentences.history(h.getString("actor"), h.getString("action"), h.getString("note"))));
        }
        events.removeIf(e -> e.getString("kind", "").endsWith(".view"));
        events.sort((a, b) -> a.getString("at").compareTo(b.getString("at")));
        return new JsonArray(new ArrayList<>(events));
    }

    private static JsonObject auditEvent(JsonObject a) {
        return new JsonObject().put("at", a.getString("at")).put("kind", a.getString("action")).put("who", a.getString("actor"))
            .put("text", TimelineSentences.audit(a.getString("actor"), a.getString("action"), a.getJsonObject("details")));
    }
}
