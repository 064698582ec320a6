package cn.antifraud.channels.twilio;

/**
 * Where one phone call stands: the menu or the conversation ({@code mode}), how many silences in a row,
 * what to repeat, a number waiting to be confirmed, and the case number already announced.
 */
record VoiceCall(String callSid, String from, String mode, int misses, String lastPrompt, String pending,
                 boolean offersOwnNumber, String caseNo, String handoff) {
    static final String MENU = "menu";
    static final String BOT = "bot";
    static final String CONFIRM = "confirm";
    /** A new call whose number left a report half-filled: continue (1) or start again (2). */
    static final String RESUME = "resume";
    /** No officer reachable: leave a recorded message (1) or go on with the bot (2); {@code pending} is where to go back. */
    static final String MESSAGE_OFFER = "message_offer";
    /** {@code handoff}: the officer was offered (a call-back task exists), so later turns are not handed off again. */
    static final String OFFERED = "offered";

    static VoiceCall start(String callSid, String from) {
        return new VoiceCall(callSid, from, MENU, 0, VoiceScript.MENU, null, false, null, null);
    }

    VoiceCall missed() {
        return new VoiceCall(callSid, from, mode, misses + 1, lastPrompt, pending, offersOwnNumber, caseNo, handoff);
    }

    VoiceCall prompted(String nextMode, String prompt, boolean ownNumber) {
        return new VoiceCall(callSid, from, nextMode, 0, prompt, null, ownNumber, caseNo, handoff);
    }

    VoiceCall confirming(String text, String prompt) {
        return new VoiceCall(callSid, from, CONFIRM, 0, prompt, text, offersOwnNumber, caseNo, handoff);
    }

    /** Waits in {@code nextMode} with {@code back} kept as the prompt to return to. */
    VoiceCall offering(String nextMode, String prompt, String back) {
        return new VoiceCall(callSid, from, nextMode, 0, prompt, back, offersOwnNumber, caseNo, handoff);
    }

    VoiceCall withCase(String number) {
        return new VoiceCall(callSid, from, mode, misses, lastPrompt, pending, offersOwnNumber, number, handoff);
    }

    VoiceCall handedOff(String how) {
        return new VoiceCall(callSid, from, mode, misses, lastPrompt, pending, offersOwnNumber, caseNo, how);
    }
}
