package cn.antifraud.core.analysis.bench;

import cn.antifraud.core.analysis.AnalysisPipeline;
import cn.antifraud.core.analysis.Analyzer;
import cn.antifraud.core.analysis.KnownIndicators;
import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.LabeledText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the whole analysis step ({@link Analyzer#analyze}) on one thread, over held-out and corpus
 * messages of about 60 characters (the benchmark only reads them; it trains on the corpus as the server does).
 * Run as documented in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Threads(1)
public class AnalyzeBenchmark {
    private Analyzer analyzer;
    private String[] messages;
    private int next;

    @Setup
    public void setUp() {
        KnowledgeBase kb = KnowledgeBase.load();
        analyzer = AnalysisPipeline.analyzer(kb, Path.of("target", "model-cache"), KnownIndicators.NONE);
        messages = messages(kb);
    }

    /** Corpus and held-out messages of 50 to 80 characters (about 60 on average). */
    static String[] messages(KnowledgeBase kb) {
        List<String> picked = new ArrayList<>();
        for (List<LabeledText> list : List.of(kb.heldout(), kb.corpus())) {
            for (LabeledText t : list) {
                if (t.text().length() >= 50 && t.text().length() <= 80) {
                    picked.add(t.text());
                }
            }
        }
        double mean = picked.stream().mapToInt(String::length).average().orElse(0);
        System.out.printf("%n%d messages, mean length %.1f characters%n", picked.size(), mean);
        return picked.toArray(String[]::new);
    }

    @Benchmark
    public Object analyze() {
        String text = messages[next];
        next = next + 1 == messages.length ? 0 : next + 1;
        return analyzer.analyze(text);
    }
}
