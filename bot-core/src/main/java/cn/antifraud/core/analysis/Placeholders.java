package cn.antifraud.core.analysis;

import java.util.regex.Pattern;

/**
 * Template placeholders (XX, xxx, XXXX, DIGIT, NAME, PHONE, URL, 某某, ***, ○○...) folded to one token, so a script
 * written with blanks reads like the same script with real names and numbers, and the blanks themselves do not
 * become a feature of their own. Runs on lower-cased, half-width text.
 */
final class Placeholders {
    /** What every placeholder becomes; letters only, so the segmenter keeps it one word. */
    static final String TOKEN = "zzslot";

    private static final Pattern SLOT = Pattern.compile(
        "(?<![a-z])(?:x{2,}|(?:digits?|number|name|phone|url|amount)+(?:_?\\d+)?)(?![a-z])"
            + "|某某+|\\*{2,}|×{2,}|○{2,}|〇{2,}|□{2,}|_{3,}");
    static final String[] CANDIDATES = {"xx", "digit", "number", "name", "phone", "url", "amount", "某某", "**", "××",
        "○○", "〇〇", "□□", "___"};
    private static final String CANDIDATE_STARTS = WordStarts.of(CANDIDATES);

    private Placeholders() {
    }

    /** Whether the text can hold a placeholder at all (cheap scan before the regex). */
    static boolean mayHold(String text) {
        // one pass over the text instead of a contains() per candidate: a candidate is tried only where its first
        // character stands
        for (int i = 0; i < text.length(); i++) {
            if (CANDIDATE_STARTS.indexOf(text.charAt(i)) >= 0) {
                for (String c : CANDIDATES) {
                    if (text.startsWith(c, i)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static String fold(String text) {
        return mayHold(text) ? SLOT.matcher(text).replaceAll(" " + TOKEN + " ") : text;
    }
}
