package cn.antifraud.core.analysis.bench;

import cn.antifraud.core.analysis.AnalysisPipeline;
import cn.antifraud.core.analysis.Detector;
import cn.antifraud.core.analysis.Featurizer;
import cn.antifraud.core.analysis.Models;
import cn.antifraud.core.analysis.TextClassifier;
import cn.antifraud.core.analysis.TypeModel;
import cn.antifraud.kb.KnowledgeBase;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Where training at start spends its time: each of the trainings {@link Models#train} runs, one after the other on this
 * thread, in CPU seconds (so the split holds on a shared machine). Run as documented in docs/benchmarks.md.
 */
public final class TrainingTime {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private TrainingTime() {
    }

    public static void main(String[] args) {
        KnowledgeBase kb = KnowledgeBase.load();
        Featurizer featurizer = AnalysisPipeline.featurizer(kb);
        Models.TrainingSets[] sets = new Models.TrainingSets[1];
        timed("featurize corpus", () -> sets[0] = Models.trainingSets(featurizer, kb.corpus(), kb.intents()));
        List<TextClassifier.Sample> typed = sets[0].typed();
        List<TextClassifier.Sample> intent = sets[0].intent();
        timed("type model (" + typed.size() + " scam lines)", () -> TypeModel.train(typed, Models.SCAM_CONFIG));
        timed("intent model (" + intent.size() + " lines)", () -> TextClassifier.train(intent, Models.INTENT_CONFIG));
        timed("detector (3 calibration folds + final)", () -> Detector.train(sets[0].scam(), sets[0].styles(), Runnable::run));
    }

    private static void timed(String what, Supplier<?> work) {
        long cpu = MX.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        work.get();
        System.out.printf(Locale.ROOT, "%-45s %6.2f s CPU %6.2f s wall%n", what, (MX.getCurrentThreadCpuTime() - cpu) / 1e9,
            (System.nanoTime() - wall) / 1e9);
    }
}
