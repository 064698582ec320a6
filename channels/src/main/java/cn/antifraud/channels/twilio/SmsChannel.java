package cn.antifraud.channels.twilio;

import cn.antifraud.channels.http.ApiError;
import cn.antifraud.channels.http.Deliveries;
import cn.antifraud.channels.http.HttpChannel;
import cn.antifraud.channels.ops.Metrics;
import cn.antifraud.channels.text.NumberedOptions;
import cn.antifraud.core.conversation.ConversationRouter;
import cn.antifraud.core.conversation.InboundMessage;
import cn.antifraud.core.conversation.TurnResult;
import cn.antifraud.core.people.PeopleDirectory;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Twilio SMS: {@code POST /twilio/sms} turns Twilio's form parameters into an inbound message and answers
 * TwiML; {@code POST /twilio/sms/status} records delivery statuses of outbound SMS. 「退订」/STOP and
 * START/「订阅」 are handled here (they are about this channel, not the conversation).
 */
public final class SmsChannel implements HttpChannel {
    static final String STOPPED = "您已退订反诈热线的短信，之后不会再收到我们的短信。需要恢复时，回复「订阅」或START即可。"
        + "遇到可疑情况请拨打反诈专线96110，紧急情况请拨打110。";
    static final String RESTARTED = "您已重新订阅反诈热线短信。收到可疑的短信、电话号码或链接，直接发给我，我帮您看看是不是诈骗。";

    private final Vertx vertx;
    private final ConversationRouter router;
    private final PeopleDirectory people;
    private final SmsSender sender;
    private final TwilioSignatures signatures;
    private final Deliveries deliveries;
    private final Metrics metrics;

    public SmsChannel(Vertx vertx, ConversationRouter router, PeopleDirectory people, SmsSender sender,
                      TwilioSignatures signatures, Metrics metrics) {
        this.vertx = vertx;
        this.router = router;
        this.people = people;
        this.sender = sender;
        this.signatures = signatures;
        this.deliveries = new Deliveries(vertx, router.store());
        this.metrics = metrics;
    }

    @Override
    public void mount(Router r) {
        r.post("/twilio/sms").handler(this::inbound);
        r.post("/twilio/sms/status").handler(this::status);
    }

    private void inbound(RoutingContext ctx) {
        signatures.check(ctx);
        MultiMap form = ctx.request().formAttributes();
        String from = form.get("From");
        if (from == null || from.isBlank()) {
            throw ApiError.badRequest("missing_field", "缺少参数 From");
        }
        String body = form.get("Body") == null ? "" : form.get("Body");
        metrics.inc("antifraud_messages_total", "channel=\"sms\"");
        handle(from.strip(), body, form.get("MessageSid"))
            .onSuccess(xml -> ctx.response().putHeader("Content-Type", "text/xml; charset=utf-8").end(xml))
            .onFailure(ctx::fail);
    }

    Future<String> handle(String from, String body, String sid) {
        SmsOptOuts optOuts = sender.optOuts();
        if (SmsOptOuts.isStop(body)) {
            return command(sid, () -> {
                optOuts.optOut(from);
                return SmsTwiml.text(STOPPED);
            });
        }
        if (SmsOptOuts.isStart(body)) {
            return command(sid, () -> {
                optOuts.optIn(from);
                return SmsTwiml.text(RESTARTED);
            });
        }
        String sessionKey = InboundMessage.SMS + ":" + from;
        String text = body.isBlank() ? "（空白短信）" : body;
        return vertx.executeBlocking(() -> NumberedOptions.resolve(text, router.store().lastOfferedOptions(sessionKey)), false)
            .compose(resolved -> router.handle(new InboundMessage(InboundMessage.SMS, from, resolved, sid, Instant.now())))
            .compose(result -> result.duplicate() ? deliveries.replyOf(InboundMessage.SMS, sid, SmsTwiml.render(result.replies()))
                : vertx.executeBlocking(() -> answer(from, sid, result), false));
    }

    private String answer(String from, String sid, TurnResult result) {
        String xml = sender.optOuts().isOptedOut(from) ? SmsTwiml.empty() : SmsTwiml.render(result.replies());
        deliveries.save(InboundMessage.SMS, sid, xml);
        people.linkSession(from, InboundMessage.SMS + ":" + from);
        if (result.caseNo() != null) {
            people.linkCase(from, result.caseNo());
        }
        return xml;
    }

    /** A channel command (STOP/START): applied once per MessageSid, the same answer on a retry. */
    private Future<String> command(String sid, Callable<String> action) {
        return vertx.executeBlocking(() -> {
            if (sid != null && !router.store().claimDelivery(InboundMessage.SMS, sid)) {
                return null;
            }
            String xml = action.call();
            deliveries.save(InboundMessage.SMS, sid, xml);
            return xml;
        }, false).compose(xml -> xml != null ? Future.succeededFuture(xml)
            : deliveries.replyOf(InboundMessage.SMS, sid, SmsTwiml.empty()));
    }

    private void status(RoutingContext ctx) {
        signatures.check(ctx);
        MultiMap form = ctx.request().formAttributes();
        String sid = form.get("MessageSid");
        String status = form.get("MessageStatus") != null ? form.get("MessageStatus") : form.get("SmsStatus");
        if (sid == null || status == null) {
            throw ApiError.badRequest("missing_field", "缺少参数 MessageSid 或 MessageStatus");
        }
        vertx.executeBlocking(() -> {
            sender.recordStatus(sid, status, form.get("ErrorCode"));
            return null;
        }, false).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }
}
