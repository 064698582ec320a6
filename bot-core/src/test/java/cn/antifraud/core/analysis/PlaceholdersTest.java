package cn.antifraud.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Template blanks read as one token; ordinary words that merely contain the letters stay. */
class PlaceholdersTest {
    @Test
    void everyKindOfBlankBecomesTheSameToken() {
        assertEquals("您好!我是 zzslot 公司的客服,工号 zzslot ,请拨打 zzslot 联系 zzslot 经理,网址 zzslot ,卡号 zzslot 1234",
            Placeholders.fold("您好!我是xx公司的客服,工号digitdigit,请拨打phone联系某某经理,网址url,卡号****1234"));
        assertEquals("尾号 zzslot 的账户向 zzslot 转账 zzslot 元", Placeholders.fold("尾号xxxx的账户向name转账amount元"));
        assertEquals("地址: zzslot 路 zzslot 号", Placeholders.fold("地址:○○路×××号"));
    }

    @Test
    void wordsThatContainTheLettersAreLeftAlone() {
        for (String text : new String[] {"username 和 taxi", "下载app注册", "nameless phones", "ok"}) {
            assertEquals(text, Placeholders.fold(text));
        }
    }

    @Test
    void theNormalizerFoldsBlanksBeforeAnyFeature() {
        TextNormalizer normalizer = new TextNormalizer(java.util.Map.of());
        assertEquals("我是 zzslot 银行 zzslot 支行的工作人员", normalizer.clean("我是XX银行XXXX支行的工作人员"));
    }
}
