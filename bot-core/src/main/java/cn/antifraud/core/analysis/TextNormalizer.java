package cn.antifraud.core.analysis;

import cn.antifraud.kb.Slang;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Folds the tricks scammers use to dodge filters before any feature is built: zero-width and control
 * characters, full-width forms, traditional characters, separators between Chinese characters and
 * look-alike words (薇信, 扣扣...) and slang ({@link Slang}: 网dai, yhk, 加🐧). The resident's original text is kept
 * elsewhere for display.
 */
public final class TextNormalizer {
    /** Longest text analysed; the rest is ignored and the analysis says so. */
    public static final int MAX_ANALYSED_CHARS = 4000;

    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200F\\u2028-\\u202F\\u2060-\\u206F\\uFEFF\\p{Cc}&&[^\\n\\t]]");
    /** Separators between Chinese characters ("转-账", "验 证 码", "安☆全"); applied by {@link #dropSeparators}. */
    static final Pattern CJK_SEPARATOR = Pattern.compile(
        "(?<=[\\u4e00-\\u9fff])(?:[\\s\\-_.*·•|/\\\\~+=#^]|\\p{So}|\\p{Sk}|[\\uD800-\\uDFFF])+(?=[\\u4e00-\\u9fff])");
    static final Pattern EMOJI = Pattern.compile("[\\uD800-\\uDFFF]+|\\p{So}+");
    /** Applied by {@link #collapseSpaces}. */
    static final Pattern SPACES = Pattern.compile("\\s+");

    /** What a found form becomes; a slang form applies only where {@link SlangFolds#standsAlone} says so. */
    private record Fold(String to, boolean slang) {
    }

    private final PhraseMatcher<Fold> folds;
    private final SlangFolds slang;

    public TextNormalizer(Map<String, String> folds) {
        this(folds, Slang.NONE);
    }

    public TextNormalizer(Map<String, String> folds, Slang slang) {
        Map<String, Fold> all = new LinkedHashMap<>();
        SlangFolds.forms(slang).forEach((k, v) -> all.put(k, new Fold(v, true)));
        // the look-alike words keep their plain substring rule where a slang form is written the same (weixin)
        folds.forEach((k, v) -> all.put(k.toLowerCase(), new Fold(v, false)));
        this.folds = HanLpAdapter.matcher(all);
        this.slang = new SlangFolds(slang);
    }

    /** Cleans text for indicator extraction: widths, script, invisible characters, case, separators. */
    public String clean(String raw) {
        String text = raw.length() > MAX_ANALYSED_CHARS ? raw.substring(0, MAX_ANALYSED_CHARS) : raw;
        if (hasInvisible(text)) {
            text = INVISIBLE.matcher(text).replaceAll("");
        }
        text = slang.replaceSymbols(toHalfWidth(text));
        text = Placeholders.fold(HanLpAdapter.toSimplified(text).toLowerCase());
        return collapseSpaces(dropSeparators(text)).strip();
    }

    /*
     * The two steps below run on every message, so they are hand-written scans instead of CJK_SEPARATOR and SPACES (which
     * cost about 2.5 us a message); they give exactly the regexes' results (TextNormalizerScanTest compares them on
     * random text). The patterns stay as their specification.
     */

    /**
     * {@code CJK_SEPARATOR.matcher(text).replaceAll("")}: drops each longest run of separators (read by code point, as the
     * regex does) that has a Chinese character on both sides. A shorter run can never match where the longest does not:
     * the character after it is itself a separator, not a Chinese character.
     */
    static String dropSeparators(String text) {
        StringBuilder out = null;
        int copied = 0;
        int n = text.length();
        for (int i = 1; i < n; i++) {
            if (!isCjk(text.charAt(i - 1))) {
                continue;
            }
            int p = i;
            while (p < n) {
                int cp = text.codePointAt(p);
                if (!isSeparator(cp)) {
                    break;
                }
                p += Character.charCount(cp);
            }
            if (p > i && p < n && isCjk(text.charAt(p))) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(text, copied, i);
                copied = p;
                i = p;
            }
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    /** A character of {@code CJK_SEPARATOR}'s repeated group; a lone surrogate comes as its own value. */
    private static boolean isSeparator(int cp) {
        if (cp < 128 && (isSpace((char) cp) || "-_.*|/\\~+=#^".indexOf(cp) >= 0)
            || cp == '·' || cp == '•' || cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            return true;
        }
        // by type, as \p{So} and \p{Sk} do (some ASCII too: '`' is a modifier symbol)
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL;
    }

    /** {@code SPACES.matcher(text).replaceAll(" ")}: each run of {@code \s} characters becomes one space. */
    static String collapseSpaces(String text) {
        int n = text.length();
        int i = 0;
        while (i < n && !(isSpace(text.charAt(i)) && (text.charAt(i) != ' ' || i + 1 < n && isSpace(text.charAt(i + 1))))) {
            i++;
        }
        if (i == n) {
            return text; // no run to change: lone plain spaces only
        }
        StringBuilder out = new StringBuilder(n).append(text, 0, i);
        while (i < n) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                out.append(' ');
                while (i < n && isSpace(text.charAt(i))) {
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** {@code \s} without flags: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isCjk(char c) {
        return c >= '\u4e00' && c <= '\u9fff';
    }

    /** Replaces look-alike words and slang by the word they imitate and drops emoji; input is {@link #clean} output. */
    public String fold(String cleaned) {
        String text = slang.dropSlippedLetters(mayHoldEmoji(cleaned) ? EMOJI.matcher(cleaned).replaceAll(" ") : cleaned);
        List<PhraseMatcher.Hit<Fold>> hits = new ArrayList<>();
        for (PhraseMatcher.Hit<Fold> h : folds.find(text)) {
            if (!h.value().slang() || SlangFolds.standsAlone(text, h.begin(), h.end())) {
                hits.add(h);
            }
        }
        if (hits.isEmpty()) {
            return text;
        }
        hits.sort(Comparator.<PhraseMatcher.Hit<Fold>>comparingInt(PhraseMatcher.Hit::begin)
            .thenComparing(h -> -(h.end() - h.begin())));
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        for (PhraseMatcher.Hit<Fold> h : hits) {
            if (h.begin() < pos) {
                continue;
            }
            out.append(text, pos, h.begin()).append(h.value().to());
            pos = h.end();
        }
        return out.append(text.substring(pos)).toString();
    }

    /**
     * Whether {@link #EMOJI} can match (a cheap scan; most messages hold none): it needs a surrogate, or a character of
     * type "other symbol" (a supplementary one is made of surrogates).
     */
    static boolean mayHoldEmoji(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 && (Character.isSurrogate(c) || Character.getType(c) == Character.OTHER_SYMBOL)) {
                return true;
            }
        }
        return false;
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
