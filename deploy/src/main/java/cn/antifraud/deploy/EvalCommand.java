package cn.antifraud.deploy;

import cn.antifraud.core.analysis.AnalysisPipeline;
import cn.antifraud.core.analysis.ComparisonTable;
import cn.antifraud.core.analysis.Detector;
import cn.antifraud.core.analysis.Evaluation;
import cn.antifraud.core.analysis.Featurizer;
import cn.antifraud.core.analysis.Models;
import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.LabeledText;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code eval [--folds N] [--out FILE] [--no-cv]}: the pipeline and a naive Bayes baseline side by side on k-fold
 * cross-validation, leave-one-style-out and the held-out files, as Markdown.
 */
final class EvalCommand {
    private EvalCommand() {
    }

    /** CPU time of the whole process (training runs on several threads). */
    private static long processCpu() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        int folds = 5;
        boolean cv = true;
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help" -> {
                    out.println("usage: java -jar antifraud.jar eval [--folds N] [--out FILE] [--no-cv]\n"
                        + "Scores the pipeline and a plain naive Bayes baseline (character 1-3-grams) side by side on\n"
                        + "k-fold cross-validation of the training corpus, leave-one-style-out (trained without one\n"
                        + "writing style, scored on it) and the held-out files (never trained on): scam-vs-not F1\n"
                        + "with precision and recall, scam-type accuracy and the false-alarm rate on 'none', counting\n"
                        + "high or medium risk as flagged; per-type figures and confusion matrices on the held-out files;\n"
                        + "intent accuracy. --out also writes the report to FILE; --no-cv skips cross-validation.\n"
                        + "Progress goes to standard error.");
                    return 0;
                }
                case "--folds" -> folds = Integer.parseInt(args[++i]);
                case "--out" -> file = Path.of(args[++i]);
                case "--no-cv" -> cv = false;
                default -> {
                    err.println("unknown option " + args[i]);
                    return 2;
                }
            }
        }
        KnowledgeBase kb = KnowledgeBase.load();
        Featurizer featurizer = AnalysisPipeline.featurizer(kb);
        err.println("training the full models on " + kb.corpus().size() + " samples");
        long cpu = processCpu();
        long wall = System.nanoTime();
        Models full = Models.train(featurizer, kb.corpus(), kb.intents());
        String trainingTime = String.format("%.1f s of CPU (%.1f s wall-clock)", (processCpu() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9);
        err.println("trained in " + trainingTime);
        // each split's row goes to standard error as soon as it is scored: a long run shows its figures as it goes
        Evaluation evaluation = new Evaluation(kb, featurizer, err::println, c -> err.print(new ComparisonTable().add(c)));
        Evaluation.Baseline baseline = Evaluation.Baseline.train(kb.corpus());

        ComparisonTable table = new ComparisonTable();
        StringBuilder details = new StringBuilder();
        err.println("scoring the held-out files");
        Evaluation.Comparison h1 = evaluation.compare("held-out file 1", full, baseline, kb.heldout());
        table.add(h1);
        details.append(h1.pipeline().report("Pipeline on held-out file 1 (kb/heldout/heldout.tsv, never trained on)")).append('\n');
        StringBuilder byStyle = new StringBuilder();
        for (KnowledgeBase.HeldOutFile blind : kb.blindHeldOut()) {
            scoreStyled(blind.name(), blind.resource(), blind.lines(), evaluation, full, baseline, table, details, byStyle);
        }
        List<Evaluation.Comparison> loso = evaluation.leaveOneStyleOut(kb.corpus());
        ComparisonTable losoTable = new ComparisonTable();
        loso.forEach(losoTable::add);
        if (!loso.isEmpty()) {
            table.addPooled("leave-one-style-out, pooled", loso);
            losoTable.addPooled("pooled", loso);
        }
        if (cv) {
            table.addPooled(folds + "-fold cross-validation, pooled", evaluation.crossValidate(folds, kb.corpus()));
        }
        Evaluation.Scores intents = evaluation.heldOutIntents(full);

        StringBuilder report = new StringBuilder("# Classifier evaluation\n\n")
            .append("Produced by `java -jar deploy/target/antifraud.jar eval --folds ").append(folds).append(cv ? "" : " --no-cv")
            .append("` on ").append(LocalDate.now()).append(", model ").append(full.version()).append(", corpus of ")
            .append(kb.corpus().size()).append(" lines; training the production models took ").append(trainingTime).append(".\n\n")
            .append("Verdicts are counted as outside testers count them: high or medium risk is flagged (with its scam type), low\n")
            .append("or none is not. NB is the plain baseline: multinomial naive Bayes on character 1-3-grams of the raw text,\n")
            .append("trained on the same lines. Settings: detector ").append(Detector.CONFIG).append(" + naive Bayes, Platt-calibrated,")
            .append(" cutoff ").append(Models.DETECTION_CUTOFF).append("; scam type ").append(Models.SCAM_CONFIG).append("; intent ")
            .append(Models.INTENT_CONFIG).append(".\n\n")
            .append("## Pipeline against the baseline\n\n").append(table).append('\n')
            .append("## Leave-one-style-out (trained without the style, scored on it)\n\n").append(losoTable).append('\n')
            .append(byStyle);
        if (!loso.isEmpty()) {
            report.append("### The detector's cutoff on out-of-style P(scam) (detector alone, before signals and rules)\n\n")
                .append(ComparisonTable.cutoffSweep(loso, new double[] {0.3, 0.4, 0.5, 0.6, 0.7, 0.8})).append('\n');
        }
        report.append(details)
            .append(String.format("### Intents on the held-out intent file%n%naccuracy %.3f on %d lines%n", intents.accuracy(),
                intents.truth().size()));
        out.print(report);
        if (file != null) {
            Files.writeString(file, report.toString(), StandardCharsets.UTF_8);
            err.println("wrote " + file);
        }
        return 0;
    }

    /** A held-out file whose lines carry a style: its row, its per-type report and a table by style. */
    private static void scoreStyled(String name, String resource, List<LabeledText> lines, Evaluation evaluation, Models full,
                                    Evaluation.Baseline baseline, ComparisonTable table, StringBuilder details,
                                    StringBuilder byStyle) {
        if (lines.isEmpty()) {
            return;
        }
        Evaluation.Comparison all = evaluation.compare(name, full, baseline, lines);
        table.add(all);
        details.append(all.pipeline().report("Pipeline on " + name + " (" + resource + ", never trained on)")).append('\n');
        ComparisonTable styles = new ComparisonTable();
        for (String style : new TreeSet<>(lines.stream().map(LabeledText::style).toList())) {
            styles.add(evaluation.compare(style, full, baseline, lines.stream().filter(t -> t.style().equals(style)).toList()));
        }
        byStyle.append("### ").append(Character.toUpperCase(name.charAt(0))).append(name.substring(1)).append(" by style\n\n")
            .append(styles).append('\n');
    }
}
