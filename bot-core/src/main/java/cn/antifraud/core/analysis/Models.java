package cn.antifraud.core.analysis;

import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.LabeledText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * The trained models: the scam-vs-not {@link Detector}, the scam-type model (the 13 types, trained on scam lines only)
 * and the dialogue-intent model (intents + verify).
 */
public record Models(Detector detector, TypeModel scamType, TextClassifier intent, String version) {
    private static final Logger LOG = Logger.getLogger(Models.class.getName());
    /** Bump when features or training change, so cached models are rebuilt. */
    static final String TRAINING_VERSION = "v7-cache-key-covers-features-and-code";
    /**
     * Scam-type model training (scam lines only), chosen by cross-validation on the training corpus (docs/evaluation.md).
     * Cutoff 2 drops features seen once: a quarter of the weights, a table that stays in the CPU cache.
     */
    public static final TextClassifier.Config SCAM_CONFIG = new TextClassifier.Config("MAXENT_QN", 100, 2, 0.3, FraudFeatures.DEFAULT_SPEC);
    /**
     * A message is called a scam when the detector's calibrated P(scam) reaches this cutoff; chosen on
     * leave-one-style-out scores, never on the held-out files (docs/evaluation.md).
     */
    public static final double DETECTION_CUTOFF = 0.55;
    /**
     * Every n-th corpus line (those saying money has moved left out) is a "verify" sample (a pasted message to check)
     * for the intent model; 6 rather than 2 keeps that class from swamping the dialogue intents (cross-validated,
     * docs/evaluation.md).
     */
    static final int VERIFY_STRIDE = 6;
    /** Smallest heap that trains in two lanes (see {@link #train}); below it the trainings run one after the other. */
    static final long TWO_LANE_HEAP = 900L << 20;
    /** Intent model training. */
    public static final TextClassifier.Config INTENT_CONFIG = new TextClassifier.Config("MAXENT_QN", 100, 1, 0.3, FraudFeatures.DEFAULT_SPEC);

    /**
     * What each training learns from: every corpus line as a detector sample (with its style), the scam lines for the
     * type model, and the intent lines plus every {@link #VERIFY_STRIDE}-th corpus line as "verify" for the intent model.
     */
    public record TrainingSets(List<TextClassifier.Sample> scam, List<String> styles, List<TextClassifier.Sample> typed,
                               List<TextClassifier.Sample> intent) {
    }

    /** Featurizes the corpus and the intent lines once into the {@link TrainingSets} that {@link #train} uses. */
    public static TrainingSets trainingSets(Featurizer featurizer, List<LabeledText> corpus, List<LabeledText> intents) {
        List<TextClassifier.Sample> scam = new ArrayList<>(corpus.size());
        List<TextClassifier.Sample> typed = new ArrayList<>(corpus.size());
        List<String> styles = new ArrayList<>(corpus.size());
        List<Boolean> statesMoneyMoved = new ArrayList<>(corpus.size());
        for (LabeledText t : corpus) {
            Featurizer.Prepared p = featurizer.prepare(t.text());
            TextClassifier.Sample s = new TextClassifier.Sample(t.label(), p.tokens());
            statesMoneyMoved.add(SignalDetector.MOVED.matcher(p.folded()).find());
            scam.add(s);
            styles.add(t.style());
            if (!t.label().equals(KnowledgeBase.NONE)) {
                typed.add(s);
            }
        }
        List<TextClassifier.Sample> intent = new ArrayList<>();
        for (LabeledText t : intents) {
            intent.add(new TextClassifier.Sample(t.label(), featurizer.tokens(t.text())));
        }
        // a line that says money has moved ("我已经转了两千") is what the money_sent intent means, not a message handed
        // over to be checked: as "verify" samples, such lines taught the intent model to hear a resident's loss as a question
        for (int i = 0; i < scam.size(); i += VERIFY_STRIDE) {
            if (!statesMoneyMoved.get(i)) {
                intent.add(new TextClassifier.Sample(KnowledgeBase.VERIFY_INTENT, scam.get(i).tokens()));
            }
        }
        return new TrainingSets(scam, styles, typed, intent);
    }

    /** Trains both models from the given samples; deterministic for the same input. */
    public static Models train(Featurizer featurizer, List<LabeledText> corpus, List<LabeledText> intents) {
        TrainingSets sets = trainingSets(featurizer, corpus, intents);
        // Independent single-threaded trainings (each deterministic, so the order they run in changes nothing). L-BFGS keeps
        // 30 vectors of the model's size: the type model needs about 270 MB while it trains, the intent model 220 MB, a
        // detector member 50 MB. So they run in two lanes (type then intent; the detector's members), and in one lane
        // when the heap could not hold the type model and a detector member side by side (-Xmx512m).
        Runtime runtime = Runtime.getRuntime();
        boolean twoLanes = runtime.availableProcessors() >= 2 && runtime.maxMemory() >= TWO_LANE_HEAP;
        ExecutorService lane = Executors.newSingleThreadExecutor();
        ExecutorService detectorLane = twoLanes ? Executors.newSingleThreadExecutor() : lane;
        try {
            CompletableFuture<TypeModel> types = CompletableFuture.supplyAsync(() -> TypeModel.train(sets.typed(), SCAM_CONFIG), lane);
            CompletableFuture<TextClassifier> intentModel =
                CompletableFuture.supplyAsync(() -> TextClassifier.train(sets.intent(), INTENT_CONFIG), lane);
            Detector detector = Detector.train(sets.scam(), sets.styles(), detectorLane);
            return new Models(detector, types.join(), intentModel.join(), fingerprint(corpus, intents));
        } finally {
            lane.shutdown();
            detectorLane.shutdown();
        }
    }

    /**
     * Loads the models cached under {@code dir} for this exact corpus, or trains and caches them. With no
     * directory (a real MongoDB deployment keeps nothing locally) it trains in memory.
     */
    public static Models loadOrTrain(Featurizer featurizer, KnowledgeBase kb, Path dir) {
        return loadOrTrain(featurizer, kb, kb.corpus(), dir);
    }

    /**
     * As above for another scam-type corpus (retraining with supervisors' additions); intents, folds and dictionary
     * come from {@code kb}. The cache and the model's version are keyed by the fingerprint of all of it.
     */
    public static Models loadOrTrain(Featurizer featurizer, KnowledgeBase kb, List<LabeledText> corpus, Path dir) {
        List<LabeledText> vocabulary = new ArrayList<>();
        kb.folds().forEach((from, to) -> vocabulary.add(new LabeledText(from, to)));
        kb.slang().spellings().forEach((word, syllables) -> vocabulary.add(new LabeledText(word, String.join(" ", syllables))));
        kb.slang().folds().forEach((from, to) -> vocabulary.add(new LabeledText(from, to)));
        kb.slang().symbols().forEach((symbol, to) -> vocabulary.add(new LabeledText(Character.toString(symbol), to)));
        kb.dictionary().forEach(term -> vocabulary.add(new LabeledText("dict", term)));
        kb.cues().forEach((cue, phrases) -> phrases.forEach(p -> vocabulary.add(new LabeledText(cue, p))));
        String version = cacheKey(featurizer, corpus, kb.intents(), vocabulary);
        if (dir != null) {
            Path detectorFile = dir.resolve("detector-" + version + ".bin");
            Path scamFile = dir.resolve("scam-" + version + ".bin");
            Path intentFile = dir.resolve("intent-" + version + ".bin");
            try {
                if (Files.isRegularFile(detectorFile) && Files.isRegularFile(scamFile) && Files.isRegularFile(intentFile)) {
                    return new Models(Detector.load(Files.readAllBytes(detectorFile)), TypeModel.load(Files.readAllBytes(scamFile)),
                        TextClassifier.load(Files.readAllBytes(intentFile)), version);
                }
            } catch (IOException | UncheckedIOException e) {
                LOG.warning("cached model unreadable, retraining: " + e.getMessage());
            }
        }
        long start = System.nanoTime();
        LOG.info("training classifiers on " + corpus.size() + " samples and " + kb.intents().size() + " intent lines");
        Models trained = train(featurizer, corpus, kb.intents());
        Models models = new Models(trained.detector(), trained.scamType(), trained.intent(), version);
        LOG.info("trained in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        if (dir != null) {
            try {
                Files.createDirectories(dir);
                writeAtomically(dir.resolve("detector-" + version + ".bin"), models.detector().save());
                writeAtomically(dir.resolve("scam-" + version + ".bin"), models.scamType().save());
                writeAtomically(dir.resolve("intent-" + version + ".bin"), models.intent().save());
            } catch (IOException e) {
                LOG.warning("could not cache models: " + e.getMessage());
            }
        }
        return models;
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The cache key: the {@link #fingerprint} of the training data, plus what the models actually see of it (every line's
     * tokens, so any change to normalisation, placeholders, indicators, segmentation or cues retrains) and the bytecode of
     * the training code (so a change to how a model is trained retrains without anyone remembering to bump
     * {@link #TRAINING_VERSION}). Featurizing the corpus for it costs about a second of CPU at start.
     */
    static String cacheKey(Featurizer featurizer, List<LabeledText> corpus, List<LabeledText> intents, List<LabeledText> vocabulary) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(fingerprint(corpus, intents, vocabulary).getBytes(StandardCharsets.UTF_8));
            for (List<LabeledText> list : List.of(corpus, intents)) {
                for (LabeledText t : list) {
                    md.update((String.join("\u0001", featurizer.tokens(t.text())) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            for (Class<?> c : TRAINING_CODE) {
                try (var in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                    if (in != null) {
                        md.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The classes whose code decides what is learned from the tokens (see {@link #cacheKey}). */
    private static final List<Class<?>> TRAINING_CODE = List.of(Models.class, Detector.class, TypeModel.class, NaiveBayes.class,
        Platt.class, TextClassifier.class, CacheFriendlyQnTrainer.class, FraudFeatures.class, SignalDetector.class);

    /** Identifies a model by everything it is trained from: samples, folds and dictionary, training settings. */
    @SafeVarargs
    static String fingerprint(List<LabeledText>... inputs) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((TRAINING_VERSION + Detector.CONFIG + SCAM_CONFIG + INTENT_CONFIG + VERIFY_STRIDE).getBytes(StandardCharsets.UTF_8));
            for (List<LabeledText> list : inputs) {
                for (LabeledText t : list) {
                    // the style too: it decides a line's calibration fold and whether it is a "verify" sample
                    md.update((t.label() + "\t" + t.text() + "\t" + t.style() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
