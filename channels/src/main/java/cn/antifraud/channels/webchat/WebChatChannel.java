package cn.antifraud.channels.webchat;

import cn.antifraud.channels.http.ApiError;
import cn.antifraud.channels.http.HttpChannel;
import cn.antifraud.channels.http.Requests;
import cn.antifraud.channels.ops.Metrics;
import cn.antifraud.core.conversation.ConversationRouter;
import cn.antifraud.core.conversation.InboundMessage;
import cn.antifraud.core.conversation.Message;
import cn.antifraud.core.conversation.Reply;
import cn.antifraud.core.conversation.TurnResult;
import cn.antifraud.core.conversation.UnknownSession;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The residents' web chat: {@code POST /api/chat/messages}, {@code GET /api/chat/sessions/{id}/messages},
 * {@code POST /api/classify}, and the live socket at {@code /ws/chat} (see {@link WebChatSocket}).
 */
public final class WebChatChannel implements HttpChannel {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final ConversationRouter router;
    private final Metrics metrics;
    private final Duration sessionIdle;

    /** {@code sessionIdleDays}: RESIDENT_SESSION_DAYS, after which an unused session id (a bearer token) stops working. */
    public WebChatChannel(Vertx vertx, ConversationRouter router, Metrics metrics, int sessionIdleDays) {
        this.vertx = vertx;
        this.router = router;
        this.metrics = metrics;
        this.sessionIdle = Duration.ofDays(sessionIdleDays);
    }

    @Override
    public void mount(Router r) {
        // transcripts and verdicts carry phone numbers, bank cards and names: no cache may keep them
        r.route("/api/chat/*").handler(WebChatChannel::noStore);
        r.route("/api/classify").handler(WebChatChannel::noStore);
        r.post("/api/chat/messages").handler(this::postMessage);
        r.get("/api/chat/sessions/:sessionId/messages").handler(this::listMessages);
        r.post("/api/classify").handler(this::classify);
        r.get("/ws/chat").handler(new WebChatSocket(vertx, this)::upgrade);
    }

    private void postMessage(RoutingContext ctx) {
        JsonObject body = Requests.jsonObject(ctx);
        String sessionId = Requests.optionalString(body, "sessionId");
        String text = Requests.text(body, "text");
        send(sessionId, text).onSuccess(ctx::json).onFailure(ctx::fail);
    }

    /**
     * Sends a resident's text; a null session starts a new one. Shared by the REST route and the socket. A given
     * session must exist and be in use: the router checks that on the session it reads for the turn.
     */
    Future<JsonObject> send(String sessionId, String text) {
        long start = System.nanoTime();
        Future<TurnResult> turn;
        if (sessionId == null) {
            turn = router.startSession(new InboundMessage(InboundMessage.WEB, newSessionId(), text, null, Instant.now()));
        } else if (!wellFormed(sessionId)) {
            return Future.failedFuture(unknownSession());
        } else {
            turn = router.continueSession(new InboundMessage(InboundMessage.WEB, sessionId, text, null, Instant.now()),
                    Instant.now().minus(sessionIdle))
                .recover(e -> Future.failedFuture(e instanceof UnknownSession ? unknownSession() : e));
        }
        return turn.map(result -> {
                metrics.count("antifraud.messages", "channel", "web");
                metrics.count("antifraud.verdicts", "risk", result.analysis().risk().id());
                metrics.turn("web", System.nanoTime() - start);
                return render(result);
            });
    }

    private static void noStore(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "no-store").putHeader("Pragma", "no-cache");
        ctx.next();
    }

    static JsonObject render(TurnResult result) {
        JsonArray replies = new JsonArray();
        for (Reply reply : result.replies()) {
            replies.add(reply.toJson());
        }
        JsonObject json = new JsonObject().put("sessionId", result.address())
            .put("conversation", result.conversation().toJson())
            .put("replies", replies)
            .put("analysis", MaskedAnalysis.of(result.analysis().toJson()));
        if (result.caseNo() != null) {
            json.put("caseNo", result.caseNo());
        }
        return json;
    }

    private void listMessages(RoutingContext ctx) {
        String sessionId = ctx.pathParam("sessionId");
        String afterParam = ctx.queryParams().get("after");
        long after;
        try {
            after = afterParam == null ? 0 : Long.parseLong(afterParam);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid_parameter", "after 必须是非负整数");
        }
        if (after < 0) {
            throw ApiError.badRequest("invalid_parameter", "after 必须是非负整数");
        }
        messagesAfter(sessionId, after).onSuccess(list -> {
            JsonArray out = new JsonArray();
            list.forEach(m -> out.add(MaskedAnalysis.inMessage(m.toJson())));
            ctx.json(new JsonObject().put("sessionId", sessionId).put("messages", out));
        }).onFailure(ctx::fail);
    }

    /** The session's messages after {@code after}; the session is read once, for its activity and its last number. */
    Future<List<Message>> messagesAfter(String sessionId, long after) {
        if (!wellFormed(sessionId)) {
            return Future.failedFuture(unknownSession());
        }
        Instant since = Instant.now().minus(sessionIdle);
        return vertx.executeBlocking(() -> router.store().messagesAfter(sessionKey(sessionId), since, after, 500), false)
            .compose(found -> found.<Future<List<Message>>>map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(unknownSession())));
    }

    private void classify(RoutingContext ctx) {
        String text = Requests.text(Requests.jsonObject(ctx), "text");
        vertx.executeBlocking(() -> router.analyzer().analyze(text), false)
            .onSuccess(a -> {
                metrics.count("antifraud.classify", "risk", a.risk().id());
                ctx.json(MaskedAnalysis.of(a.toJson()));
            })
            .onFailure(ctx::fail);
    }

    Future<String> checkSession(String sessionId) {
        if (!wellFormed(sessionId)) {
            return Future.failedFuture(unknownSession());
        }
        Instant since = Instant.now().minus(sessionIdle);
        return vertx.executeBlocking(() -> router.store().sessionActiveSince(sessionKey(sessionId), since), false)
            .compose(exists -> exists ? Future.succeededFuture(sessionId) : Future.failedFuture(unknownSession()));
    }

    private static boolean wellFormed(String sessionId) {
        return sessionId.matches("[A-Za-z0-9_-]{8,64}");
    }

    private static ApiError unknownSession() {
        return ApiError.notFound("unknown_session", "找不到这个会话，请刷新页面重新开始");
    }

    static String sessionKey(String sessionId) {
        return InboundMessage.WEB + ":" + sessionId;
    }

    /**
     * A new session id: the time in milliseconds (12 hex digits), then 128 random bits. The random part is what
     * makes it a secret; the time prefix makes new sessions sort by creation, so the store adds each new session
     * (and its messages' slots) on the last pages of its B-trees instead of rewriting a random page per session.
     */
    static String newSessionId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "w" + String.format("%012x", System.currentTimeMillis()) + HexFormat.of().formatHex(bytes);
    }
}
