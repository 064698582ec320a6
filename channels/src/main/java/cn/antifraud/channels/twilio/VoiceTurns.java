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
import cn.antifraud.core.report.ReportProgress;
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

    ConversationRouter router() {
        return router;
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
        if (keyed && "9".equals(input.replace("#", "")) || !keyed && VoiceScript.repeat(input)) {
            return Future.succeededFuture(VoiceTwiml.gather(call.lastPrompt(), action(), VoiceCall.CONFIRM.equals(call.mode())));
        }
        String text = keyed ? input.replace("#", "").replace("*", "") : input;
        return vertx.executeBlocking(() -> {
            String resolved = NumberedOptions.resolve(text,
                VoiceScript.keyed(router.store().lastOfferedOptions(sessionKey(call.from()))));
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
        boolean own = VoiceScript.asksForPhone(result.replies()) && PeopleDirectory.normalise(c.from()) != null;
        String prompt = said.isEmpty() ? "请继续说。" + VoiceScript.TYPE_WITH_HASH
            : said + (own ? VoiceScript.OWN_NUMBER : "") + (VoiceScript.asksForNumber(result.replies()) ? VoiceScript.TYPE_WITH_HASH : "");
        boolean needsOfficer = conv.state() == ConversationState.WAITING_OFFICER || conv.state() == ConversationState.OFFICER
            || conv.stopPayment();
        if (needsOfficer && c.handoff() == null) {
            if (effects.officerPhone() != null) {
                calls.save(c.prompted(VoiceCall.BOT, VoiceScript.MENU, false));
                // the transfer comes first: an officer takes the stop-payment details better than a list read out
                return transfer(conv);
            }
            if (conv.stopPayment()) {
                return urgentWithoutOfficer(conv, c, prompt, own);
            }
            return offerMessage(conv, c, ReportProgress.inProgress(conv) ? prompt : null);
        }
        calls.save(c.prompted(VoiceCall.BOT, prompt, own));
        return VoiceTwiml.gather(prompt, action(), false);
    }

    /**
     * No officer line and money has just moved: the caller stays on the line until the receiving account, the
     * amount and a call-back number are taken, then hears when to expect the call back.
     */
    private String urgentWithoutOfficer(Conversation conv, VoiceCall c, String prompt, boolean own) {
        if (!ReportProgress.callBackReady(conv)) {
            calls.save(c.prompted(VoiceCall.BOT, prompt, own));
            return VoiceTwiml.gather(prompt, action(), false);
        }
        String phone = ReportProgress.callBackPhone(conv) != null ? ReportProgress.callBackPhone(conv) : c.from();
        note(conv, "来电人等待民警回电（紧急止付，已登记回电任务）。");
        effects.callbacks().record(conv.sessionKey(), phone, "voice_stop_payment", null, c.callSid());
        calls.save(c.prompted(VoiceCall.MENU, VoiceScript.MENU, false).handedOff(VoiceCall.OFFERED));
        return VoiceTwiml.end(VoiceScript.callBackPromise(phone));
    }

    /** Nobody to transfer to: a call-back task, and the offer to leave a recorded message for it. */
    private String offerMessage(Conversation conv, VoiceCall c, String back) {
        note(conv, "来电人等待民警回电（已登记回电任务）。");
        effects.callbacks().record(conv.sessionKey(), c.from(), "voice_transfer", null, c.callSid());
        calls.save(c.offering(VoiceCall.MESSAGE_OFFER, VoiceScript.MESSAGE_OFFER, back).handedOff(VoiceCall.OFFERED));
        return VoiceTwiml.gather(VoiceScript.MESSAGE_OFFER, action(), true);
    }

    private String transfer(Conversation conv) {
        note(conv, "来电已转接值班民警。");
        return VoiceTwiml.transfer("", effects.officerPhone());
    }

    private void note(Conversation conv, String text) {
        router.say(conv, Message.SYSTEM, text)
            .onFailure(e -> LOG.warning("transfer note not stored: " + e.getClass().getSimpleName()));
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
