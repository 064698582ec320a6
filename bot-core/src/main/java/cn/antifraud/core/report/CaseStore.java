package cn.antifraud.core.report;

import cn.antifraud.core.analysis.Masking;
import cn.antifraud.core.storage.Store;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Filed fraud reports ({@code cases}) with readable numbers FZ-yyyyMMdd-NNNNNN taken from a per-day counter
 * ({@code counters}, atomic $inc). Filing is idempotent per report id (unique index), cases sharing an
 * indicator are linked both ways (串并案), and every change is kept in the case's history. Blocking: call from
 * worker threads.
 */
public final class CaseStore {
    public static final String NEW = "new";
    public static final List<String> STATUSES = List.of(NEW, "accepted", "investigating", "closed");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(CaseStore.class.getName());

    private final Store store;
    private final MongoCollection<Document> cases;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> attempts;
    private final Clock clock;
    private final ZoneId zone;

    public CaseStore(Store store, Clock clock, ZoneId zone) {
        this.store = store;
        this.cases = store.collection("cases");
        this.counters = store.collection("counters");
        this.attempts = store.collection("case_status_attempts");
        this.clock = clock;
        this.zone = zone;
        cases.createIndex(Indexes.ascending("caseNo"), new IndexOptions().unique(true));
        cases.createIndex(Indexes.ascending("reportId"), new IndexOptions().unique(true));
        cases.createIndex(Indexes.ascending("indicatorKeys"));
        cases.createIndex(Indexes.ascending("status", "urgent", "createdAt"));
    }

    /** A filed case's number; {@code created} is false when the report had been filed before. */
    public record Filed(String caseNo, boolean created) {
    }

    /**
     * Stores a report as a case and returns its number; filing the same report id again returns the first
     * number. Returns once the write is acknowledged (majority) and durable.
     */
    public Filed file(CaseDraft draft) {
        Document existing = cases.find(new Document("reportId", draft.reportId())).first();
        if (existing != null) {
            return new Filed(existing.getString("caseNo"), false);
        }
        for (int attempt = 0; attempt < 10; attempt++) {
            String caseNo = nextNumber();
            Date now = Date.from(clock.instant());
            Document d = draft.toDocument().append("_id", caseNo).append("caseNo", caseNo).append("status", NEW)
                .append("createdAt", now).append("updatedAt", now).append("linkedCases", new ArrayList<String>())
                .append("history", new ArrayList<>(List.of(history("resident", "filed", "报案人在对话中提交报案"))));
            try {
                cases.insertOne(d);
                try {
                    link(caseNo, draft.indicatorKeys());
                } catch (RuntimeException e) {
                    LOG.warning("case " + caseNo + " filed but not linked: " + e.getClass().getSimpleName());
                }
                return new Filed(caseNo, true);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                Document raced = cases.find(new Document("reportId", draft.reportId())).first();
                if (raced != null) {
                    return new Filed(raced.getString("caseNo"), false);
                }
            }
        }
        throw new IllegalStateException("could not allocate a case number");
    }

    /**
     * The next number of today (Asia/Shanghai): one atomic $inc on the day's counter document (MongoDB makes it
     * atomic across processes; the embedded store runs one operation at a time, see storage/SerializedBackend).
     */
    String nextNumber() {
        String day = LocalDate.ofInstant(clock.instant(), zone).format(DAY);
        Document counter;
        try {
            counter = counters.findOneAndUpdate(new Document("_id", "case-" + day), Updates.inc("seq", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        } catch (MongoCommandException | MongoWriteException e) {
            counter = counters.findOneAndUpdate(new Document("_id", "case-" + day), Updates.inc("seq", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        }
        long seq = ((Number) counter.get("seq")).longValue();
        return String.format("FZ-%s-%06d", day, seq);
    }

    /** Links a new case with every earlier case naming one of its indicators, both ways. */
    private void link(String caseNo, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<String> others = new ArrayList<>();
        for (Document o : cases.find(new Document("indicatorKeys", new Document("$in", keys))
            .append("caseNo", new Document("$ne", caseNo)))) {
            others.add(o.getString("caseNo"));
        }
        if (others.isEmpty()) {
            return;
        }
        cases.updateOne(new Document("_id", caseNo), Updates.combine(Updates.addEachToSet("linkedCases", others),
            Updates.push("history", history("system", "linked", "与 " + String.join("、", others) + " 涉及相同的账号或号码，已串并"))));
        for (String other : others) {
            cases.updateOne(new Document("_id", other), Updates.combine(Updates.addToSet("linkedCases", caseNo),
                Updates.push("history", history("system", "linked", "与新案件 " + caseNo + " 涉及相同的账号或号码，已串并"))));
        }
    }

    /** The full case record (unmasked: officers' detail view only), with linked case numbers and history. */
    public Optional<JsonObject> find(String caseNo) {
        Document d = cases.find(new Document("_id", caseNo)).first();
        return Optional.ofNullable(d).map(CaseRecords::toJson);
    }

    /** Adds an entry to a case's timeline; false when there is no such case. */
    public boolean appendHistory(String caseNo, String actor, String action, String note) {
        var r = cases.updateOne(new Document("_id", caseNo), Updates.combine(Updates.push("history", history(actor, action, note)),
            Updates.set("updatedAt", Date.from(clock.instant()))));
        return r.getMatchedCount() > 0;
    }

    /** Changes a case's status (new, accepted, investigating, closed) and records who did it. */
    public boolean setStatus(String caseNo, String status, String actor) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("unknown case status " + status);
        }
        var r = cases.updateOne(new Document("_id", caseNo), Updates.combine(Updates.set("status", status),
            Updates.set("updatedAt", Date.from(clock.instant())), Updates.push("history", history(actor, "status", status))));
        return r.getMatchedCount() > 0;
    }

    /** A case's status, only when the phone matches the one the reporter gave (nothing is told otherwise). */
    public Optional<String> status(String caseNo, String phone) {
        Document d = cases.find(new Document("_id", caseNo)).first();
        if (d == null || phone == null || !phone.equals(d.get("contact", Document.class).getString("phone"))) {
            return Optional.empty();
        }
        return Optional.of(d.getString("status"));
    }

    /** Counts a failed status look-up in a conversation and returns how many there have been. */
    public int failedStatusLookup(String conversationId) {
        Document d = attempts.findOneAndUpdate(new Document("_id", conversationId), Updates.inc("failures", 1),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) d.get("failures")).intValue();
    }

    public int failedStatusLookups(String conversationId) {
        Document d = attempts.find(new Document("_id", conversationId)).first();
        return d == null ? 0 : ((Number) d.get("failures")).intValue();
    }

    /** Newest cases first, personal data masked, for list views. */
    public List<JsonObject> recent(int limit) {
        List<JsonObject> out = new ArrayList<>();
        for (Document d : cases.find().sort(Sorts.descending("createdAt")).limit(limit)) {
            out.add(CaseRecords.summary(d));
        }
        return out;
    }

    public long countByConversation(String conversationId) {
        return cases.countDocuments(new Document("conversationId", conversationId));
    }

    private Document history(String actor, String action, String note) {
        return new Document("at", Date.from(clock.instant())).append("actor", actor).append("action", action).append("note", note);
    }

    static String maskedPhone(String phone) {
        return Masking.mask("phone", phone);
    }
}
