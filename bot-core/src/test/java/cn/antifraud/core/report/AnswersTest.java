package cn.antifraud.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnswersTest {
    @Test
    void mainlandMobilesAreReadInTheUsualWritings() {
        assertEquals(Optional.of("13812345678"), Answers.mobile("13812345678"));
        assertEquals(Optional.of("13812345678"), Answers.mobile("+86 138-1234-5678"));
        assertEquals(Optional.of("19912345678"), Answers.mobile("我的手机是１９９１２３４５６７８"));
        assertEquals(Optional.empty(), Answers.mobile("23812345678"));
        assertEquals(Optional.empty(), Answers.mobile("1381234567"));
        assertEquals(Optional.empty(), Answers.mobile("138123456789"));
    }

    @Test
    void cardNumbersFailingTheLuhnCheckAreCaught() {
        assertTrue(Answers.badCard("6222021234567890123").isPresent());
        assertFalse(Answers.badCard("6222021234567890128").isPresent());
        assertFalse(Answers.badCard("13812345678").isPresent());
    }

    @Test
    void emojiAreToldApartFromText() {
        assertTrue(Answers.onlyEmoji("😭😭"));
        assertTrue(Answers.onlyEmoji("🙏！"));
        assertFalse(Answers.onlyEmoji("两万💰"));
        assertEquals("两万", Answers.withoutEmoji("两万💰"));
    }

    @Test
    void commandsAreRecognisedButNotInsideAStory() {
        assertTrue(Answers.cancel("不报了"));
        assertTrue(Answers.officer("我要找民警"));
        assertFalse(Answers.officer("对方冒充民警打电话给我，说我涉嫌洗钱，让我把钱转到安全账户"));
        assertFalse(Answers.officer("对方说他是人工客服"));
        assertTrue(Answers.officer("转人工"));
        assertTrue(Answers.explain("这是什么意思？"));
        assertTrue(Answers.correction("金额填错了，是三万"));
        assertTrue(Answers.yes("是的"));
        assertTrue(Answers.no("不是"));
        assertTrue(Answers.skip("跳过"));
    }

    @Test
    void sayingNothingWasPaidIsToldApartFromSayingMoneyWent() {
        assertTrue(Answers.notPaid("我还没转"));
        assertTrue(Answers.notPaid("没有给他钱"));
        assertFalse(Answers.notPaid("我已经转了两万"));
        assertFalse(Answers.notPaid("刚刚"));
        assertTrue(Answers.asksBeforePaying("那我现在怎么办啊他让我转钱到安全账户"));
        assertFalse(Answers.asksBeforePaying("我转了五万到安全账户，现在怎么办"));
    }
}
