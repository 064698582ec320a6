package cn.antifraud.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SignalTest {
    @Test
    void anAmountInsideAPhraseIsShownAsAnEllipsisNotAsThePlaceholder() {
        assertEquals("刚才卡里……多被刷走了", new Signal(Signal.MONEY_MOVED, "刚才卡里 zzamount 多被刷走了").shown());
        assertEquals("被骗了……", new Signal(Signal.MONEY_MOVED, "被骗了 zzamount").shown());
        assertEquals("加……好友", new Signal("contact", "加 zzwechat 好友").shown());
    }

    @Test
    void aPhraseWithoutPlaceholdersIsShownAsItIs() {
        assertEquals("安全账户", new Signal("transfer", "安全账户").shown());
        assertEquals("pizza券", new Signal("bait", "pizza券").shown());
    }
}
