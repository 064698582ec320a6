package cn.antifraud.core.analysis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The second decision: which of the 13 scam types, trained on scam lines only (whether it is a scam at all is the
 * {@link Detector}'s call). A maxent model and a naive Bayes model over the same features, their log-scores added:
 * maxent is sharper on styles it was trained on, naive Bayes carries better to unseen ones (victims' own accounts,
 * chat), as leave-one-style-out shows (docs/evaluation.md).
 */
public final class TypeModel {
    /** Weight of naive Bayes' per-feature-normalised log-scores against maxent's log-probabilities. */
    public static final double BAYES_WEIGHT = 2.0;
    private static final int FORMAT = 1;

    private final TextClassifier maxent;
    private final NaiveBayes bayes;
    private final int[] bayesColumn;

    TypeModel(TextClassifier maxent, NaiveBayes bayes) {
        this.maxent = maxent;
        this.bayes = bayes;
        List<String> labels = maxent.labels();
        this.bayesColumn = new int[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            bayesColumn[i] = bayes.labelIndex(labels.get(i));
        }
    }

    /** Trains on scam samples (labelled with their type); deterministic. */
    public static TypeModel train(List<TextClassifier.Sample> scams, TextClassifier.Config config) {
        TextClassifier maxent = TextClassifier.train(scams, config);
        List<String> labels = new ArrayList<>(scams.size());
        List<String[]> docs = new ArrayList<>(scams.size());
        for (TextClassifier.Sample s : scams) {
            labels.add(s.label());
            docs.add(maxent.features(s.tokens()));
        }
        return new TypeModel(maxent, NaiveBayes.train(labels, docs, Detector.NB_ALPHA, 2));
    }

    public TextClassifier.Prediction predict(List<String> tokens) {
        return predict(tokens, BAYES_WEIGHT);
    }

    /** As {@link #predict(List)} with another naive Bayes weight (0 = maxent alone): for choosing the weight. */
    public TextClassifier.Prediction predict(List<String> tokens, double bayesWeight) {
        String[] features = maxent.features(tokens);
        double[] me = maxent.probabilitiesInOrder(features);
        double[] nb = bayes.logScores(features);
        double[] inOrder = new double[bayesColumn.length];
        for (int i = 0; i < inOrder.length; i++) {
            inOrder[i] = bayesColumn[i] < 0 ? Double.NEGATIVE_INFINITY : nb[bayesColumn[i]];
        }
        return combine(me, inOrder, bayes.known(features), bayesWeight);
    }

    /** Maxent probabilities and naive Bayes log-scores (both in the maxent model's outcome order) combined. */
    TextClassifier.Prediction combine(double[] maxentProbabilities, double[] bayesLogScores, int known, double bayesWeight) {
        double scale = bayesWeight / Math.sqrt(known + 1.0);
        double[] z = new double[maxentProbabilities.length];
        double max = Double.NEGATIVE_INFINITY;
        for (double v : bayesLogScores) {
            max = Math.max(max, v);
        }
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.log(Math.max(maxentProbabilities[i], 1e-12)) + (bayesWeight == 0 ? 0 : scale * (bayesLogScores[i] - max));
        }
        return TextClassifier.Prediction.of(maxent.labels().toArray(String[]::new), softmax(z));
    }

    private static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double total = 0;
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] - max);
            total += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= total;
        }
        return p;
    }

    TextClassifier maxent() {
        return maxent;
    }

    NaiveBayes bayes() {
        return bayes;
    }

    /** Naive Bayes columns in the maxent model's outcome order (-1 where naive Bayes never saw the type). */
    int[] bayesColumns() {
        return bayesColumn;
    }

    public List<String> labels() {
        return maxent.labels();
    }

    public String featureSpec() {
        return maxent.featureSpec();
    }

    public byte[] save() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(FORMAT);
            byte[] m = maxent.save();
            out.writeInt(m.length);
            out.write(m);
            bayes.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TypeModel load(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (in.readInt() != FORMAT) {
                throw new IOException("unknown scam-type model format");
            }
            byte[] m = new byte[in.readInt()];
            in.readFully(m);
            return new TypeModel(TextClassifier.load(m), NaiveBayes.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scam-type model", e);
        }
    }
}
