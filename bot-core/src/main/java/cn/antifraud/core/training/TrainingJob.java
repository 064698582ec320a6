package cn.antifraud.core.training;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** One retraining run as supervisors follow it: status, progress, both models' figures and the outcome. */
public final class TrainingJob {
    /** running -> accepted (live now) | refused (scored worse) | failed. */
    public enum Status { RUNNING, ACCEPTED, REFUSED, FAILED }

    private final String id = UUID.randomUUID().toString();
    private final String actor;
    private final Instant startedAt = Instant.now();
    private final List<String> steps = new ArrayList<>();
    private Status status = Status.RUNNING;
    private int percent;
    private Figures candidate;
    private Figures running;
    private String model;
    private String message;

    /** Told the job's JSON after every change, so a node other than the one training can answer for it. */
    private final Consumer<JsonObject> changed;

    TrainingJob(String actor) {
        this(actor, json -> { });
    }

    TrainingJob(String actor, Consumer<JsonObject> changed) {
        this.actor = actor;
        this.changed = changed;
    }

    public String id() {
        return id;
    }

    synchronized void progress(int percent, String step) {
        this.percent = percent;
        steps.add(step);
        changed.accept(toJson());
    }

    synchronized void figures(Figures candidateFigures, Figures runningFigures) {
        this.candidate = candidateFigures;
        this.running = runningFigures;
        changed.accept(toJson());
    }

    synchronized void finish(Status outcome, String modelId, String text) {
        this.status = outcome;
        this.model = modelId;
        this.message = text;
        this.percent = 100;
        changed.accept(toJson());
    }

    public synchronized Status status() {
        return status;
    }

    public synchronized String message() {
        return message;
    }

    public synchronized String model() {
        return model;
    }

    public synchronized Figures candidate() {
        return candidate;
    }

    public synchronized Figures running() {
        return running;
    }

    public synchronized JsonObject toJson() {
        return new JsonObject().put("id", id).put("actor", actor).put("startedAt", startedAt.toString())
            .put("status", status.name().toLowerCase()).put("percent", percent).put("steps", new JsonArray(new ArrayList<>(steps)))
            .put("candidate", candidate == null ? null : candidate.toJson())
            .put("running", running == null ? null : running.toJson()).put("model", model).put("message", message);
    }
}
