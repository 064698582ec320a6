package cn.antifraud.core.report;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** The case store for event-loop callers (officer console): every call runs on a worker thread. */
public final class CaseService {
    private final Vertx vertx;
    private final CaseStore store;

    public CaseService(Vertx vertx, CaseStore store) {
        this.vertx = vertx;
        this.store = store;
    }

    /** The full case with linked case numbers and its history (unmasked: audit the view). */
    public Future<Optional<JsonObject>> find(String caseNo) {
        return vertx.executeBlocking(() -> store.find(caseNo), false);
    }

    public Future<Boolean> appendHistory(String caseNo, String actor, String action, String note) {
        return vertx.executeBlocking(() -> store.appendHistory(caseNo, actor, action, note), false);
    }

    public Future<Boolean> setStatus(String caseNo, String status, String actor) {
        return vertx.executeBlocking(() -> store.setStatus(caseNo, status, actor), false);
    }

    /** Newest cases, masked. */
    public Future<List<JsonObject>> recent(int limit) {
        return vertx.executeBlocking(() -> store.recent(limit), false);
    }

    public CaseStore store() {
        return store;
    }
}
