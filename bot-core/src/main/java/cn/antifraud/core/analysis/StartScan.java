package cn.antifraud.core.analysis;

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
    private int from;

    /** @param starts every character a match of {@code pattern} can begin with */
    StartScan(Pattern pattern, String text, String starts) {
        // transparent bounds: look-arounds see the text outside the region, as with an ordinary find()
        this.matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        this.text = text;
        this.starts = starts;
    }

    /** As {@link Matcher#find()}: the next match after the previous one; the matcher then holds it. */
    boolean find() {
        for (int i = from; i < text.length(); i++) {
            if (starts.indexOf(text.charAt(i)) >= 0) {
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
