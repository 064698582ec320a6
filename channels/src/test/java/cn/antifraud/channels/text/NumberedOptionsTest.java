package cn.antifraud.channels.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NumberedOptionsTest {
    static final List<String> OFFERED = List.of("我已经转账了", "转人工", "了解这类骗局");

    @Test
    void aDigitPicksTheOptionWithThatNumber() {
        assertEquals("转人工", NumberedOptions.resolve("2", OFFERED));
        assertEquals("我已经转账了", NumberedOptions.resolve(" １。", OFFERED));
        assertEquals("了解这类骗局", NumberedOptions.resolve("3#", OFFERED));
    }

    @Test
    void anythingElseIsLeftAsTheResidentWroteIt() {
        assertEquals("4", NumberedOptions.resolve("4", OFFERED));
        assertEquals("13800138000", NumberedOptions.resolve("13800138000", OFFERED));
        assertEquals("1", NumberedOptions.resolve("1", List.of()));
        assertEquals("我选1", NumberedOptions.resolve("我选1", OFFERED));
    }
}
