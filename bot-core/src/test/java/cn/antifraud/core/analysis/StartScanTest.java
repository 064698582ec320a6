package cn.antifraud.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.LabeledText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StartScanTest {
    /** Look-behind and look-ahead at the edges, alternatives with different first characters. */
    private static final Pattern PATTERN = Pattern.compile("(?<![\\d.])1[3-9]\\d{9}(?![\\d.])|钱(?:已经)?转了|(?:转|汇)(?:到|给)了|[一二两三]万");
    private static final String STARTS = "1钱转汇一二两三";

    @Test
    void findsExactlyWhatAnOrdinaryFindFinds() {
        List<String> texts = new ArrayList<>(List.of("", "13812345678", "x13812345678.", "213812345678", "钱已经转了钱转了",
            "我转到了两万，又汇给了三万元", "电话13812345678和一万"));
        KnowledgeBase.load().corpus().stream().limit(400).map(LabeledText::text).forEach(texts::add);
        for (String text : texts) {
            assertEquals(withFind(text), withScan(text), text);
        }
    }

    private static List<String> withFind(String text) {
        List<String> out = new ArrayList<>();
        for (Matcher m = PATTERN.matcher(text); m.find();) {
            out.add(m.start() + ":" + m.group());
        }
        return out;
    }

    private static List<String> withScan(String text) {
        List<String> out = new ArrayList<>();
        for (StartScan s = new StartScan(PATTERN, text, STARTS); s.find();) {
            out.add(s.matcher().start() + ":" + s.matcher().group());
        }
        return out;
    }
}
