package cn.antifraud.channels.twilio;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Record;
import com.twilio.twiml.voice.Say;
import java.util.List;

/** The voice line's TwiML: Mandarin speech or keypad gathering, transfers, goodbyes. */
final class VoiceTwiml {
    static final Say.Voice VOICE = Say.Voice.POLLY_ZHIYU_NEURAL;

    private VoiceTwiml() {
    }

    static Say say(String text) {
        return new Say.Builder(text).language(Say.Language.CMN_CN).voice(VOICE).build();
    }

    /** Speaks the prompt inside a Gather (the caller may interrupt) and posts whatever comes back to {@code action}. */
    static String gather(String prompt, String action, boolean menu) {
        // 9 repeats at every question, so every question says so
        String spoken = prompt.contains(VoiceScript.REPEAT) ? prompt : prompt + VoiceScript.REPEAT;
        Gather.Builder g = new Gather.Builder().inputs(List.of(Gather.Input.SPEECH, Gather.Input.DTMF))
            .language(Gather.Language.CMN_HANS_CN).hints(VoiceScript.HINTS).action(action).method(HttpMethod.POST)
            .timeout(6).speechTimeout("auto").actionOnEmptyResult(true).say(say(spoken));
        if (menu) {
            g.numDigits(1);
        } else {
            g.finishOnKey("#");
        }
        return new VoiceResponse.Builder().gather(g.build()).build().toXml();
    }

    static String goodbye(String before) {
        VoiceResponse.Builder r = new VoiceResponse.Builder();
        if (before != null && !before.isBlank()) {
            r.say(say(before));
        }
        return r.say(say(VoiceScript.GOODBYE)).hangup(new Hangup.Builder().build()).build().toXml();
    }

    /** Says what the bot answered, then dials the officer; if the call to the officer ends, promises a call back. */
    static String transfer(String before, String officerPhone) {
        VoiceResponse.Builder r = new VoiceResponse.Builder();
        if (before != null && !before.isBlank()) {
            r.say(say(before));
        }
        return r.say(say(VoiceScript.CONNECTING)).dial(new Dial.Builder(officerPhone).timeout(30).build())
            .say(say(VoiceScript.NOT_CONNECTED)).hangup(new Hangup.Builder().build()).build().toXml();
    }

    /**
     * A message for the officers: what the caller says after the beep goes to {@code action} (and the
     * finished recording to {@code statusCallback}); an empty recording falls through to the promise after it.
     */
    static String record(String action, String statusCallback) {
        return new VoiceResponse.Builder().say(say(VoiceScript.RECORD_NOW))
            .record(new Record.Builder().action(action).method(HttpMethod.POST).maxLength(120).timeout(5).finishOnKey("#")
                .playBeep(true).recordingStatusCallback(statusCallback).recordingStatusCallbackMethod(HttpMethod.POST).build())
            .say(say(VoiceScript.NO_MESSAGE)).hangup(new Hangup.Builder().build()).build().toXml();
    }

    /** Words and a hang-up, with no question: the call ends here. */
    static String end(String words) {
        return new VoiceResponse.Builder().say(say(words)).hangup(new Hangup.Builder().build()).build().toXml();
    }

    /** No officer line configured: a hold message and a call-back promise. */
    static String hold(String before) {
        VoiceResponse.Builder r = new VoiceResponse.Builder();
        if (before != null && !before.isBlank()) {
            r.say(say(before));
        }
        return r.say(say(VoiceScript.HOLD)).hangup(new Hangup.Builder().build()).build().toXml();
    }
}
