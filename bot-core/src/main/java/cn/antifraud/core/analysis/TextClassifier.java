package cn.antifraud.core.analysis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerEventStream;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/** The one class that touches OpenNLP: trains, saves, loads and applies a maxent document categorizer. */
public final class TextClassifier {
    /** A training sample: segmented text and its label. */
    public record Sample(String label, List<String> tokens) {
    }

    /** Labels with probabilities, best first. */
    public record Prediction(List<String> labels, double[] probabilities) {
        public String best() {
            return labels.get(0);
        }

        public double bestProbability() {
            return probabilities[0];
        }

        /** Labels sorted by probability, best first. */
        static Prediction of(String[] outcomes, double[] probs) {
            // insertion sort of the indices, best first: stable like the Arrays.sort of boxed indices it replaced (equal
            // probabilities keep the outcomes' order), without boxing or a comparator, for the 10-13 labels of every message
            int[] order = new int[probs.length];
            for (int i = 0; i < order.length; i++) {
                int j = i;
                while (j > 0 && Double.compare(probs[i], probs[order[j - 1]]) > 0) {
                    order[j] = order[j - 1];
                    j--;
                }
                order[j] = i;
            }
            List<String> labels = new ArrayList<>(probs.length);
            double[] sorted = new double[probs.length];
            for (int i = 0; i < order.length; i++) {
                labels.add(outcomes[order[i]]);
                sorted[i] = probs[order[i]];
            }
            return new Prediction(labels, sorted);
        }

        public double probability(String label) {
            int i = labels.indexOf(label);
            return i < 0 ? 0 : probabilities[i];
        }
    }

    private final DoccatModel model;
    private final MaxentModel maxent;
    private final FraudFeatures features;
    private final String[] outcomes;

    private TextClassifier(DoccatModel model, FraudFeatures features) {
        this.model = model;
        this.maxent = model.getMaxentModel();
        this.features = features;
        this.outcomes = new String[maxent.getNumOutcomes()];
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = maxent.getOutcome(i);
        }
    }

    /**
     * How a model is trained: OpenNLP algorithm ({@code MAXENT} = GIS, {@code MAXENT_QN} = L-BFGS with L2
     * regularisation), iterations, feature cutoff, L2 cost (QN only), the {@link FraudFeatures} spec, and the scale of the
     * L-BFGS objective ({@link CacheFriendlyQnTrainer#OBJECTIVE_SCALE}; 1 is OpenNLP's own, which stops earlier).
     */
    public record Config(String algorithm, int iterations, int cutoff, double l2, String features, double objectiveScale) {
        /** With the scaled objective: the same minimum in about half the time. */
        public Config(String algorithm, int iterations, int cutoff, double l2, String features) {
            this(algorithm, iterations, cutoff, l2, features, CacheFriendlyQnTrainer.OBJECTIVE_SCALE);
        }
    }

    /**
     * Trains deterministically (fixed iterations, single thread) on the samples in the given order. L-BFGS models
     * are trained by {@link CacheFriendlyQnTrainer}: OpenNLP's trainer, the same minimum, several times faster.
     */
    public static TextClassifier train(List<Sample> samples, Config config) {
        return train(samples, config, false, config.objectiveScale());
    }

    /**
     * As {@link #train(List, Config)}; {@code reference} trains through OpenNLP's own objective, and {@code objectiveScale}
     * overrides the config's (both for comparison).
     */
    static TextClassifier train(List<Sample> samples, Config config, boolean reference, double objectiveScale) {
        List<DocumentSample> docs = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            docs.add(new DocumentSample(s.label(), s.tokens().toArray(String[]::new)));
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, config.algorithm());
        params.put(TrainingParameters.ITERATIONS_PARAM, config.iterations());
        params.put(TrainingParameters.CUTOFF_PARAM, config.cutoff());
        params.put(TrainingParameters.THREADS_PARAM, 1);
        if (config.algorithm().equals("MAXENT_QN")) {
            params.put("L2Cost", config.l2());
            params.put("L1Cost", 0.0);
        }
        params.put("PrintMessages", false);
        try (var stream = new CollectionObjectStream<>(docs)) {
            DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {new FraudFeatures(config.features())});
            if (reference || !config.algorithm().equals("MAXENT_QN")) {
                return new TextClassifier(DocumentCategorizerME.train("zh", stream, params, factory), new FraudFeatures(config.features()));
            }
            // what DocumentCategorizerME.train does, with OpenNLP's L-BFGS trainer computing its objective cache-friendly, and
            // events indexed in memory (the default two-pass indexer writes them to a temporary file and reads them back)
            params.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_VALUE);
            Map<String, String> manifest = new HashMap<>();
            CacheFriendlyQnTrainer trainer = new CacheFriendlyQnTrainer(objectiveScale);
            trainer.init(params, manifest);
            MaxentModel trained = trainer.train(new DocumentCategorizerEventStream(stream, factory.getFeatureGenerators()));
            return new TextClassifier(new DoccatModel("zh", trained, manifest, factory), new FraudFeatures(config.features()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TextClassifier load(byte[] bytes) {
        try {
            return new TextClassifier(new DoccatModel(new ByteArrayInputStream(bytes)), new FraudFeatures());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classifier model", e);
        }
    }

    public byte[] save() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            model.serialize(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The feature spec this model was trained with; models with the same spec can share {@link #features}. */
    public String featureSpec() {
        return features.spec();
    }

    /** The model's features for segmented text; compute once and pass to {@link #predict(String[])}. */
    public String[] features(List<String> tokens) {
        return features.extract(tokens);
    }

    public Prediction predict(List<String> tokens) {
        return predict(features(tokens));
    }

    /** Scores precomputed features (thread-safe: the maxent model allocates its own result array). */
    public Prediction predict(String[] context) {
        return Prediction.of(outcomes, maxent.eval(context));
    }

    /** Probabilities in the order of {@link #labels()} (not sorted). */
    double[] probabilitiesInOrder(String[] context) {
        return maxent.eval(context);
    }

    MaxentModel maxent() {
        return maxent;
    }

    public List<String> labels() {
        return List.of(outcomes);
    }
}
