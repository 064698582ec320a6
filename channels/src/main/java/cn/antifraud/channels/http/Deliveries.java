package cn.antifraud.channels.http;

import cn.antifraud.core.conversation.ConversationStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * The reply a webhook gave to a delivery, kept so that a retried delivery (same MessageSid / MsgId) gets
 * exactly the same answer and nothing is stored twice. A retry that arrives while the first delivery is
 * still being answered waits for that answer for a little while.
 */
public final class Deliveries {
    private static final int ATTEMPTS = 25;
    private static final long WAIT_MS = 100;

    private final Vertx vertx;
    private final ConversationStore store;

    public Deliveries(Vertx vertx, ConversationStore store) {
        this.vertx = vertx;
        this.store = store;
    }

    /** Stores the rendered reply of a delivery (blocking: call on a worker thread). */
    public void save(String channel, String externalId, String reply) {
        if (externalId != null) {
            store.saveDeliveryReply(channel, externalId, reply);
        }
    }

    /** The first answer to this delivery, or {@code fallback} when it never became available. */
    public Future<String> replyOf(String channel, String externalId, String fallback) {
        Promise<String> promise = Promise.promise();
        poll(channel, externalId, fallback, ATTEMPTS, promise);
        return promise.future();
    }

    private void poll(String channel, String id, String fallback, int left, Promise<String> promise) {
        vertx.executeBlocking(() -> store.deliveryReply(channel, id), false).onComplete(ar -> {
            if (ar.failed()) {
                promise.fail(ar.cause());
            } else if (ar.result().isPresent()) {
                promise.complete(ar.result().get());
            } else if (left <= 1) {
                promise.complete(fallback);
            } else {
                vertx.setTimer(WAIT_MS, t -> poll(channel, id, fallback, left - 1, promise));
            }
        });
    }
}
