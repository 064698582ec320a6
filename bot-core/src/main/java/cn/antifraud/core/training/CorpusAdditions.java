package cn.antifraud.core.training;

import cn.antifraud.core.audit.AuditLog;
import cn.antifraud.core.audit.ChangeRefused;
import cn.antifraud.core.storage.Store;
import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.LabeledText;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * Training samples supervisors add to the corpus ({@code corpus_additions}), one per distinct text: labelling
 * the same text again replaces its label. Officers' corrections arrive as proposals that a supervisor accepts;
 * only accepted additions are trained on. Blocking: call from worker threads.
 */
public final class CorpusAdditions {
    public static final String ACCEPTED = "accepted";
    public static final String PROPOSED = "proposed";

    private final Store store;
    private final MongoCollection<Document> additions;
    private final Set<String> labels;
    private final AuditLog audit;

    /** One added sample; {@code source} is low_confidence, officer_correction or manual. */
    public record Addition(String id, String label, String text, String source, String messageId, String status, String actor,
                           Date at) {
        /** For list views: personal data in the text masked. */
        public JsonObject toJson() {
            return new JsonObject().put("id", id).put("label", label).put("text", MaskedText.mask(text)).put("source", source)
                .put("messageId", messageId).put("status", status).put("actor", actor).put("at", at.toInstant().toString());
        }
    }

    public CorpusAdditions(Store store, KnowledgeBase kb, AuditLog audit) {
        this.store = store;
        this.additions = store.collection("corpus_additions");
        this.labels = new java.util.HashSet<>(kb.scamTypeIds());
        this.labels.add(KnowledgeBase.NONE);
        this.audit = audit;
        additions.createIndex(Indexes.ascending("status", "at"));
    }

    /** Adds (or relabels) a sample as accepted training data. */
    public Addition add(String label, String text, String source, String messageId, String actor) {
        return put(label, text, source, messageId, actor, ACCEPTED);
    }

    /**
     * Imports {@code label<TAB>text} lines as accepted samples, all or nothing: a bad line is refused naming its
     * line number. One audit entry for the batch.
     */
    public int importTsv(String tsv, String actor) {
        List<Document> docs = new ArrayList<>();
        String[] lines = tsv == null ? new String[0] : tsv.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank() || lines[i].startsWith("#")) {
                continue;
            }
            String[] cols = lines[i].split("\t", 2);
            if (cols.length < 2) {
                throw new ChangeRefused(ChangeRefused.Kind.INVALID, "invalid_line", "第 " + (i + 1) + " 行：需要“标签<TAB>内容”两列");
            }
            try {
                docs.add(document(cols[0].strip(), cols[1], "import", null, actor, ACCEPTED));
            } catch (ChangeRefused e) {
                throw new ChangeRefused(e.kind(), e.code(), "第 " + (i + 1) + " 行：" + e.getMessage());
            }
        }
        for (Document d : docs) {
            additions.replaceOne(new Document("_id", d.getString("_id")), d, new ReplaceOptions().upsert(true));
        }
        audit.record(actor, "corpus.import", "corpus:import", new JsonObject().put("samples", docs.size()));
        return docs.size();
    }

    /** An officer's correction of a verdict, waiting for a supervisor (does not replace an accepted label). */
    public Addition propose(String label, String text, String messageId, String actor) {
        Document existing = additions.find(new Document("_id", id(text))).first();
        if (existing != null && ACCEPTED.equals(existing.getString("status"))) {
            return toAddition(existing);
        }
        return put(label, text, "officer_correction", messageId, actor, PROPOSED);
    }

    public void remove(String id, String actor) {
        if (additions.deleteOne(new Document("_id", id)).getDeletedCount() == 0) {
            throw new ChangeRefused(ChangeRefused.Kind.NOT_FOUND, "no_such_sample", "没有这条样本");
        }
        audit.record(actor, "corpus.remove", "corpus:" + id, new JsonObject());
    }

    public List<Addition> list(String status, int limit) {
        List<Addition> out = new ArrayList<>();
        Document filter = status == null ? new Document() : new Document("status", status);
        for (Document d : additions.find(filter).sort(Sorts.descending("at")).limit(limit)) {
            out.add(toAddition(d));
        }
        return out;
    }

    /** The accepted additions as training samples. */
    public List<LabeledText> accepted() {
        List<LabeledText> out = new ArrayList<>();
        for (Document d : additions.find(new Document("status", ACCEPTED)).sort(Sorts.ascending("_id"))) {
            out.add(new LabeledText(d.getString("label"), d.getString("text"), "corpus_additions", 0));
        }
        return out;
    }

    public boolean contains(String text) {
        return additions.find(new Document("_id", id(text))).first() != null;
    }

    private Addition put(String label, String text, String source, String messageId, String actor, String status) {
        Document d = document(label, text, source, messageId, actor, status);
        additions.replaceOne(new Document("_id", d.getString("_id")), d, new ReplaceOptions().upsert(true));
        audit.record(actor, ACCEPTED.equals(status) ? "corpus.add" : "corpus.propose", "corpus:" + d.getString("_id"),
            new JsonObject().put("label", label).put("source", source));
        return toAddition(d);
    }

    private Document document(String label, String text, String source, String messageId, String actor, String status) {
        if (!labels.contains(label)) {
            throw new ChangeRefused(ChangeRefused.Kind.INVALID, "unknown_label", "标签必须是骗局类型编号或 none：" + label);
        }
        String t = text == null ? "" : text.strip().replaceAll("[\\t\\r\\n]+", " ");
        if (t.isEmpty() || t.codePointCount(0, t.length()) > 2000) {
            throw new ChangeRefused(ChangeRefused.Kind.INVALID, "invalid_text", "样本内容不能为空，也不能超过 2000 字");
        }
        return new Document("_id", id(t)).append("label", label).append("text", t).append("source", source)
            .append("messageId", messageId).append("status", status).append("actor", actor).append("at", new Date());
    }

    static String id(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Addition toAddition(Document d) {
        return new Addition(d.getString("_id"), d.getString("label"), d.getString("text"), d.getString("source"),
            d.getString("messageId"), d.getString("status"), d.getString("actor"), d.getDate("at"));
    }
}
