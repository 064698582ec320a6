package cn.antifraud.core.analysis;

import java.math.BigDecimal;

/**
 * Parses amounts written the way people write them: Arabic (1.2万, 5w, 3k, 2,000), Chinese numerals
 * (两万三千, 三千五, 一百二十), and shorthand where a trailing digit means the next lower unit (两万三 = 23000).
 */
public final class ChineseNumbers {
    private ChineseNumbers() {
    }

    /** Parses a Chinese-numeral string (no unit suffix like 元); returns null when it is not a number. */
    public static BigDecimal parseChinese(String s) {
        if (s.isEmpty()) {
            return null;
        }
        int dot = s.indexOf('点');
        if (dot >= 0) {
            BigDecimal whole = parseChinese(s.substring(0, dot));
            StringBuilder frac = new StringBuilder("0.");
            for (char c : s.substring(dot + 1).toCharArray()) {
                int d = digit(c);
                if (d < 0) {
                    return null;
                }
                frac.append(d);
            }
            return whole == null || frac.length() == 2 ? null : whole.add(new BigDecimal(frac.toString()));
        }
        long total = 0;
        long section = 0;
        long number = 0;
        long lastUnit = 0;
        boolean sawDigit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digit(c);
            if (d >= 0) {
                number = d;
                sawDigit = true;
                continue;
            }
            long unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                case '万' -> 10_000;
                case '亿' -> 100_000_000;
                default -> -1;
            };
            if (unit < 0) {
                return null;
            }
            if (unit >= 10_000) {
                section = (section + number) * unit;
                total += section;
                section = 0;
            } else {
                if (number == 0 && unit == 10) {
                    number = 1;
                }
                section += number * unit;
            }
            lastUnit = unit;
            number = 0;
        }
        if (!sawDigit && lastUnit == 0) {
            return null;
        }
        if (number > 0 && lastUnit >= 10 && !endsWithZeroGap(s)) {
            number *= lastUnit / 10;
        }
        return BigDecimal.valueOf(total + section + number);
    }

    private static boolean endsWithZeroGap(String s) {
        return s.length() >= 2 && (s.charAt(s.length() - 2) == '零' || s.charAt(s.length() - 2) == '〇');
    }

    static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一', '壹' -> 1;
            case '二', '两', '贰' -> 2;
            case '三', '叁' -> 3;
            case '四', '肆' -> 4;
            case '五', '伍' -> 5;
            case '六', '陆' -> 6;
            case '七', '柒' -> 7;
            case '八', '捌' -> 8;
            case '九', '玖' -> 9;
            default -> -1;
        };
    }

    /** Multiplier for a unit suffix written after a number (万, w, k, 千, 元...), or null if unknown. */
    public static BigDecimal multiplier(String unit) {
        String u = unit.strip();
        if (u.startsWith("万") || u.equals("w")) {
            return BigDecimal.valueOf(10_000);
        }
        if (u.startsWith("千") || u.equals("k")) {
            return BigDecimal.valueOf(1000);
        }
        if (u.startsWith("亿")) {
            return BigDecimal.valueOf(100_000_000);
        }
        return BigDecimal.ONE;
    }
}
