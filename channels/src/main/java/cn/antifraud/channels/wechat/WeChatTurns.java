package cn.antifraud.channels.wechat;

import cn.antifraud.channels.http.Deliveries;
import cn.antifraud.channels.text.NumberedOptions;
import cn.antifraud.channels.text.TextChunks;
import cn.antifraud.core.conversation.ConversationRouter;
import cn.antifraud.core.conversation.InboundMessage;
import cn.antifraud.core.conversation.Reply;
import cn.antifraud.core.conversation.TurnResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One WeChat message to its answer: text goes through the bot and comes back as a passive reply if it is
 * ready within the passive window, else the webhook answers {@code success} and the answer follows as a
 * customer-service message. Retries (same MsgId, or FromUserName+CreateTime for events) get the first answer.
 */
final class WeChatTurns {
    static final String SUCCESS = "success";
    static final int MAX_PASSIVE = 600;
    static final String WELCOME = "您好，欢迎关注反诈助手！我可以帮您：\n1. 辨别诈骗：把可疑的短信、聊天记录、电话号码或链接直接发给我；\n"
        + "2. 报案：被骗了请回复「我要报案」，我一步步帮您登记；\n3. 找民警：回复「转人工」，值班民警会在这里回复您；\n"
        + "4. 学防骗知识：回复「学习防骗知识」。\n如果刚刚转了账，请马上拨打110或96110。";
    static final String TEXT_ONLY = "我现在只能看懂文字消息。请把可疑的内容用文字发给我，或者把对方的电话号码、链接直接粘贴过来。";
    private static final Logger LOG = Logger.getLogger(WeChatTurns.class.getName());

    private final Vertx vertx;
    private final ConversationRouter router;
    private final WeChatApi api;
    private final Deliveries deliveries;
    private final long passiveMillis;

    WeChatTurns(Vertx vertx, ConversationRouter router, WeChatApi api, long passiveMillis) {
        this.vertx = vertx;
        this.router = router;
        this.api = api;
        this.deliveries = new Deliveries(vertx, router.store());
        this.passiveMillis = passiveMillis;
    }

    /** The plain (unencrypted) answer to one message: passive reply XML or {@code success}. */
    Future<String> answer(Map<String, String> msg) {
        String user = msg.getOrDefault("FromUserName", "");
        String account = msg.getOrDefault("ToUserName", "");
        String type = msg.getOrDefault("MsgType", "");
        if (user.isBlank()) {
            return Future.succeededFuture(SUCCESS);
        }
        switch (type) {
            case "event":
                if (!"subscribe".equalsIgnoreCase(msg.getOrDefault("Event", ""))) {
                    return Future.succeededFuture(SUCCESS);
                }
                return once(user + ":" + msg.getOrDefault("CreateTime", ""), () -> passive(user, account, WELCOME));
            case "text":
                return text(user, account, msg.getOrDefault("Content", ""), msg.get("MsgId"));
            case "voice":
                String heard = msg.getOrDefault("Recognition", "");
                return heard.isBlank() ? Future.succeededFuture(passive(user, account, TEXT_ONLY))
                    : text(user, account, heard, msg.get("MsgId"));
            default:
                return Future.succeededFuture(passive(user, account, TEXT_ONLY));
        }
    }

    private Future<String> text(String user, String account, String content, String msgId) {
        if (content.isBlank()) {
            return Future.succeededFuture(SUCCESS);
        }
        String text = content.length() > 2000 ? content.substring(0, 2000) : content;
        Promise<String> reply = Promise.promise();
        long timer = vertx.setTimer(Math.max(1, passiveMillis), t -> reply.tryComplete(SUCCESS));
        vertx.executeBlocking(() -> NumberedOptions.resolve(text, router.store().lastOfferedOptions(InboundMessage.WECHAT + ":" + user)), false)
            .compose(resolved -> router.handle(new InboundMessage(InboundMessage.WECHAT, user, resolved, msgId, Instant.now())))
            .onComplete(ar -> {
                if (ar.failed()) {
                    vertx.cancelTimer(timer);
                    reply.tryFail(ar.cause());
                } else if (ar.result().duplicate()) {
                    vertx.cancelTimer(timer);
                    deliveries.replyOf(InboundMessage.WECHAT, msgId, SUCCESS).onComplete(r -> reply.tryComplete(
                        r.succeeded() ? r.result() : SUCCESS));
                } else {
                    deliver(user, account, msgId, ar.result(), reply, timer);
                }
            });
        return reply.future();
    }

    private void deliver(String user, String account, String msgId, TurnResult result, Promise<String> reply, long timer) {
        List<String> parts = TextChunks.split(plain(result.replies()), MAX_PASSIVE);
        if (parts.isEmpty()) {
            vertx.cancelTimer(timer);
            save(msgId, SUCCESS).onComplete(v -> reply.tryComplete(SUCCESS));
            return;
        }
        String xml = passive(user, account, parts.get(0));
        if (vertx.cancelTimer(timer) && reply.tryComplete(xml)) {
            save(msgId, xml);
            sendAll(user, parts.subList(1, parts.size()));
        } else {
            save(msgId, SUCCESS);
            sendAll(user, parts);
        }
    }

    private Future<Void> save(String msgId, String reply) {
        return vertx.executeBlocking(() -> {
            deliveries.save(InboundMessage.WECHAT, msgId, reply);
            return null;
        }, false);
    }

    private void sendAll(String user, List<String> texts) {
        Future<Void> chain = Future.succeededFuture();
        for (String t : texts) {
            chain = chain.compose(v -> api.sendText(user, t));
        }
        chain.onFailure(e -> LOG.warning("customer-service message not sent: " + e.getMessage()));
    }

    private Future<String> once(String deliveryId, java.util.concurrent.Callable<String> render) {
        return vertx.executeBlocking(() -> {
            if (!router.store().claimDelivery(InboundMessage.WECHAT, deliveryId)) {
                return null;
            }
            String xml = render.call();
            deliveries.save(InboundMessage.WECHAT, deliveryId, xml);
            return xml;
        }, false).compose(xml -> xml != null ? Future.succeededFuture(xml)
            : deliveries.replyOf(InboundMessage.WECHAT, deliveryId, SUCCESS));
    }

    static String plain(List<Reply> replies) {
        return replies.stream().map(Reply::plainText).collect(Collectors.joining("\n\n"));
    }

    static String passive(String user, String account, String content) {
        return WeChatXml.text(user, account, Instant.now().getEpochSecond(), content);
    }
}
