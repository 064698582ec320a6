package cn.antifraud.channels.console;

import cn.antifraud.core.conversation.Events;
import cn.antifraud.core.officer.OfficerAccess;
import cn.antifraud.core.officer.OfficerDesk;
import cn.antifraud.core.officer.OfficerSession;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /api/officer/events}: Server-Sent Events for the console. Escalations, state changes and new
 * messages on the event bus are pushed as they happen, so the queue and an open conversation never need a
 * manual refresh. Messages are pushed only for conversations waiting for or held by an officer (told by the state a
 * turn's message event carries, else one lookup per message for all open feeds), so residents chatting with the bot
 * never reach officers' screens. Every 20 s a heartbeat also re-checks the session and ends the stream when it is
 * gone.
 */
final class LiveFeed {
    private static final long HEARTBEAT_MS = 20_000;
    private static final String CONSOLE_MESSAGE = "console.message";

    private final Vertx vertx;
    private final OfficerAccess access;

    LiveFeed(Vertx vertx, OfficerAccess access, OfficerDesk desk) {
        this.vertx = vertx;
        this.access = access;
        vertx.eventBus().<JsonObject>consumer(Events.MESSAGE_ADDED, m -> {
            JsonObject message = m.body().getJsonObject("message");
            desk.inConsole(message.getString("conversationId", ""), m.body().getString("state")).onSuccess(relevant -> {
                if (relevant) {
                    vertx.eventBus().publish(CONSOLE_MESSAGE, new JsonObject().put("message", message),
                        new DeliveryOptions().setLocalOnly(true));
                }
            });
        });
    }

    void stream(RoutingContext ctx) {
        OfficerSession session = ConsoleAuth.session(ctx);
        String cookie = ctx.request().getCookie(ConsoleAuth.COOKIE).getValue();
        HttpServerResponse res = ctx.response();
        res.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8").putHeader("Cache-Control", "no-store")
            .putHeader("Content-Encoding", "identity").putHeader("X-Accel-Buffering", "no");
        res.write("retry: 3000\n\n");
        List<MessageConsumer<JsonObject>> consumers = List.of(
            vertx.eventBus().<JsonObject>consumer(Events.ESCALATION_RAISED, m -> send(res, "escalation", m.body())),
            vertx.eventBus().<JsonObject>consumer(Events.CONVERSATION_CHANGED, m -> send(res, "changed",
                new JsonObject().put("conversationId", m.body().getString("conversationId")).put("state", m.body().getString("state"))
                    .put("officer", m.body().getString("officer")))),
            vertx.eventBus().<JsonObject>localConsumer(CONSOLE_MESSAGE, m -> send(res, "message", m.body())));
        // "hello" once the subscriptions are registered (clustered: on every node), so nothing raised after it is missed.
        Future.all(consumers.stream().map(MessageConsumer::completion).toList()).onComplete(done -> {
            if (!res.closed() && !res.ended()) {
                res.write("event: hello\ndata: {\"username\":\"" + session.username() + "\"}\n\n");
            }
        });
        long timer = vertx.setPeriodic(HEARTBEAT_MS, id -> vertx.executeBlocking(() -> access.session(cookie, false), false)
            .onSuccess(found -> {
                if (found.isEmpty()) {
                    send(res, "logout", new JsonObject());
                    res.end();
                } else if (!res.closed() && !res.ended()) {
                    res.write(": ping\n\n");
                }
            }));
        res.closeHandler(v -> {
            vertx.cancelTimer(timer);
            consumers.forEach(MessageConsumer::unregister);
        });
        res.endHandler(v -> {
            vertx.cancelTimer(timer);
            consumers.forEach(MessageConsumer::unregister);
        });
    }

    private static void send(HttpServerResponse res, String event, JsonObject data) {
        if (!res.closed() && !res.ended()) {
            res.write("event: " + event + "\ndata: " + data.encode() + "\n\n");
        }
    }
}
