package cn.antifraud.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.LabeledText;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompiledModelsTest {
    static KnowledgeBase kb;
    static Analyzer analyzer;

    @BeforeAll
    static void build() {
        kb = KnowledgeBase.load();
        analyzer = AnalysisPipeline.analyzer(kb, Path.of("target", "model-cache"), KnownIndicators.NONE);
    }

    @Test
    void featureHashesAreTheHashesOfTheFeatureStrings() {
        for (String spec : List.of("wct", "wbctu")) {
            FraudFeatures f = new FraudFeatures(spec);
            List<String> tokens = List.of("请", "把", "资金", "转到", "安全账户", "zzphone", "app", "12", "刷单返利");
            long[] expected = Arrays.stream(f.extract(tokens)).mapToLong(FraudFeatures::hash).toArray();
            assertArrayEquals(expected, f.hashes(tokens), spec);
        }
    }

    @Test
    void compiledScoresMatchOpenNlpAndNaiveBayesOnCorpusLines() {
        Models models = analyzer.models();
        CompiledModels compiled = CompiledModels.of(models).orElseThrow();
        List<LabeledText> sample = kb.corpus().subList(0, 200);
        for (LabeledText t : sample) {
            List<String> tokens = analyzer.featurizer().tokens(t.text());
            CompiledModels.Scores fast = compiled.predict(tokens);
            TextClassifier.Prediction slow = models.scamType().predict(tokens);
            TextClassifier.Prediction slowIntent = models.intent().predict(tokens);
            assertEquals(slow.best(), fast.type().best(), t.text());
            assertEquals(slowIntent.best(), fast.intent().best(), t.text());
            for (String label : slow.labels()) {
                assertTrue(Math.abs(slow.probability(label) - fast.type().probability(label)) < 1e-4, t.text());
            }
            double detector = models.detector().probability(tokens);
            assertTrue(Math.abs(detector - fast.scamProbability()) < 1e-3, t.text() + ": " + detector + " against " + fast.scamProbability());
        }
    }
}
