package cn.antifraud.kb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How grey-market and scam messages write the words a filter looks for (kb/slang.tsv): pinyin spellings of scam words,
 * which may replace any of the word's characters (网dai, dai款, daikuan); abbreviations and homophones (yhk, 代款); and
 * symbols that stand for a word (🐧 for QQ, 🈶 for 有). Unlike {@link KnowledgeBase#folds()}, a spelling or fold that
 * begins or ends with a Latin letter applies only where that letter does not run on into a word, number or address.
 *
 * @param spellings a scam word and the pinyin syllable of each of its characters ({@code 贷款 -> [dai, kuan]})
 * @param folds     what is written and the word it stands for ({@code yhk -> 银行卡})
 * @param symbols   one symbol (a code point) and the word it stands for ({@code 🐧 -> qq})
 */
public record Slang(Map<String, String[]> spellings, Map<String, String> folds, Map<Integer, String> symbols) {
    /** No slang at all (tests of other steps). */
    public static final Slang NONE = new Slang(Map.of(), Map.of(), Map.of());

    static Slang load(String resource) {
        Map<String, String[]> spellings = new LinkedHashMap<>();
        Map<String, String> folds = new LinkedHashMap<>();
        Map<Integer, String> symbols = new LinkedHashMap<>();
        for (TsvReader.Row row : TsvReader.read(resource, 3, 3)) {
            String[] c = row.columns();
            String where = resource + ":" + row.line() + ": ";
            switch (c[0]) {
                case "spell" -> {
                    String[] syllables = c[2].split(" ");
                    if (syllables.length != c[1].length() || !c[2].matches("[a-z]+( [a-z]+)*")) {
                        throw new KnowledgeBaseException(where + "'" + c[1] + "' needs one lower-case syllable per character, found '"
                            + c[2] + "'");
                    }
                    spellings.put(c[1], syllables);
                }
                case "fold" -> folds.put(c[1].toLowerCase(), c[2]);
                case "symbol" -> {
                    if (c[1].codePointCount(0, c[1].length()) != 1) {
                        throw new KnowledgeBaseException(where + "a symbol is one character, found '" + c[1] + "'");
                    }
                    symbols.put(c[1].codePointAt(0), c[2]);
                }
                default -> throw new KnowledgeBaseException(where + "kind is spell, fold or symbol, found '" + c[0] + "'");
            }
        }
        return new Slang(Collections.unmodifiableMap(spellings), Collections.unmodifiableMap(folds),
            Collections.unmodifiableMap(symbols));
    }
}
