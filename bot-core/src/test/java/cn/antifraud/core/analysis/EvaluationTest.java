package cn.antifraud.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.LabeledText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Leave-one-style-out and the baseline comparison, on a small fixture corpus tagged with three styles. */
class EvaluationTest {
    static KnowledgeBase kb;
    static List<LabeledText> fixture;
    static Evaluation evaluation;

    @BeforeAll
    static void load() {
        kb = KnowledgeBase.load();
        Set<String> labels = new HashSet<>(kb.scamTypeIds());
        labels.add(KnowledgeBase.NONE);
        fixture = KnowledgeBase.readLabeled("eval-fixture/corpus.tsv", labels);
        evaluation = new Evaluation(kb, AnalysisPipeline.featurizer(kb), step -> { });
    }

    @Test
    void eachStyleIsScoredByModelsThatNeverSawIt() {
        List<Evaluation.Split> splits = Evaluation.styleSplits(fixture);
        assertEquals(List.of("without call_script", "without chat", "without sms"), splits.stream().map(Evaluation.Split::name).toList());
        for (Evaluation.Split s : splits) {
            String style = s.name().substring("without ".length());
            assertFalse(s.test().isEmpty(), s.name());
            assertTrue(s.test().stream().allMatch(t -> t.style().equals(style)), s.name());
            assertTrue(s.train().stream().noneMatch(t -> t.style().equals(style)), s.name());
            assertEquals(fixture.size(), s.train().size() + s.test().size(), s.name());
        }
    }

    @Test
    void untaggedLinesAreAlwaysTrainedOnAndNeverAStyleOfTheirOwn() {
        List<LabeledText> corpus = new ArrayList<>(fixture);
        LabeledText untagged = new LabeledText("none", "周末一起去爬山吧");
        corpus.add(untagged);
        for (Evaluation.Split s : Evaluation.styleSplits(corpus)) {
            assertTrue(s.train().contains(untagged), s.name());
            assertFalse(s.test().contains(untagged), s.name());
        }
    }

    @Test
    void crossValidationFoldsPartitionTheCorpus() {
        List<Evaluation.Split> folds = Evaluation.folds(5, fixture);
        List<LabeledText> tested = new ArrayList<>();
        for (Evaluation.Split f : folds) {
            Set<LabeledText> train = new HashSet<>(f.train());
            assertTrue(f.test().stream().noneMatch(train::contains), f.name());
            tested.addAll(f.test());
        }
        assertEquals(new HashSet<>(fixture), new HashSet<>(tested));
        assertEquals(fixture.size(), tested.size());
    }

    @Test
    void thePipelinesFiguresArePrintedBesideTheBaselinesOnEveryStyle() {
        List<Evaluation.Comparison> loso = evaluation.leaveOneStyleOut(fixture);
        assertEquals(3, loso.size());
        ComparisonTable table = new ComparisonTable();
        for (Evaluation.Comparison c : loso) {
            String style = c.split().substring("without ".length());
            List<String> expected = fixture.stream().filter(t -> t.style().equals(style)).map(LabeledText::label).toList();
            assertEquals(expected, c.pipeline().truth(), c.split());
            assertEquals(expected, c.baseline().truth(), c.split());
            assertEquals(expected.size(), c.pipeline().predicted().size(), c.split());
            assertEquals(expected.size(), c.baseline().predicted().size(), c.split());
            assertEquals(expected.size(), c.scamProbability().length, c.split());
            table.add(c);
        }
        table.addPooled("pooled", loso);
        String text = table.toString();
        assertTrue(text.contains("| pipeline F1 (P / R) |") && text.contains("| NB F1 (P / R) |"), text);
        assertTrue(text.contains("| without chat | ") && text.contains("| **pooled** | 78 / 18 |"), text);
    }

    @Test
    void onlyHighOrMediumCountsAsFlagged() {
        Analysis low = new Analysis("verify", 0.9, "fake_prize", Risk.LOW, 0.3, 0.3, List.of(), List.of(), false);
        Analysis medium = new Analysis("verify", 0.9, "fake_prize", Risk.MEDIUM, 0.6, 0.6, List.of(), List.of(), false);
        assertEquals(KnowledgeBase.NONE, Evaluation.verdict(low));
        assertEquals("fake_prize", Evaluation.verdict(medium));
    }
}
