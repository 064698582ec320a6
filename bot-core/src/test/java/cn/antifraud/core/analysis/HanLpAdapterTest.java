package cn.antifraud.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.LabeledText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HanLpAdapterTest {
    /** The word lengths read from the segmenter's lattice give exactly the tokens of HanLP's own terms. */
    @Test
    void latticeTokensAreTheTokensOfHanLpsTerms() {
        KnowledgeBase kb = KnowledgeBase.load();
        Featurizer featurizer = AnalysisPipeline.featurizer(kb);
        HanLpAdapter hanlp = new HanLpAdapter(kb.dictionary());
        List<String> texts = new ArrayList<>(List.of("", " ", "a", "ab 12", "请把钱转到安全账户 app 12 zzphone ", "\u3000 x y ",
            "😀转账😀", "\uD83D", "一 二", "qq123456微信abc_def"));
        List<List<LabeledText>> lists = new java.util.ArrayList<>(List.of(kb.corpus(), kb.heldout(), kb.intents()));
        kb.blindHeldOut().forEach(f -> lists.add(f.lines()));
        for (List<LabeledText> list : lists) {
            for (LabeledText t : list) {
                texts.add(t.text());
                texts.add(featurizer.prepare(t.text()).folded());
            }
        }
        for (String text : texts) {
            assertEquals(hanlp.referenceTokens(text), hanlp.tokens(text), text);
        }
    }
}
