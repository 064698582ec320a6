package cn.antifraud.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The baseline's naive Bayes: counts, smoothing, and the character n-grams it reads. */
class NaiveBayesTest {
    @Test
    void picksTheClassWhoseWordsTheTextShares() {
        List<String[]> docs = List.of(NaiveBayes.charGrams("转账到安全账户"), NaiveBayes.charGrams("安全账户配合调查"),
            NaiveBayes.charGrams("周末回家吃饭"), NaiveBayes.charGrams("晚上一起吃饭"));
        NaiveBayes nb = NaiveBayes.train(List.of("scam", "scam", "none", "none"), docs, 1.0, 1);
        assertEquals("scam", nb.best(NaiveBayes.charGrams("请转到安全账户")));
        assertEquals("none", nb.best(NaiveBayes.charGrams("明天回家吃饭吗")));
    }

    @Test
    void featuresSeenTooRarelyAreDropped() {
        NaiveBayes nb = NaiveBayes.train(List.of("a", "b"), List.of(new String[] {"x", "x", "y"}, new String[] {"x", "z"}), 1.0, 2);
        assertEquals(1, nb.known(new String[] {"x", "y", "z"}));
    }

    @Test
    void charGramsAreOneTwoAndThreeCharacters() {
        assertArrayEquals(new String[] {"a", "ab", "abc", "b", "bc", "c"}, NaiveBayes.charGrams("ABC"));
    }
}
