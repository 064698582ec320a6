package cn.antifraud.core.report;

import java.time.DateTimeException;
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
        if (n < 0 || n > 10_000) {
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
                date = today.plusDays(ChineseDays.dayOffset(day));
                part = part != null ? part : ChineseDays.impliedPart(day);
            } else if (m.group("wd") != null) {
                date = ChineseDays.weekday(today, m.group("wkp"), m.group("wd"));
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
            hour = ChineseDays.adjustHour(hour, part, explicitDay, date, minute, zNow);
            at = hour == 24 ? date.atTime(23, 59) : date.atTime(hour, minute);
            if (!explicitDay && at.isAfter(nowLocal.plusMinutes(5))) {
                at = at.minusDays(1);
            }
            latest = at;
        } else {
            int[] range = part != null ? ChineseDays.partRange(part) : new int[] {0, 24, 12};
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
