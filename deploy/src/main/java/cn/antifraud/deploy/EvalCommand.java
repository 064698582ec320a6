package cn.antifraud.deploy;

import cn.antifraud.core.analysis.AnalysisPipeline;
import cn.antifraud.core.analysis.Evaluation;
import cn.antifraud.core.analysis.Featurizer;
import cn.antifraud.core.analysis.Models;
import cn.antifraud.kb.KnowledgeBase;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** {@code eval [--folds N] [--out FILE]}: cross-validation and held-out scores, as Markdown. */
final class EvalCommand {
    private EvalCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        int folds = 5;
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help" -> {
                    out.println("usage: java -jar antifraud.jar eval [--folds N] [--out FILE]\n"
                        + "Prints k-fold cross-validation on the training corpus and scores on the held-out file\n"
                        + "(never trained on): per-type precision/recall/F1, confusion matrix, scam-vs-not F1,\n"
                        + "false-alarm rate on 'none' and intent accuracy. --out also writes the report to FILE.");
                    return 0;
                }
                case "--folds" -> folds = Integer.parseInt(args[++i]);
                case "--out" -> file = Path.of(args[++i]);
                default -> {
                    err.println("unknown option " + args[i]);
                    return 2;
                }
            }
        }
        KnowledgeBase kb = KnowledgeBase.load();
        Featurizer featurizer = AnalysisPipeline.featurizer(kb);
        err.println("training the full models on " + kb.corpus().size() + " samples");
        Models full = Models.train(featurizer, kb.corpus(), kb.intents());
        Evaluation evaluation = new Evaluation(kb, featurizer, err::println);
        StringBuilder report = new StringBuilder("# Classifier evaluation\n\n")
            .append("Produced by `java -jar deploy/target/antifraud.jar eval --folds ").append(folds)
            .append("` on ").append(LocalDate.now()).append(", model ").append(full.version()).append(".\n\n")
            .append("Settings (chosen by cross-validation on the training corpus only): scam type ").append(Models.SCAM_CONFIG)
            .append(", decision margin for `none` ").append(Models.DECISION_MARGIN).append("; intent ").append(Models.INTENT_CONFIG)
            .append(".\n\n");
        report.append(evaluation.heldOut(full).report("Held-out file (kb/heldout/heldout.tsv, never trained on)")).append('\n');
        report.append(evaluation.crossValidate(folds, full).report(folds + "-fold cross-validation on the training corpus"))
            .append('\n');
        Evaluation.Scores intents = evaluation.heldOutIntents(full);
        report.append(String.format("### Intents on the held-out intent file%n%naccuracy %.3f on %d lines%n",
            intents.accuracy(), intents.truth().size()));
        out.print(report);
        if (file != null) {
            Files.writeString(file, report.toString(), StandardCharsets.UTF_8);
            err.println("wrote " + file);
        }
        return 0;
    }
}
