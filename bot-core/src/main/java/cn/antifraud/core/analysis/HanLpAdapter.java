package cn.antifraud.core.analysis;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Other.DoubleArrayTrieSegment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one class that touches HanLP's global state: the custom fraud dictionary, the segmenter and
 * traditional-to-simplified conversion. Everything else calls this adapter.
 */
public final class HanLpAdapter {
    private final Lattice segment;

    public HanLpAdapter(List<String> fraudTerms) {
        synchronized (HanLpAdapter.class) {
            for (String term : fraudTerms) {
                CustomDictionary.insert(term, "nz 1000");
            }
        }
        // Dictionary-based (double-array trie) segmentation: about 5x faster than HanLP's viterbi segmenter at
        // the same cross-validated accuracy (docs/benchmarks.md); the fraud dictionary keeps fraud terms whole.
        // HanLP sets its own logger's level when it loads; its advice on dictionaries is not an operator's concern
        com.hankcs.hanlp.utility.Predefine.logger.setLevel(java.util.logging.Level.SEVERE);
        this.segment = new Lattice();
        segment.enableCustomDictionary(true).enablePartOfSpeechTagging(false);
    }

    /**
     * HanLP's trie segmenter, with access to the word lengths it finds. {@link DoubleArrayTrieSegment#segSentence} builds
     * them and then makes a {@code Term}, a string and a list node per word, most of which {@link #tokens} dropped or
     * joined again; reading the lengths directly gives the same words with a string only per kept token.
     */
    private static final class Lattice extends DoubleArrayTrieSegment {
        /** Whether {@link #lengths} gives what {@code seg} would: no normalisation, tagging or threads configured. */
        boolean plain() {
            return !config.normalization && !config.speechTagging && config.threadNumber <= 1 && config.useCustomDictionary;
        }

        /**
         * The length of the word starting at each word start, as {@link DoubleArrayTrieSegment#segSentence} computes it
         * (HanLP 1.8.6): longest core-dictionary matches, then longest custom-dictionary matches over them, then longer
         * custom words added at run time; one character where nothing matched.
         */
        int[] lengths(char[] text) {
            int[] wordNet = new int[text.length];
            Arrays.fill(wordNet, 1);
            matchLongest(text, wordNet, trie);
            matchLongest(text, wordNet, customDictionary.dat);
            if (customDictionary.trie != null) {
                customDictionary.trie.parseLongestText(text, (begin, end, value) -> {
                    if (end - begin > wordNet[begin]) {
                        wordNet[begin] = end - begin;
                    }
                });
            }
            return wordNet;
        }

        private static void matchLongest(char[] text, int[] wordNet, DoubleArrayTrie<CoreDictionary.Attribute> dictionary) {
            DoubleArrayTrie<CoreDictionary.Attribute>.LongestSearcher searcher = dictionary.getLongestSearcher(text, 0);
            while (searcher.next()) {
                wordNet[searcher.begin] = searcher.length;
            }
        }
    }

    /**
     * Segments already-normalised text into words, dropping whitespace and punctuation-only pieces. The trie
     * segmenter splits Latin letters and digits one by one, so runs of them are joined back into one token.
     */
    public List<String> tokens(String text) {
        if (!segment.plain()) {
            return tokens(segment.seg(text));
        }
        char[] chars = text.toCharArray();
        int[] lengths = segment.lengths(chars);
        List<String> out = new ArrayList<>();
        int ascii = -1; // where the current run of single Latin letters and digits began
        for (int i = 0; i < chars.length; i += lengths[i]) {
            int length = lengths[i];
            if (length == 1 && chars[i] < 128 && Character.isLetterOrDigit(chars[i])) {
                ascii = ascii < 0 ? i : ascii;
                continue;
            }
            if (ascii >= 0) {
                out.add(new String(chars, ascii, i - ascii)); // the run's words are adjacent, so it is one stretch of text
                ascii = -1;
            }
            // the word stripped (no whitespace character is supplementary, so char by char strips as String.strip)
            int begin = i;
            int end = i + length;
            while (begin < end && Character.isWhitespace(chars[begin])) {
                begin++;
            }
            while (end > begin && Character.isWhitespace(chars[end - 1])) {
                end--;
            }
            if (hasLetterOrDigit(chars, begin, end)) {
                out.add(new String(chars, begin, end - begin));
            }
        }
        if (ascii >= 0) {
            out.add(new String(chars, ascii, chars.length - ascii));
        }
        return out;
    }

    /** What {@link #tokens(String)} gives, through HanLP's own {@code seg}: for the test that both agree. */
    List<String> referenceTokens(String text) {
        return tokens(segment.seg(text));
    }

    /** {@link #tokens(String)} from HanLP's terms: the reference the lattice path follows, used when it cannot apply. */
    static List<String> tokens(List<Term> terms) {
        List<String> out = new ArrayList<>(terms.size());
        StringBuilder ascii = new StringBuilder();
        for (Term t : terms) {
            String w = t.word;
            if (w.length() == 1 && w.charAt(0) < 128 && Character.isLetterOrDigit(w.charAt(0))) {
                ascii.append(w);
                continue;
            }
            if (ascii.length() > 0) {
                out.add(ascii.toString());
                ascii.setLength(0);
            }
            w = w.strip();
            if (!w.isEmpty() && hasLetterOrDigit(w)) {
                out.add(w);
            }
        }
        if (ascii.length() > 0) {
            out.add(ascii.toString());
        }
        return out;
    }

    public static String toSimplified(String text) {
        return HanLP.convertToSimplifiedChinese(text);
    }

    /** Builds a multi-pattern matcher (Aho-Corasick) over the given phrases, mapping each to its value. */
    public static <V> PhraseMatcher<V> matcher(Map<String, V> phrases) {
        AhoCorasickDoubleArrayTrie<V> trie = new AhoCorasickDoubleArrayTrie<>();
        trie.build(new TreeMap<>(phrases));
        return text -> {
            List<PhraseMatcher.Hit<V>> hits = new ArrayList<>();
            trie.parseText(text, (begin, end, value) -> hits.add(new PhraseMatcher.Hit<>(begin, end, value)));
            return hits;
        };
    }

    private static boolean hasLetterOrDigit(char[] chars, int begin, int end) {
        for (int i = begin; i < end; i++) {
            if (Character.isLetterOrDigit(chars[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLetterOrDigit(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetterOrDigit(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
