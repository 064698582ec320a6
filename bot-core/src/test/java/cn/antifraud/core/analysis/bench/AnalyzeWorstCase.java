package cn.antifraud.core.analysis.bench;

import cn.antifraud.core.analysis.AnalysisPipeline;
import cn.antifraud.core.analysis.Analyzer;
import cn.antifraud.core.analysis.KnownIndicators;
import cn.antifraud.kb.KnowledgeBase;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The whole analysis of 2,000-character messages built to be expensive for backtracking regexes (the longest a
 * resident may send), best-of-N thread CPU time per message. Run as documented in docs/benchmarks.md.
 */
public final class AnalyzeWorstCase {
    private AnalyzeWorstCase() {
    }

    static Map<String, String> cases() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("2,000 digits", "1".repeat(2000));
        c.put("digit groups 1,234,...", "1,234".repeat(400));
        c.put("2,000 Chinese numerals", "一".repeat(2000));
        c.put("numerals, unit at the end", "二".repeat(1999) + "千");
        c.put("spaced digits", "1 ".repeat(1000));
        c.put("dotted labels a.a.", "a.".repeat(1000));
        c.put("yuan signs ¥1¥1", "¥1".repeat(1000));
        c.put("labels qq微信", "qq微信".repeat(500));
        c.put("ordinary scam text", "您好，我是XX银行客服，您的账户涉嫌洗钱，请把资金转入安全账户6222020200112233445，联系13812345678。"
            .repeat(40).substring(0, 2000));
        return c;
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        KnowledgeBase kb = KnowledgeBase.load();
        Analyzer analyzer = AnalysisPipeline.analyzer(kb, Path.of("target", "model-cache"), KnownIndicators.NONE);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (Map.Entry<String, String> c : cases().entrySet()) {
            long best = Long.MAX_VALUE;
            for (int i = 0; i < rounds; i++) {
                long cpu = mx.getCurrentThreadCpuTime();
                analyzer.analyze(c.getValue());
                best = Math.min(best, mx.getCurrentThreadCpuTime() - cpu);
            }
            System.out.printf(Locale.ROOT, "%-28s %7.2f ms%n", c.getKey(), best / 1e6);
        }
    }
}
