package cn.antifraud.channels.text;

import java.util.List;

/**
 * Where options are shown as numbered lines (SMS, WeChat, voice), a reply of 「1」 means the first option:
 * the channel turns the digit back into the option's label before the bot sees it, exactly as if the
 * resident had tapped the button on the web chat.
 */
public final class NumberedOptions {
    private NumberedOptions() {
    }

    /** The option the text picks, or the text unchanged when it is not an option number. */
    public static String resolve(String text, List<String> offered) {
        String t = text == null ? "" : normaliseDigits(text.strip()).replaceAll("[.。、#]$", "");
        if (offered.isEmpty() || !t.matches("[1-9]")) {
            return text;
        }
        int n = Integer.parseInt(t);
        return n <= offered.size() ? offered.get(n - 1) : text;
    }

    /** Full-width digits (１２３) as ASCII. */
    public static String normaliseDigits(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c);
        }
        return sb.toString();
    }
}
