package cn.antifraud.core.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Folds the tricks scammers use to dodge filters before any feature is built: zero-width and control
 * characters, full-width forms, traditional characters, separators between Chinese characters and
 * look-alike words (薇信, 扣扣...). The resident's original text is kept elsewhere for display.
 */
public final class TextNormalizer {
    /** Longest text analysed; the rest is ignored and the analysis says so. */
    public static final int MAX_ANALYSED_CHARS = 4000;

    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200F\\u2028-\\u202F\\u2060-\\u206F\\uFEFF\\p{Cc}&&[^\\n\\t]]");
    private static final Pattern CJK_SEPARATOR = Pattern.compile(
        "(?<=[\\u4e00-\\u9fff])(?:[\\s\\-_.*·•|/\\\\~+=#^]|\\p{So}|\\p{Sk}|[\\uD800-\\uDFFF])+(?=[\\u4e00-\\u9fff])");
    private static final Pattern EMOJI = Pattern.compile("[\\uD800-\\uDFFF]+|\\p{So}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final PhraseMatcher<String> folds;

    public TextNormalizer(Map<String, String> folds) {
        Map<String, String> lower = new LinkedHashMap<>();
        folds.forEach((k, v) -> lower.put(k.toLowerCase(), v));
        this.folds = HanLpAdapter.matcher(lower);
    }

    /** Cleans text for indicator extraction: widths, script, invisible characters, case, separators. */
    public String clean(String raw) {
        String text = raw.length() > MAX_ANALYSED_CHARS ? raw.substring(0, MAX_ANALYSED_CHARS) : raw;
        if (hasInvisible(text)) {
            text = INVISIBLE.matcher(text).replaceAll("");
        }
        text = toHalfWidth(text);
        text = Placeholders.fold(HanLpAdapter.toSimplified(text).toLowerCase());
        if (mayHoldSeparator(text)) {
            text = CJK_SEPARATOR.matcher(text).replaceAll("");
        }
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** Replaces look-alike words by the word they imitate and drops emoji; input is {@link #clean} output. */
    public String fold(String cleaned) {
        String text = EMOJI.matcher(cleaned).replaceAll(" ");
        List<PhraseMatcher.Hit<String>> hits = new ArrayList<>(folds.find(text));
        if (hits.isEmpty()) {
            return text;
        }
        hits.sort(Comparator.<PhraseMatcher.Hit<String>>comparingInt(PhraseMatcher.Hit::begin)
            .thenComparing(h -> -(h.end() - h.begin())));
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        for (PhraseMatcher.Hit<String> h : hits) {
            if (h.begin() < pos) {
                continue;
            }
            out.append(text, pos, h.begin()).append(h.value());
            pos = h.end();
        }
        return out.append(text.substring(pos)).toString();
    }

    /** Whether {@link #INVISIBLE} can match (a cheap scan; the regex is applied only then). */
    private static boolean hasInvisible(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u200B' && c <= '\u200F' || c >= '\u2028' && c <= '\u202F' || c >= '\u2060' && c <= '\u206F' || c == '\uFEFF'
                || Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t') {
                return true;
            }
        }
        return false;
    }

    /** Whether {@link #CJK_SEPARATOR} can match: a Chinese character directly followed by a separator character. */
    private static boolean mayHoldSeparator(String text) {
        for (int i = 0; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u4e00' && c <= '\u9fff') {
                char n = text.charAt(i + 1);
                int type = Character.getType(n);
                if (" \t\n\u000B\f\r-_.*·•|/\\~+=#^".indexOf(n) >= 0 || type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL
                    || Character.isSurrogate(n)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String toHalfWidth(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char mapped = c;
            if (c >= '\uFF01' && c <= '\uFF5E') {
                mapped = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                mapped = ' ';
            }
            if (mapped != c && sb == null) {
                sb = new StringBuilder(text);
            }
            if (sb != null) {
                sb.setCharAt(i, mapped);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
