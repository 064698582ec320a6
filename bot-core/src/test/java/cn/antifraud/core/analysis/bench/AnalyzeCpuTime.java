package cn.antifraud.core.analysis.bench;

import cn.antifraud.core.analysis.AnalysisPipeline;
import cn.antifraud.core.analysis.Analyzer;
import cn.antifraud.core.analysis.KnownIndicators;
import cn.antifraud.kb.KnowledgeBase;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The same measurement as {@link AnalyzeBenchmark}, counted in the thread's CPU time instead of wall-clock time,
 * so the figure for one core holds on a machine shared with other work. Run as documented in docs/benchmarks.md.
 */
public final class AnalyzeCpuTime {
    private AnalyzeCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        KnowledgeBase kb = KnowledgeBase.load();
        Analyzer analyzer = AnalysisPipeline.analyzer(kb, Path.of("target", "model-cache"), KnownIndicators.NONE);
        String[] messages = AnalyzeBenchmark.messages(kb);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int sink = 0;
        for (int round = 0; round < rounds; round++) {
            long cpu = mx.getCurrentThreadCpuTime();
            for (String m : messages) {
                sink += analyzer.analyze(m).indicators().size();
            }
            double seconds = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
            if (round >= rounds / 2) {
                System.out.printf(Locale.ROOT, "round %d: %.0f messages per CPU-second (%.1f us each)%n", round,
                    messages.length / seconds, seconds * 1e6 / messages.length);
            }
        }
        System.out.println("(checksum " + sink + ")");
    }
}
