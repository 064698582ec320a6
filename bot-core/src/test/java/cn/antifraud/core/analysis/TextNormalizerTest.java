package cn.antifraud.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.kb.KnowledgeBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {
    static TextNormalizer normalizer;

    @BeforeAll
    static void load() {
        KnowledgeBase kb = KnowledgeBase.load();
        normalizer = new TextNormalizer(kb.folds(), kb.slang());
    }

    private String both(String raw) {
        return normalizer.fold(normalizer.clean(raw));
    }

    @Test
    void fullWidthDigitsLettersAndSpacesBecomeHalfWidth() {
        assertEquals("加qq 12345 abc", normalizer.clean("加ＱＱ　１２３４５　ＡＢＣ"));
    }

    @Test
    void traditionalCharactersBecomeSimplified() {
        assertEquals("请立即转账到安全账户", normalizer.clean("請立即轉賬到安全賬戶"));
    }

    @Test
    void zeroWidthAndControlCharactersAreRemoved() {
        assertEquals("安全账户", normalizer.clean("安\u200b全\u200d账\ufeff户\u0007"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "安-全-账-户 | 安全账户",
        "安 全 账 户 | 安全账户",
        "安*全*账*户 | 安全账户",
        "安.全/账~户 | 安全账户",
        "转✨账 | 转账",
    })
    void separatorsBetweenChineseCharactersAreDropped(String raw, String expected) {
        assertEquals(expected, normalizer.clean(raw));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "加薇信领取 | 加微信领取",
        "加V信 | 加微信",
        "加vx详聊 | 加微信详聊",
        "加扣扣 | 加qq",
        "威信号 | 微信号",
        "转帐到安全帐户 | 转账到安全账户",
    })
    void lookAlikeWordsAreFolded(String raw, String expected) {
        assertEquals(expected, both(raw));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "网dai秒批 | 网贷秒批",
        "dai款不看征信 | 贷款不看征信",
        "当天下kuan | 当天下款",
        "无抵押daikuan | 无抵押贷款",
        "luo聊一次200 | 裸聊一次200",
        "Shua单返li，日结 | 刷单返利,日结",
        "要做的dd我 | 要做的联系我",
        "发一下yhk和sfz照片 | 发一下银行卡和身份证照片",
        "把yzm告诉我 | 把验证码告诉我",
        "联系kf处理 | 联系客服处理",
        "tui款请加wei信 | 退款请加微信",
        "先交bao证金再ti现 | 先交保证金再提现",
        "yhk. 发我 | 银行卡. 发我",
        "代款秒到 | 贷款秒到",
        "菠菜平台稳赚 | 博彩平台稳赚",
        "刷x单 | 刷单",
        "银行k卡 | 银行卡",
    })
    void slangSpellingsAbbreviationsAndHomophonesAreFolded(String raw, String expected) {
        assertEquals(expected, both(raw));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "daily report 周五交",
        "tuikuan123 是订单备注",
        "看看 www.daikuan.com",
        "链接 dai.kuan-xx.cn/kuan/12",
        "地址 shop.cn/kuan/kefu",
        "邮箱 kefu@company.cn",
        "账号 kf_xiaoya09",
        "订单号dd20231108",
        "dd打车到了",
        "周末买了菠菜和豆腐",
        "kindle 上看书",
        "ding 一下",
        "账号：daikuan_kf",
        "客服号kefu123",
        "delicai 面包店",
        "kfc 套餐",
        "军用睡袋款项",
    })
    void slangDoesNotFoldInsideEnglishWordsAddressesOrCodes(String raw) {
        String cleaned = normalizer.clean(raw);
        assertEquals(new TextNormalizer(java.util.Map.of()).fold(cleaned), normalizer.fold(cleaned));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "加🐧详聊 | 加qq详聊",
        "➕v 领取 | 加微信 领取",
        "日🉐300 | 日得300",
        "加ⓥⓧ | 加微信",
        "✈️联系 | 飞机联系",
        "本💰佣秒到 | 本佣秒到",
    })
    void symbolsStandingForWordsAreReadAsTheWord(String raw, String expected) {
        assertEquals(expected, both(raw));
    }

    @Test
    void aSlippedLetterIsKeptBetweenCharactersOfNoSpelledWord() {
        assertEquals("我a你", both("我a你"));
    }

    @Test
    void emojiAreDroppedWhenFolding() {
        String folded = both("恭喜🎉中奖了💰");
        assertTrue(folded.contains("恭喜") && folded.contains("中奖了"), folded);
        assertTrue(folded.codePoints().noneMatch(c -> c > 0xFFFF), folded);
    }

    @Test
    void textIsCutToTheAnalysedLength() {
        assertEquals(TextNormalizer.MAX_ANALYSED_CHARS, normalizer.clean("钱".repeat(100_000)).length());
    }

    @Test
    void emptyAndBlankTextStayEmpty() {
        assertEquals("", both(""));
        assertEquals("", both(" \t\n\u3000"));
    }
}
