package cn.antifraud.core.analysis;

import cn.antifraud.kb.KnowledgeBase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The first of the two decisions: is this a scam at all? An ensemble of a binary maxent model and a naive Bayes model
 * over the same features (words, character n-grams, cues), combined and calibrated by {@link Platt} scaling fitted on
 * out-of-fold scores, so {@link #probability} is a calibrated P(scam) that the risk rules compare with one cutoff.
 * Which type of scam is the second decision, taken by a model trained on scam lines only.
 */
public final class Detector {
    public static final String SCAM = "scam";
    /**
     * Maxent member: L2 a little stronger than the type model's, since it must carry across styles. Its objective is
     * OpenNLP's own, unscaled: that minimiser stops short of the minimum, and the member stopped there raised fewer false
     * alarms out of style than the fully converged one (assistant style 4.3% against 9.9%, docs/evaluation.md).
     */
    public static final TextClassifier.Config CONFIG = new TextClassifier.Config("MAXENT_QN", 100, 2, 0.5, FraudFeatures.DEFAULT_SPEC, 1.0);
    static final double NB_ALPHA = 0.5;
    static final int CALIBRATION_FOLDS = 3;
    private static final int FORMAT = 1;

    private final TextClassifier maxent;
    private final NaiveBayes bayes;
    private final Platt platt;
    private final int scamIndex;

    Detector(TextClassifier maxent, NaiveBayes bayes, Platt platt) {
        this.maxent = maxent;
        this.bayes = bayes;
        this.platt = platt;
        this.scamIndex = bayes.labelIndex(SCAM);
    }

    /**
     * Trains on samples labelled with a scam type or {@code none}, with each sample's writing style; deterministic for
     * the same input. The calibration folds hold out whole styles (untagged lines are spread over all folds), so the
     * calibrated probability is what the members' scores mean on a style they were not trained on.
     */
    public static Detector train(List<TextClassifier.Sample> samples, List<String> styles, Executor executor) {
        List<String> tagged = new ArrayList<>(new java.util.TreeSet<>(styles));
        tagged.remove(cn.antifraud.kb.Styles.UNTAGGED);
        int[] foldOf = new int[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            int style = tagged.indexOf(styles.get(i));
            foldOf[i] = (style < 0 ? i : style) % CALIBRATION_FOLDS;
        }
        List<TextClassifier.Sample> binary = new ArrayList<>(samples.size());
        for (TextClassifier.Sample s : samples) {
            binary.add(new TextClassifier.Sample(s.label().equals(KnowledgeBase.NONE) ? KnowledgeBase.NONE : SCAM, s.tokens()));
        }
        if (!everyFoldTrainsOnBoth(binary, foldOf)) {
            // A small or lopsided corpus (a style only scams are written in) leaves a fold's training set one-sided:
            // calibrate on folds by position instead, which always see both outcomes.
            for (int i = 0; i < foldOf.length; i++) {
                foldOf[i] = i % CALIBRATION_FOLDS;
            }
        }
        double[][] x = new double[binary.size()][];
        boolean[] y = new boolean[binary.size()];
        // the calibration folds and the final members are independent single-threaded trainings: run side by side
        List<CompletableFuture<Void>> folds = new ArrayList<>();
        for (int fold = 0; fold < CALIBRATION_FOLDS; fold++) {
            int f = fold;
            folds.add(CompletableFuture.runAsync(() -> {
                List<TextClassifier.Sample> train = new ArrayList<>();
                for (int i = 0; i < binary.size(); i++) {
                    if (foldOf[i] != f) {
                        train.add(binary.get(i));
                    }
                }
                Detector member = members(train, null);
                for (int i = 0; i < binary.size(); i++) {
                    if (foldOf[i] == f) {
                        x[i] = member.scores(member.maxent.features(binary.get(i).tokens()));
                        y[i] = binary.get(i).label().equals(SCAM);
                    }
                }
            }, executor));
        }
        CompletableFuture<Detector> all = CompletableFuture.supplyAsync(() -> members(binary, null), executor);
        folds.forEach(CompletableFuture::join);
        Detector trained = all.join();
        return new Detector(trained.maxent, trained.bayes, Platt.fit(x, y));
    }

    private static boolean everyFoldTrainsOnBoth(List<TextClassifier.Sample> binary, int[] foldOf) {
        for (int fold = 0; fold < CALIBRATION_FOLDS; fold++) {
            boolean scam = false;
            boolean none = false;
            for (int i = 0; i < binary.size(); i++) {
                if (foldOf[i] != fold) {
                    scam |= binary.get(i).label().equals(SCAM);
                    none |= !binary.get(i).label().equals(SCAM);
                }
            }
            if (!scam || !none) {
                return false;
            }
        }
        return true;
    }

    private static Detector members(List<TextClassifier.Sample> binary, Platt platt) {
        TextClassifier maxent = TextClassifier.train(binary, CONFIG);
        List<String> labels = new ArrayList<>(binary.size());
        List<String[]> docs = new ArrayList<>(binary.size());
        for (TextClassifier.Sample s : binary) {
            labels.add(s.label());
            docs.add(maxent.features(s.tokens()));
        }
        return new Detector(maxent, NaiveBayes.train(labels, docs, NB_ALPHA, 2), platt);
    }

    /** Calibrated P(scam) for segmented text. */
    public double probability(List<String> tokens) {
        return platt.probability(scores(maxent.features(tokens)));
    }

    /** The members' scores for features: the maxent logit and the naive Bayes log-odds per known feature. */
    double[] scores(String[] features) {
        double p = maxent.predict(features).probability(SCAM);
        double[] nb = bayes.logScores(features);
        return inputs(p, nb[scamIndex] - nb[1 - scamIndex], bayes.known(features));
    }

    /**
     * What calibration sees: the maxent logit (clipped), and naive Bayes' log-odds divided by the square root of the
     * number of known features, since its raw log-odds grow with the length of the text.
     */
    static double[] inputs(double maxentScam, double bayesLogOdds, int known) {
        double p = Math.min(Math.max(maxentScam, 1e-6), 1 - 1e-6);
        return new double[] {Math.log(p / (1 - p)), bayesLogOdds / Math.sqrt(known + 1.0)};
    }

    double calibrated(double maxentScam, double bayesLogOdds, int known) {
        return platt.probability(inputs(maxentScam, bayesLogOdds, known));
    }

    TextClassifier maxent() {
        return maxent;
    }

    /** Per feature, log P(f | scam) - log P(f | none); with {@link #bayesBias} the naive Bayes member as a linear model. */
    Map<String, Double> bayesWeights() {
        Map<String, Double> out = new HashMap<>(bayes.logLikelihood().size() * 2);
        bayes.logLikelihood().forEach((f, row) -> out.put(f, row[scamIndex] - row[1 - scamIndex]));
        return out;
    }

    double bayesBias() {
        return bayes.logPrior()[scamIndex] - bayes.logPrior()[1 - scamIndex];
    }

    public byte[] save() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(FORMAT);
            byte[] m = maxent.save();
            out.writeInt(m.length);
            out.write(m);
            out.writeInt(platt.weights().length);
            for (double w : platt.weights()) {
                out.writeDouble(w);
            }
            out.writeDouble(platt.bias());
            bayes.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Detector load(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (in.readInt() != FORMAT) {
                throw new IOException("unknown detector format");
            }
            byte[] m = new byte[in.readInt()];
            in.readFully(m);
            double[] w = new double[in.readInt()];
            for (int i = 0; i < w.length; i++) {
                w[i] = in.readDouble();
            }
            Platt platt = new Platt(w, in.readDouble());
            return new Detector(TextClassifier.load(m), NaiveBayes.read(in), platt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read detector model", e);
        }
    }
}
