package cn.antifraud.channels.wechat;

import cn.antifraud.channels.http.ApiError;
import cn.antifraud.channels.http.HttpChannel;
import cn.antifraud.channels.http.Requests;
import cn.antifraud.channels.ops.Metrics;
import cn.antifraud.core.conversation.ConversationRouter;
import cn.antifraud.core.conversation.Events;
import cn.antifraud.core.conversation.InboundMessage;
import cn.antifraud.core.conversation.Message;
import cn.antifraud.core.storage.Store;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The WeChat Official Account callback: {@code GET /wechat} URL verification and {@code POST /wechat}
 * messages, both signed with WECHAT_TOKEN; safe mode (AES) when WECHAT_AES_KEY is set. Officers' messages
 * in WeChat conversations go out as customer-service messages.
 */
public final class WeChatChannel implements HttpChannel {
    static final String OFFICER_PREFIX = "【民警回复】";
    private static final Logger LOG = Logger.getLogger(WeChatChannel.class.getName());

    private final WeChatConfig config;
    private final WeChatCrypto crypto;
    private final WeChatApi api;
    private final WeChatTurns turns;
    private final Metrics metrics;
    private final Vertx vertx;
    private final WeChatNonces nonces;
    private final Clock clock;

    /** {@code store} holds the access token every node shares. */
    public WeChatChannel(Vertx vertx, ConversationRouter router, WeChatConfig config, Metrics metrics, Store store,
                         WeChatNonces nonces, Clock clock) {
        this.vertx = vertx;
        this.nonces = nonces;
        this.clock = clock;
        this.config = config;
        this.crypto = config.aesKey() == null ? null : new WeChatCrypto(config.aesKey(), config.appId());
        this.api = new WeChatApi(vertx, config, new WeChatTokens(store));
        this.turns = new WeChatTurns(vertx, router, api, config.passiveReplyMillis());
        this.metrics = metrics;
        // Local: in a cluster only the node that stored an officer's message sends it to WeChat, once.
        vertx.eventBus().<JsonObject>localConsumer(Events.MESSAGE_ADDED, m -> relay(m.body()));
    }

    @Override
    public void mount(Router r) {
        r.get("/wechat").handler(this::verify);
        r.post("/wechat").handler(this::message);
    }

    private void verify(RoutingContext ctx) {
        checkSignature(ctx);
        String echo = ctx.queryParams().get("echostr");
        if (echo == null) {
            throw ApiError.badRequest("missing_field", "缺少参数 echostr");
        }
        firstUse(ctx, ("GET\n" + echo).getBytes(StandardCharsets.UTF_8), () ->
            ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(echo));
    }

    private void message(RoutingContext ctx) {
        checkSignature(ctx);
        var body = ctx.body().buffer();
        byte[] bytes = body == null ? new byte[0] : body.getBytes();
        firstUse(ctx, bytes, () -> answer(ctx));
    }

    /**
     * Refuses a signed (timestamp, nonce) pair used before for a different request: an old query string
     * (from a GET verification, or any earlier callback) must not carry a new body.
     */
    private void firstUse(RoutingContext ctx, byte[] request, Runnable then) {
        if (!config.verifiesSignatures()) {
            then.run();
            return;
        }
        long timestamp = Long.parseLong(ctx.queryParams().get("timestamp"));
        String nonce = ctx.queryParams().get("nonce");
        String hash = sha256(ctx.request().method().name(), request);
        vertx.executeBlocking(() -> nonces.accept(timestamp, nonce, hash), false).onFailure(ctx::fail).onSuccess(fresh -> {
            if (!fresh) {
                ctx.fail(new ApiError(403, "replayed_request", "这个微信回调已经用过，已拒绝"));
                return;
            }
            try {
                then.run();
            } catch (RuntimeException e) {
                ctx.fail(e);
            }
        });
    }

    private static String sha256(String method, byte[] body) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(method.getBytes(StandardCharsets.UTF_8));
            d.update((byte) '\n');
            return HexFormat.of().formatHex(d.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(RoutingContext ctx) {
        var body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw ApiError.badRequest("empty_body", "请求内容为空");
        }
        if (body.length() > WeChatXml.MAX_BYTES) {
            throw new ApiError(413, "body_too_large", "请求内容太大");
        }
        Map<String, String> outer = xml(Requests.utf8(body));
        String encrypt = outer.get("Encrypt");
        boolean safe = crypto != null && (encrypt != null || "aes".equals(ctx.queryParams().get("encrypt_type")));
        if (safe && encrypt == null) {
            // a safe-mode callback without Encrypt would skip msg_signature, the only signature over the body
            throw new ApiError(403, "invalid_signature", "安全模式下消息必须加密（Encrypt）");
        }
        Map<String, String> msg = safe ? xml(decrypt(ctx, encrypt)) : outer;
        metrics.count("antifraud.messages", "channel", "wechat");
        turns.answer(msg).onSuccess(reply -> {
            String out = safe && !WeChatTurns.SUCCESS.equals(reply) ? seal(ctx, reply) : reply;
            ctx.response().putHeader("Content-Type", WeChatTurns.SUCCESS.equals(out) ? "text/plain; charset=utf-8"
                : "application/xml; charset=utf-8").end(out);
        }).onFailure(ctx::fail);
    }

    /**
     * signature = sha1(sort(token, timestamp, nonce)), required whenever WECHAT_TOKEN is set, with a timestamp within
     * WECHAT_MAX_SKEW_SECONDS of now (an old signed query string proves nothing about today's request).
     */
    private void checkSignature(RoutingContext ctx) {
        if (!config.verifiesSignatures()) {
            return;
        }
        var q = ctx.queryParams();
        String timestamp = q.get("timestamp");
        String nonce = q.get("nonce");
        if (timestamp == null || nonce == null || q.getAll("timestamp").size() > 1 || q.getAll("nonce").size() > 1
            || nonce.length() > 64 || !timestamp.matches("\\d{1,12}")
            || !WeChatCrypto.matches(WeChatCrypto.signature(config.token(), timestamp, nonce), q.get("signature"))) {
            throw new ApiError(403, "invalid_signature", "微信签名无效");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        if (skew > config.maxSkewSeconds()) {
            throw new ApiError(403, "stale_timestamp", "微信回调的时间戳已过期");
        }
    }

    private String decrypt(RoutingContext ctx, String encrypt) {
        var q = ctx.queryParams();
        String expected = WeChatCrypto.signature(config.token() == null ? "" : config.token(),
            q.get("timestamp") == null ? "" : q.get("timestamp"), q.get("nonce") == null ? "" : q.get("nonce"), encrypt);
        if (!WeChatCrypto.matches(expected, q.get("msg_signature"))) {
            throw new ApiError(403, "invalid_signature", "微信消息签名无效（msg_signature）");
        }
        try {
            return crypto.decrypt(encrypt);
        } catch (IllegalArgumentException e) {
            throw new ApiError(403, "invalid_ciphertext", "无法解密微信消息");
        }
    }

    /** Encrypts a passive reply and signs it with the request's timestamp and nonce. */
    private String seal(RoutingContext ctx, String reply) {
        String timestamp = ctx.queryParams().get("timestamp");
        String nonce = ctx.queryParams().get("nonce");
        String enc = crypto.encrypt(reply);
        return WeChatXml.encrypted(enc, WeChatCrypto.signature(config.token(), timestamp, nonce, enc), timestamp, nonce);
    }

    private static Map<String, String> xml(String text) {
        try {
            return WeChatXml.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("malformed_xml", "消息不是有效的微信 XML");
        }
    }

    private void relay(JsonObject event) {
        JsonObject m = event.getJsonObject("message");
        if (!InboundMessage.WECHAT.equals(event.getString("channel")) || m == null || !Message.OFFICER.equals(m.getString("sender"))) {
            return;
        }
        api.sendText(event.getString("address"), OFFICER_PREFIX + m.getString("text"))
            .onFailure(e -> LOG.warning("officer message to WeChat not sent: " + e.getMessage()));
    }
}
