package cn.antifraud.core.analysis;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one class that touches HanLP's global state: the custom fraud dictionary, the segmenter and
 * traditional-to-simplified conversion. Everything else calls this adapter.
 */
public final class HanLpAdapter {
    private final Segment segment;

    public HanLpAdapter(List<String> fraudTerms) {
        synchronized (HanLpAdapter.class) {
            for (String term : fraudTerms) {
                CustomDictionary.insert(term, "nz 1000");
            }
        }
        this.segment = HanLP.newSegment("viterbi")
            .enableCustomDictionary(true)
            .enableNameRecognize(false)
            .enablePlaceRecognize(false)
            .enableOrganizationRecognize(false)
            .enableNumberQuantifierRecognize(false)
            .enablePartOfSpeechTagging(false);
    }

    /** Segments already-normalised text into words, dropping whitespace and punctuation-only pieces. */
    public List<String> tokens(String text) {
        List<Term> terms = segment.seg(text);
        List<String> out = new ArrayList<>(terms.size());
        for (Term t : terms) {
            String w = t.word.strip();
            if (!w.isEmpty() && hasLetterOrDigit(w)) {
                out.add(w);
            }
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

    private static boolean hasLetterOrDigit(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetterOrDigit(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
