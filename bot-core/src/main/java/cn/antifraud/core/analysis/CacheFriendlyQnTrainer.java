package cn.antifraud.core.analysis;

import java.util.Arrays;
import java.util.Map;
import opennlp.tools.ml.ArrayMath;
import opennlp.tools.ml.maxent.quasinewton.Function;
import opennlp.tools.ml.maxent.quasinewton.NegLogLikelihood;
import opennlp.tools.ml.maxent.quasinewton.QNMinimizer;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.DataIndexer;
import opennlp.tools.util.TrainingParameters;

/**
 * OpenNLP's L-BFGS maxent trainer ({@link QNTrainer}, one thread) with its objective computed in a cache-friendly
 * order, so it learns exactly the same weights (bit for bit: {@code CacheFriendlyQnTrainerTest}) in a fraction of the
 * time. OpenNLP keeps the weights outcome by outcome ({@code x[outcome * features + feature]}), and its negative
 * log-likelihood walks, for every training event and every outcome, the event's features: with 13 outcomes and 67,000
 * features the weight vector is 7 MB, so nearly every read is a cache miss, and that was most of the training time. Here
 * the objective first copies the weights feature by feature (all outcomes of a feature side by side, one or two cache
 * lines), then does the very same additions in the very same order per sum, and copies the gradient back. The L-BFGS
 * minimiser, its line search and the model built from the weights are OpenNLP's own.
 *
 * <p>The objective is also scaled ({@link #OBJECTIVE_SCALE}), with the L2 cost scaled alike, so its minimum is the
 * same. OpenNLP's L-BFGS starts every direction from the identity as its guess of the inverse Hessian (it does not scale
 * it by the last step's curvature, as L-BFGS usually does), so on the summed log-likelihood of thousands of events a unit
 * step overshoots by a factor of about 50 and the backtracking line search valued 5 to 7 points per iteration, most of
 * the training time. Scaled, a step of about 1 is accepted and the same models train in about half the time
 * (docs/benchmarks.md has the measurement). The scale is part of each model's {@link TextClassifier.Config}; with a
 * scale of 1 the weights are OpenNLP's bit for bit ({@code CacheFriendlyQnTrainerTest}).
 */
final class CacheFriendlyQnTrainer extends QNTrainer {
    /** Chosen by measurement (docs/benchmarks.md): the fewest evaluations, and final objectives as low as unscaled. */
    static final double OBJECTIVE_SCALE = 0.01;
    private final double scale;
    private double l1Cost;
    private double l2Cost;
    private int m;
    private int maxFctEval;
    private int threads;

    /** With {@code scale} 1 the objective is OpenNLP's own, bit for bit. */
    CacheFriendlyQnTrainer(double scale) {
        this.scale = scale;
    }

    @Override
    public void init(TrainingParameters parameters, Map<String, String> reportMap) {
        super.init(parameters, reportMap);
        this.m = parameters.getIntParameter(M_PARAM, M_DEFAULT);
        this.maxFctEval = parameters.getIntParameter(MAX_FCT_EVAL_PARAM, MAX_FCT_EVAL_DEFAULT);
        this.threads = parameters.getIntParameter(THREADS_PARAM, THREADS_DEFAULT);
        this.l1Cost = parameters.getDoubleParameter(L1COST_PARAM, L1COST_DEFAULT);
        this.l2Cost = parameters.getDoubleParameter(L2COST_PARAM, L2COST_DEFAULT);
    }

    /** As {@link QNTrainer#trainModel}, with the objective below (OpenNLP's own for real-valued or threaded training). */
    @Override
    public QNModel trainModel(int iterations, DataIndexer indexer) {
        if (threads != 1 || indexer.getValues() != null) {
            return super.trainModel(iterations, indexer);
        }
        // the L2 term is added by the minimiser: scaled like the likelihood, the minimum stays where it was
        QNMinimizer minimizer = new QNMinimizer(l1Cost * scale, l2Cost * scale, iterations, m, maxFctEval);
        double[] parameters = minimizer.minimize(new FeatureMajorLikelihood(indexer, scale));
        // the model as OpenNLP builds it: per feature, every outcome's weight (parameters are outcome-major)
        String[] predLabels = indexer.getPredLabels();
        String[] outcomeNames = indexer.getOutcomeLabels();
        int[] everyOutcome = new int[outcomeNames.length];
        Arrays.setAll(everyOutcome, oi -> oi);
        Context[] params = new Context[predLabels.length];
        for (int f = 0; f < params.length; f++) {
            double[] weights = new double[outcomeNames.length];
            for (int oi = 0; oi < weights.length; oi++) {
                weights[oi] = parameters[oi * predLabels.length + f];
            }
            params[f] = new Context(everyOutcome.clone(), weights);
        }
        return new QNModel(params, predLabels, outcomeNames);
    }

    /**
     * {@link NegLogLikelihood} (binary features, events weighted by how often they were seen) over weights copied
     * feature-major, times {@code scale}. Each sum receives the same terms in the same order as OpenNLP's, so with a
     * scale of 1 values and gradients are identical; like OpenNLP's, {@link #gradientAt} returns one reused array.
     */
    static final class FeatureMajorLikelihood implements Function {
        /** The events' features as rows of {@link #byFeature} (see {@link #rowOf}). */
        private final int[][] contexts;
        /** Feature index to its row in {@link #byFeature}. */
        private final int[] rowOf;
        private final int[] outcomeList;
        private final int[] seen;
        private final int outcomes;
        private final int features;
        private final int dimension;
        private final double[] byFeature;
        private final double[] accumulated;
        private final double[] gradient;
        private final double[] sums;
        private final double[] eventSums;
        private final double[] scoredPoint;
        private final double scale;
        private boolean scored;

        FeatureMajorLikelihood(DataIndexer indexer, double scale) {
            this.scale = scale;
            int[][] original = indexer.getContexts();
            int numFeatures = indexer.getPredLabels().length;
            // rows in order of how many events use the feature: the frequent ones share a few hundred KB of cache
            int[] uses = new int[numFeatures];
            for (int[] context : original) {
                for (int f : context) {
                    uses[f]++;
                }
            }
            Integer[] order = new Integer[numFeatures];
            for (int f = 0; f < numFeatures; f++) {
                order[f] = f;
            }
            Arrays.sort(order, (a, b) -> uses[a] != uses[b] ? Integer.compare(uses[b], uses[a]) : Integer.compare(a, b));
            this.rowOf = new int[numFeatures];
            for (int r = 0; r < numFeatures; r++) {
                rowOf[order[r]] = r;
            }
            this.contexts = new int[original.length][];
            for (int ci = 0; ci < original.length; ci++) {
                contexts[ci] = new int[original[ci].length];
                for (int ai = 0; ai < original[ci].length; ai++) {
                    contexts[ci][ai] = rowOf[original[ci][ai]];
                }
            }
            this.outcomeList = indexer.getOutcomeList();
            this.seen = indexer.getNumTimesEventsSeen();
            this.outcomes = indexer.getOutcomeLabels().length;
            this.features = indexer.getPredLabels().length;
            this.dimension = outcomes * features;
            this.byFeature = new double[dimension];
            this.accumulated = new double[dimension];
            this.gradient = new double[dimension];
            this.sums = new double[outcomes];
            this.eventSums = new double[contexts.length * outcomes];
            this.scoredPoint = new double[dimension];
        }

        @Override
        public int getDimension() {
            return dimension;
        }

        @Override
        public double valueAt(double[] x) {
            check(x);
            scoreEvents(x);
            double negLogLikelihood = 0;
            for (int ci = 0; ci < contexts.length; ci++) {
                System.arraycopy(eventSums, ci * outcomes, sums, 0, outcomes);
                double logSumOfExps = ArrayMath.logSumOfExps(sums);
                negLogLikelihood -= (sums[outcomeList[ci]] - logSumOfExps) * seen[ci];
            }
            return negLogLikelihood * scale;
        }

        @Override
        public double[] gradientAt(double[] x) {
            check(x);
            if (!scoredAt(x)) {
                scoreEvents(x);
            }
            Arrays.fill(accumulated, 0);
            double[] d = new double[outcomes];
            for (int ci = 0; ci < contexts.length; ci++) {
                System.arraycopy(eventSums, ci * outcomes, sums, 0, outcomes);
                double logSumOfExps = ArrayMath.logSumOfExps(sums);
                for (int oi = 0; oi < outcomes; oi++) {
                    int empirical = outcomeList[ci] == oi ? 1 : 0;
                    d[oi] = scale * (StrictMath.exp(sums[oi] - logSumOfExps) - empirical) * seen[ci];
                }
                int[] context = contexts[ci];
                for (int ai = 0; ai < context.length; ai++) {
                    int base = context[ai] * outcomes;
                    for (int oi = 0; oi < outcomes; oi++) {
                        accumulated[base + oi] += d[oi];
                    }
                }
            }
            for (int f = 0; f < features; f++) {
                int base = rowOf[f] * outcomes;
                for (int oi = 0; oi < outcomes; oi++) {
                    gradient[oi * features + f] = accumulated[base + oi];
                }
            }
            return gradient;
        }

        /**
         * Every event's score per outcome at {@code x}, into {@link #eventSums}: its features' weights added in context
         * order. The line search asks for the gradient at the point it last valued, so the scores are kept for it.
         */
        private void scoreEvents(double[] x) {
            toFeatureMajor(x);
            for (int ci = 0; ci < contexts.length; ci++) {
                int[] context = contexts[ci];
                int at = ci * outcomes;
                // four outcomes at a time in registers: independent sums, each still added up in context order
                int oi = 0;
                for (; oi + 4 <= outcomes; oi += 4) {
                    double s0 = 0;
                    double s1 = 0;
                    double s2 = 0;
                    double s3 = 0;
                    for (int ai = 0; ai < context.length; ai++) {
                        int base = context[ai] * outcomes + oi;
                        s0 += 1.0 * byFeature[base];
                        s1 += 1.0 * byFeature[base + 1];
                        s2 += 1.0 * byFeature[base + 2];
                        s3 += 1.0 * byFeature[base + 3];
                    }
                    eventSums[at + oi] = s0;
                    eventSums[at + oi + 1] = s1;
                    eventSums[at + oi + 2] = s2;
                    eventSums[at + oi + 3] = s3;
                }
                for (; oi + 2 <= outcomes; oi += 2) {
                    double s0 = 0;
                    double s1 = 0;
                    for (int ai = 0; ai < context.length; ai++) {
                        int base = context[ai] * outcomes + oi;
                        s0 += 1.0 * byFeature[base];
                        s1 += 1.0 * byFeature[base + 1];
                    }
                    eventSums[at + oi] = s0;
                    eventSums[at + oi + 1] = s1;
                }
                for (; oi < outcomes; oi++) {
                    double s0 = 0;
                    for (int ai = 0; ai < context.length; ai++) {
                        s0 += 1.0 * byFeature[context[ai] * outcomes + oi];
                    }
                    eventSums[at + oi] = s0;
                }
            }
            System.arraycopy(x, 0, scoredPoint, 0, dimension);
            scored = true;
        }

        private boolean scoredAt(double[] x) {
            return scored && Arrays.equals(x, scoredPoint);
        }

        private void toFeatureMajor(double[] x) {
            for (int f = 0; f < features; f++) {
                int base = rowOf[f] * outcomes;
                for (int oi = 0; oi < outcomes; oi++) {
                    byFeature[base + oi] = x[oi * features + f];
                }
            }
        }

        private void check(double[] x) {
            if (x.length != dimension) {
                throw new IllegalArgumentException("x is invalid, its dimension is not equal to the function's");
            }
        }
    }
}
