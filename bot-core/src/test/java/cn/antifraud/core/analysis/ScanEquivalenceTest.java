package cn.antifraud.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The hand-written scans that replaced regexes on the hot path give exactly the regexes' results, on random text built
 * from the characters that matter to them (Chinese characters, every separator, symbols, emoji, lone surrogates,
 * supplementary characters, negation words, money words).
 */
class ScanEquivalenceTest {
    private static final String[] PIECES = {"一", "转", "账", "验", "码", " ", "  ", "\t", "\n", "\r", "\u000B", "\f", "-", "_", ".",
        "*", "·", "•", "|", "/", "\\", "~", "+", "=", "#", "^", "`", "☆", "˙", "😀", "\uD83D", "\uDE00", "\uD840\uDC00", "a", "1",
        "，", "。", "勿", "不", "要", "别", "会", "防", "范", "了", "去", "骗", "被", "我", "已经", "刚", "钱", "汇", "打", "给", "过",
        "出", "走", "正在", "zzamount", " zzamount ", "3", "万", "元", "刷", "盗", "卡里"};

    @Test
    void separatorsAndSpacesAsTheRegexes() {
        Random random = new Random(7);
        for (int n = 0; n < 300_000; n++) {
            String text = randomText(random, 14);
            assertEquals(TextNormalizer.CJK_SEPARATOR.matcher(text).replaceAll(""), TextNormalizer.dropSeparators(text), text);
            assertEquals(TextNormalizer.SPACES.matcher(text).replaceAll(" "), TextNormalizer.collapseSpaces(text), text);
        }
    }

    @Test
    void preChecksNeverSkipAMatch() {
        Random random = new Random(17);
        String[] extra = {"x", "xx", "digit", "number", "name", "phone", "url", "amount", "某", "某某", "*", "**", "×", "××", "○",
            "○○", "〇〇", "□□", "_", "___", "☎", "\u00A9"};
        for (int n = 0; n < 200_000; n++) {
            String text = randomText(random, 10) + extra[random.nextInt(extra.length)] + randomText(random, 4);
            if (!TextNormalizer.mayHoldEmoji(text)) {
                assertEquals(false, TextNormalizer.EMOJI.matcher(text).find(), text);
            }
            boolean contained = false;
            for (String c : Placeholders.CANDIDATES) {
                contained |= text.contains(c);
            }
            assertEquals(contained, Placeholders.mayHold(text), text);
        }
    }

    @Test
    void negationAsTheRegex() {
        Random random = new Random(11);
        for (int n = 0; n < 200_000; n++) {
            String text = randomText(random, 16);
            for (int begin = 0; begin <= text.length(); begin++) {
                int from = begin;
                while (from > 0 && begin - from < 10 && "，。！？；,.!?;\n【】".indexOf(text.charAt(from - 1)) < 0) {
                    from--;
                }
                boolean expected = SignalDetector.NEGATION.matcher(text.substring(from, begin)).find();
                assertEquals(expected, SignalDetector.negated(text, begin), text + " @" + begin);
            }
        }
    }

    @Test
    void moneyMovedScanAsAnOrdinaryFind() {
        Random random = new Random(13);
        for (int n = 0; n < 200_000; n++) {
            String text = randomText(random, 24);
            List<String> expected = new ArrayList<>();
            for (Matcher m = SignalDetector.MOVED.matcher(text); m.find();) {
                expected.add(m.start() + ":" + m.group());
            }
            List<String> actual = new ArrayList<>();
            for (StartScan s = new StartScan(SignalDetector.MOVED, text, SignalDetector.MOVED_STARTS,
                i -> SignalDetector.mayBeginMoved(text, i)); s.find();) {
                actual.add(s.matcher().start() + ":" + s.matcher().group());
            }
            assertEquals(expected, actual, text);
        }
    }

    private static String randomText(Random random, int maxPieces) {
        StringBuilder sb = new StringBuilder();
        for (int k = random.nextInt(maxPieces + 1); k > 0; k--) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }
}
