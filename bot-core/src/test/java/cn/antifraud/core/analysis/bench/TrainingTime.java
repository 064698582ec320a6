package cn.antifraud.core.analysis.bench;

import cn.antifraud.core.analysis.AnalysisPipeline;
import cn.antifraud.core.analysis.Detector;
import cn.antifraud.core.analysis.Featurizer;
import cn.antifraud.core.analysis.Models;
import cn.antifraud.core.analysis.TextClassifier;
import cn.antifraud.core.analysis.TypeModel;
import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.LabeledText;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
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
        List<TextClassifier.Sample> scam = new ArrayList<>();
        List<TextClassifier.Sample> typed = new ArrayList<>();
        List<String> styles = new ArrayList<>();
        timed("featurize corpus", () -> {
            for (LabeledText t : kb.corpus()) {
                TextClassifier.Sample s = new TextClassifier.Sample(t.label(), featurizer.tokens(t.text()));
                scam.add(s);
                styles.add(t.style());
                if (!t.label().equals(KnowledgeBase.NONE)) {
                    typed.add(s);
                }
            }
            return scam.size();
        });
        List<TextClassifier.Sample> intent = new ArrayList<>();
        for (LabeledText t : kb.intents()) {
            intent.add(new TextClassifier.Sample(t.label(), featurizer.tokens(t.text())));
        }
        for (int i = 0; i < scam.size(); i += 6) {
            intent.add(new TextClassifier.Sample(KnowledgeBase.VERIFY_INTENT, scam.get(i).tokens()));
        }
        timed("type model (" + typed.size() + " scam lines)", () -> TypeModel.train(typed, Models.SCAM_CONFIG));
        timed("intent model (" + intent.size() + " lines)", () -> TextClassifier.train(intent, Models.INTENT_CONFIG));
        timed("detector (3 calibration folds + final)", () -> Detector.train(scam, styles, Runnable::run));
    }

    private static void timed(String what, Supplier<?> work) {
        long cpu = MX.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        work.get();
        System.out.printf(Locale.ROOT, "%-45s %6.2f s CPU %6.2f s wall%n", what, (MX.getCurrentThreadCpuTime() - cpu) / 1e9,
            (System.nanoTime() - wall) / 1e9);
    }
}
