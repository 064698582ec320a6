package cn.antifraud.core.analysis;

import cn.antifraud.kb.Slang;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mechanics of {@link Slang} for {@link TextNormalizer}: the written forms of each spelled word, the rule that keeps
 * a Latin-edged form out of English words, numbers and addresses, letters slipped between a word's characters, and
 * symbols standing for words. Every step is a plain scan that returns its input when there is nothing to do, as most
 * messages hold no Latin letter next to a Chinese character and no symbol.
 */
final class SlangFolds {
    /** Characters that join a Latin run into an address, handle or code wherever they stand ("kefu@", "/daikuan"). */
    private static final String JOINERS = "@/\\=?&%#_";
    /** Characters that join only when a letter or digit stands beyond them ("www.daikuan.com", "kf-xiaoya"). */
    private static final String INFIX_JOINERS = ".-";
    /** Variation selector-16, which follows many emoji ("✈️") and means nothing once the emoji is a word. */
    private static final char EMOJI_PRESENTATION = '\uFE0F';

    private final Map<Integer, String> symbols;
    /** Each symbol's first UTF-16 unit, for the cheap scan. */
    private final String symbolStarts;
    /** Adjacent characters of a spelled word ({@code 刷 << 16 | 单}), where a slipped-in letter is dropped. */
    private final Set<Integer> pairs = new HashSet<>();

    SlangFolds(Slang slang) {
        this.symbols = Map.copyOf(slang.symbols());
        StringBuilder starts = new StringBuilder();
        for (int cp : symbols.keySet()) {
            char first = Character.toChars(cp)[0];
            if (starts.indexOf(String.valueOf(first)) < 0) {
                starts.append(first);
            }
        }
        this.symbolStarts = starts.toString();
        for (String word : slang.spellings().keySet()) {
            for (int i = 1; i < word.length(); i++) {
                pairs.add(word.charAt(i - 1) << 16 | word.charAt(i));
            }
        }
    }

    /** Every written form of the spelled words and the slang folds, each with the word it stands for. */
    static Map<String, String> forms(Slang slang) {
        Map<String, String> forms = new LinkedHashMap<>();
        slang.spellings().forEach((word, syllables) -> {
            for (String form : spellings(word, syllables)) {
                forms.putIfAbsent(form, word);
            }
        });
        slang.folds().forEach((from, to) -> forms.put(from.toLowerCase(), to));
        return forms;
    }

    /** The word with each non-empty subset of its characters written as pinyin (贷款: dai款, 贷kuan, daikuan). */
    static List<String> spellings(String word, String[] syllables) {
        List<String> out = new ArrayList<>();
        int n = word.length();
        for (int mask = 1; mask < 1 << n; mask++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if ((mask & 1 << i) != 0) {
                    sb.append(syllables[i]);
                } else {
                    sb.append(word.charAt(i));
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    /**
     * Whether a slang form found at [begin, end) stands on its own: a Latin letter at either edge must not run on into
     * another letter, a digit or an address, so "daily", "kefu123", "kefu@qq.com" and "/daikuan/" are not slang.
     */
    static boolean standsAlone(String text, int begin, int end) {
        return !(isLatin(text.charAt(begin)) && runsOn(text, begin - 1, -1))
            && !(isLatin(text.charAt(end - 1)) && runsOn(text, end, 1));
    }

    /** Whether the character at {@code i}, beside a form's Latin edge, carries the Latin run on (step: away from it). */
    private static boolean runsOn(String text, int i, int step) {
        if (i < 0 || i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        if (isLatinOrDigit(c) || JOINERS.indexOf(c) >= 0) {
            return true;
        }
        int beyond = i + step;
        return INFIX_JOINERS.indexOf(c) >= 0 && beyond >= 0 && beyond < text.length() && isLatinOrDigit(text.charAt(beyond));
    }

    /** Drops a single Latin letter slipped between two characters of a spelled word (刷x单, 银行k卡). */
    String dropSlippedLetters(String text) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 1; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if (isLatin(c) && isCjk(text.charAt(i - 1)) && isCjk(text.charAt(i + 1))
                && pairs.contains(text.charAt(i - 1) << 16 | text.charAt(i + 1))) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, i);
                copied = i + 1;
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * Puts in the word each known symbol stands for (加🐧 -> 加qq, 日🉐 -> 日得) and plain letters for circled and squared
     * ones (ⓥⓧ -> vx). Runs before separators are dropped, which would otherwise remove a symbol between two characters.
     */
    String replaceSymbols(String text) {
        if (!maySubstitute(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String word = symbols.get(cp);
            char letter = enclosedLetter(cp);
            if (word != null || letter != 0) {
                if (word != null) {
                    out.append(word);
                } else {
                    out.append(letter);
                }
                if (i < text.length() && text.charAt(i) == EMOJI_PRESENTATION) {
                    i++;
                }
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** A cheap scan: whether a known symbol or an enclosed letter can stand in the text. */
    private boolean maySubstitute(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u2000' && (c < '\u4e00' || Character.isHighSurrogate(c))
                && (symbolStarts.indexOf(c) >= 0 || c >= '\u24B6' && c <= '\u24E9' || c == '\uD83C')) {
                return true;
            }
        }
        return false;
    }

    /** The plain letter of Ⓐ-Ⓩ, ⓐ-ⓩ and the squared and negative circled or squared capitals (🄰, 🅐, 🅰), else 0. */
    static char enclosedLetter(int cp) {
        if (cp >= 0x24B6 && cp <= 0x24CF) {
            return (char) ('a' + cp - 0x24B6);
        }
        if (cp >= 0x24D0 && cp <= 0x24E9) {
            return (char) ('a' + cp - 0x24D0);
        }
        for (int base : new int[] {0x1F130, 0x1F150, 0x1F170}) {
            if (cp >= base && cp < base + 26) {
                return (char) ('a' + cp - base);
            }
        }
        return 0;
    }

    private static boolean isLatin(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isLatinOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isCjk(char c) {
        return c >= '\u4e00' && c <= '\u9fff';
    }
}
