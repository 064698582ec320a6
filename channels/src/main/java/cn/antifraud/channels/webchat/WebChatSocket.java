package cn.antifraud.channels.webchat;

import cn.antifraud.channels.http.ApiError;
import cn.antifraud.channels.http.Errors;
import cn.antifraud.channels.http.Requests;
import cn.antifraud.core.conversation.Events;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The live socket of one web-chat session ({@code /ws/chat?sessionId=...}). The server pushes every message
 * added to the session (bot and officer replies alike) as {"type":"message","message":{...}}; the page sends
 * {"type":"message","text":"..."}. On reconnect the page fills gaps from the REST history (by seq). Each socket
 * listens on its session's own event-bus address ({@link Events#sessionMessages}), not to every message.
 * Once the socket's subscription is registered (on every node of a cluster) the server sends {"type":"ready"}.
 */
final class WebChatSocket {
    private final Vertx vertx;
    private final WebChatChannel channel;

    WebChatSocket(Vertx vertx, WebChatChannel channel) {
        this.vertx = vertx;
        this.channel = channel;
    }

    void upgrade(RoutingContext ctx) {
        String sessionId = ctx.queryParams().get("sessionId");
        if (sessionId == null) {
            throw ApiError.badRequest("missing_parameter", "缺少 sessionId");
        }
        // Upgrade first (the request must not be read before), then check the session; unknown ones are closed.
        ctx.request().toWebSocket().onFailure(ctx::fail).onSuccess(ws -> {
            ws.pause();
            channel.checkSession(sessionId)
                .onSuccess(id -> {
                    attach(ws, id);
                    ws.resume();
                })
                .onFailure(e -> ws.close((short) 4404, "unknown_session"));
        });
    }

    private void attach(ServerWebSocket ws, String sessionId) {
        String key = WebChatChannel.sessionKey(sessionId);
        // The session's own address: delivering a message touches only this session's sockets.
        MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(Events.sessionMessages(key), msg -> {
            if (!ws.isClosed()) {
                ws.writeTextMessage(new JsonObject().put("type", "message").put("message", msg.body().getJsonObject("message")).encode());
            }
        });
        ws.closeHandler(v -> consumer.unregister());
        // Clustered, the subscription reaches the other nodes a moment later; "ready" says pushes from anywhere arrive now.
        consumer.completion().onSuccess(v -> {
            if (!ws.isClosed()) {
                ws.writeTextMessage("{\"type\":\"ready\"}");
            }
        });
        ws.textMessageHandler(text -> {
            JsonObject in;
            try {
                in = new JsonObject(text);
            } catch (DecodeException e) {
                ws.writeTextMessage(Errors.body("malformed_json", "消息格式不正确").put("type", "error").encode());
                return;
            }
            if ("ping".equals(in.getString("type"))) {
                ws.writeTextMessage("{\"type\":\"pong\"}");
                return;
            }
            String body;
            try {
                body = Requests.text(in, "text");
            } catch (ApiError e) {
                ws.writeTextMessage(Errors.body(e.code(), e.getMessage()).put("type", "error").encode());
                return;
            }
            channel.send(sessionId, body)
                .onSuccess(result -> ws.writeTextMessage(new JsonObject().put("type", "turn").put("turn", result).encode()))
                .onFailure(e -> ws.writeTextMessage(Errors.body("send_failed", "发送失败，请重试").put("type", "error").encode()));
        });
    }
}
