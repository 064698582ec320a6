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
        normalizer = new TextNormalizer(KnowledgeBase.load().folds());
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
