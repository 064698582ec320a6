package cn.antifraud.core.analysis;

import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.LabeledText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Measures the classifier honestly: k-fold cross-validation on the training corpus, and scores on the
 * held-out file, which no model is ever trained on. Verdicts are the full analysis output (model, signals,
 * risk), not the raw model label.
 */
public final class Evaluation {
    private final KnowledgeBase kb;
    private final Featurizer featurizer;
    private final SignalDetector signals;
    private final Consumer<String> progress;

    public Evaluation(KnowledgeBase kb, Featurizer featurizer, Consumer<String> progress) {
        this.kb = kb;
        this.featurizer = featurizer;
        this.signals = new SignalDetector(kb.signals());
        this.progress = progress;
    }

    /** Cross-validation over {@code k} folds (deterministic shuffle). */
    public Scores crossValidate(int k, Models full) {
        List<LabeledText> data = new ArrayList<>(kb.corpus());
        Collections.shuffle(data, new Random(42));
        List<String> predicted = new ArrayList<>(Collections.nCopies(data.size(), ""));
        for (int fold = 0; fold < k; fold++) {
            List<LabeledText> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (i % k == fold) {
                    test.add(i);
                } else {
                    train.add(data.get(i));
                }
            }
            progress.accept("fold " + (fold + 1) + "/" + k + ": training on " + train.size() + ", testing on " + test.size());
            Analyzer analyzer = analyzerFor(trainScam(train), full.intent());
            for (int i : test) {
                predicted.set(i, analyzer.analyze(data.get(i).text()).scamType());
            }
        }
        return new Scores(labels(), data.stream().map(LabeledText::label).toList(), predicted);
    }

    /** Scores on the held-out file with the given (fully trained) models. */
    public Scores heldOut(Models models) {
        Analyzer analyzer = analyzerFor(models.scamType(), models.intent());
        List<String> truth = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (LabeledText t : kb.heldout()) {
            truth.add(t.label());
            predicted.add(analyzer.analyze(t.text()).scamType());
        }
        return new Scores(labels(), truth, predicted);
    }

    /** Intent accuracy on the held-out intent file. */
    public Scores heldOutIntents(Models models) {
        Function<String, String> intentOf = text -> {
            TextClassifier.Prediction p = models.intent().predict(featurizer.tokens(text));
            return p.bestProbability() >= Analyzer.INTENT_THRESHOLD ? p.best() : KnowledgeBase.VERIFY_INTENT;
        };
        List<String> labels = new ArrayList<>(KnowledgeBase.INTENTS);
        labels.add(KnowledgeBase.VERIFY_INTENT);
        List<String> truth = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (LabeledText t : kb.heldoutIntents()) {
            truth.add(t.label());
            predicted.add(intentOf.apply(t.text()));
        }
        return new Scores(labels, truth, predicted);
    }

    private TextClassifier trainScam(List<LabeledText> train) {
        List<TextClassifier.Sample> samples = new ArrayList<>(train.size());
        for (LabeledText t : train) {
            samples.add(new TextClassifier.Sample(t.label(), featurizer.tokens(t.text())));
        }
        return TextClassifier.train(samples, Models.SCAM_CONFIG);
    }

    private Analyzer analyzerFor(TextClassifier scam, TextClassifier intent) {
        return new Analyzer(featurizer, signals, new Models(scam, intent, "eval"), KnownIndicators.NONE);
    }

    private List<String> labels() {
        List<String> labels = new ArrayList<>(kb.scamTypeIds());
        labels.add(KnowledgeBase.NONE);
        return labels;
    }

    /** Confusion matrix and the figures derived from it. */
    public record Scores(List<String> labels, List<String> truth, List<String> predicted) {
        public int[][] confusion() {
            int[][] m = new int[labels.size()][labels.size()];
            for (int i = 0; i < truth.size(); i++) {
                int p = labels.indexOf(predicted.get(i));
                m[labels.indexOf(truth.get(i))][p < 0 ? labels.size() - 1 : p]++;
            }
            return m;
        }

        public double accuracy() {
            int ok = 0;
            for (int i = 0; i < truth.size(); i++) {
                ok += truth.get(i).equals(predicted.get(i)) ? 1 : 0;
            }
            return truth.isEmpty() ? 0 : (double) ok / truth.size();
        }

        /** Accuracy of the scam type on samples that are scams. */
        public double scamTypeAccuracy() {
            int n = 0;
            int ok = 0;
            for (int i = 0; i < truth.size(); i++) {
                if (!truth.get(i).equals(KnowledgeBase.NONE)) {
                    n++;
                    ok += truth.get(i).equals(predicted.get(i)) ? 1 : 0;
                }
            }
            return n == 0 ? 0 : (double) ok / n;
        }

        /** F1 of "is a scam" against "is not". */
        public double scamF1() {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < truth.size(); i++) {
                boolean t = !truth.get(i).equals(KnowledgeBase.NONE);
                boolean p = !predicted.get(i).equals(KnowledgeBase.NONE);
                tp += t && p ? 1 : 0;
                fp += !t && p ? 1 : 0;
                fn += t && !p ? 1 : 0;
            }
            return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }

        /** Share of {@code none} samples flagged as a scam. */
        public double falseAlarmRate() {
            int n = 0;
            int flagged = 0;
            for (int i = 0; i < truth.size(); i++) {
                if (truth.get(i).equals(KnowledgeBase.NONE)) {
                    n++;
                    flagged += predicted.get(i).equals(KnowledgeBase.NONE) ? 0 : 1;
                }
            }
            return n == 0 ? 0 : (double) flagged / n;
        }

        /** Markdown report: per-label precision/recall/F1, summary figures and the confusion matrix. */
        public String report(String title) {
            int[][] m = confusion();
            StringBuilder sb = new StringBuilder("### ").append(title).append("\n\n");
            sb.append(String.format(Locale.ROOT, "samples %d; scam-vs-not F1 %.3f; scam-type accuracy %.3f; "
                + "false alarms on none %.1f%%; overall accuracy %.3f%n%n", truth.size(), scamF1(), scamTypeAccuracy(),
                100 * falseAlarmRate(), accuracy()));
            sb.append("| label | precision | recall | F1 | support |\n|---|---|---|---|---|\n");
            for (int i = 0; i < labels.size(); i++) {
                int tp = m[i][i];
                int col = 0;
                int row = 0;
                for (int j = 0; j < labels.size(); j++) {
                    col += m[j][i];
                    row += m[i][j];
                }
                double p = col == 0 ? 0 : (double) tp / col;
                double r = row == 0 ? 0 : (double) tp / row;
                double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
                sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d |%n", labels.get(i), p, r, f, row));
            }
            sb.append("\nConfusion matrix (rows = truth, columns = predicted, same order as above):\n\n```\n");
            for (int i = 0; i < labels.size(); i++) {
                sb.append(String.format(Locale.ROOT, "%-26s", labels.get(i)));
                for (int j = 0; j < labels.size(); j++) {
                    sb.append(String.format(Locale.ROOT, "%4d", m[i][j]));
                }
                sb.append('\n');
            }
            return sb.append("```\n").toString();
        }
    }
}
