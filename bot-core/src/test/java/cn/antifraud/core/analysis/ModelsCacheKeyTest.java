package cn.antifraud.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.LabeledText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelsCacheKeyTest {
    private static final List<LabeledText> CORPUS = List.of(
        new LabeledText("fake_customer_service", "您好，我是淘宝客服，您的订单异常，请点击链接办理退款并共享屏幕"),
        new LabeledText("none", "【中国移动】您本月的话费账单已出，回复TD退订"));
    private static final List<LabeledText> INTENTS = List.of(new LabeledText("greeting", "你好"));

    @Test
    void theCacheKeyChangesWhenTheModelsWouldSeeOtherTokensFromTheSameLines() {
        KnowledgeBase kb = KnowledgeBase.load();
        Featurizer production = AnalysisPipeline.featurizer(kb);
        Featurizer withoutCues = new Featurizer(new TextNormalizer(kb.folds(), kb.slang()), new IndicatorExtractor(),
            new HanLpAdapter(kb.dictionary()), Map.of());
        String key = Models.cacheKey(production, CORPUS, INTENTS, List.of());
        assertEquals(key, Models.cacheKey(AnalysisPipeline.featurizer(kb), CORPUS, INTENTS, List.of()), "same inputs, same key");
        assertNotEquals(key, Models.cacheKey(withoutCues, CORPUS, INTENTS, List.of()), "cue tokens changed, same lines");
        assertNotEquals(key, Models.cacheKey(production, CORPUS.subList(0, 1), INTENTS, List.of()), "corpus changed");
    }
}
