package cn.antifraud.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.LabeledText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CacheFriendlyQnTrainerTest {
    /** Every 12th corpus line: all types, a few hundred samples, so each training takes a second or two. */
    private static List<TextClassifier.Sample> samples;
    private static final List<TextClassifier.Config> CONFIGS = List.of(Models.SCAM_CONFIG, Detector.CONFIG,
        new TextClassifier.Config("MAXENT_QN", 30, 1, 0.1, "wbct"));

    @BeforeAll
    static void everyTwelfthLine() {
        KnowledgeBase kb = KnowledgeBase.load();
        Featurizer featurizer = AnalysisPipeline.featurizer(kb);
        samples = new ArrayList<>();
        List<LabeledText> corpus = kb.corpus();
        for (int i = 0; i < corpus.size(); i += 12) {
            samples.add(new TextClassifier.Sample(corpus.get(i).label(), featurizer.tokens(corpus.get(i).text())));
        }
    }

    @Test
    void unscaledLearnsExactlyTheWeightsOpenNlpsOwnTrainerLearns() {
        for (TextClassifier.Config config : CONFIGS) {
            AbstractModel fast = (AbstractModel) TextClassifier.train(samples, config, false, 1.0).maxent();
            AbstractModel reference = (AbstractModel) TextClassifier.train(samples, config, true, 1.0).maxent();
            assertArrayEquals((String[]) reference.getDataStructures()[2], (String[]) fast.getDataStructures()[2], "outcomes");
            @SuppressWarnings("unchecked")
            Map<String, Context> expected = (Map<String, Context>) reference.getDataStructures()[1];
            @SuppressWarnings("unchecked")
            Map<String, Context> actual = (Map<String, Context>) fast.getDataStructures()[1];
            assertEquals(expected.keySet(), actual.keySet(), "features");
            expected.forEach((feature, context) -> {
                assertArrayEquals(context.getOutcomes(), actual.get(feature).getOutcomes(), feature);
                assertArrayEquals(context.getParameters(), actual.get(feature).getParameters(), feature); // exact, no tolerance
            });
        }
    }

    @Test
    void scaledObjectiveReachesTheSameMinimumAsOpenNlpsOwnTrainer() {
        for (TextClassifier.Config config : CONFIGS) {
            TextClassifier scaled = TextClassifier.train(samples, config, false, CacheFriendlyQnTrainer.OBJECTIVE_SCALE);
            TextClassifier reference = TextClassifier.train(samples, config, true, 1.0);
            double got = objective(scaled, samples, config.l2());
            double expected = objective(reference, samples, config.l2());
            // the same minimum within the minimiser's stopping tolerance, or lower: with few iterations (the third config
            // stops at 30) the unscaled run is still far from it (about 50 against 24 here)
            assertTrue(got <= expected * 1.01, config + ": objective " + got + " against OpenNLP's " + expected);
        }
    }

    /** What L-BFGS minimises: the training lines' negative log-likelihood plus the L2 cost times the squared weights. */
    private static double objective(TextClassifier model, List<TextClassifier.Sample> samples, double l2) {
        double nll = 0;
        for (TextClassifier.Sample s : samples) {
            nll -= Math.log(model.predict(s.tokens()).probability(s.label()));
        }
        double squares = 0;
        for (Context context : (Context[]) ((AbstractModel) model.maxent()).getDataStructures()[0]) {
            for (double w : context.getParameters()) {
                squares += w * w;
            }
        }
        return nll + l2 * squares;
    }
}
