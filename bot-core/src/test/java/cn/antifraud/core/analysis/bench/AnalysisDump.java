package cn.antifraud.core.analysis.bench;

import cn.antifraud.core.analysis.Analysis;
import cn.antifraud.core.analysis.AnalysisPipeline;
import cn.antifraud.core.analysis.Analyzer;
import cn.antifraud.core.analysis.Featurizer;
import cn.antifraud.core.analysis.Indicator;
import cn.antifraud.core.analysis.KnownIndicators;
import cn.antifraud.core.analysis.Signal;
import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.LabeledText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Prints one canonical line per message (every corpus, held-out and intent line) with every field of its
 * {@link Analysis} (doubles as {@link Double#toHexString}, so any bit differs) and, on a second line, what the
 * featurizer made of it. Diffing two dumps proves a speed change altered no result:
 * {@code java -cp ... cn.antifraud.core.analysis.bench.AnalysisDump /tmp/before.txt}.
 */
public final class AnalysisDump {
    private AnalysisDump() {
    }

    public static void main(String[] args) throws IOException {
        KnowledgeBase kb = KnowledgeBase.load();
        Analyzer analyzer = AnalysisPipeline.analyzer(kb, Path.of("target", "model-cache"), KnownIndicators.NONE);
        Featurizer featurizer = analyzer.featurizer();
        Map<String, List<LabeledText>> sources = Map.of("corpus", kb.corpus(), "heldout", kb.heldout(),
            "heldoutIntents", kb.heldoutIntents(), "heldout2", kb.blindHeldOut().get(0).lines(), "intents", kb.intents());
        int lines = 0;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8))) {
            for (String name : List.of("corpus", "heldout", "heldoutIntents", "heldout2", "intents")) {
                int n = 0;
                for (LabeledText t : sources.get(name)) {
                    String id = name + "#" + n++;
                    out.println(id + "\tA\t" + canonical(analyzer.analyze(t.text())));
                    Featurizer.Prepared p = featurizer.prepare(t.text());
                    out.println(id + "\tP\t" + p.cleaned() + "\u0001" + p.folded() + "\u0001" + String.join("\u0002", p.tokens())
                        + "\u0001" + p.indicators() + "\u0001" + p.truncated() + "\u0001" + p.words());
                    lines++;
                }
            }
        }
        System.out.println(lines + " messages dumped to " + args[0]);
    }

    static String canonical(Analysis a) {
        StringBuilder sb = new StringBuilder();
        sb.append(a.intent()).append('|').append(Double.toHexString(a.intentConfidence())).append('|').append(a.scamType())
            .append('|').append(a.risk()).append('|').append(Double.toHexString(a.confidence())).append('|')
            .append(Double.toHexString(a.scamProbability())).append('|').append(a.truncated()).append("|I:");
        for (Indicator i : a.indicators()) {
            sb.append('[').append(i.type()).append(',').append(i.value()).append(',').append(i.knownBad()).append(',')
                .append(i.reportCount()).append(',').append(i.note()).append(']');
        }
        sb.append("|S:");
        for (Signal s : a.signals()) {
            sb.append('[').append(s.category()).append(',').append(s.phrase()).append(']');
        }
        sb.append("|J:").append(a.toJson().encode()).append("|M:").append(a.moneyMoved()).append(a.hasKnownBad()).append(a.hasHardEvidence());
        return sb.toString();
    }
}
