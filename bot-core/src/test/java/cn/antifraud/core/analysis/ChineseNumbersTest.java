package cn.antifraud.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseNumbersTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "一, 1", "十, 10", "十五, 15", "二十, 20", "一百二十, 120", "一百零五, 105", "三千五, 3500", "三千五百, 3500",
        "两万三, 23000", "两万三千, 23000", "两万零三百, 20300", "一万二千五百, 12500", "十万, 100000", "五十万, 500000",
        "一百万, 1000000", "一千二百万, 12000000", "三亿, 300000000", "一点五, 1.5", "两千零一, 2001", "壹万, 10000",
        "零, 0", "八万八, 88000"
    })
    void chineseNumeralsParseToTheirValue(String text, String expected) {
        assertEquals(0, new BigDecimal(expected).compareTo(ChineseNumbers.parseChinese(text)), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "元", "万元", "点", "一点"})
    void textThatIsNotANumberGivesNull(String text) {
        assertNull(ChineseNumbers.parseChinese(text));
    }

    @ParameterizedTest(name = "unit {0} multiplies by {1}")
    @CsvSource({"万, 10000", "万元, 10000", "w, 10000", "k, 1000", "千, 1000", "千块, 1000", "元, 1", "块钱, 1", "亿, 100000000"})
    void unitSuffixesMultiply(String unit, long factor) {
        assertEquals(BigDecimal.valueOf(factor), ChineseNumbers.multiplier(unit));
    }
}
