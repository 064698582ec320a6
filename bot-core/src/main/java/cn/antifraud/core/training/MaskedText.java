package cn.antifraud.core.training;

import cn.antifraud.core.analysis.Masking;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A resident's text for list views: long digit runs (phones, cards, ID and account numbers) keep only their ends. */
final class MaskedText {
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d\\s-]{5,}[\\dXx]");

    private MaskedText() {
    }

    static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String digits = m.group().replaceAll("[\\s-]", "");
            m.appendReplacement(sb, Matcher.quoteReplacement(digits.length() >= 11 ? Masking.keepEnds(digits, 3, 4)
                : Masking.keepEnds(digits, 2, 2)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
