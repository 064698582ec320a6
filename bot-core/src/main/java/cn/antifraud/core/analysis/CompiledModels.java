package cn.antifraud.core.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * The detector's, scam-type and intent models' weights compiled for scoring by the 64-bit hash of each feature, so no
 * feature strings are built. Each model has its own table ({@link Table}): a small index that fits the CPU cache and
 * rows of one cache line each holding the feature's hash and that model's weights, so a feature costs at most one
 * memory fetch per model. The detector's table holds its maxent weights and its naive Bayes log-odds side by side.
 * Scores exactly as OpenNLP's L-BFGS maxent ({@code QNModel}) and {@link NaiveBayes} do, within float rounding.
 */
final class CompiledModels {
    /** What the compiled models say about one text. */
    record Scores(double scamProbability, TextClassifier.Prediction type, TextClassifier.Prediction intent) {
    }

    private final Detector detector;
    private final Table detect;
    private final int detectScam;
    private final TypeModel typeModel;
    private final Table scam;
    private final Table typeBayes;
    private final double[] typeBayesPrior;
    private final Table intent;
    private final String[] scamOutcomes;
    private final String[] intentOutcomes;
    private final FraudFeatures features;

    private CompiledModels(Detector detector, QNModel detectModel, TypeModel types, QNModel scam, QNModel intent, FraudFeatures features) {
        this.detector = detector;
        this.typeModel = types;
        // columns: the maxent member's two outcomes, the naive Bayes log-odds, and 1 where naive Bayes knows the feature
        Map<String, double[]> detectRows = weights(detectModel, 4);
        detector.bayesWeights().forEach((f, w) -> {
            double[] row = detectRows.computeIfAbsent(f, x -> new double[4]);
            row[2] = w;
            row[3] = 1;
        });
        this.detect = new Table(detectRows, 4);
        this.detectScam = java.util.Arrays.asList((String[]) ((AbstractModel) detectModel).getDataStructures()[2]).indexOf(Detector.SCAM);
        String[] so = (String[]) ((AbstractModel) scam).getDataStructures()[2];
        String[] io = (String[]) ((AbstractModel) intent).getDataStructures()[2];
        this.scam = new Table(weights(scam, so.length), so.length);
        // naive Bayes type log-likelihoods in the maxent model's outcome order, centred per feature (a constant added to
        // every type changes nothing after the softmax, and small numbers keep float precision), then 1 for "known"
        int[] column = types.bayesColumns();
        Map<String, double[]> bayesRows = new HashMap<>(types.bayes().logLikelihood().size() * 2);
        types.bayes().logLikelihood().forEach((f, ll) -> {
            double[] row = new double[so.length + 1];
            double mean = 0;
            for (int k = 0; k < so.length; k++) {
                row[k] = column[k] < 0 ? 0 : ll[column[k]];
                mean += row[k] / so.length;
            }
            for (int k = 0; k < so.length; k++) {
                row[k] -= mean;
            }
            row[so.length] = 1;
            bayesRows.put(f, row);
        });
        this.typeBayes = new Table(bayesRows, so.length + 1);
        this.typeBayesPrior = new double[so.length];
        for (int k = 0; k < so.length; k++) {
            typeBayesPrior[k] = column[k] < 0 ? Double.NEGATIVE_INFINITY : types.bayes().logPrior()[column[k]];
        }
        this.intent = new Table(weights(intent, io.length), io.length);
        this.scamOutcomes = so;
        this.intentOutcomes = io;
        this.features = features;
    }

    /** Compiles models trained with L-BFGS on the same features; empty when that does not hold. */
    static Optional<CompiledModels> of(Models models) {
        if (!(models.detector().maxent().maxent() instanceof QNModel d) || !(models.scamType().maxent().maxent() instanceof QNModel s)
            || !(models.intent().maxent() instanceof QNModel i) || !models.scamType().featureSpec().equals(models.intent().featureSpec())
            || !models.detector().maxent().featureSpec().equals(models.intent().featureSpec())) {
            return Optional.empty();
        }
        return Optional.of(new CompiledModels(models.detector(), d, models.scamType(), s, i, new FraudFeatures(models.scamType().featureSpec())));
    }

    /** A maxent model's weights by feature, {@code width} columns (outcomes first). */
    @SuppressWarnings("unchecked")
    private static Map<String, double[]> weights(QNModel model, int width) {
        Map<String, Context> predicates = (Map<String, Context>) ((AbstractModel) model).getDataStructures()[1];
        Map<String, double[]> out = new HashMap<>(predicates.size() * 2);
        predicates.forEach((f, context) -> {
            double[] row = out.computeIfAbsent(f, x -> new double[width]);
            int[] outcomes = context.getOutcomes();
            double[] params = context.getParameters();
            for (int k = 0; k < outcomes.length; k++) {
                row[outcomes[k]] += params[k];
            }
        });
        return out;
    }

    /** The detector's calibrated P(scam) and the type and intent predictions for segmented text. */
    Scores predict(List<String> tokens) {
        long[] hashes = features.hashes(tokens);
        double[] d = detect.sums(hashes);
        double[] maxent = softmax(new double[] {d[0], d[1]});
        double p = detector.calibrated(maxent[detectScam], d[2] + detector.bayesBias(), (int) Math.round(d[3]));
        double[] nb = typeBayes.sums(hashes);
        int width = scamOutcomes.length;
        double[] bayesScores = new double[width];
        for (int k = 0; k < width; k++) {
            bayesScores[k] = nb[k] + typeBayesPrior[k];
        }
        TextClassifier.Prediction type = typeModel.combine(scam.probabilities(hashes), bayesScores, (int) Math.round(nb[width]),
            TypeModel.BAYES_WEIGHT);
        return new Scores(p, type, TextClassifier.Prediction.of(intentOutcomes, intent.probabilities(hashes)));
    }

    /**
     * One model's weights. {@code index} (open addressing by hash, 4 bytes a slot) holds row number + 1 in its low
     * {@link #ROW_BITS} bits and the hash's top bits above them, or 0 when empty: most features a model does not know
     * are rejected there without reading a row. {@code rows} holds {@link #ROW} ints per row: the feature hash in two
     * ints, then the model's weights as float bits. Rows start 64-byte aligned when the array is allocated on a region
     * boundary (G1 places large arrays so), which the {@link #LEAD} ints in front arrange: array data begins 16 bytes
     * after the array's start.
     */
    static final class Table {
        static final int ROW = 16;
        static final int LEAD = 12;
        static final int ROW_BITS = 20;
        private static final int ROW_MASK = (1 << ROW_BITS) - 1;
        private final int[] index;
        private final int[] rows;
        private final int mask;
        private final int width;

        Table(Map<String, double[]> predicates, int width) {
            if (width > ROW - 2 || predicates.size() >= ROW_MASK) {
                throw new IllegalArgumentException("model too large to compile: " + width + " outcomes, " + predicates.size() + " features");
            }
            this.width = width;
            int size = Integer.highestOneBit(Math.max(16, predicates.size() * 2)) * 2;
            this.index = new int[size];
            this.mask = size - 1;
            this.rows = new int[LEAD + predicates.size() * ROW];
            int count = 0;
            for (Map.Entry<String, double[]> e : predicates.entrySet()) {
                long h = FraudFeatures.hash(e.getKey());
                int row = find(h);
                if (row < 0) {
                    int slot = slot(h);
                    while (index[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    index[slot] = tag(h) << ROW_BITS | ++count;
                    row = LEAD + (count - 1) * ROW;
                    rows[row] = (int) h;
                    rows[row + 1] = (int) (h >>> 32);
                }
                double[] w = e.getValue();
                for (int k = 0; k < width; k++) {
                    rows[row + 2 + k] = Float.floatToRawIntBits(Float.intBitsToFloat(rows[row + 2 + k]) + (float) w[k]);
                }
            }
        }

        /** Softmax over the summed weights of the given features. */
        double[] probabilities(long[] hashes) {
            return softmax(java.util.Arrays.copyOf(sums(hashes), width));
        }

        /** The summed weights of the given features per column, then how many of them the table knows. */
        double[] sums(long[] hashes) {
            double[] sums = new double[width + 1];
            for (long h : hashes) {
                int row = find(h);
                if (row >= 0) {
                    sums[width]++;
                    for (int k = 0; k < width; k++) {
                        sums[k] += Float.intBitsToFloat(rows[row + 2 + k]);
                    }
                }
            }
            return sums;
        }

        /** The start of the feature's row, or -1 when the model does not know the feature. */
        private int find(long h) {
            int lo = (int) h;
            int hi = (int) (h >>> 32);
            int tag = tag(h);
            for (int slot = slot(h), e = index[slot]; e != 0; slot = (slot + 1) & mask, e = index[slot]) {
                if (e >>> ROW_BITS == tag) {
                    int row = LEAD + ((e & ROW_MASK) - 1) * ROW;
                    if (rows[row] == lo && rows[row + 1] == hi) {
                        return row;
                    }
                }
            }
            return -1;
        }

        private static int tag(long h) {
            return (int) (h >>> (64 - (32 - ROW_BITS)));
        }

        private int slot(long h) {
            return (int) (h ^ (h >>> 32)) & mask;
        }
    }

    private static double[] softmax(double[] sums) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : sums) {
            max = Math.max(max, s);
        }
        double total = 0;
        double[] p = new double[sums.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(sums[k] - max);
            total += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= total;
        }
        return p;
    }
}
