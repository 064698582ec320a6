package cn.antifraud.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.antifraud.core.analysis.Indicator;
import cn.antifraud.core.report.AmountParser.Problem;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmountParserTest {
    private static String yuan(String answer, String... fromAnalysis) {
        List<Indicator> found = java.util.Arrays.stream(fromAnalysis).map(v -> new Indicator(Indicator.AMOUNT, v)).toList();
        AmountParser.Result r = AmountParser.parse(answer, found);
        return r.ok() ? r.yuan().toPlainString() : null;
    }

    private static Problem problem(String answer, String... fromAnalysis) {
        List<Indicator> found = java.util.Arrays.stream(fromAnalysis).map(v -> new Indicator(Indicator.AMOUNT, v)).toList();
        return AmountParser.parse(answer, found).problem();
    }

    @Test
    void amountsFoundByTheAnalysisAreTaken() {
        assertEquals("23000", yuan("两万三千元", "23000"));
        assertEquals("12000", yuan("1.2万", "12000"));
    }

    @Test
    void bareNumbersAndShorthandAreRead() {
        assertEquals("20000", yuan("20000"));
        assertEquals("50000", yuan("5w"));
        assertEquals("3500", yuan("3,500"));
        assertEquals("99.5", yuan("99.5元"));
    }

    @Test
    void zeroNegativeAndAbsurdAmountsAreRefusedWithTheReason() {
        assertEquals(Problem.NOT_POSITIVE, problem("0"));
        assertEquals(Problem.NOT_POSITIVE, problem("-5000", "5000"));
        assertEquals(Problem.NOT_POSITIVE, problem("负两万", "20000"));
        assertEquals(Problem.TOO_LARGE, problem("1e12"));
        assertEquals(Problem.TOO_LARGE, problem("1000000000000元"));
        assertEquals(Problem.TOO_LARGE, problem("50亿", "5000000000"));
        assertEquals(Problem.NONE_FOUND, problem("不记得了"));
    }

    @Test
    void severalAmountsNeedATotal() {
        assertEquals(Problem.SEVERAL, problem("先转了5000，又转了8000", "5000", "8000"));
        assertEquals("13000", yuan("5000加8000，一共13000", "5000", "8000", "13000"));
    }

    @Test
    void aPhoneNumberIsNotAnAmount() {
        assertFalse(AmountParser.parse("13812345678", List.of()).ok());
    }

    @Test
    void amountsAreShownWithThousandsSeparators() {
        assertEquals("23,000元", AmountParser.format(new BigDecimal("23000")));
        assertEquals("1.50元", AmountParser.format(new BigDecimal("1.5")));
    }
}
