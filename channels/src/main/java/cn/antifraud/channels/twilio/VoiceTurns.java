package cn.antifraud.channels.twilio;

import cn.antifraud.channels.http.PublicUrl;
import cn.antifraud.channels.text.NumberedOptions;
import cn.antifraud.core.conversation.Conversation;
import cn.antifraud.core.conversation.ConversationRouter;
import cn.antifraud.core.conversation.ConversationState;
import cn.antifraud.core.conversation.InboundMessage;
import cn.antifraud.core.conversation.Message;
import cn.antifraud.core.conversation.TurnResult;
import cn.antifraud.core.dialogue.Options;
import cn.antifraud.core.people.PeopleDirectory;
import cn.antifraud.core.storage.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The conversation part of a call: what the caller said or typed goes to the bot (numbers read back for
 * confirmation first), and the bot's replies are spoken; when the conversation needs an officer the call
 * is transferred (or, with no officer line, the caller is promised a call back).
 */
public final class VoiceTurns {
    private static final Logger LOG = Logger.getLogger(VoiceTurns.class.getName());

    /** What a call can cause besides speech: linking the caller, SMS confirmations, call-back tasks, transfers. */
    public record Effects(Store store, PeopleDirectory people, SmsSender sms, CallbackTasks callbacks, String officerPhone) {
    }

    private final Vertx vertx;
    private final ConversationRouter router;
    private final VoiceCalls calls;
    private final Effects effects;
    private final PublicUrl publicUrl;

    VoiceTurns(Vertx vertx, ConversationRouter router, VoiceCalls calls, Effects effects, PublicUrl publicUrl) {
        this.vertx = vertx;
        this.router = router;
        this.calls = calls;
        this.effects = effects;
        this.publicUrl = publicUrl;
    }

    Effects effects() {
        return effects;
    }

    static String sessionKey(String from) {
        return InboundMessage.VOICE + ":" + from;
    }

    /** Free input in the conversation: the caller's own number on 「*」, option numbers, numbers to confirm. */
    Future<String> converse(VoiceCall call, String input, boolean keyed) {
        if (keyed && input.startsWith("*") && call.offersOwnNumber()) {
            return route(call, call.from());
        }
        if (keyed && "0".equals(input.replace("#", ""))) {
            return route(call, Options.OFFICER);
        }
        String text = keyed ? input.replace("#", "").replace("*", "") : input;
        return vertx.executeBlocking(() -> {
            String resolved = NumberedOptions.resolve(text, router.store().lastOfferedOptions(sessionKey(call.from())));
            boolean typedNumber = keyed && text.matches("\\d{3,}");
            if (resolved.equals(text) && (typedNumber || VoiceScript.hasLongNumber(text))) {
                String prompt = VoiceScript.confirmNumber(text);
                calls.save(call.confirming(text, prompt));
                return new String[] {null, VoiceTwiml.gather(prompt, action(), true)};
            }
            return new String[] {resolved, null};
        }, false).compose(r -> r[0] == null ? Future.succeededFuture(r[1]) : route(call, r[0]));
    }

    /** Sends the text to the bot and speaks its answer, or transfers the call when an officer is needed. */
    Future<String> route(VoiceCall call, String text) {
        return router.handle(new InboundMessage(InboundMessage.VOICE, call.from(), text, null, Instant.now()))
            .compose(result -> vertx.executeBlocking(() -> render(call, result), false));
    }

    private String render(VoiceCall call, TurnResult result) {
        VoiceCall c = call;
        String said = VoiceScript.speak(result.replies());
        if (result.caseNo() != null && !result.caseNo().equals(c.caseNo())) {
            c = c.withCase(result.caseNo());
            confirmCase(c.from(), result.caseNo());
        }
        Conversation conv = result.conversation();
        if (conv.state() == ConversationState.WAITING_OFFICER || conv.state() == ConversationState.OFFICER || conv.stopPayment()) {
            calls.save(c.prompted(VoiceCall.BOT, VoiceScript.MENU, false));
            // the urgent steps (stop-payment) are worth hearing before the transfer; a plain hand-off text is not
            return transfer(conv, c, conv.stopPayment() ? said : "");
        }
        boolean own = VoiceScript.asksForPhone(result.replies()) && PeopleDirectory.normalise(c.from()) != null;
        String prompt = said.isEmpty() ? "请继续说。" + VoiceScript.TYPE_WITH_HASH
            : said + (own ? VoiceScript.OWN_NUMBER : "") + (VoiceScript.asksForNumber(result.replies()) ? VoiceScript.TYPE_WITH_HASH : "");
        calls.save(c.prompted(VoiceCall.BOT, prompt, own));
        return VoiceTwiml.gather(prompt, action(), false);
    }

    private String transfer(Conversation conv, VoiceCall call, String said) {
        String phone = effects.officerPhone();
        router.say(conv, Message.SYSTEM, phone != null ? "来电已转接值班民警。" : "来电人等待民警回电（已登记回电任务）。")
            .onFailure(e -> LOG.warning("transfer note not stored: " + e.getClass().getSimpleName()));
        if (phone != null) {
            return VoiceTwiml.transfer(said, phone);
        }
        effects.callbacks().record(conv.sessionKey(), call.from(), "voice_transfer", null);
        return VoiceTwiml.hold(said);
    }

    private void confirmCase(String from, String caseNo) {
        effects.people().linkCase(from, caseNo);
        if (PeopleDirectory.normalise(from) == null) {
            return;
        }
        effects.sms().send(from, "【反诈热线】您的报案已登记，案件编号：" + caseNo + "。请保存好这条短信，民警会通过这个号码和您联系。"
                + "查询进度或补充情况，请拨打96110或回复本短信。", "case_confirmation", sessionKey(from))
            .onFailure(e -> LOG.warning("case confirmation SMS not sent: " + SmsSender.describe(e)));
    }

    private String action() {
        return publicUrl.of("/twilio/voice/gather");
    }
}
