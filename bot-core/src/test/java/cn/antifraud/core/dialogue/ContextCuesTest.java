package cn.antifraud.core.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.core.analysis.Analysis;
import cn.antifraud.core.analysis.Indicator;
import cn.antifraud.core.analysis.Risk;
import cn.antifraud.core.analysis.Signal;
import cn.antifraud.core.conversation.LastVerdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cues the dialogue reads a message by in context: nothing to check, a follow-up, whose words a log holds. */
class ContextCuesTest {
    private static Analysis plain(Risk risk, List<Signal> signals, List<Indicator> indicators) {
        return new Analysis("verify", 0.9, "none", risk, 0.5, 0.2, indicators, signals, false);
    }

    @Test
    void emojiPunctuationAcknowledgementsAndStickerPlaceholdersHaveNothingToCheck() {
        for (String t : List.of("👍", "？？", "。。。", "嗯", "嗯嗯", "好的", "[表情]", "[动画表情]", "/::)", "🙏🏻🙏🏻", "  ~~ ")) {
            assertTrue(ContentFree.is(t), t);
        }
        for (String t : List.of("你好", "在吗", "这是真的吗", "95588", "【中国邮政】您的包裹地址有误", "好的，他让我转账")) {
            assertFalse(ContentFree.is(t), t);
        }
    }

    @Test
    void shortQuestionsAboutTheLastMessageAreFollowUpsButMessagesWithTheirOwnContentAreNot() {
        Analysis none = plain(Risk.NONE, List.of(), List.of());
        for (String t : List.of("这个网站是真的吗", "那我该怎么办", "他又发来一条", "这个号码呢", "靠谱吗？", "要不要回他", "是诈骗吗")) {
            assertTrue(FollowUp.is(t, none), t);
        }
        for (String t : List.of("你好", "谢谢", "明天下午三点开家长会", "我要报案")) {
            assertFalse(FollowUp.is(t, none), t);
        }
        Analysis withLink = plain(Risk.LOW, List.of(), List.of(new Indicator(Indicator.URL, "www.a-b.top", false, 0, "")));
        assertFalse(FollowUp.is("这个网站是真的吗 www.a-b.top", withLink), "a link of its own is checked on its own");
        assertFalse(FollowUp.is("他又发来一条：" + "恭喜您获得本次活动的一等奖，奖品是一台笔记本电脑，请尽快联系客服领取", none),
            "a long message brings content of its own");
    }

    @Test
    void aCarriedVerdictKeepsTheEarlierTypeAndRiskAndOnlyItsOwnWarningPhrasesRaiseTheRisk() {
        LastVerdict last = new LastVerdict("impersonate_police", "medium", 0.7);
        Analysis guess = new Analysis("verify", 0.9, "romance", Risk.HIGH, 0.2, 0.6, List.of(), List.of(), false);
        Analysis carried = FollowUp.carried(last, guess);
        assertEquals("impersonate_police", carried.scamType());
        assertEquals(Risk.MEDIUM, carried.risk(), "a model guess on a few words moves nothing");
        assertEquals(FollowUp.INTENT, carried.intent());

        Analysis phrases = plain(Risk.HIGH, List.of(new Signal("secrecy", "不要告诉家人")), List.of());
        assertEquals(Risk.HIGH, FollowUp.carried(last, phrases).risk());
        assertEquals(Risk.MEDIUM, FollowUp.carried(last, plain(Risk.NONE, List.of(), List.of())).risk(), "never lowered");
    }

    @Test
    void inAPastedChatLogOnlyTheResidentsOwnLinesAreTheirWords() {
        ResidentWords.Split log = ResidentWords.of("王姐：我已经充值了2万\n我：真的吗？\n王姐：你也转点进去\n继续说");
        assertTrue(log.pastedLog());
        assertEquals("真的吗？", log.own());
        ResidentWords.Split intro = ResidentWords.of("我被骗了，这是聊天记录\\n客服：请交保证金\\n我：我已经转了5000");
        assertTrue(intro.pastedLog());
        assertEquals("我被骗了，这是聊天记录\n我已经转了5000", intro.own());
        ResidentWords.Split account = ResidentWords.of("时间：昨天下午\n金额：我转了5000\n收款账号：6222020200112233445");
        assertFalse(account.pastedLog(), "a resident's own structured account is not a log");
        ResidentWords.Split single = ResidentWords.of("【XX银行】验证码：123456，请勿泄露");
        assertFalse(single.pastedLog());
        assertEquals("【XX银行】验证码：123456，请勿泄露", single.own());
    }
}
