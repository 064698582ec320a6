package cn.antifraud.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * The scam-type and intent models' weights in one open-addressing table keyed by the 64-bit hash of each
 * feature, so one message costs one probe per feature for both models and no feature strings are built. Scores
 * exactly as OpenNLP's L-BFGS maxent ({@code QNModel}) does, within float rounding; built once per model pair.
 */
final class CompiledModels {
    /** Open addressing: slot i holds the feature hash at 2i and its weight row at 2i+1 (one cache line for both). */
    private final long[] slots;
    private final float[] weights;
    private final int mask;
    private final int scamWidth;
    private final int width;
    private final String[] scamOutcomes;
    private final String[] intentOutcomes;
    private final FraudFeatures features;

    private CompiledModels(List<Map<String, Context>> maps, String[] scamOutcomes, String[] intentOutcomes, FraudFeatures features) {
        this.scamOutcomes = scamOutcomes;
        this.intentOutcomes = intentOutcomes;
        this.features = features;
        this.scamWidth = scamOutcomes.length;
        this.width = scamOutcomes.length + intentOutcomes.length;
        int predicates = maps.get(0).size() + maps.get(1).size();
        int size = Integer.highestOneBit(Math.max(16, predicates * 2)) * 2;
        this.slots = new long[size * 2];
        this.mask = size - 1;
        List<float[]> table = new ArrayList<>();
        for (int m = 0; m < 2; m++) {
            int offset = m == 0 ? 0 : scamWidth;
            for (Map.Entry<String, Context> e : maps.get(m).entrySet()) {
                float[] row = table.get(rowFor(FraudFeatures.hash(e.getKey()), table));
                int[] outcomes = e.getValue().getOutcomes();
                double[] params = e.getValue().getParameters();
                for (int i = 0; i < outcomes.length; i++) {
                    row[offset + outcomes[i]] += (float) params[i];
                }
            }
        }
        this.weights = new float[table.size() * width];
        for (int r = 0; r < table.size(); r++) {
            System.arraycopy(table.get(r), 0, weights, r * width, width);
        }
    }

    /** Compiles a model pair trained with L-BFGS on the same features; empty when that does not hold. */
    @SuppressWarnings("unchecked")
    static java.util.Optional<CompiledModels> of(TextClassifier scam, TextClassifier intent) {
        if (!(scam.maxent() instanceof QNModel s) || !(intent.maxent() instanceof QNModel i)
            || !scam.featureSpec().equals(intent.featureSpec())) {
            return java.util.Optional.empty();
        }
        Object[] sd = ((AbstractModel) s).getDataStructures();
        Object[] id = ((AbstractModel) i).getDataStructures();
        return java.util.Optional.of(new CompiledModels(List.of((Map<String, Context>) sd[1], (Map<String, Context>) id[1]),
            (String[]) sd[2], (String[]) id[2], new FraudFeatures(scam.featureSpec())));
    }

    /** Scam-type and intent predictions for segmented text. */
    TextClassifier.Prediction[] predict(List<String> tokens) {
        double[] sums = new double[width];
        for (long hash : features.hashes(tokens)) {
            long h = hash == 0 ? 1 : hash;
            int slot = (int) (h ^ (h >>> 32)) & mask;
            while (slots[2 * slot] != 0 && slots[2 * slot] != h) {
                slot = (slot + 1) & mask;
            }
            if (slots[2 * slot] == h) {
                int base = (int) slots[2 * slot + 1] * width;
                for (int k = 0; k < width; k++) {
                    sums[k] += weights[base + k];
                }
            }
        }
        return new TextClassifier.Prediction[] {TextClassifier.Prediction.of(scamOutcomes, softmax(sums, 0, scamWidth)),
            TextClassifier.Prediction.of(intentOutcomes, softmax(sums, scamWidth, width))};
    }

    private int rowFor(long h, List<float[]> table) {
        long key = h == 0 ? 1 : h;
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (slots[2 * slot] != 0 && slots[2 * slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (slots[2 * slot] == 0) {
            slots[2 * slot] = key;
            slots[2 * slot + 1] = table.size();
            table.add(new float[width]);
        }
        return (int) slots[2 * slot + 1];
    }

    private static double[] softmax(double[] sums, int from, int to) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = from; k < to; k++) {
            max = Math.max(max, sums[k]);
        }
        double total = 0;
        double[] p = new double[to - from];
        for (int k = from; k < to; k++) {
            p[k - from] = Math.exp(sums[k] - max);
            total += p[k - from];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= total;
        }
        return p;
    }
}
