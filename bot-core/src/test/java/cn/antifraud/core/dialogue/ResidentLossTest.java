package cn.antifraud.core.dialogue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.core.analysis.Analysis;
import cn.antifraud.core.analysis.Risk;
import cn.antifraud.core.analysis.Signal;
import cn.antifraud.kb.KnowledgeBase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Only the resident's own words that their own (or their household's) money moved count as their loss. */
class ResidentLossTest {
    static ResidentLoss losses;

    @BeforeAll
    static void load() {
        losses = new ResidentLoss(KnowledgeBase.load());
    }

    /** What the analysis says of any message that mentions money moving somewhere in it. */
    private static Analysis moneyMoved() {
        return new Analysis("verify", 0.9, "fake_investment", Risk.HIGH, 0.9, 0.9, List.of(),
            List.of(new Signal(Signal.MONEY_MOVED, "转了")), false);
    }

    @Test
    void theResidentsOwnWordsThatMoneyWentAreTheirLoss() {
        for (String t : List.of("我已经转了5000", "刚刚被骗了2万", "钱已经打过去了", "我给他转了3000块", "我妈刚转了3万给对方",
            "客服：请交保证金\n我：我已经转了5000了\n客服：还要再交手续费")) {
            assertTrue(losses.stated(t, moneyMoved()), t);
        }
    }

    @Test
    void aThirdPartysMoneyInTheStoryIsNotTheResidentsLoss() {
        for (String t : List.of("李姐已经转了3万进去，现在赚了5万", "我朋友已经充值了2万", "他刚转了一笔",
            "王姐：我上个月已经充值了2万，现在赚了3万\n我：真的假的？\n王姐：你也转5000进去试试")) {
            assertFalse(losses.stated(t, moneyMoved()), t);
        }
    }

    @Test
    void nothingCountsWhenTheAnalysisSawNoMoneyMoving() {
        Analysis quiet = new Analysis("verify", 0.9, "none", Risk.NONE, 0.9, 0.1, List.of(), List.of(), false);
        assertFalse(losses.stated("我已经转了5000", quiet));
    }
}
