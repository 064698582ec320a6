package cn.antifraud.core.analysis;

import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.LabeledText;
import cn.antifraud.kb.Styles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Measures the classifier honestly: k-fold cross-validation on the training corpus, leave-one-style-out (trained
 * without one writing style, scored on it), and the two held-out files, which no model is ever trained on; every split
 * scores the pipeline and a plain naive Bayes baseline side by side. A verdict is the full analysis output counted the
 * way outside testers count it: high or medium is "flagged" with its scam type, anything lower is {@code none}.
 */
public final class Evaluation {
    /** The baseline's smoothing (the textbook Laplace value). */
    static final double BASELINE_ALPHA = 1.0;

    private final KnowledgeBase kb;
    private final Featurizer featurizer;
    private final SignalDetector signals;
    private final Consumer<String> progress;
    private final Consumer<Comparison> scored;

    public Evaluation(KnowledgeBase kb, Featurizer featurizer, Consumer<String> progress) {
        this(kb, featurizer, progress, c -> { });
    }

    /** As above; {@code scored} hears of every split's comparison as soon as it is scored. */
    public Evaluation(KnowledgeBase kb, Featurizer featurizer, Consumer<String> progress, Consumer<Comparison> scored) {
        this.kb = kb;
        this.featurizer = featurizer;
        this.signals = SignalDetector.of(kb);
        this.progress = progress;
        this.scored = scored;
    }

    /** One split's verdicts from the pipeline and from the baseline, on the same lines, with the pipeline's P(scam). */
    public record Comparison(String split, Scores pipeline, Scores baseline, double[] scamProbability) {
    }

    /** A named split of lines into training and test parts. */
    public record Split(String name, List<LabeledText> train, List<LabeledText> test) {
    }

    /** Cross-validation over {@code k} folds of {@code corpus} (deterministic shuffle). */
    public List<Comparison> crossValidate(int k, List<LabeledText> corpus) {
        return run(folds(k, corpus));
    }

    /** For every tagged style: trained on the other lines (untagged ones included), scored on that style's lines. */
    public List<Comparison> leaveOneStyleOut(List<LabeledText> corpus) {
        return run(styleSplits(corpus));
    }

    public List<Comparison> run(List<Split> splits) {
        List<Comparison> out = new ArrayList<>();
        for (Split s : splits) {
            out.add(compare(s.name(), s.train(), s.test()));
        }
        return out;
    }

    static List<Split> folds(int k, List<LabeledText> corpus) {
        List<LabeledText> data = new ArrayList<>(corpus);
        Collections.shuffle(data, new Random(42));
        List<Split> out = new ArrayList<>();
        for (int fold = 0; fold < k; fold++) {
            List<LabeledText> train = new ArrayList<>();
            List<LabeledText> test = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                (i % k == fold ? test : train).add(data.get(i));
            }
            out.add(new Split("fold " + (fold + 1) + "/" + k, train, test));
        }
        return out;
    }

    static List<Split> styleSplits(List<LabeledText> corpus) {
        List<Split> out = new ArrayList<>();
        for (String style : new TreeSet<>(corpus.stream().map(LabeledText::style).filter(st -> !st.equals(Styles.UNTAGGED)).toList())) {
            List<LabeledText> train = corpus.stream().filter(t -> !t.style().equals(style)).toList();
            List<LabeledText> test = corpus.stream().filter(t -> t.style().equals(style)).toList();
            out.add(new Split("without " + style, train, test));
        }
        return out;
    }

    /** Trains the pipeline and the baseline on {@code train} and scores both on {@code test}. */
    public Comparison compare(String split, List<LabeledText> train, List<LabeledText> test) {
        progress.accept(split + ": training on " + train.size() + " lines, scoring " + test.size());
        long start = System.nanoTime();
        Models models = Models.train(featurizer, train, kb.intents());
        progress.accept(split + ": pipeline trained in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return compare(split, models, Baseline.train(train), test);
    }

    /** Scores given models and baseline on {@code test}. */
    public Comparison compare(String split, Models models, Baseline baseline, List<LabeledText> test) {
        Analyzer analyzer = analyzerFor(models);
        List<String> truth = new ArrayList<>(test.size());
        List<String> pipeline = new ArrayList<>(test.size());
        List<String> bayes = new ArrayList<>(test.size());
        double[] p = new double[test.size()];
        for (int i = 0; i < test.size(); i++) {
            LabeledText t = test.get(i);
            truth.add(t.label());
            Analysis a = analyzer.analyze(t.text());
            pipeline.add(verdict(a));
            p[i] = a.scamProbability();
            bayes.add(baseline.label(t.text()));
        }
        Comparison c = new Comparison(split, new Scores(labels(), truth, pipeline), new Scores(labels(), truth, bayes), p);
        scored.accept(c);
        return c;
    }

    /** The label a verdict counts as: its scam type when flagged (high or medium), else {@code none}. */
    static String verdict(Analysis a) {
        return a.risk().compareTo(Risk.MEDIUM) >= 0 ? a.scamType() : KnowledgeBase.NONE;
    }

    /** Scores on the held-out file with the given (fully trained) models. */
    public Scores heldOut(Models models) {
        Analyzer analyzer = analyzerFor(models);
        List<String> truth = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (LabeledText t : kb.heldout()) {
            truth.add(t.label());
            predicted.add(verdict(analyzer.analyze(t.text())));
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

    Analyzer analyzerFor(Models models) {
        return new Analyzer(featurizer, signals, models, KnownIndicators.NONE);
    }

    /** As {@link #analyzerFor(Models)} with another detection cutoff and bare-detection level. */
    Analyzer analyzerFor(Models models, double cutoff, double bare) {
        return new Analyzer(featurizer, signals, models, KnownIndicators.NONE, cutoff, new RiskScorer(bare));
    }

    private List<String> labels() {
        List<String> labels = new ArrayList<>(kb.scamTypeIds());
        labels.add(KnowledgeBase.NONE);
        return labels;
    }

    /** The plain baseline: multinomial naive Bayes on character 1-3-grams of the raw text, 13 types + none. */
    public static final class Baseline {
        private final NaiveBayes bayes;

        private Baseline(NaiveBayes bayes) {
            this.bayes = bayes;
        }

        public static Baseline train(List<LabeledText> train) {
            List<String> labels = new ArrayList<>(train.size());
            List<String[]> docs = new ArrayList<>(train.size());
            for (LabeledText t : train) {
                labels.add(t.label());
                docs.add(NaiveBayes.charGrams(t.text()));
            }
            return new Baseline(NaiveBayes.train(labels, docs, BASELINE_ALPHA, 1));
        }

        public String label(String text) {
            return bayes.best(NaiveBayes.charGrams(text));
        }
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

        /** Precision of "is a scam": of the lines flagged, the share that are scams. */
        public double scamPrecision() {
            int[] c = scamCounts();
            return c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
        }

        /** Recall of "is a scam": of the scam lines, the share flagged. */
        public double scamRecall() {
            int[] c = scamCounts();
            return c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
        }

        /** Scam lines among the samples. */
        public int scams() {
            int[] c = scamCounts();
            return c[0] + c[2];
        }

        /** True positives, false positives, false negatives of "is a scam". */
        private int[] scamCounts() {
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
            return new int[] {tp, fp, fn};
        }

        /** Pools several splits' verdicts (each line is in exactly one split's test part). */
        public static Scores pool(List<Scores> parts) {
            List<String> truth = new ArrayList<>();
            List<String> predicted = new ArrayList<>();
            parts.forEach(p -> {
                truth.addAll(p.truth());
                predicted.addAll(p.predicted());
            });
            return new Scores(parts.get(0).labels(), truth, predicted);
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
