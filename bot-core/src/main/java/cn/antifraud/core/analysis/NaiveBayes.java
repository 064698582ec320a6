package cn.antifraud.core.analysis;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multinomial naive Bayes with additive smoothing over any string features. It is the plain baseline every model is
 * judged against (on character 1-3-grams, {@link #charGrams}), and, on the pipeline's own features, one member of the
 * scam-vs-not detector: counting generalises across writing styles in a way a fitted maxent model does not.
 * Features never seen in training are ignored, as usual.
 */
public final class NaiveBayes {
    private final String[] labels;
    private final double[] logPrior;
    /** Per feature, log P(feature | label) for every label. */
    private final Map<String, double[]> logLikelihood;

    private NaiveBayes(String[] labels, double[] logPrior, Map<String, double[]> logLikelihood) {
        this.labels = labels;
        this.logPrior = logPrior;
        this.logLikelihood = logLikelihood;
    }

    /**
     * Trains on documents given as feature lists, with labels in the same order; {@code alpha} is the smoothing, and
     * features seen fewer than {@code minCount} times are dropped (1 keeps all).
     */
    public static NaiveBayes train(List<String> docLabels, List<String[]> docs, double alpha, int minCount) {
        Map<String, Integer> index = new LinkedHashMap<>();
        docLabels.forEach(l -> index.putIfAbsent(l, index.size()));
        int k = index.size();
        double[] prior = new double[k];
        double[] totals = new double[k];
        Map<String, double[]> counts = new HashMap<>();
        for (int d = 0; d < docs.size(); d++) {
            int c = index.get(docLabels.get(d));
            prior[c]++;
            for (String f : docs.get(d)) {
                counts.computeIfAbsent(f, x -> new double[k])[c]++;
                totals[c]++;
            }
        }
        if (minCount > 1) {
            counts.values().removeIf(row -> {
                double n = 0;
                for (double v : row) {
                    n += v;
                }
                return n < minCount;
            });
            java.util.Arrays.fill(totals, 0);
            for (double[] row : counts.values()) {
                for (int c = 0; c < k; c++) {
                    totals[c] += row[c];
                }
            }
        }
        double vocabulary = counts.size();
        for (int c = 0; c < k; c++) {
            prior[c] = Math.log(prior[c] / docs.size());
        }
        for (double[] row : counts.values()) {
            for (int c = 0; c < k; c++) {
                row[c] = Math.log((row[c] + alpha) / (totals[c] + alpha * vocabulary));
            }
        }
        return new NaiveBayes(index.keySet().toArray(String[]::new), prior, counts);
    }

    /** Unnormalised log P(label) + sum of log P(feature | label) over known features, per label. */
    public double[] logScores(String[] features) {
        double[] s = logPrior.clone();
        for (String f : features) {
            double[] row = logLikelihood.get(f);
            if (row != null) {
                for (int c = 0; c < s.length; c++) {
                    s[c] += row[c];
                }
            }
        }
        return s;
    }

    /** How many of the features the model knows. */
    public int known(String[] features) {
        int n = 0;
        for (String f : features) {
            n += logLikelihood.containsKey(f) ? 1 : 0;
        }
        return n;
    }

    /** The most likely label. */
    public String best(String[] features) {
        double[] s = logScores(features);
        int best = 0;
        for (int c = 1; c < s.length; c++) {
            best = s[c] > s[best] ? c : best;
        }
        return labels[best];
    }

    public List<String> labels() {
        return List.of(labels);
    }

    public int labelIndex(String label) {
        return List.of(labels).indexOf(label);
    }

    double[] logPrior() {
        return logPrior;
    }

    Map<String, double[]> logLikelihood() {
        return logLikelihood;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(labels.length);
        for (int c = 0; c < labels.length; c++) {
            out.writeUTF(labels[c]);
            out.writeDouble(logPrior[c]);
        }
        out.writeInt(logLikelihood.size());
        for (Map.Entry<String, double[]> e : logLikelihood.entrySet()) {
            out.writeUTF(e.getKey());
            for (double v : e.getValue()) {
                out.writeDouble(v);
            }
        }
    }

    static NaiveBayes read(DataInputStream in) throws IOException {
        int k = in.readInt();
        String[] labels = new String[k];
        double[] prior = new double[k];
        for (int c = 0; c < k; c++) {
            labels[c] = in.readUTF();
            prior[c] = in.readDouble();
        }
        int n = in.readInt();
        Map<String, double[]> map = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            String f = in.readUTF();
            double[] row = new double[k];
            for (int c = 0; c < k; c++) {
                row[c] = in.readDouble();
            }
            map.put(f, row);
        }
        return new NaiveBayes(labels, prior, map);
    }

    /** Character 1-, 2- and 3-grams of lower-cased text: the baseline's features. */
    public static String[] charGrams(String text) {
        String s = text.toLowerCase();
        List<String> out = new ArrayList<>(s.length() * 3);
        for (int i = 0; i < s.length(); i++) {
            for (int n = 1; n <= 3 && i + n <= s.length(); n++) {
                out.add(s.substring(i, i + n));
            }
        }
        return out.toArray(String[]::new);
    }
}
