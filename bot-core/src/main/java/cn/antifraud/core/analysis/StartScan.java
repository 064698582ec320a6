package cn.antifraud.core.analysis;

import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regex search that tries only the positions where a match can begin. {@code java.util.regex} tries a
 * pattern at every position, which for a long alternation costs more than the rest of the analysis; when every
 * match starts with one of a few characters, trying the pattern only there finds exactly the same matches.
 */
final class StartScan {
    private final Matcher matcher;
    private final String text;
    private final String starts;
    private final IntPredicate mayBegin;
    private int from;

    /** @param starts every character a match of {@code pattern} can begin with */
    StartScan(Pattern pattern, String text, String starts) {
        this(pattern, text, starts, i -> true);
    }

    /**
     * @param starts every character a match of {@code pattern} can begin with
     * @param mayBegin false only at positions where no match can begin (a cheap necessary condition, checked before the
     *     pattern is tried there)
     */
    StartScan(Pattern pattern, String text, String starts, IntPredicate mayBegin) {
        this.mayBegin = mayBegin;
        // transparent bounds: look-arounds see the text outside the region, as with an ordinary find()
        this.matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        this.text = text;
        this.starts = starts;
    }

    /** As {@link Matcher#find()}: the next match after the previous one; the matcher then holds it. */
    boolean find() {
        for (int i = from; i < text.length(); i++) {
            if (starts.indexOf(text.charAt(i)) >= 0 && mayBegin.test(i)) {
                matcher.region(i, text.length());
                if (matcher.lookingAt()) {
                    from = Math.max(matcher.end(), i + 1);
                    return true;
                }
            }
        }
        from = text.length();
        return false;
    }

    Matcher matcher() {
        return matcher;
    }
}
