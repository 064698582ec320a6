package cn.antifraud.core.analysis;

import cn.antifraud.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The analysis step: featurize, classify scam type and intent, find signals and indicators, look up
 * known-bad indicators and score the risk. Thread-safe; CPU-bound, so callers run it off the event loop.
 * The models sit behind an atomic reference so a retrained model can replace the running one.
 */
public final class Analyzer {
    static final double INTENT_THRESHOLD = 0.5;

    private final Featurizer featurizer;
    private final SignalDetector signals;
    private final RiskScorer risk = new RiskScorer();
    /** Models and their compiled form, swapped together. */
    private record Loaded(Models models, Optional<CompiledModels> compiled) {
        Loaded(Models models) {
            this(models, CompiledModels.of(models.scamType(), models.intent()));
        }
    }

    private final AtomicReference<Loaded> models;
    private final KnownIndicators known;

    public Analyzer(Featurizer featurizer, SignalDetector signals, Models models, KnownIndicators known) {
        this.featurizer = featurizer;
        this.signals = signals;
        this.models = new AtomicReference<>(new Loaded(models));
        this.known = known;
    }

    public Analysis analyze(String text) {
        Featurizer.Prepared p = featurizer.prepare(text == null ? "" : text);
        if (p.tokens().isEmpty()) {
            // nothing readable (empty, emoji or symbols only): a model would only echo its priors
            return new Analysis(KnowledgeBase.VERIFY_INTENT, 0, KnowledgeBase.NONE, Risk.NONE, 0, 0, List.of(), List.of(), p.truncated());
        }
        Loaded loaded = models.get();
        TextClassifier.Prediction type;
        TextClassifier.Prediction intent;
        if (loaded.compiled().isPresent()) {
            TextClassifier.Prediction[] both = loaded.compiled().get().predict(p.tokens());
            type = both[0];
            intent = both[1];
        } else {
            type = loaded.models().scamType().predict(p.tokens());
            intent = loaded.models().intent().predict(p.tokens());
        }
        List<Signal> found = signals.detect(p.folded());
        List<Indicator> indicators = lookUp(p.indicators());

        double scamProbability = 1 - type.probability(KnowledgeBase.NONE);
        String bestType = type.best().equals(KnowledgeBase.NONE) && type.labels().size() > 1 ? type.labels().get(1) : type.best();
        String intentId = intent.bestProbability() >= INTENT_THRESHOLD ? intent.best() : KnowledgeBase.VERIFY_INTENT;
        boolean moneyTalk = intentId.equals("money_sent") || intentId.equals("report_fraud");
        boolean modelSaysScam = type.probability(bestType) > type.probability(KnowledgeBase.NONE) + Models.DECISION_MARGIN;
        Risk level = risk.score(modelSaysScam, scamProbability, found, indicators, moneyTalk);
        if (!intentId.equals(KnowledgeBase.VERIFY_INTENT) && !modelSaysScam && found.isEmpty() && indicators.isEmpty()) {
            level = Risk.NONE; // "你好", "谢谢", "怎么防骗": dialogue, not a message to judge
        }

        String scamType = KnowledgeBase.NONE;
        double confidence = type.probability(KnowledgeBase.NONE);
        if (modelSaysScam || level.compareTo(Risk.MEDIUM) >= 0) {
            Optional<String> fromRegistry = knownType(indicators);
            scamType = !modelSaysScam && fromRegistry.isPresent() ? fromRegistry.get() : bestType;
            confidence = type.probability(scamType);
        }
        return new Analysis(intentId, intent.bestProbability(), scamType, level, confidence, scamProbability,
            indicators, found, p.truncated());
    }

    /** Replaces the running models (a retrained model going live); in-flight analyses finish on the old one. */
    public void swapModels(Models next) {
        models.set(new Loaded(next));
    }

    public Models models() {
        return models.get().models();
    }

    public Featurizer featurizer() {
        return featurizer;
    }

    private List<Indicator> lookUp(List<IndicatorExtractor.Found> found) {
        Map<String, Indicator> unique = new LinkedHashMap<>();
        for (IndicatorExtractor.Found f : found) {
            Indicator i = f.indicator();
            if (i.isTraceable()) {
                Optional<KnownIndicators.Entry> hit = known.find(i.type(), i.value());
                if (hit.isPresent()) {
                    i = i.withKnown(hit.get().reportCount(), hit.get().note());
                }
            }
            unique.putIfAbsent(i.type() + ":" + i.value(), i);
        }
        return new ArrayList<>(unique.values());
    }

    private Optional<String> knownType(List<Indicator> indicators) {
        for (Indicator i : indicators) {
            if (i.knownBad()) {
                Optional<KnownIndicators.Entry> e = known.find(i.type(), i.value());
                if (e.isPresent() && e.get().scamType() != null) {
                    return Optional.of(e.get().scamType());
                }
            }
        }
        return Optional.empty();
    }
}
