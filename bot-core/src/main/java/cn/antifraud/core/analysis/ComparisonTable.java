package cn.antifraud.core.analysis;

import cn.antifraud.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The pipeline-against-baseline table of {@code eval}: one row per split, the same figures for both side by side. */
public final class ComparisonTable {
    private final StringBuilder rows = new StringBuilder();

    public ComparisonTable() {
        rows.append("| split | lines (scam / none) | pipeline F1 (P / R) | pipeline type acc. | pipeline false alarms"
            + " | NB F1 (P / R) | NB type acc. | NB false alarms |\n|---|---|---|---|---|---|---|---|\n");
    }

    public ComparisonTable add(Evaluation.Comparison c) {
        return add(c.split(), c.pipeline(), c.baseline());
    }

    /** Adds the verdicts of several splits pooled into one row. */
    public ComparisonTable addPooled(String name, List<Evaluation.Comparison> parts) {
        List<Evaluation.Scores> p = new ArrayList<>();
        List<Evaluation.Scores> b = new ArrayList<>();
        parts.forEach(c -> {
            p.add(c.pipeline());
            b.add(c.baseline());
        });
        return add("**" + name + "**", Evaluation.Scores.pool(p), Evaluation.Scores.pool(b));
    }

    public ComparisonTable add(String name, Evaluation.Scores pipeline, Evaluation.Scores baseline) {
        int none = pipeline.truth().size() - pipeline.scams();
        rows.append(String.format(Locale.ROOT, "| %s | %d / %d | %s | %s | %s | %s | %s | %s |%n", name, pipeline.scams(), none,
            f1(pipeline), typeAcc(pipeline), alarms(pipeline, none), f1(baseline), typeAcc(baseline), alarms(baseline, none)));
        return this;
    }

    private static String f1(Evaluation.Scores s) {
        return s.scams() == 0 ? "-" : String.format(Locale.ROOT, "%.3f (%.3f / %.3f)", s.scamF1(), s.scamPrecision(), s.scamRecall());
    }

    private static String typeAcc(Evaluation.Scores s) {
        return s.scams() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", s.scamTypeAccuracy());
    }

    private static String alarms(Evaluation.Scores s, int none) {
        return none == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * s.falseAlarmRate());
    }

    /**
     * The detector alone at several cutoffs on pooled out-of-style P(scam): how the cutoff is chosen, on styles the
     * models were not trained on.
     */
    public static String cutoffSweep(List<Evaluation.Comparison> parts, double[] cutoffs) {
        StringBuilder sb = new StringBuilder("| cutoff | F1 (P / R) | false alarms |\n|---|---|---|\n");
        for (double c : cutoffs) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            int none = 0;
            for (Evaluation.Comparison part : parts) {
                List<String> truth = part.pipeline().truth();
                for (int i = 0; i < truth.size(); i++) {
                    boolean scam = !truth.get(i).equals(KnowledgeBase.NONE);
                    boolean flagged = part.scamProbability()[i] >= c;
                    tp += scam && flagged ? 1 : 0;
                    fp += !scam && flagged ? 1 : 0;
                    fn += scam && !flagged ? 1 : 0;
                    none += scam ? 0 : 1;
                }
            }
            double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            sb.append(String.format(Locale.ROOT, "| %.2f | %.3f (%.3f / %.3f) | %.1f%% |%n", c, tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn),
                p, r, none == 0 ? 0 : 100.0 * fp / none));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return rows.toString();
    }
}
