package cn.antifraud.core.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/** Day words, parts of the day and clock hours as people say them (昨晚, 下午三点, 上周三). */
final class ChineseDays {
    private ChineseDays() {
    }

    static int adjustHour(int hour, String part, boolean explicitDay, LocalDate date, int minute, ZonedDateTime now) {
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
    static int[] partRange(String part) {
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

    static String impliedPart(String day) {
        if (day.endsWith("晚") || day.endsWith("夜")) {
            return "晚上";
        }
        return day.endsWith("早") || day.endsWith("晨") ? "早上" : null;
    }

    static int dayOffset(String day) {
        return switch (day) {
            case "大前天" -> -3;
            case "前天" -> -2;
            case "昨天", "昨日", "昨晚", "昨夜", "昨早" -> -1;
            case "明天", "明早", "明晚" -> 1;
            case "后天" -> 2;
            default -> 0;
        };
    }

    static LocalDate weekday(LocalDate today, String prefix, String wd) {
        int n = "日天".contains(wd) ? 7 : wd.matches("\\d") ? Integer.parseInt(wd) : (int) ChineseTimeParser.number(wd);
        LocalDate thisWeek = today.with(DayOfWeek.MONDAY).plusDays(n - 1L);
        if (prefix != null && prefix.startsWith("上")) {
            return thisWeek.minusWeeks(1);
        }
        if (prefix == null && thisWeek.isAfter(today)) {
            return thisWeek.minusWeeks(1);
        }
        return thisWeek;
    }
}
