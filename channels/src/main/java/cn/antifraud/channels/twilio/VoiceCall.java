package cn.antifraud.channels.twilio;

/**
 * Where one phone call stands: the menu or the conversation ({@code mode}), how many silences in a row,
 * what to repeat, a number waiting to be confirmed, and the case number already announced.
 */
record VoiceCall(String callSid, String from, String mode, int misses, String lastPrompt, String pending,
                 boolean offersOwnNumber, String caseNo) {
    static final String MENU = "menu";
    static final String BOT = "bot";
    static final String CONFIRM = "confirm";

    static VoiceCall start(String callSid, String from) {
        return new VoiceCall(callSid, from, MENU, 0, VoiceScript.MENU, null, false, null);
    }

    VoiceCall missed() {
        return new VoiceCall(callSid, from, mode, misses + 1, lastPrompt, pending, offersOwnNumber, caseNo);
    }

    VoiceCall prompted(String nextMode, String prompt, boolean ownNumber) {
        return new VoiceCall(callSid, from, nextMode, 0, prompt, null, ownNumber, caseNo);
    }

    VoiceCall confirming(String text, String prompt) {
        return new VoiceCall(callSid, from, CONFIRM, 0, prompt, text, offersOwnNumber, caseNo);
    }

    VoiceCall withCase(String number) {
        return new VoiceCall(callSid, from, mode, misses, lastPrompt, pending, offersOwnNumber, number);
    }
}
