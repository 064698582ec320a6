package cn.antifraud.channels.twilio;

import cn.antifraud.channels.http.ApiError;
import cn.antifraud.channels.http.HttpChannel;
import cn.antifraud.channels.http.PublicUrl;
import cn.antifraud.channels.ops.Metrics;
import cn.antifraud.channels.text.NumberedOptions;
import cn.antifraud.core.conversation.ConversationRouter;
import cn.antifraud.core.dialogue.Options;
import cn.antifraud.core.report.ReportProgress;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The Mandarin voice hotline: {@code POST /twilio/voice} greets and offers the menu; every answer (speech or
 * keypad) comes back to {@code POST /twilio/voice/gather}. Menu choices become the same quick-reply labels
 * the web chat sends, so the conversation, verify and report flows are the bot's own; the call is only
 * rendered as speech here (see {@link VoiceTurns} for the conversation part).
 */
public final class VoiceChannel implements HttpChannel {
    private final Vertx vertx;
    private final VoiceCalls calls;
    private final VoiceTurns turns;
    private final TwilioSignatures signatures;
    private final PublicUrl publicUrl;
    private final Metrics metrics;
    private volatile String greeting;

    public VoiceChannel(Vertx vertx, ConversationRouter router, VoiceTurns.Effects effects, TwilioSignatures signatures,
                        PublicUrl publicUrl, Metrics metrics) {
        this.vertx = vertx;
        this.calls = new VoiceCalls(effects.store());
        this.turns = new VoiceTurns(vertx, router, calls, effects, publicUrl);
        this.signatures = signatures;
        this.publicUrl = publicUrl;
        this.metrics = metrics;
    }

    @Override
    public void mount(Router r) {
        r.post("/twilio/voice").handler(this::start);
        r.post("/twilio/voice/gather").handler(this::gather);
        r.post("/twilio/voice/message").handler(this::message);
        r.post("/twilio/voice/message/status").handler(this::messageStatus);
    }

    private void start(RoutingContext ctx) {
        signatures.check(ctx);
        MultiMap form = ctx.request().formAttributes();
        String sid = required(form, "CallSid");
        String from = required(form, "From");
        metrics.count("antifraud.calls", "event", "start");
        vertx.executeBlocking(() -> {
            var open = turns.router().store().openConversation(VoiceTurns.sessionKey(from));
            if (open.isEmpty() || !ReportProgress.inProgress(open.get())) {
                return greeting();
            }
            // a report left half-filled by an earlier call: offer it before anything the caller says is taken as its answer
            String back = calls.lastPromptFrom(from, sid).orElse(null);
            calls.save(VoiceCall.start(sid, from).offering(VoiceCall.RESUME, VoiceScript.RESUME, back));
            return VoiceTwiml.gather(VoiceScript.GREETING + VoiceScript.RESUME, action(), true);
        }, false).onSuccess(xml -> twiml(ctx, xml)).onFailure(ctx::fail);
        vertx.executeBlocking(() -> {
            turns.effects().people().linkSession(from, VoiceTurns.sessionKey(from));
            return null;
        }, false).onFailure(e -> java.util.logging.Logger.getLogger(VoiceChannel.class.getName())
            .warning("caller not linked: " + e.getClass().getSimpleName()));
    }

    /** The recorded message's action: attach it to the call's call-back task and end the call. */
    private void message(RoutingContext ctx) {
        signatures.check(ctx);
        MultiMap form = ctx.request().formAttributes();
        String sid = required(form, "CallSid");
        String url = form.get("RecordingUrl");
        blocking(() -> {
            if (url != null && !url.isBlank()) {
                turns.effects().callbacks().attachRecording(sid, url.strip(), form.get("RecordingDuration"));
            }
            return VoiceTwiml.end(VoiceScript.MESSAGE_TAKEN);
        }).onSuccess(xml -> twiml(ctx, xml)).onFailure(ctx::fail);
    }

    /** Twilio's recording-status callback: the finished recording replaces what the action stored. */
    private void messageStatus(RoutingContext ctx) {
        signatures.check(ctx);
        MultiMap form = ctx.request().formAttributes();
        String sid = required(form, "CallSid");
        String url = form.get("RecordingUrl");
        blocking(() -> {
            if (url != null && !url.isBlank() && "completed".equals(form.get("RecordingStatus"))) {
                turns.effects().callbacks().attachRecording(sid, url.strip(), form.get("RecordingDuration"));
            }
            return "";
        }).onSuccess(x -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    private void gather(RoutingContext ctx) {
        signatures.check(ctx);
        MultiMap form = ctx.request().formAttributes();
        String sid = required(form, "CallSid");
        String from = required(form, "From");
        String digits = form.get("Digits") == null ? "" : form.get("Digits").strip();
        String speech = form.get("SpeechResult") == null ? "" : form.get("SpeechResult").strip();
        metrics.count("antifraud.calls", "event", "gather");
        vertx.executeBlocking(() -> calls.find(sid).orElse(VoiceCall.start(sid, from)), false)
            .compose(call -> step(call, digits, speech))
            .onSuccess(xml -> twiml(ctx, xml)).onFailure(ctx::fail);
    }

    Future<String> step(VoiceCall call, String digits, String speech) {
        boolean keyed = !digits.isEmpty();
        String input = keyed ? digits : NumberedOptions.normaliseDigits(speech);
        if (input.isEmpty()) {
            return blocking(() -> silence(call));
        }
        if (!keyed && VoiceScript.farewell(input)) {
            // the call's state stays as it was, so a report left half-filled is offered on the next call
            return Future.succeededFuture(VoiceTwiml.end(VoiceScript.FAREWELL));
        }
        return switch (call.mode()) {
            case VoiceCall.MENU -> menu(call, input, keyed);
            case VoiceCall.RESUME -> resume(call, input, keyed);
            case VoiceCall.MESSAGE_OFFER -> messageOffer(call, input, keyed);
            case VoiceCall.CONFIRM -> confirm(call, input, keyed);
            default -> turns.converse(call, input, keyed);
        };
    }

    private String silence(VoiceCall call) {
        VoiceCall c = call.missed();
        if (c.misses() <= 2) {
            calls.save(c);
            return VoiceTwiml.gather(VoiceScript.NOT_HEARD + c.lastPrompt(), action(), VoiceCall.MENU.equals(c.mode()));
        }
        if (c.misses() == 3) {
            calls.save(new VoiceCall(c.callSid(), c.from(), VoiceCall.MENU, c.misses(), VoiceScript.MENU, null, false, c.caseNo(),
                c.handoff()));
            return VoiceTwiml.gather(VoiceScript.OFFER_OFFICER, action(), true);
        }
        calls.save(c);
        return VoiceTwiml.goodbye(null);
    }

    private Future<String> menu(VoiceCall call, String input, boolean keyed) {
        String choice = keyed ? input.replace("#", "") : menuChoice(input);
        if (choice == null) {
            return turns.converse(call, input, false);
        }
        return switch (choice) {
            case "1" -> turns.route(call, Options.REPORT);
            case "2" -> blocking(() -> {
                calls.save(call.prompted(VoiceCall.BOT, VoiceScript.CHECK, false));
                return VoiceTwiml.gather(VoiceScript.CHECK, action(), false);
            });
            case "0", "3" -> turns.route(call, Options.OFFICER);
            case "9" -> blocking(() -> VoiceTwiml.gather(VoiceScript.MENU, action(), true));
            default -> blocking(() -> VoiceTwiml.gather(VoiceScript.NO_SUCH_OPTION + VoiceScript.MENU, action(), true));
        };
    }

    /** A half-filled report from an earlier call: 1 goes on where it stopped, 2 starts it again. */
    private Future<String> resume(VoiceCall call, String input, boolean keyed) {
        String s = input.replaceAll("[，。！？,.!?#\\s]", "");
        if ("1".equals(s) || !keyed && s.matches(".*(继续|接着).*")) {
            if (call.pending() == null) {
                // the question where it stopped is not known (an earlier call's state is gone): the flow says it again
                return turns.route(call.prompted(VoiceCall.BOT, VoiceScript.MENU, false), "没听明白");
            }
            return blocking(() -> {
                String prompt = VoiceScript.RESUMED + call.pending();
                calls.save(call.prompted(VoiceCall.BOT, prompt, false));
                return VoiceTwiml.gather(prompt, action(), false);
            });
        }
        if ("2".equals(s) || !keyed && s.matches(".*(重新|重来).*")) {
            return turns.route(call.prompted(VoiceCall.BOT, VoiceScript.MENU, false), ReportProgress.RESTART);
        }
        if ("9".equals(s) || !keyed && VoiceScript.repeat(s)) {
            return blocking(() -> VoiceTwiml.gather(VoiceScript.RESUME, action(), true));
        }
        return blocking(() -> VoiceTwiml.gather(VoiceScript.NO_SUCH_OPTION + VoiceScript.RESUME, action(), true));
    }

    /** No officer reachable: 1 records a message for the call-back, 2 goes back to where the caller was. */
    private Future<String> messageOffer(VoiceCall call, String input, boolean keyed) {
        String s = input.replaceAll("[，。！？,.!?#\\s]", "");
        if ("1".equals(s) || !keyed && s.matches(".*(留言|录音).*")) {
            return blocking(() -> {
                calls.save(call.prompted(VoiceCall.MENU, VoiceScript.MENU, false));
                return VoiceTwiml.record(publicUrl.of("/twilio/voice/message"), publicUrl.of("/twilio/voice/message/status"));
            });
        }
        if ("2".equals(s) || !keyed && s.matches(".*(接着|继续).*")) {
            return blocking(() -> {
                boolean back = call.pending() != null;
                String prompt = back ? call.pending() : VoiceScript.MENU;
                calls.save(call.prompted(back ? VoiceCall.BOT : VoiceCall.MENU, prompt, false));
                return VoiceTwiml.gather(prompt, action(), !back);
            });
        }
        if ("9".equals(s) || !keyed && VoiceScript.repeat(s)) {
            return blocking(() -> VoiceTwiml.gather(VoiceScript.MESSAGE_OFFER, action(), true));
        }
        return blocking(() -> VoiceTwiml.gather(VoiceScript.NO_SUCH_OPTION + VoiceScript.MESSAGE_OFFER, action(), true));
    }

    /** Short spoken menu answers; anything longer is what the caller wants to tell the bot. */
    static String menuChoice(String speech) {
        String s = speech.replaceAll("[，。！？,.!?\\s]", "");
        if (s.length() > 6) {
            return null;
        }
        if (s.matches(".*(民警|人工|警察|转接).*")) {
            return "0";
        }
        if (s.matches(".*(报案|报警|举报|被骗).*")) {
            return "1";
        }
        if (s.matches(".*(核实|查询|查一下|可疑).*")) {
            return "2";
        }
        return s.matches(".*(重复|再说|再听).*") ? "9" : null;
    }

    private Future<String> confirm(VoiceCall call, String input, boolean keyed) {
        String s = input.replaceAll("[，。！？,.!?#\\s]", "");
        boolean no = "2".equals(s) || s.matches(".*(不对|不是|错|重新).*");
        boolean yes = !no && ("1".equals(s) || s.matches("(对|是|是的|对的|正确|没错|嗯|好)+"));
        if (yes) {
            return turns.route(call, call.pending());
        }
        if (no) {
            return blocking(() -> {
                calls.save(call.prompted(VoiceCall.BOT, VoiceScript.CONFIRM_NO, call.offersOwnNumber()));
                return VoiceTwiml.gather(VoiceScript.CONFIRM_NO, action(), false);
            });
        }
        return turns.converse(call, input, keyed);
    }

    /** The greeting never changes once the public URL is known, so it is rendered once. */
    private String greeting() {
        String g = greeting;
        if (g == null) {
            g = VoiceTwiml.gather(VoiceScript.GREETING + VoiceScript.MENU, action(), true);
            greeting = g;
        }
        return g;
    }

    private String action() {
        return publicUrl.of("/twilio/voice/gather");
    }

    private Future<String> blocking(java.util.concurrent.Callable<String> work) {
        return vertx.executeBlocking(work, false);
    }

    private static String required(MultiMap form, String name) {
        String v = form.get(name);
        if (v == null || v.isBlank()) {
            throw ApiError.badRequest("missing_field", "缺少参数 " + name);
        }
        return v.strip();
    }

    private static void twiml(RoutingContext ctx, String xml) {
        ctx.response().putHeader("Content-Type", "text/xml; charset=utf-8").end(xml);
    }
}
