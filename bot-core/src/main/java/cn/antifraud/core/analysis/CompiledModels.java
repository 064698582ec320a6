package cn.antifraud.core.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * The detector's, scam-type and intent models' weights compiled into one table keyed by the 64-bit hash of each feature,
 * so no feature strings are built and each feature of a text is looked up once for all five weight sets (the detector's
 * maxent and naive Bayes members, the type model's maxent and naive Bayes members, the intent model).
 *
 * <p>Layout, chosen for the CPU cache (the weights are far larger than it): a small index (4 bytes a slot) that rejects
 * most unknown features without reading a row; a "hot" row of one 64-byte cache line per feature holding its hash, flags
 * and the weights every text needs (detector and intent); and a "type" row of two cache lines, only for features the
 * type model knows, read only when the type is asked for ({@link Scored#type}): most ordinary messages never need it.
 * Scores exactly as the separate tables did before (same float weights, summed in the same order), which equal OpenNLP's
 * L-BFGS maxent ({@code QNModel}) and {@link NaiveBayes} within float rounding ({@code CompiledModelsTest}).
 */
final class CompiledModels {
    /** What the compiled models say about one text. */
    record Scores(double scamProbability, TextClassifier.Prediction type, TextClassifier.Prediction intent) {
    }

    /** Hot row: hash (2 ints), then type row + 1 shifted left by 2 with the two "known to naive Bayes" flags. */
    private static final int HEAD = 3;
    private static final int DETECT_KNOWN = 1;
    private static final int TYPE_KNOWN = 2;
    /** Detector columns after the head: maxent outcome 0, outcome 1, naive Bayes log-odds; then the intent outcomes. */
    private static final int DETECT_COLUMNS = 3;
    /** Ints in front of the first row, so rows start on a 64-byte boundary (array data begins 16 bytes in). */
    private static final int LEAD = 12;
    private static final int ROW_BITS = 20;
    private static final int ROW_MASK = (1 << ROW_BITS) - 1;

    private final Detector detector;
    private final int detectScam;
    private final TypeModel typeModel;
    private final double[] typeBayesPrior;
    private final String[] scamOutcomes;
    private final String[] intentOutcomes;
    private final FraudFeatures features;

    private final int[] index;
    private final int mask;
    private final int hotStride;
    private final int[] hot;
    private final int typeStride;
    private final int[] typeRows;

    private CompiledModels(Detector detector, QNModel detectModel, TypeModel types, QNModel scam, QNModel intent, FraudFeatures features) {
        this.detector = detector;
        this.typeModel = types;
        this.features = features;
        this.detectScam = Arrays.asList(outcomes(detectModel)).indexOf(Detector.SCAM);
        this.scamOutcomes = outcomes(scam);
        this.intentOutcomes = outcomes(intent);
        int typeWidth = scamOutcomes.length;
        int intentWidth = intentOutcomes.length;

        Map<String, double[]> detectMaxent = weights(detectModel, 2);
        Map<String, Double> detectBayes = detector.bayesWeights();
        Map<String, double[]> typeMaxent = weights(scam, typeWidth);
        Map<String, double[]> typeBayes = centredBayes(types, typeWidth);
        Map<String, double[]> intentMaxent = weights(intent, intentWidth);

        Set<String> all = new HashSet<>(detectMaxent.keySet());
        all.addAll(detectBayes.keySet());
        all.addAll(intentMaxent.keySet());
        all.addAll(typeMaxent.keySet());
        all.addAll(typeBayes.keySet());
        Set<String> typed = new HashSet<>(typeMaxent.keySet());
        typed.addAll(typeBayes.keySet());
        if (all.size() >= ROW_MASK || typed.size() >= 1 << 29) {
            throw new IllegalArgumentException("models too large to compile: " + all.size() + " features");
        }
        this.hotStride = roundUp(HEAD + DETECT_COLUMNS + intentWidth, 16);
        this.typeStride = roundUp(2 * typeWidth, 16);
        int size = Integer.highestOneBit(Math.max(16, all.size() * 2)) * 2;
        this.index = new int[size];
        this.mask = size - 1;
        this.hot = new int[LEAD + all.size() * hotStride];
        this.typeRows = new int[LEAD + typed.size() * typeStride];

        Builder b = new Builder();
        detectMaxent.forEach((f, w) -> b.addHot(f, w, HEAD));
        detectBayes.forEach((f, w) -> {
            int row = b.row(f);
            b.add(hot, row + HEAD + 2, w);
            hot[row + 2] |= DETECT_KNOWN;
        });
        intentMaxent.forEach((f, w) -> b.addHot(f, w, HEAD + DETECT_COLUMNS));
        typeMaxent.forEach((f, w) -> b.addType(f, w, 0));
        typeBayes.forEach((f, w) -> {
            b.addType(f, w, typeWidth);
            hot[b.row(f) + 2] |= TYPE_KNOWN;
        });
        this.typeBayesPrior = new double[typeWidth];
        int[] column = types.bayesColumns();
        for (int k = 0; k < typeWidth; k++) {
            typeBayesPrior[k] = column[k] < 0 ? Double.NEGATIVE_INFINITY : types.bayes().logPrior()[column[k]];
        }
    }

    /** Fills the table: rows are created on a feature's first weight, weights are added as floats. */
    private final class Builder {
        private int rows;
        private int typed;

        int row(String feature) {
            long h = FraudFeatures.hash(feature);
            int row = find(h);
            if (row >= 0) {
                return row;
            }
            int slot = slot(h);
            while (index[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            index[slot] = tag(h) << ROW_BITS | ++rows;
            row = LEAD + (rows - 1) * hotStride;
            hot[row] = (int) h;
            hot[row + 1] = (int) (h >>> 32);
            return row;
        }

        void addHot(String feature, double[] w, int column) {
            int row = row(feature);
            for (int k = 0; k < w.length; k++) {
                add(hot, row + column + k, w[k]);
            }
        }

        void addType(String feature, double[] w, int column) {
            int row = row(feature);
            if (hot[row + 2] >>> 2 == 0) {
                hot[row + 2] |= ++typed << 2;
            }
            int t = LEAD + ((hot[row + 2] >>> 2) - 1) * typeStride;
            for (int k = 0; k < w.length; k++) {
                add(typeRows, t + column + k, w[k]);
            }
        }

        void add(int[] table, int at, double w) {
            table[at] = Float.floatToRawIntBits(Float.intBitsToFloat(table[at]) + (float) w);
        }
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

    private static String[] outcomes(QNModel model) {
        return (String[]) ((AbstractModel) model).getDataStructures()[2];
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

    /**
     * The type model's naive Bayes log-likelihoods in the maxent model's outcome order, centred per feature (a constant
     * added to every type changes nothing after the softmax, and small numbers keep float precision).
     */
    private static Map<String, double[]> centredBayes(TypeModel types, int width) {
        int[] column = types.bayesColumns();
        Map<String, double[]> out = new HashMap<>(types.bayes().logLikelihood().size() * 2);
        types.bayes().logLikelihood().forEach((f, ll) -> {
            double[] row = new double[width];
            double mean = 0;
            for (int k = 0; k < width; k++) {
                row[k] = column[k] < 0 ? 0 : ll[column[k]];
                mean += row[k] / width;
            }
            for (int k = 0; k < width; k++) {
                row[k] -= mean;
            }
            out.put(f, row);
        });
        return out;
    }

    /** The detector's calibrated P(scam) and the type and intent predictions for segmented text. */
    Scores predict(List<String> tokens) {
        Scored s = score(tokens);
        return new Scores(s.scamProbability(), s.type(), s.intent());
    }

    /** Looks up the text's features once; the type is scored only when asked for. */
    Scored score(List<String> tokens) {
        return new Scored(features.hashes(tokens));
    }

    /** One text's features found in the table, with the detector and intent sums. */
    final class Scored {
        private final double[] sums;
        private final int[] typeRowsFound;
        private final int typeFound;
        private final int detectKnown;
        private final int typeKnown;
        /** Keeps the touching loads of {@link #type} from being optimised away. */
        private int touched;

        private Scored(long[] hashes) {
            int width = hotStride - HEAD;
            double[] s = new double[width];
            // first find every row (a short loop, so the CPU has many cache misses in flight), then add the weights up
            int[] found = new int[hashes.length];
            int known = 0;
            for (long h : hashes) {
                int row = find(h);
                found[known] = row;
                known += row >= 0 ? 1 : 0;
            }
            int[] typedRows = new int[known];
            int n = 0;
            int dk = 0;
            int tk = 0;
            for (int i = 0; i < known; i++) {
                int row = found[i];
                int head = hot[row + 2];
                dk += head & DETECT_KNOWN;
                tk += (head & TYPE_KNOWN) >>> 1;
                if (head >>> 2 != 0) {
                    typedRows[n++] = LEAD + ((head >>> 2) - 1) * typeStride;
                }
                for (int k = 0; k < width; k++) {
                    s[k] += Float.intBitsToFloat(hot[row + HEAD + k]);
                }
            }
            this.sums = s;
            this.typeRowsFound = typedRows;
            this.typeFound = n;
            this.detectKnown = dk;
            this.typeKnown = tk;
        }

        double scamProbability() {
            double[] maxent = softmax(new double[] {sums[0], sums[1]});
            return detector.calibrated(maxent[detectScam], sums[2] + detector.bayesBias(), detectKnown);
        }

        TextClassifier.Prediction intent() {
            double[] intentSums = Arrays.copyOfRange(sums, DETECT_COLUMNS, DETECT_COLUMNS + intentOutcomes.length);
            return TextClassifier.Prediction.of(intentOutcomes, softmax(intentSums));
        }

        TextClassifier.Prediction type() {
            int width = scamOutcomes.length;
            // touch both cache lines of every row first (many misses in flight), then add up from the cache
            int touch = 0;
            for (int i = 0; i < typeFound; i++) {
                touch += typeRows[typeRowsFound[i]] ^ typeRows[typeRowsFound[i] + 16];
            }
            touched = touch;
            double[] me = new double[width];
            double[] nb = new double[width];
            for (int i = 0; i < typeFound; i++) {
                int t = typeRowsFound[i];
                for (int k = 0; k < width; k++) {
                    me[k] += Float.intBitsToFloat(typeRows[t + k]);
                    nb[k] += Float.intBitsToFloat(typeRows[t + width + k]);
                }
            }
            for (int k = 0; k < width; k++) {
                nb[k] += typeBayesPrior[k];
            }
            return typeModel.combine(softmax(me), nb, typeKnown, TypeModel.BAYES_WEIGHT);
        }
    }

    /** The start of the feature's hot row, or -1 when no model knows the feature. */
    private int find(long h) {
        int lo = (int) h;
        int hi = (int) (h >>> 32);
        int tag = tag(h);
        for (int slot = slot(h), e = index[slot]; e != 0; slot = (slot + 1) & mask, e = index[slot]) {
            if (e >>> ROW_BITS == tag) {
                int row = LEAD + ((e & ROW_MASK) - 1) * hotStride;
                if (hot[row] == lo && hot[row + 1] == hi) {
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

    private static int roundUp(int n, int multiple) {
        return (n + multiple - 1) / multiple * multiple;
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
