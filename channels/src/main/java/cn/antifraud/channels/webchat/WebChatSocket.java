package cn.antifraud.channels.webchat;

import cn.antifraud.channels.http.ApiError;
import cn.antifraud.channels.http.Errors;
import cn.antifraud.channels.http.Requests;
import cn.antifraud.core.conversation.Events;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live socket of one web-chat session ({@code /ws/chat?sessionId=...}). The server pushes every message
 * added to the session (bot and officer replies alike) as {"type":"message","message":{...}}; the page sends
 * {"type":"message","text":"..."}. On reconnect the page fills gaps from the REST history (by seq). Each socket
 * listens on its session's own event-bus address ({@link Events#sessionMessages}), not to every message. Once the
 * socket's subscription is registered (on every node of a cluster) the server sends {"type":"ready"}.
 *
 * <p>The server pings every {@link #PING_MS}; a socket that has sent nothing (not even a pong) for
 * {@link #SILENT_MS} is closed, so vanished browsers do not hold sockets. A text frame that is not valid UTF-8
 * closes the socket with 1007 instead of being stored with replacement characters. Writes to a socket that
 * has closed meanwhile are dropped.
 */
final class WebChatSocket {
    static final long PING_MS = 20_000;
    static final long SILENT_MS = 75_000;
    private static final short INVALID_PAYLOAD = 1007;

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
        if (!ctx.request().headers().contains("Upgrade", "websocket", true)) {
            throw ApiError.badRequest("not_websocket", "这个地址只接受 WebSocket 连接");
        }
        // Upgrade first (the request must not be read before), then check the session; unknown ones are closed.
        ctx.request().toWebSocket().onFailure(e -> ctx.fail(ApiError.badRequest("not_websocket", "WebSocket 握手失败")))
            .onSuccess(ws -> {
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
        MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(Events.sessionMessages(key), msg ->
            write(ws, new JsonObject().put("type", "message")
                .put("message", MaskedAnalysis.inMessage(msg.body().getJsonObject("message").copy())).encode()));
        // Clustered, the subscription reaches the other nodes a moment later; "ready" says pushes from anywhere arrive now.
        consumer.completion().onSuccess(v -> write(ws, "{\"type\":\"ready\"}"));
        AtomicLong heard = new AtomicLong(System.nanoTime());
        long pinger = vertx.setPeriodic(PING_MS, t -> {
            if ((System.nanoTime() - heard.get()) / 1_000_000 > SILENT_MS) {
                ws.close((short) 1001, "idle");
            } else if (!ws.isClosed()) {
                ws.writePing(Buffer.buffer()).onFailure(e -> { });
            }
        });
        ws.closeHandler(v -> {
            consumer.unregister();
            vertx.cancelTimer(pinger);
        });
        ws.pongHandler(b -> heard.set(System.nanoTime()));
        ws.exceptionHandler(e -> ws.close());
        // a text message may come in several frames: decode it once whole (a character may span two frames)
        Buffer[] partial = {null};
        ws.frameHandler(frame -> {
            heard.set(System.nanoTime());
            if (frame.isText() || frame.isContinuation() && partial[0] != null) {
                partial[0] = partial[0] == null ? frame.binaryData().copy() : partial[0].appendBuffer(frame.binaryData());
                if (frame.isFinal()) {
                    Buffer whole = partial[0];
                    partial[0] = null;
                    text(ws, sessionId, whole);
                }
            }
        });
    }

    private void text(ServerWebSocket ws, String sessionId, Buffer bytes) {
        String text;
        try {
            text = Requests.utf8(bytes);
        } catch (ApiError e) {
            ws.close(INVALID_PAYLOAD, "invalid_utf8");
            return;
        }
        JsonObject in;
        try {
            in = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            write(ws, Errors.body("malformed_json", "消息格式不正确").put("type", "error").encode());
            return;
        }
        if ("ping".equals(in.getValue("type"))) {
            write(ws, "{\"type\":\"pong\"}");
            return;
        }
        String body;
        try {
            body = Requests.text(in, "text");
        } catch (ApiError e) {
            write(ws, Errors.body(e.code(), e.getMessage()).put("type", "error").encode());
            return;
        }
        channel.send(sessionId, body)
            .onSuccess(result -> write(ws, new JsonObject().put("type", "turn").put("turn", result).encode()))
            .onFailure(e -> write(ws, Errors.body("send_failed", "发送失败，请重试").put("type", "error").encode()));
    }

    /** Writes unless the socket has closed meanwhile (the resident left while the bot was thinking). */
    static void write(ServerWebSocket ws, String text) {
        if (ws.isClosed()) {
            return;
        }
        try {
            ws.writeTextMessage(text).onFailure(e -> { });
        } catch (IllegalStateException e) {
            // closed between the check and the write: nobody is listening any more
        }
    }
}
