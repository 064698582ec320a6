package cn.antifraud.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.core.report.ChineseTimeParser.Kind;
import cn.antifraud.core.report.ChineseTimeParser.Match;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ChineseTimeParserTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Monday 23 November 2026, 16:00 in Shanghai. */
    static final Instant NOW = LocalDateTime.of(2026, 11, 23, 16, 0).atZone(SHANGHAI).toInstant();
    final ChineseTimeParser parser = new ChineseTimeParser(SHANGHAI);

    private Match parse(String text) {
        return parser.parse(text, NOW).orElseThrow(() -> new AssertionError("no time in " + text));
    }

    private LocalDateTime local(String text) {
        Match m = parse(text);
        assertEquals(Kind.PAST, m.kind(), text);
        return LocalDateTime.ofInstant(m.at(), SHANGHAI);
    }

    @Test
    void justNowIsNow() {
        assertEquals(NOW, parse("刚刚").at());
        assertEquals(NOW, parse("我刚才转的").at());
        assertEquals(NOW, parse("我正在转账").at());
    }

    @Test
    void relativeTimesCountBackFromNow() {
        assertEquals(NOW.minus(Duration.ofMinutes(30)), parse("半小时前").at());
        assertEquals(NOW.minus(Duration.ofMinutes(30)), parse("大概半个小时前吧").at());
        assertEquals(NOW.minus(Duration.ofMinutes(150)), parse("两个半小时前").at());
        assertEquals(NOW.minus(Duration.ofMinutes(20)), parse("20分钟以前").at());
        assertEquals(NOW.minus(Duration.ofHours(1)), parse("一个多小时前").at());
        assertEquals(NOW.minus(Duration.ofDays(3)), parse("三天前").at());
    }

    @Test
    void dayWordsWithPartsAndClocks() {
        assertEquals(LocalDateTime.of(2026, 11, 22, 15, 0), local("昨天下午三点"));
        assertEquals(LocalDateTime.of(2026, 11, 22, 20, 30), local("昨晚8点半"));
        assertEquals(LocalDateTime.of(2026, 11, 21, 9, 15), local("前天上午9点15分"));
        assertEquals(LocalDateTime.of(2026, 11, 23, 14, 20), local("今天下午两点二十"));
        assertEquals(LocalDateTime.of(2026, 11, 22, 12, 0), local("昨天"));
        assertEquals(LocalDateTime.of(2026, 11, 23, 15, 30), local("15:30"));
        assertEquals(LocalDateTime.of(2026, 11, 23, 15, 0), local("下午"));
    }

    @Test
    void absoluteDatesInTheYearOrWithAYear() {
        assertEquals(LocalDateTime.of(2026, 11, 20, 20, 0), local("11月20日晚上"));
        assertEquals(LocalDateTime.of(2026, 11, 20, 12, 0), local("11月20号"));
        assertEquals(LocalDateTime.of(2025, 12, 3, 10, 5), local("2025年12月3日上午10点05分"));
        assertEquals(LocalDateTime.of(2026, 10, 1, 15, 30), local("2026-10-01 15:30"));
        assertEquals(LocalDateTime.of(2026, 11, 18, 12, 0), local("上周三"));
    }

    @Test
    void dayLevelPhrasesSaySo() {
        assertTrue(parse("三天前").dayOnly());
        assertTrue(parse("11月20号").dayOnly());
        assertFalse(parse("昨天下午三点").dayOnly());
        assertFalse(parse("半小时前").dayOnly());
    }

    @Test
    void yesterdayErrsTowardsTheGoldenHour() {
        Match m = parse("昨天");
        assertTrue(Duration.between(m.latest(), NOW).toHours() < 24);
    }

    @Test
    void futureTimesAreMarkedFuture() {
        for (String s : new String[] {"明天", "明天下午三点", "2027年1月1日", "12月20日", "两小时后", "下周", "今天晚上9点"}) {
            assertEquals(Kind.FUTURE, parse(s).kind(), s);
        }
    }

    @Test
    void textWithoutATimeHasNone() {
        for (String s : new String[] {"我被骗了", "转了两万元", "卡号6222021234567890", "1.2万", "对方电话13800138000", "不记得了"}) {
            assertTrue(parser.findAll(s, NOW).stream().allMatch(Match::clockOnly) || parser.findAll(s, NOW).isEmpty(),
                s + " -> " + parser.findAll(s, NOW));
        }
    }

    @Test
    void theTimeInsideAStoryIsFound() {
        Match m = parse("我昨天被冒充客服骗了两万，转到了6222021234567890");
        assertEquals("昨天", m.phrase());
        assertEquals(LocalDateTime.of(2026, 11, 22, 12, 0), LocalDateTime.ofInstant(m.at(), SHANGHAI));
    }

    @Test
    void fullWidthDigitsAreRead() {
        assertEquals(LocalDateTime.of(2026, 11, 23, 15, 30), local("１５：３０"));
    }

    @Test
    void commonLooseWritings() {
        assertEquals(LocalDateTime.of(2026, 11, 22, 15, 0), local("昨天下午3点左右"));
        assertEquals(LocalDateTime.of(2026, 11, 21, 22, 0), local("前天晚上十点多"));
        assertEquals(LocalDateTime.of(2026, 11, 20, 20, 0), local("11/20 20:00"));
        assertEquals(NOW.minus(Duration.ofHours(2)), parse("大概两个小时以前").at());
        assertEquals(LocalDateTime.of(2026, 11, 22, 20, 0), local("晚上八点"));
        assertEquals(LocalDateTime.of(2026, 11, 23, 9, 0), local("今天早上9点"));
    }

    @Test
    void noTextMakesTheParserThrow() {
        String alphabet = "0123456789零一二两三四五六七八九十百千万年月日号点分半刻前后天周上下午晚早凌晨昨今明:-/. 星期个多几";
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = random.nextInt(12); j >= 0; j--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            parser.findAll(sb.toString(), NOW);
        }
        assertTrue(parser.findAll("99999999999天前", NOW).isEmpty());
    }
}
