package cn.antifraud.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.LabeledText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import org.junit.jupiter.api.Test;

class CacheFriendlyQnTrainerTest {
    @Test
    void learnsExactlyTheWeightsOpenNlpsOwnTrainerLearns() {
        KnowledgeBase kb = KnowledgeBase.load();
        Featurizer featurizer = AnalysisPipeline.featurizer(kb);
        // every 12th corpus line: all types, a few hundred samples, so both trainings take a second or two
        List<TextClassifier.Sample> samples = new ArrayList<>();
        List<LabeledText> corpus = kb.corpus();
        for (int i = 0; i < corpus.size(); i += 12) {
            samples.add(new TextClassifier.Sample(corpus.get(i).label(), featurizer.tokens(corpus.get(i).text())));
        }
        for (TextClassifier.Config config : List.of(Models.SCAM_CONFIG, Detector.CONFIG,
            new TextClassifier.Config("MAXENT_QN", 30, 1, 0.1, "wbct"))) {
            AbstractModel fast = (AbstractModel) TextClassifier.train(samples, config).maxent();
            AbstractModel reference = (AbstractModel) TextClassifier.train(samples, config, true).maxent();
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
}
