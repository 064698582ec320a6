package cn.antifraud.core.analysis;

import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.LabeledText;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: the harness that chose the type model's naive Bayes weight and the detector's cutoff on
 * leave-one-style-out splits (docs/evaluation.md). Run with the test classpath; prints one row per held-out style.
 */
public final class StyleExperiment {
    private StyleExperiment() {
    }

    public static void main(String[] args) {
        KnowledgeBase kb = KnowledgeBase.load();
        Featurizer featurizer = AnalysisPipeline.featurizer(kb);
        double[] weights = {0, 0.5, 1, 2, 4, 8};
        double[] cutoffs = {0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95};
        int[] typeOk = new int[weights.length];
        int scams = 0;
        int[][] flagged = new int[cutoffs.length][2];
        int none = 0;
        for (Evaluation.Split split : Evaluation.styleSplits(kb.corpus())) {
            Models m = Models.train(featurizer, split.train(), kb.intents());
            int[] ok = new int[weights.length];
            int n = 0;
            for (LabeledText t : split.test()) {
                List<String> tokens = featurizer.tokens(t.text());
                double p = m.detector().probability(tokens);
                boolean scam = !t.label().equals(KnowledgeBase.NONE);
                for (int c = 0; c < cutoffs.length; c++) {
                    flagged[c][scam ? 0 : 1] += p >= cutoffs[c] ? 1 : 0;
                }
                if (scam) {
                    n++;
                    for (int w = 0; w < weights.length; w++) {
                        ok[w] += m.scamType().predict(tokens, weights[w]).best().equals(t.label()) ? 1 : 0;
                    }
                } else {
                    none++;
                }
            }
            StringBuilder row = new StringBuilder(split.name());
            for (int w = 0; w < weights.length; w++) {
                row.append(String.format(Locale.ROOT, "  w%.1f=%.3f", weights[w], (double) ok[w] / Math.max(1, n)));
                typeOk[w] += ok[w];
            }
            scams += n;
            System.out.println(row);
        }
        StringBuilder row = new StringBuilder("pooled type accuracy");
        for (int w = 0; w < weights.length; w++) {
            row.append(String.format(Locale.ROOT, "  w%.1f=%.3f", weights[w], (double) typeOk[w] / scams));
        }
        System.out.println(row);
        for (int c = 0; c < cutoffs.length; c++) {
            int tp = flagged[c][0];
            int fp = flagged[c][1];
            System.out.printf(Locale.ROOT, "cutoff %.2f: F1 %.3f recall %.3f false alarms %.1f%%%n", cutoffs[c],
                2.0 * tp / (2.0 * tp + fp + (scams - tp)), (double) tp / scams, 100.0 * fp / none);
        }
    }
}
