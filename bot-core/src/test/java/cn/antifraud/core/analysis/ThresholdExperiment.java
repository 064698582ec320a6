package cn.antifraud.core.analysis;

import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.LabeledText;
import java.util.Locale;

/**
 * Not a test: the whole pipeline's verdicts on leave-one-style-out at a grid of detection cutoffs and bare-detection
 * levels ({@link RiskScorer#BARE}), pooled over the held-out styles: how the two were chosen (docs/evaluation.md).
 * Run with the test classpath.
 */
public final class ThresholdExperiment {
    private ThresholdExperiment() {
    }

    public static void main(String[] args) {
        KnowledgeBase kb = KnowledgeBase.load();
        Featurizer featurizer = AnalysisPipeline.featurizer(kb);
        Evaluation eval = new Evaluation(kb, featurizer, s -> { });
        double[] cutoffs = {0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7};
        double[] bares = {0, 0.6, 0.7, 0.8};
        // [cutoff][bare]: flagged scams, flagged scams of the right type, flagged ordinary lines
        int[][][] counts = new int[cutoffs.length][bares.length][3];
        int scams = 0;
        int none = 0;
        for (Evaluation.Split split : Evaluation.styleSplits(kb.corpus())) {
            Models models = Models.train(featurizer, split.train(), kb.intents());
            for (LabeledText t : split.test()) {
                boolean scam = !t.label().equals(KnowledgeBase.NONE);
                scams += scam ? 1 : 0;
                none += scam ? 0 : 1;
            }
            for (int c = 0; c < cutoffs.length; c++) {
                for (int b = 0; b < bares.length; b++) {
                    Analyzer analyzer = eval.analyzerFor(models, cutoffs[c], Math.max(cutoffs[c], bares[b]));
                    for (LabeledText t : split.test()) {
                        String got = Evaluation.verdict(analyzer.analyze(t.text()));
                        boolean scam = !t.label().equals(KnowledgeBase.NONE);
                        boolean flagged = !got.equals(KnowledgeBase.NONE);
                        counts[c][b][0] += scam && flagged ? 1 : 0;
                        counts[c][b][1] += scam && got.equals(t.label()) ? 1 : 0;
                        counts[c][b][2] += !scam && flagged ? 1 : 0;
                    }
                }
            }
            System.err.println(split.name() + " scored");
        }
        System.out.println("| cutoff | bare | F1 | recall | type accuracy | false alarms |");
        System.out.println("|---|---|---|---|---|---|");
        for (int c = 0; c < cutoffs.length; c++) {
            for (int b = 0; b < bares.length; b++) {
                int tp = counts[c][b][0];
                int fp = counts[c][b][2];
                System.out.printf(Locale.ROOT, "| %.2f | %.2f | %.4f | %.3f | %.3f | %.2f%% |%n", cutoffs[c], Math.max(cutoffs[c], bares[b]),
                    2.0 * tp / (2.0 * tp + fp + (scams - tp)), (double) tp / scams, (double) counts[c][b][1] / scams, 100.0 * fp / none);
            }
        }
    }
}
