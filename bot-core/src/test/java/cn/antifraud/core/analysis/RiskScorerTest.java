package cn.antifraud.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RiskScorerTest {
    private final RiskScorer scorer = new RiskScorer();
    private static final Indicator PHONE = new Indicator(Indicator.PHONE, "17012345678");
    private static final Indicator KNOWN_BAD = PHONE.withKnown(3, "冒充公安");

    @Test
    void nothingSuspiciousIsNone() {
        assertEquals(Risk.NONE, scorer.score(false, 0.05, List.of(), List.of(), false));
    }

    @Test
    void aKnownBadIndicatorRaisesAnInnocentLookingMessageToAtLeastMedium() {
        assertEquals(Risk.MEDIUM, scorer.score(false, 0.01, List.of(), List.of(KNOWN_BAD), false));
    }

    @Test
    void aKnownBadIndicatorInAMessageTheModelCallsAScamIsHigh() {
        assertEquals(Risk.HIGH, scorer.score(true, 0.6, List.of(), List.of(KNOWN_BAD), false));
    }

    @Test
    void moneyAlreadySentWhileReportingIsHigh() {
        List<Signal> sent = List.of(new Signal(Signal.MONEY_MOVED, "已经转了"));
        assertEquals(Risk.HIGH, scorer.score(false, 0.3, sent, List.of(), true));
    }

    @Test
    void moneySentWithNoSignOfAScamIsNotAnEmergency() {
        // 「我昨天给房东转了三个月房租」: the intent model hears money sent, the detector is sure it is ordinary
        List<Signal> sent = List.of(new Signal(Signal.MONEY_MOVED, "转了"));
        assertEquals(Risk.NONE, scorer.score(false, 0.01, sent, List.of(), true));
    }

    @Test
    void theResidentsOwnWordsThatTheyWereScammedAreHighWhateverTheModelSays() {
        List<Signal> sent = List.of(new Signal(Signal.MONEY_MOVED, "被骗了两万"));
        assertEquals(Risk.HIGH, scorer.score(false, 0.01, sent, List.of(), true));
    }

    @Test
    void moneyTakenFromTheResidentsAccountIsHighWhateverTheModelSays() {
        List<Signal> taken = List.of(new Signal(Signal.MONEY_MOVED, "我的信用卡被盗刷了"));
        assertEquals(Risk.HIGH, scorer.score(false, 0.01, taken, List.of(), false));
    }

    @Test
    void aBareDetectionJustOverTheCutoffIsOnlyLow() {
        assertEquals(Risk.LOW, scorer.score(true, RiskScorer.BARE - 0.05, List.of(), List.of(), false));
        assertEquals(Risk.MEDIUM, scorer.score(true, RiskScorer.BARE, List.of(), List.of(), false));
    }

    @Test
    void moneyBeingSentInAScamIsHigh() {
        List<Signal> moving = List.of(new Signal(Signal.MONEY_MOVING, "正在转账"));
        assertEquals(Risk.HIGH, scorer.score(true, 0.55, moving, List.of(), false));
    }

    @Test
    void aConfidentScamWithAStrongSignalIsHigh() {
        List<Signal> signals = List.of(new Signal("transfer", "安全账户"));
        assertEquals(Risk.HIGH, scorer.score(true, 0.95, signals, List.of(), false));
    }

    @Test
    void anUnsureScamVerdictWithASignalIsMedium() {
        assertEquals(Risk.MEDIUM, scorer.score(true, 0.62, List.of(new Signal("urgency", "尽快")), List.of(), false));
    }

    @Test
    void oneRiskyWordInANormalLookingMessageIsOnlyLow() {
        assertEquals(Risk.LOW, scorer.score(false, 0.1, List.of(new Signal("credentials", "验证码")), List.of(PHONE), false));
    }

    @Test
    void aLookAlikeDomainAloneIsLow() {
        Indicator url = new Indicator(Indicator.URL, "icbc-vip.top").withNote("网址含“icbc”字样，但不是官方网站");
        assertEquals(Risk.LOW, scorer.score(false, 0.1, List.of(), List.of(url), false));
    }
}
