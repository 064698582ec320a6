package cn.antifraud.core.analysis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * The scam-type and intent models' weights compiled for scoring by the 64-bit hash of each feature, so no feature
 * strings are built. Each model has its own table ({@link Table}): a small index that fits the CPU cache and rows
 * of one cache line each holding the feature's hash and that model's weights, so a feature costs at most one
 * memory fetch per model. Scores exactly as OpenNLP's L-BFGS maxent ({@code QNModel}) does, within float
 * rounding; built once per model pair.
 */
final class CompiledModels {
    private final Table scam;
    private final Table intent;
    private final String[] scamOutcomes;
    private final String[] intentOutcomes;
    private final FraudFeatures features;

    private CompiledModels(Map<String, Context> scam, Map<String, Context> intent, String[] scamOutcomes, String[] intentOutcomes,
                           FraudFeatures features) {
        this.scam = new Table(scam, scamOutcomes.length);
        this.intent = new Table(intent, intentOutcomes.length);
        this.scamOutcomes = scamOutcomes;
        this.intentOutcomes = intentOutcomes;
        this.features = features;
    }

    /** Compiles a model pair trained with L-BFGS on the same features; empty when that does not hold. */
    @SuppressWarnings("unchecked")
    static Optional<CompiledModels> of(TextClassifier scam, TextClassifier intent) {
        if (!(scam.maxent() instanceof QNModel s) || !(intent.maxent() instanceof QNModel i)
            || !scam.featureSpec().equals(intent.featureSpec())) {
            return Optional.empty();
        }
        Object[] sd = ((AbstractModel) s).getDataStructures();
        Object[] id = ((AbstractModel) i).getDataStructures();
        return Optional.of(new CompiledModels((Map<String, Context>) sd[1], (Map<String, Context>) id[1],
            (String[]) sd[2], (String[]) id[2], new FraudFeatures(scam.featureSpec())));
    }

    /** Scam-type and intent predictions for segmented text. */
    TextClassifier.Prediction[] predict(List<String> tokens) {
        long[] hashes = features.hashes(tokens);
        return new TextClassifier.Prediction[] {TextClassifier.Prediction.of(scamOutcomes, scam.probabilities(hashes)),
            TextClassifier.Prediction.of(intentOutcomes, intent.probabilities(hashes))};
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

        Table(Map<String, Context> predicates, int width) {
            if (width > ROW - 2 || predicates.size() >= ROW_MASK) {
                throw new IllegalArgumentException("model too large to compile: " + width + " outcomes, " + predicates.size() + " features");
            }
            this.width = width;
            int size = Integer.highestOneBit(Math.max(16, predicates.size() * 2)) * 2;
            this.index = new int[size];
            this.mask = size - 1;
            this.rows = new int[LEAD + predicates.size() * ROW];
            int count = 0;
            for (Map.Entry<String, Context> e : predicates.entrySet()) {
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
                int[] outcomes = e.getValue().getOutcomes();
                double[] params = e.getValue().getParameters();
                for (int k = 0; k < outcomes.length; k++) {
                    float w = Float.intBitsToFloat(rows[row + 2 + outcomes[k]]) + (float) params[k];
                    rows[row + 2 + outcomes[k]] = Float.floatToRawIntBits(w);
                }
            }
        }

        /** Softmax over the summed weights of the given features. */
        double[] probabilities(long[] hashes) {
            double[] sums = new double[width];
            for (long h : hashes) {
                int row = find(h);
                if (row >= 0) {
                    for (int k = 0; k < width; k++) {
                        sums[k] += Float.intBitsToFloat(rows[row + 2 + k]);
                    }
                }
            }
            return softmax(sums);
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
