package cn.antifraud.channels.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextChunksTest {
    @Test
    void aShortTextStaysWhole() {
        assertEquals(List.of("别转账。先核实。"), TextChunks.split("别转账。先核实。", 320));
    }

    @Test
    void aLongTextIsCutBetweenSentencesNeverInsideOne() {
        String text = "第一句话比较长一些。第二句话也不短！第三句？";
        assertEquals(List.of("第一句话比较长一些。", "第二句话也不短！第三句？"), TextChunks.split(text, 12));
    }

    @Test
    void numberedOptionLinesStayIntact() {
        String text = "请选择：\n1. 我已经转账了\n2. 转人工\n回复数字即可选择。";
        assertEquals(List.of("请选择：\n1. 我已经转账了", "2. 转人工\n回复数字即可选择。"), TextChunks.split(text, 16));
    }

    @Test
    void aSentenceLongerThanAPartIsCutByLength() {
        assertEquals(List.of("一二三四", "五六七八", "九。"), TextChunks.split("一二三四五六七八九。", 4));
    }

    @Test
    void aClosingQuoteStaysWithItsSentence() {
        assertEquals(List.of("他说“别告诉家人。”", "这是骗局。"), TextChunks.split("他说“别告诉家人。”这是骗局。", 10));
    }
}
