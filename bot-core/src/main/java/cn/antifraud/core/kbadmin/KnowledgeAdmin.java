package cn.antifraud.core.kbadmin;

import cn.antifraud.core.analysis.Indicator;
import cn.antifraud.core.analysis.Masking;
import cn.antifraud.core.audit.AuditLog;
import cn.antifraud.core.audit.ChangeRefused;
import cn.antifraud.core.education.ContentEditor;
import cn.antifraud.core.indicator.IndicatorRegistry;
import cn.antifraud.core.training.CorpusAdditions;
import cn.antifraud.core.training.Retrainer;
import cn.antifraud.core.training.ReviewQueue;
import cn.antifraud.kb.KnowledgeBase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * What supervisors do to the knowledge base, as one service for the console to mount behind its login: edit
 * scripts, advice and quizzes; add known-bad indicators; review unsure or corrected messages into the corpus;
 * retrain and restore models; read the audit trail. Every method answers a Future and runs its blocking work on a
 * worker; refusals are failed futures carrying {@link ChangeRefused}.
 */
public final class KnowledgeAdmin {
    static final Set<String> INDICATOR_TYPES = Set.of(Indicator.PHONE, Indicator.URL, Indicator.BANK_CARD, Indicator.QQ,
        Indicator.WECHAT, Indicator.ALIPAY, Indicator.APP, "account");

    private final Vertx vertx;
    private final KnowledgeBase kb;
    private final ContentEditor editor;
    private final IndicatorRegistry indicators;
    private final CorpusAdditions additions;
    private final ReviewQueue review;
    private final Retrainer retrainer;
    private final AuditLog audit;

    public KnowledgeAdmin(Vertx vertx, KnowledgeBase kb, ContentEditor editor, IndicatorRegistry indicators,
                          CorpusAdditions additions, ReviewQueue review, Retrainer retrainer, AuditLog audit) {
        this.vertx = vertx;
        this.kb = kb;
        this.editor = editor;
        this.indicators = indicators;
        this.additions = additions;
        this.review = review;
        this.retrainer = retrainer;
        this.audit = audit;
    }

    public Future<JsonArray> types() {
        return blocking(() -> {
            JsonArray out = new JsonArray();
            for (String id : kb.scamTypeIds()) {
                out.add(editor.current(id).toJson(false).put("name", kb.type(id).name()));
            }
            return out;
        });
    }

    public Future<JsonObject> type(String id) {
        return blocking(() -> editor.current(id).toJson(true));
    }

    /** Saves the whole type's JSON as the version after {@code baseVersion}. */
    public Future<JsonObject> saveType(String id, String jsonText, int baseVersion, String actor, String note) {
        return blocking(() -> changed("content", editor.save(id, jsonText, baseVersion, actor, note).toJson(true)));
    }

    public Future<JsonArray> typeHistory(String id) {
        return blocking(() -> new JsonArray(editor.history(id).stream().map(v -> v.toJson(false)).toList()));
    }

    public Future<JsonObject> revertType(String id, int version, String actor) {
        return blocking(() -> changed("content", editor.revert(id, version, actor).toJson(true)));
    }

    public Future<JsonObject> addIndicator(String type, String value, String scamType, String note, String actor) {
        return blocking(() -> {
            if (!INDICATOR_TYPES.contains(type)) {
                throw invalid("unknown_indicator_type", "线索类型必须是 " + String.join("、", INDICATOR_TYPES.stream().sorted().toList()));
            }
            if (value == null || value.isBlank() || value.length() > 200) {
                throw invalid("invalid_value", "线索内容不能为空，也不能超过 200 个字符");
            }
            if (kb.type(scamType) == null) {
                throw invalid("unknown_scam_type", "没有这个骗局类型：" + scamType);
            }
            indicators.add(type, value, scamType, note);
            audit.record(actor, "indicator.add", "indicator:" + type + ":" + Masking.mask(type, value.strip()),
                new JsonObject().put("scamType", scamType));
            return new JsonObject().put("type", type).put("value", Masking.mask(type, value.strip())).put("scamType", scamType);
        });
    }

    /**
     * Residents' messages not yet labelled: likely misses (judged no or low risk before the conversation escalated or
     * filed a report), unsure verdicts (a message that is both is listed once, as a likely miss), and officers'
     * proposed corrections.
     */
    public Future<JsonObject> review(int limit) {
        return blocking(() -> {
            List<ReviewQueue.Item> missed = review.missed(limit);
            Set<String> listed = missed.stream().map(ReviewQueue.Item::messageId).collect(Collectors.toSet());
            return new JsonObject()
                .put("missed", new JsonArray(missed.stream().map(ReviewQueue.Item::toJson).toList()))
                .put("unsure", new JsonArray(review.unsure(limit).stream().filter(i -> !listed.contains(i.messageId()))
                    .map(ReviewQueue.Item::toJson).toList()))
                .put("proposed", new JsonArray(additions.list(CorpusAdditions.PROPOSED, limit).stream()
                    .map(CorpusAdditions.Addition::toJson).toList()));
        });
    }

    /** Adds a resident's message (by id) or a given text to the corpus with the right label. */
    public Future<JsonObject> addToCorpus(String messageId, String text, String label, String actor) {
        return blocking(() -> {
            String sample = text;
            String source = "manual";
            if (messageId != null) {
                sample = review.message(messageId).orElseThrow(() -> new ChangeRefused(ChangeRefused.Kind.NOT_FOUND,
                    "no_such_message", "没有这条居民消息")).text();
                source = "review";
            }
            return additions.add(label, sample, source, messageId, actor).toJson();
        });
    }

    /** Imports a batch of {@code label<TAB>text} lines (all or nothing; errors name the line). */
    public Future<JsonObject> importCorpus(String tsv, String actor) {
        return blocking(() -> new JsonObject().put("imported", additions.importTsv(tsv, actor)));
    }

    /** An officer says the bot got a message wrong: a proposal waiting for a supervisor. */
    public Future<JsonObject> proposeCorrection(String messageId, String label, String officer) {
        return blocking(() -> {
            ReviewQueue.Item item = review.message(messageId).orElseThrow(() -> new ChangeRefused(ChangeRefused.Kind.NOT_FOUND,
                "no_such_message", "没有这条居民消息"));
            return additions.propose(label, item.text(), messageId, officer).toJson();
        });
    }

    public Future<JsonArray> additions(int limit) {
        return blocking(() -> new JsonArray(additions.list(null, limit).stream().map(CorpusAdditions.Addition::toJson).toList()));
    }

    public Future<Void> removeAddition(String id, String actor) {
        return blocking(() -> {
            additions.remove(id, actor);
            return null;
        });
    }

    /** Starts retraining; the answer is the job to poll. */
    public Future<JsonObject> startTraining(String actor) {
        try {
            return Future.succeededFuture(retrainer.start(actor).toJson());
        } catch (ChangeRefused e) {
            return Future.failedFuture(e);
        }
    }

    public Future<JsonObject> trainingJob(String id) {
        return blocking(() -> retrainer.jobJson(id).orElseThrow(() ->
            new ChangeRefused(ChangeRefused.Kind.NOT_FOUND, "no_such_job", "没有这次训练")));
    }

    public Future<JsonArray> models() {
        return blocking(() -> new JsonArray(retrainer.list()));
    }

    /** The running model's version and held-out figures. */
    public Future<JsonObject> runningModel() {
        return blocking(retrainer::running);
    }

    public Future<JsonObject> restoreModel(String id, String actor) {
        return retrainer.restore(id, actor);
    }

    public Future<JsonArray> auditTrail(String targetPrefix, int limit) {
        return blocking(() -> new JsonArray(audit.recent(targetPrefix, limit)));
    }

    /** Tells every node (this one included, harmlessly) to reload what changed: caches follow edits at once. */
    private <T> T changed(String what, T result) {
        vertx.eventBus().publish(KnowledgeEvents.CHANGED, new JsonObject().put("what", what));
        return result;
    }
    // Indicators announce themselves: IndicatorRegistry.onChange, wired in the launcher, covers reports too.

    private static ChangeRefused invalid(String code, String message) {
        return new ChangeRefused(ChangeRefused.Kind.INVALID, code, message);
    }

    private <T> Future<T> blocking(Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }
}
