package cn.antifraud.core.training;

import cn.antifraud.core.analysis.Analyzer;
import cn.antifraud.core.analysis.Evaluation;
import cn.antifraud.core.analysis.Models;
import cn.antifraud.core.audit.AuditLog;
import cn.antifraud.core.audit.ChangeRefused;
import cn.antifraud.core.kbadmin.KnowledgeEvents;
import cn.antifraud.core.lease.Leases;
import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.LabeledText;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Retraining: trains on the shipped corpus plus accepted additions (on its own worker, one run at a time), scores
 * the candidate and the running model on the held-out file, and refuses a candidate that is worse on scam-vs-not
 * F1 or type accuracy. A better (or equal) one is stored and replaces the running model without a restart; the
 * model it replaced is stored too, so it can be restored. Every outcome is recorded and audited.
 */
public final class Retrainer {
    private static final Logger LOG = Logger.getLogger(Retrainer.class.getName());

    private final KnowledgeBase kb;
    private final Analyzer analyzer;
    private final CorpusAdditions additions;
    private final ModelStore models;
    private final AuditLog audit;
    private final Path cacheDir;
    private final WorkerExecutor worker;
    /** A run takes a few minutes; a node that dies mid-run frees the lease after this long. */
    private static final Duration LEASE_TTL = Duration.ofMinutes(30);
    private static final String LEASE = "retraining";

    private final AtomicBoolean busy = new AtomicBoolean();
    private final Vertx vertx;
    private final Leases leases;
    private final TrainingJobs stored;
    private final Map<String, TrainingJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, Figures> scored = new ConcurrentHashMap<>();

    public Retrainer(Vertx vertx, KnowledgeBase kb, Analyzer analyzer, CorpusAdditions additions, ModelStore models,
                     AuditLog audit, Path cacheDir) {
        this(vertx, kb, analyzer, additions, models, audit, cacheDir, null, null);
    }

    /**
     * With {@code leases}, one run at a time in the whole cluster (the {@code retraining} lease), not per process;
     * with {@code stored}, every node answers for a run's progress.
     */
    public Retrainer(Vertx vertx, KnowledgeBase kb, Analyzer analyzer, CorpusAdditions additions, ModelStore models,
                     AuditLog audit, Path cacheDir, Leases leases, TrainingJobs stored) {
        this.vertx = vertx;
        this.leases = leases;
        this.stored = stored;
        this.kb = kb;
        this.analyzer = analyzer;
        this.additions = additions;
        this.models = models;
        this.audit = audit;
        this.cacheDir = cacheDir;
        this.worker = vertx.createSharedWorkerExecutor("model-training", 1, 30, TimeUnit.MINUTES);
    }

    /** Starts a run and returns at once; follow it with {@link #job}. Refused while another run is going. */
    public TrainingJob start(String actor) {
        if (!busy.compareAndSet(false, true)) {
            throw new ChangeRefused(ChangeRefused.Kind.CONFLICT, "training_running", "已经有一次训练正在进行，请等它结束");
        }
        if (leases != null && !leases.acquire(LEASE, LEASE_TTL)) {
            busy.set(false);
            throw new ChangeRefused(ChangeRefused.Kind.CONFLICT, "training_running", "另一台服务器正在训练模型，请等它结束");
        }
        TrainingJob job = stored == null ? new TrainingJob(actor) : new TrainingJob(actor, stored::save);
        jobs.put(job.id(), job);
        worker.executeBlocking(() -> {
            try {
                run(job, actor);
            } catch (RuntimeException e) {
                LOG.warning("retraining failed: " + e);
                job.finish(TrainingJob.Status.FAILED, null, "训练失败：" + e.getMessage());
                audit(actor, "model.training_failed", "job", new JsonObject().put("job", job.id()));
            } finally {
                if (leases != null) {
                    leases.release(LEASE);
                }
                busy.set(false);
            }
            return null;
        }, false);
        return job;
    }

    public Optional<TrainingJob> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** A run's JSON: this node's own, or one another node runs (stored). Blocking. */
    public Optional<JsonObject> jobJson(String id) {
        TrainingJob local = jobs.get(id);
        if (local != null) {
            return Optional.of(local.toJson());
        }
        return stored == null ? Optional.empty() : stored.find(id);
    }

    private void run(TrainingJob job, String actor) {
        job.progress(5, "整理训练语料");
        List<LabeledText> added = additions.accepted();
        List<LabeledText> corpus = new ArrayList<>(kb.corpus());
        corpus.addAll(added);
        job.progress(10, "用 " + corpus.size() + " 条样本训练新模型（其中主管新增 " + added.size() + " 条）");
        Models candidate = Models.loadOrTrain(analyzer.featurizer(), kb, corpus, cacheDir);
        Evaluation evaluation = new Evaluation(kb, analyzer.featurizer(), step -> { });
        job.progress(60, "在保留测试集上评测新模型（" + kb.heldout().size() + " 条消息）");
        Figures next = Figures.of(evaluation.heldOut(candidate), evaluation.heldOutIntents(candidate));
        Models current = analyzer.models();
        job.progress(80, "在同一测试集上评测正在运行的模型 " + current.version());
        Figures running = Figures.of(evaluation.heldOut(current), evaluation.heldOutIntents(current));
        job.figures(next, running);
        scored.put(candidate.version(), next);
        scored.put(current.version(), running);
        LOG.info("retrained model " + candidate.version() + ": " + next.toJson().encode() + "; running " + current.version() + ": "
            + running.toJson().encode());
        JsonObject meta = new JsonObject().put("figures", next.toJson()).put("trainingSamples", corpus.size())
            .put("additions", added.size()).put("actor", actor);
        if (next.worseThan(running)) {
            models.record(candidate.version(), meta.put("status", "refused").put("comparedWith", current.version()));
            String text = "新模型在保留测试集上比正在运行的模型差，没有上线。新模型：" + next.summary() + "；运行中的模型："
                + running.summary();
            job.finish(TrainingJob.Status.REFUSED, candidate.version(), text);
            audit(actor, "model.refused", candidate.version(), new JsonObject().put("candidate", next.toJson())
                .put("running", running.toJson()).put("runningModel", current.version()));
            return;
        }
        job.progress(90, "保存新模型和被替换的旧模型");
        if (!models.stored(current.version())) {
            models.save(current.version(), current, new JsonObject().put("figures", running.toJson()).put("status", "stored")
                .put("note", "running before retraining"));
        }
        models.save(candidate.version(), candidate, meta.put("status", "stored").put("replaced", current.version()));
        activate(candidate);
        job.finish(TrainingJob.Status.ACCEPTED, candidate.version(), "新模型成绩 " + next.summary() + "（原模型：" + running.summary() + "）");
        audit(actor, "model.activated", candidate.version(), new JsonObject().put("candidate", next.toJson())
            .put("running", running.toJson()).put("replaced", current.version()));
    }

    /** Puts a stored model (e.g. the previous one) live again, without a restart. */
    public Future<JsonObject> restore(String modelId, String actor) {
        return worker.executeBlocking(() -> {
            if (!models.stored(modelId)) {
                throw new ChangeRefused(ChangeRefused.Kind.NOT_FOUND, "no_such_model", "没有保存这个模型：" + modelId);
            }
            String previous = analyzer.models().version();
            activate(models.load(modelId));
            audit(actor, "model.restored", modelId, new JsonObject().put("replaced", previous));
            return models.find(modelId).orElseThrow().put("live", true);
        }, false);
    }

    /** The running model's version and its held-out figures (scored once per model version). Blocking. */
    public JsonObject running() {
        Models current = analyzer.models();
        Figures f = scored.computeIfAbsent(current.version(), v -> {
            Evaluation evaluation = new Evaluation(kb, analyzer.featurizer(), step -> { });
            return Figures.of(evaluation.heldOut(current), evaluation.heldOutIntents(current));
        });
        return new JsonObject().put("model", current.version()).put("figures", f.toJson());
    }

    /** Runs the model recorded as live if it is not the running one (at start, and to follow other instances). */
    public void syncLive() {
        Optional<String> live = models.live();
        if (live.isPresent() && !live.get().equals(analyzer.models().version()) && models.stored(live.get())) {
            try {
                Models m = models.load(live.get());
                LOG.info("switching to the live model " + live.get());
                analyzer.swapModels(m);
            } catch (IllegalArgumentException e) {
                LOG.warning("keeping the model trained at start: " + e.getMessage());
            }
        }
    }

    public List<JsonObject> list() {
        return models.list();
    }

    private void activate(Models m) {
        models.setLive(m.version());
        analyzer.swapModels(m);
        // Every other node follows at once (syncLive on this event), not at its next poll.
        vertx.eventBus().publish(KnowledgeEvents.MODEL_SWAPPED, new JsonObject().put("model", m.version()));
    }

    private void audit(String actor, String action, String target, JsonObject details) {
        audit.record(actor, action, "model:" + target, details);
    }

    public void close() {
        worker.close();
    }
}
