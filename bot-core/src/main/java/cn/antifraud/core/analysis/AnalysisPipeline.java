package cn.antifraud.core.analysis;

import cn.antifraud.kb.KnowledgeBase;
import java.nio.file.Path;

/** Builds the analysis pieces from the knowledge base in one place (launcher, CLI, tests, benchmark). */
public final class AnalysisPipeline {
    private AnalysisPipeline() {
    }

    public static Featurizer featurizer(KnowledgeBase kb) {
        return new Featurizer(new TextNormalizer(kb.folds(), kb.slang()), new IndicatorExtractor(), new HanLpAdapter(kb.dictionary()), kb.cues());
    }

    /** An analyzer with models loaded from (or trained into) {@code modelDir}; null trains in memory. */
    public static Analyzer analyzer(KnowledgeBase kb, Path modelDir, KnownIndicators known) {
        Featurizer featurizer = featurizer(kb);
        Models models = Models.loadOrTrain(featurizer, kb, modelDir);
        return new Analyzer(featurizer, SignalDetector.of(kb), models, known);
    }
}
