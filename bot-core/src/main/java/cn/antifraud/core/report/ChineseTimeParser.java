package cn.antifraud.core.report;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds when something happened in how people say it: 刚刚, 半小时前, 两个半小时前, 昨天下午三点, 昨晚8点半,
 * 11月20日晚上, 2026-11-20 15:30, 上周三. {@code at} is the best guess, {@code latest} the latest moment the phrase
 * allows (used for the 24-hour golden-hour test, so "昨天" errs towards urgent). Future times come back as
 * {@link Kind#FUTURE} so the caller can re-ask.
 */
public final class ChineseTimeParser {
    /** Whether the phrase names a past moment, a future one, or nothing usable. */
    public enum Kind { PAST, FUTURE }

    /**
     * One time phrase found in a text. {@code clockOnly} marks a bare "3点" with no day or part of day;
     * {@code dayOnly} a phrase that names a day but no time of day (三天前, 昨天, 11月20号).
     */
    public record Match(Kind kind, Instant at, Instant latest, int begin, int end, String phrase, boolean clockOnly, boolean dayOnly) {
    }

    private static final String N = "(?:\\d{1,2}|[零〇一二两三四五六七八九十]{1,3})";
    private static final Pattern NOW = Pattern.compile("刚刚|刚才|方才|就在刚才|正在|刚(?=[转汇付打充交被给])|就是现在|^现在$");
    private static final Pattern REL = Pattern.compile("((?:\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十几]+)?)(个)?(多|半)?(?:个)?"
        + "(分钟|分|小时|钟头|天|日|周|星期|礼拜|个月|月|年)(多)?(之前|以前|前|之后|以后|后)");
    private static final Pattern REL_WORD = Pattern.compile(
        "(?:上个?周|上个?星期|上个?礼拜|上个?月|去年|下个?周|下个?星期|下个?礼拜|下个?月|明年)(?![一二三四五六日天1-7])");
    private static final Pattern EXPR = Pattern.compile(
        "(?:(?<![\\d.])(?:(?<y>\\d{4})\\s*[年\\-/.]\\s*)?(?<mo>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\\s*(?:月份?|[\\-/](?=\\d))\\s*"
            + "(?<d>[12]\\d|3[01]|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\\s*[日号]?"
            + "|(?<![\\d.])(?<dd>[12]\\d|3[01]|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号](?![子码])"
            + "|(?<day>大前天|前天|昨天|昨日|今天|今日|明天|后天|昨晚|昨夜|昨早|今早|今晨|今晚|明早|明晚)"
            + "|(?<wkp>上个?|这个?|本)?(?:周|星期|礼拜)(?<wd>[一二三四五六日天1-7]))?"
            + "\\s*(?<part>凌晨|早上|早晨|清早|一早|上午|中午|下午|午后|傍晚|晚上|夜里|半夜|深夜|夜间|晚间)?\\s*(?:大概|大约|差不多)?\\s*"
            + "(?:(?<h>" + N + ")\\s*(?:点钟?|时|:)\\s*(?:(?<mi>\\d{1,2}|[零一二三四五六七八九十]{1,3})\\s*分?|(?<half>半)|(?<q>[一三])刻)?)?");

    private final ZoneId zone;

    public ChineseTimeParser(ZoneId zone) {
        this.zone = zone;
    }

    /** The first time phrase in a text (clock-only phrases included), if any. */
    public Optional<Match> parse(String text, Instant now) {
        List<Match> all = findAll(text, now);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every time phrase in a text, in order. */
    public List<Match> findAll(String raw, Instant now) {
        String text = fold(raw);
        List<Match> out = new ArrayList<>();
        boolean[] taken = new boolean[text.length() + 1];
        for (Matcher m = NOW.matcher(text); m.find();) {
            add(out, taken, new Match(Kind.PAST, now, now, m.start(), m.end(), m.group(), false, false));
        }
        for (Matcher m = REL.matcher(text); m.find();) {
            relative(m, now).ifPresent(x -> add(out, taken, x));
        }
        for (Matcher m = REL_WORD.matcher(text); m.find();) {
            add(out, taken, relativeWord(m, now));
        }
        for (Matcher m = EXPR.matcher(text); m.find();) {
            if (m.end() > m.start() && (m.group("h") == null || m.group("h").length() > 0)) {
                expression(m, text, now).ifPresent(x -> add(out, taken, x));
            }
        }
        out.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
        return out;
    }

    private static void add(List<Match> out, boolean[] taken, Match m) {
        for (int i = m.begin(); i < m.end(); i++) {
            if (taken[i]) {
                return;
            }
        }
        for (int i = m.begin(); i < m.end(); i++) {
            taken[i] = true;
        }
        out.add(m);
    }

    private Optional<Match> relative(Matcher m, Instant now) {
        String count = m.group(1);
        double n = count.isEmpty() ? (m.group(3) != null && m.group(3).equals("半") ? 0 : 1) : number(count);
        if (n < 0) {
            return Optional.empty();
        }
        if ("半".equals(m.group(3))) {
            n += count.isEmpty() ? 0.5 : 0.5;
        }
        Duration d = switch (m.group(4)) {
            case "分钟", "分" -> Duration.ofSeconds((long) (n * 60));
            case "小时", "钟头" -> Duration.ofSeconds((long) (n * 3600));
            case "天", "日" -> Duration.ofSeconds((long) (n * 86400));
            case "周", "星期", "礼拜" -> Duration.ofSeconds((long) (n * 7 * 86400));
            case "年" -> Duration.ofDays((long) (n * 365));
            default -> Duration.ofDays((long) (n * 30));
        };
        boolean future = m.group(6).endsWith("后");
        Instant at = future ? now.plus(d) : now.minus(d);
        boolean dayOnly = !m.group(4).matches("分钟|分|小时|钟头");
        return Optional.of(new Match(future ? Kind.FUTURE : Kind.PAST, at, at, m.start(), m.end(), m.group(), false, dayOnly));
    }

    private Match relativeWord(Matcher m, Instant now) {
        String w = m.group();
        boolean future = w.startsWith("下") || w.equals("明年");
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate day = w.contains("月") ? today.plusMonths(future ? 1 : -1) : w.contains("年") ? today.plusYears(future ? 1 : -1)
            : today.plusWeeks(future ? 1 : -1);
        Instant at = day.atTime(12, 0).atZone(zone).toInstant();
        return new Match(future ? Kind.FUTURE : Kind.PAST, at, at, m.start(), m.end(), w, false, true);
    }

    private Optional<Match> expression(Matcher m, String text, Instant now) {
        ZonedDateTime zNow = now.atZone(zone);
        LocalDate today = zNow.toLocalDate();
        LocalDate date;
        boolean explicitDay = true;
        String part = m.group("part");
        try {
            if (m.group("mo") != null) {
                int year = m.group("y") != null ? Integer.parseInt(m.group("y")) : today.getYear();
                date = LocalDate.of(year, (int) number(m.group("mo")), (int) number(m.group("d")));
            } else if (m.group("dd") != null) {
                date = today.withDayOfMonth((int) number(m.group("dd")));
            } else if (m.group("day") != null) {
                String day = m.group("day");
                date = today.plusDays(dayOffset(day));
                part = part != null ? part : impliedPart(day);
            } else if (m.group("wd") != null) {
                date = weekday(today, m.group("wkp"), m.group("wd"));
            } else {
                date = today;
                explicitDay = false;
            }
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
        if (date.getYear() < today.getYear() - 30) {
            return Optional.empty();
        }
        String h = m.group("h");
        if (!explicitDay && part == null && h == null) {
            return Optional.empty();
        }
        LocalDateTime nowLocal = zNow.toLocalDateTime();
        LocalDateTime at;
        LocalDateTime latest;
        if (h != null) {
            int hour = (int) number(h);
            int minute = m.group("mi") != null ? (int) number(m.group("mi")) : m.group("half") != null ? 30
                : m.group("q") != null ? (m.group("q").equals("一") ? 15 : 45) : 0;
            if (hour < 0 || hour > 24 || minute < 0 || minute > 59) {
                return Optional.empty();
            }
            hour = adjustHour(hour, part, explicitDay, date, minute, zNow);
            at = hour == 24 ? date.atTime(23, 59) : date.atTime(hour, minute);
            if (!explicitDay && at.isAfter(nowLocal.plusMinutes(5))) {
                at = at.minusDays(1);
            }
            latest = at;
        } else {
            int[] range = part != null ? partRange(part) : new int[] {0, 24, 12};
            at = date.atTime(range[2], 0);
            latest = range[1] == 24 ? date.atTime(23, 59) : date.atTime(range[1], 0);
            if (date.equals(today) && date.atTime(range[0], 0).isAfter(nowLocal) && !explicitDay) {
                at = at.minusDays(1);
                latest = latest.minusDays(1);
            } else if (!date.atTime(range[0], 0).isAfter(nowLocal)) {
                at = at.isAfter(nowLocal) ? nowLocal : at;
                latest = latest.isAfter(nowLocal) ? nowLocal : latest;
            }
        }
        Instant atI = at.atZone(zone).toInstant();
        Instant latestI = latest.atZone(zone).toInstant();
        Kind kind = atI.isAfter(now.plus(Duration.ofMinutes(5))) ? Kind.FUTURE : Kind.PAST;
        if (kind == Kind.PAST && atI.isAfter(now)) {
            atI = now;
            latestI = now;
        }
        boolean clockOnly = !explicitDay && part == null;
        return Optional.of(new Match(kind, atI, latestI, m.start(), m.end(), m.group().strip(), clockOnly, h == null && part == null));
    }

    private static int adjustHour(int hour, String part, boolean explicitDay, LocalDate date, int minute, ZonedDateTime now) {
        if (part != null) {
            boolean pm = part.matches("下午|午后|傍晚|晚上|夜里|深夜|夜间|晚间");
            if (pm && hour < 12) {
                return hour + 12;
            }
            if (part.equals("中午") && hour < 6) {
                return hour + 12;
            }
            if (part.matches("凌晨|半夜") && hour == 12) {
                return 0;
            }
            return hour;
        }
        if (hour > 12) {
            return hour;
        }
        if (date.equals(now.toLocalDate())) {
            boolean pmPast = hour + 12 < 24 && !date.atTime(hour + 12, minute).isAfter(now.toLocalDateTime());
            return pmPast ? hour + 12 : hour;
        }
        return hour >= 1 && hour <= 6 && explicitDay ? hour + 12 : hour;
    }

    /** {start hour, end hour, typical hour} of a part of the day. */
    private static int[] partRange(String part) {
        return switch (part) {
            case "凌晨", "半夜", "深夜" -> new int[] {0, 6, 2};
            case "早上", "早晨", "清早", "一早" -> new int[] {5, 10, 8};
            case "上午" -> new int[] {8, 12, 10};
            case "中午" -> new int[] {11, 14, 12};
            case "下午", "午后" -> new int[] {12, 18, 15};
            case "傍晚" -> new int[] {17, 19, 18};
            default -> new int[] {18, 24, 20};
        };
    }

    private static String impliedPart(String day) {
        if (day.endsWith("晚") || day.endsWith("夜")) {
            return "晚上";
        }
        return day.endsWith("早") || day.endsWith("晨") ? "早上" : null;
    }

    private static int dayOffset(String day) {
        return switch (day) {
            case "大前天" -> -3;
            case "前天" -> -2;
            case "昨天", "昨日", "昨晚", "昨夜", "昨早" -> -1;
            case "明天", "明早", "明晚" -> 1;
            case "后天" -> 2;
            default -> 0;
        };
    }

    private static LocalDate weekday(LocalDate today, String prefix, String wd) {
        int n = "日天".contains(wd) ? 7 : wd.matches("\\d") ? Integer.parseInt(wd) : (int) number(wd);
        LocalDate thisWeek = today.with(DayOfWeek.MONDAY).plusDays(n - 1L);
        if (prefix != null && prefix.startsWith("上")) {
            return thisWeek.minusWeeks(1);
        }
        if (prefix == null && thisWeek.isAfter(today)) {
            return thisWeek.minusWeeks(1);
        }
        return thisWeek;
    }

    /** Arabic or Chinese small numbers (二十三, 两, 十几 = 15, 几 = 3); -1 when not a number. */
    static double number(String s) {
        if (s.matches("\\d+(\\.\\d+)?")) {
            return Double.parseDouble(s);
        }
        String t = s.replace("十几", "十五").replace("几十", "三十").replace("几", "三");
        var v = cn.antifraud.core.analysis.ChineseNumbers.parseChinese(t);
        return v == null ? -1 : v.doubleValue();
    }

    /** Full-width digits and colons to ASCII, so "１５：３０" reads like "15:30". */
    static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= '０' && c <= '９') {
                sb.append((char) (c - '０' + '0'));
            } else if (c == '：') {
                sb.append(':');
            } else {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }
}
