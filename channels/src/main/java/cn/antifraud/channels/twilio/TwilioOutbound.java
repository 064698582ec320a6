package cn.antifraud.channels.twilio;

import cn.antifraud.core.conversation.Events;
import cn.antifraud.core.conversation.InboundMessage;
import cn.antifraud.core.conversation.Message;
import cn.antifraud.core.people.PeopleDirectory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.logging.Logger;

/**
 * Officers' (and system) messages in SMS and voice conversations go back out by SMS: the bot's own replies
 * already went out as TwiML, so only messages an officer (or the system, for follow-ups) wrote are sent.
 * A voice caller gets the officer's reply by SMS when the number can take one, else a call-back task.
 */
public final class TwilioOutbound {
    private static final Logger LOG = Logger.getLogger(TwilioOutbound.class.getName());
    static final String SMS_PREFIX = "【反诈热线】";
    static final String VOICE_PREFIX = "【反诈热线】关于您刚才的来电，民警回复：";

    private final Vertx vertx;
    private final SmsSender sms;
    private final CallbackTasks callbacks;

    public TwilioOutbound(Vertx vertx, SmsSender sms, CallbackTasks callbacks) {
        this.vertx = vertx;
        this.sms = sms;
        this.callbacks = callbacks;
    }

    /** Starts listening to {@link Events#MESSAGE_ADDED}. */
    public TwilioOutbound listen() {
        // Local: in a cluster every node hears every message; only the node that stored it sends the SMS, once.
        vertx.eventBus().<JsonObject>localConsumer(Events.MESSAGE_ADDED, m -> onMessage(m.body()));
        return this;
    }

    void onMessage(JsonObject event) {
        JsonObject message = event.getJsonObject("message");
        String sender = message == null ? null : message.getString("sender");
        String channel = event.getString("channel");
        String address = event.getString("address");
        String sessionKey = event.getString("sessionKey");
        if (InboundMessage.SMS.equals(channel) && (Message.OFFICER.equals(sender) || Message.SYSTEM.equals(sender))) {
            sms.send(address, SMS_PREFIX + message.getString("text"), sender, sessionKey)
                .onFailure(e -> LOG.warning("officer SMS not sent: " + SmsSender.describe(e)));
        } else if (InboundMessage.VOICE.equals(channel) && Message.OFFICER.equals(sender)) {
            String text = message.getString("text");
            boolean textable = sms.canSend() && PeopleDirectory.normalise(address) != null;
            (textable ? sms.send(address, VOICE_PREFIX + text, sender, sessionKey).map(sids -> !sids.isEmpty())
                : Future.succeededFuture(false))
                .recover(e -> {
                    LOG.warning("officer SMS to a caller not sent: " + SmsSender.describe(e));
                    return Future.succeededFuture(false);
                })
                .compose(sent -> sent ? Future.succeededFuture()
                    : vertx.executeBlocking(() -> callbacks.record(sessionKey, address, "officer_reply", text), false))
                .onFailure(e -> LOG.warning("call-back task not recorded: " + e.getClass().getSimpleName()));
        }
    }
}
