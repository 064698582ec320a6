package cn.antifraud.core.dialogue;

/**
 * Residents sometimes forward a message in English (or another language) as it arrived. The checks and the
 * advice are written for Chinese, so such a message gets a short note in Chinese and English before whatever
 * its numbers and links show.
 */
final class LanguageNote {
    static final String TEXT = "提示：本服务目前只支持中文，对其他语言的内容只能检查里面的号码、链接和账号，判断可能不完整。"
        + "如有疑问，可以用中文描述一下情况，或者直接拨打96110咨询。\n"
        + "Note: this service works in Chinese. For messages in other languages it can only check the phone numbers, "
        + "links and accounts they contain. If in doubt, call 96110.";

    private LanguageNote() {
    }

    /** The note, plus the numbers and links found in the message (the part of the check that works in any language). */
    static String text(java.util.List<cn.antifraud.core.analysis.Indicator> indicators) {
        if (indicators.isEmpty()) {
            return TEXT;
        }
        java.util.List<String> found = new java.util.ArrayList<>();
        for (var i : indicators) {
            found.add(VerdictReplies.label(i) + " " + i.masked());
        }
        return TEXT + "\n\n我在这条信息里找到了：" + String.join("；", found) + "。不认识的号码和链接请不要联系、不要点开。";
    }

    /** No Chinese at all, but at least three words (or a dozen letters, for scripts without spaces) of another language. */
    static boolean needed(String text) {
        String words = text.replaceAll("(?i)(https?://|www\\.)\\S+", " ");
        int letterWords = 0;
        int letters = 0;
        boolean inWord = false;
        for (int i = 0; i < words.length(); ) {
            int cp = words.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                return false;
            }
            boolean letter = Character.isLetter(cp);
            letters += letter ? 1 : 0;
            if (letter && !inWord) {
                letterWords++;
            }
            inWord = letter;
        }
        return letterWords >= 3 || letters >= 12;
    }
}
