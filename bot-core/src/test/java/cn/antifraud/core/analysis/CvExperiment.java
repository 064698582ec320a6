package cn.antifraud.core.analysis;

import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.LabeledText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Model selection by k-fold cross-validation on the training corpus only (never the held-out files).
 * Run: {@code java -cp bot-core/target/test-classes:bot-core/target/classes:knowledge-base/target/classes:deploy/target/antifraud.jar
 * cn.antifraud.core.analysis.CvExperiment scam MAXENT:150:1:0:wbct MAXENT_QN:100:1:1.0:ct}.
 * Prints, for each config, scam-vs-not F1, scam-type accuracy and false alarms for a grid of margins in favour of none.
 */
public final class CvExperiment {
    private CvExperiment() {
    }

    public static void main(String[] args) {
        KnowledgeBase kb = KnowledgeBase.load();
        Featurizer featurizer = AnalysisPipeline.featurizer(kb);
        boolean intents = args[0].equals("intent");
        List<LabeledText> data = new ArrayList<>(intents ? intentData(kb) : kb.corpus());
        Collections.shuffle(data, new Random(42));
        List<List<String>> tokens = data.stream().map(t -> featurizer.tokens(t.text())).toList();
        for (int a = 1; a < args.length; a++) {
            String[] p = args[a].split(":");
            TextClassifier.Config config = new TextClassifier.Config(p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]),
                Double.parseDouble(p[3]), p[4]);
            long start = System.nanoTime();
            List<TextClassifier.Prediction> oof = crossValidate(data, tokens, config, 5);
            double secs = (System.nanoTime() - start) / 1e9;
            if (intents) {
                reportIntents(args[a], data, oof, secs);
            } else {
                reportScam(args[a], data, oof, secs);
            }
        }
    }

    static List<LabeledText> intentData(KnowledgeBase kb) {
        List<LabeledText> out = new ArrayList<>(kb.intents());
        for (int i = 0; i < kb.corpus().size(); i += Integer.getInteger("verifyStride", Models.VERIFY_STRIDE)) {
            out.add(new LabeledText(KnowledgeBase.VERIFY_INTENT, kb.corpus().get(i).text()));
        }
        return out;
    }

    static List<TextClassifier.Prediction> crossValidate(List<LabeledText> data, List<List<String>> tokens,
                                                         TextClassifier.Config config, int k) {
        List<TextClassifier.Prediction> oof = new ArrayList<>(Collections.nCopies(data.size(), null));
        for (int fold = 0; fold < k; fold++) {
            List<TextClassifier.Sample> train = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (i % k != fold) {
                    train.add(new TextClassifier.Sample(data.get(i).label(), tokens.get(i)));
                }
            }
            TextClassifier model = TextClassifier.train(train, config);
            for (int i = fold; i < data.size(); i += k) {
                oof.set(i, model.predict(tokens.get(i)));
            }
        }
        return oof;
    }

    static void reportScam(String name, List<LabeledText> data, List<TextClassifier.Prediction> oof, double secs) {
        System.out.printf(Locale.ROOT, "%s (%.1f s for 5 folds)%n", name, secs);
        for (double t : new double[] {-0.2, -0.1, 0, 0.1, 0.2, 0.3}) {
            List<String> truth = new ArrayList<>();
            List<String> pred = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                truth.add(data.get(i).label());
                pred.add(decide(oof.get(i), t));
            }
            Evaluation.Scores s = new Evaluation.Scores(List.of(), truth, pred);
            System.out.printf(Locale.ROOT, "  none if P(none)+%.2f>=P(best type): F1 %.3f typeAcc %.3f FA %.1f%% acc %.3f%n", t, s.scamF1(),
                s.scamTypeAccuracy(), 100 * s.falseAlarmRate(), s.accuracy());
        }
    }

    static String decide(TextClassifier.Prediction p, double margin) {
        String type = p.best().equals(KnowledgeBase.NONE) ? p.labels().get(1) : p.best();
        return p.probability(KnowledgeBase.NONE) + margin >= p.probability(type) ? KnowledgeBase.NONE : type;
    }

    static void reportIntents(String name, List<LabeledText> data, List<TextClassifier.Prediction> oof, double secs) {
        int ok = 0;
        int okNonVerify = 0;
        int nonVerify = 0;
        for (int i = 0; i < data.size(); i++) {
            String truth = data.get(i).label();
            boolean hit = oof.get(i).best().equals(truth);
            ok += hit ? 1 : 0;
            if (!truth.equals(KnowledgeBase.VERIFY_INTENT)) {
                nonVerify++;
                okNonVerify += hit ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "%s (%.1f s): accuracy %.3f; on dialogue intents (not verify) %.3f; verify recall %.3f%n",
            name, secs, (double) ok / data.size(), (double) okNonVerify / nonVerify,
            (double) (ok - okNonVerify) / (data.size() - nonVerify));
    }
}
