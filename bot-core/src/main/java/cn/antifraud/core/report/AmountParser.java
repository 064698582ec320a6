package cn.antifraud.core.report;

import cn.antifraud.core.analysis.ChineseNumbers;
import cn.antifraud.core.analysis.Indicator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how much money was lost from an answer: the analysis' amount indicators (两万三千元, 5w, 1.2万) plus
 * bare numbers ("20000"), refusing zero, negative and absurd values (1e12) instead of guessing.
 */
public final class AmountParser {
    /** Largest loss taken without a second look: one billion yuan. */
    static final BigDecimal MAX = BigDecimal.valueOf(1_000_000_000L);

    /** Why an answer gave no amount. */
    public enum Problem { NONE_FOUND, NOT_POSITIVE, TOO_LARGE, SEVERAL }

    /** Either an amount in yuan or the problem with the answer. */
    public record Result(BigDecimal yuan, Problem problem) {
        public boolean ok() {
            return yuan != null;
        }
    }

    private static final Pattern SCIENTIFIC = Pattern.compile("\\d(?:\\.\\d+)?\\s*e\\s*[+-]?\\d+");
    private static final Pattern NEGATIVE = Pattern.compile("(?:^|[^\\d])[-−－]\\s*\\d|负\\s*[\\d零一二两三四五六七八九十百千万]");
    private static final Pattern BARE = Pattern.compile(
        "(?<![\\d.])(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)\\s*(万元|万块|万|w|k|千元|千|元|块钱|块|rmb)?(?![\\d.])");
    private static final Pattern TOTAL = Pattern.compile("(?:一共|总共|合计|总计|共计|加起来)");

    private AmountParser() {
    }

    public static Result parse(String answer, List<Indicator> indicators) {
        String t = ChineseTimeParser.fold(answer);
        if (SCIENTIFIC.matcher(t).find()) {
            return new Result(null, Problem.TOO_LARGE);
        }
        if (NEGATIVE.matcher(t).find()) {
            return new Result(null, Problem.NOT_POSITIVE);
        }
        List<BigDecimal> amounts = new ArrayList<>();
        for (Indicator i : indicators) {
            if (i.type().equals(Indicator.AMOUNT)) {
                amounts.add(new BigDecimal(i.value()));
            }
        }
        boolean zero = false;
        if (amounts.isEmpty()) {
            for (Matcher m = BARE.matcher(t.replaceAll("1[3-9]\\d{9}|\\d{12,}(?![\\d.]*\\s*(?:元|块|万))", " ")); m.find();) {
                BigDecimal v = new BigDecimal(m.group(1).replace(",", "")).multiply(ChineseNumbers.multiplier(
                    m.group(2) == null ? "" : m.group(2)));
                if (v.signum() == 0) {
                    zero = true;
                } else {
                    amounts.add(v);
                }
            }
            Matcher big = Pattern.compile("\\d{12,}").matcher(t);
            if (big.find() && (t.contains("元") || t.contains("块") || t.matches("\\s*\\d+\\s*"))) {
                return new Result(null, Problem.TOO_LARGE);
            }
        }
        if (amounts.isEmpty()) {
            return new Result(null, zero || t.matches(".*(?:零元|0元|没(?:有)?(?:转|损失)|一分(?:钱)?(?:都)?没).*")
                ? Problem.NOT_POSITIVE : Problem.NONE_FOUND);
        }
        BigDecimal chosen = amounts.get(0);
        if (amounts.stream().distinct().count() > 1) {
            Matcher total = TOTAL.matcher(t);
            if (!total.find()) {
                return new Result(null, Problem.SEVERAL);
            }
            chosen = amounts.stream().max(BigDecimal::compareTo).orElseThrow();
        }
        if (chosen.compareTo(MAX) > 0) {
            return new Result(null, Problem.TOO_LARGE);
        }
        if (chosen.compareTo(new BigDecimal("0.01")) < 0) {
            return new Result(null, Problem.NOT_POSITIVE);
        }
        return new Result(chosen.stripTrailingZeros(), null);
    }

    /** 23000 -> "23,000元"; 1.5 -> "1.5元". */
    public static String format(BigDecimal yuan) {
        return String.format("%,.2f", yuan).replaceAll("\\.00$", "") + "元";
    }
}
