package cn.antifraud.core.analysis;

import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.LabeledText;
import java.util.Set;

/**
 * Not a test: prints every leave-one-style-out error (false alarm, miss, wrong type) of the named styles (all when
 * none are named), so a rule or corpus change can be judged on writing styles the models did not see. Run with the
 * test classpath: {@code StyleErrors [--all|--all-turns] [style...]} ({@code --all} prints every line with its probability,
 * intent, signals and indicators; {@code --all-turns} also a chat log's whole-text and per-turn verdicts).
 */
public final class StyleErrors {
    private StyleErrors() {
    }

    public static void main(String[] args) {
        KnowledgeBase kb = KnowledgeBase.load();
        Featurizer featurizer = AnalysisPipeline.featurizer(kb);
        boolean dump = args.length > 0 && args[0].equals("--all");
        // --all-turns: as --all, and for a pasted chat log also the whole text judged as one message and each turn
        boolean turnsToo = args.length > 0 && args[0].equals("--all-turns");
        dump |= turnsToo;
        Set<String> wanted = Set.of(dump ? java.util.Arrays.copyOfRange(args, 1, args.length) : args);
        Evaluation eval = new Evaluation(kb, featurizer, s -> { });
        for (Evaluation.Split split : Evaluation.styleSplits(kb.corpus())) {
            if (!wanted.isEmpty() && !wanted.contains(split.name().replace("without ", ""))) {
                continue;
            }
            Analyzer analyzer = eval.analyzerFor(Models.train(featurizer, split.train(), kb.intents()));
            for (LabeledText t : split.test()) {
                Analysis a = analyzer.analyze(t.text());
                String got = Evaluation.verdict(a);
                if (dump) {
                    System.out.printf("ROW\t%s\t%s\t%s\t%s\t%.4f\t%s\t%s\t%s\t%s%n", t.style(), t.label(), got, a.risk(), a.scamProbability(),
                        a.intent(),
                        String.join(",", a.signals().stream().map(Signal::category).toList()),
                        String.join(",", a.indicators().stream().map(Indicator::type).toList()), t.text().replace("\t", " "));
                    if (turnsToo) {
                        printTurns(analyzer, t);
                    }
                } else if (!got.equals(t.label())) {
                    String kind = t.label().equals(KnowledgeBase.NONE) ? "FA" : got.equals(KnowledgeBase.NONE) ? "MISS" : "TYPE";
                    System.out.printf("%s\t%s\t%s->%s\t%s\t%.2f\t%s%n", kind, t.style(), t.label(), got, a.risk(),
                        a.scamProbability(), t.text());
                }
            }
        }
    }

    private static void printTurns(Analyzer analyzer, LabeledText t) {
        java.util.Optional<java.util.List<ChatLog.Turn>> turns = ChatLog.turns(t.text());
        if (turns.isEmpty()) {
            return;
        }
        Analysis whole = analyzer.judgeWhole(t.text());
        System.out.printf("WHOLE\t%s\t%.4f\t%s%n", whole.risk(), whole.scamProbability(), whole.scamType());
        for (ChatLog.Turn turn : turns.get()) {
            Analysis a = analyzer.judgeWhole(turn.text());
            System.out.printf("TURN\t%s\t%.4f\t%s\t%s%n", a.risk(), a.scamProbability(), a.scamType(), a.hasHardEvidence());
        }
    }
}
