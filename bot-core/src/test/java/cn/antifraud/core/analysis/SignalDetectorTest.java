package cn.antifraud.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.kb.KnowledgeBase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignalDetectorTest {
    static SignalDetector detector;

    @BeforeAll
    static void load() {
        detector = new SignalDetector(KnowledgeBase.load().signals());
    }

    private List<String> categories(String text) {
        return detector.detect(text).stream().map(Signal::category).toList();
    }

    @Test
    void pressureWordsAreFoundWithTheirCategory() {
        List<Signal> found = detector.detect("你涉嫌洗钱，请立即把钱转到安全账户，不要告诉家人");
        List<String> phrases = found.stream().map(Signal::phrase).toList();
        assertTrue(phrases.contains("安全账户"), phrases.toString());
        assertTrue(phrases.contains("立即"), phrases.toString());
        assertTrue(phrases.contains("不要告诉家人"), phrases.toString());
        assertTrue(categories("你涉嫌洗钱，请立即把钱转到安全账户，不要告诉家人").containsAll(List.of("transfer", "urgency", "secrecy")));
    }

    @Test
    void aLongerPhraseHidesTheShorterOneInsideIt() {
        List<String> phrases = detector.detect("转到安全账户").stream().map(Signal::phrase).toList();
        assertFalse(phrases.contains("账户"), phrases.toString());
    }

    @Test
    void screenSharingIsASignal() {
        assertTrue(categories("下载这个会议软件，开启屏幕共享，我指导你操作").contains("screen_share"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"我已经转了三万过去", "刚刚给他转了5000", "钱已经打过去了", "我被骗了两万", "我刚汇了款给他",
        "刚才卡里的钱被刷走了", "我的信用卡被盗刷了", "我卡里的钱已经被转走了",
        // amounts as the featurizer hands them over: the placeholder is one word of the gap
        "刚才卡里 zzamount 多被刷走了", "我卡里 zzamount 多块钱被划走了"})
    void residentSayingMoneyWasSentIsMoneyMoved(String text) {
        assertTrue(categories(text).contains(Signal.MONEY_MOVED), text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"我妈今天差点被骗了，有人冒充我要钱", "差点被骗了五千块", "我险些被骗了", "还好没被骗了钱",
        "我的卡差点被盗刷了"})
    void aNearMissIsNotMoneyMoved(String text) {
        assertFalse(categories(text).contains(Signal.MONEY_MOVED), text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"我正在转账", "我准备转账了", "他让我现在汇款", "马上就要转钱过去"})
    void residentAboutToPayIsMoneyMoving(String text) {
        assertTrue(categories(text).contains(Signal.MONEY_MOVING), text);
    }

    @Test
    void anOrdinaryMessageHasNoSignal() {
        assertEquals(List.of(), detector.detect("明天下午三点在学校门口接孩子，别迟到"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"【工商银行】验证码583920，您正在登录手机银行，请勿泄露验证码。", "本行不会要求您转账到安全账户",
        "谨防屏幕共享诈骗", "警方提醒：切勿向陌生人转账"})
    void phrasesInsideAWarningAreNotSignals(String text) {
        List<String> categories = categories(text);
        assertFalse(categories.contains("transfer") || categories.contains("screen_share"), categories.toString());
    }

    @Test
    void aRequestIsStillASignalAfterAnEarlierWarningClause() {
        assertTrue(categories("别担心，请立即转账到安全账户").contains("transfer"));
    }

    @Test
    void eachPhraseIsReportedOnce() {
        assertEquals(1, detector.detect("立即立即立即").size());
    }

    @Test
    void aSignalInsideASafePhraseIsMasked() {
        SignalDetector masked = SignalDetector.of(KnowledgeBase.load());
        assertFalse(masked.detect("您的验证码为583920，您正在登录").stream().anyMatch(s -> s.category().equals("credentials")));
        assertFalse(masked.detect("您尾号5678的账户转账成功，收款人李华").stream().anyMatch(s -> s.category().equals("transfer")));
        // without the safe phrases the same words are signals, and a request is one either way
        assertTrue(detector.detect("您的验证码为583920").stream().anyMatch(s -> s.category().equals("credentials")));
        assertTrue(masked.detect("把收到的验证码发给我").stream().anyMatch(s -> s.category().equals("credentials")));
        assertTrue(masked.detect("请马上转账到安全账户").stream().anyMatch(s -> s.category().equals("transfer")));
    }
}
