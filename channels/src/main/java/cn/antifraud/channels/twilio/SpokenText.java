package cn.antifraud.channels.twilio;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns text written for a screen into something a caller can follow: no emoji or list marks, nothing to
 * "send" or screenshot, and at most two sentences (the first and the last: replies put the key advice first
 * and the question last).
 */
final class SpokenText {
    private static final Pattern EMOJI = Pattern.compile("[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}\\x{2B00}-\\x{2BFF}"
        + "\\x{FE0F}\\x{200D}\\x{20E3}]");
    private static final Pattern LIST_MARK = Pattern.compile("^\\s*(?:\\d+[.、)）]|[-•·*]|[（(]\\d+[)）])\\s*");
    /** Things a caller cannot do on a phone call. */
    private static final Pattern SCREEN_ONLY = Pattern.compile("截图|截屏|上传|粘贴|复制|点开|点击");

    private SpokenText() {
    }

    static String shorten(String written) {
        List<String> sentences = sentences(written);
        if (sentences.size() > 2) {
            sentences = List.of(sentences.get(0), sentences.get(sentences.size() - 1));
        }
        return String.join("", sentences);
    }

    static List<String> sentences(String written) {
        List<String> out = new ArrayList<>();
        for (String line : EMOJI.matcher(written).replaceAll("").split("\\n")) {
            String l = LIST_MARK.matcher(line).replaceFirst("").strip();
            for (String s : l.split("(?<=[。！？!?])")) {
                String t = s.strip().replaceAll("[；;，,、]$", "。")
                    .replace("发给我", "告诉我").replace("发来", "说出来").replace("发送", "说出");
                if (t.isEmpty() || t.endsWith("：") || t.endsWith(":") || SCREEN_ONLY.matcher(t).find()) {
                    continue;
                }
                out.add(t.matches(".*[。！？!?”」]$") ? t : t + "。");
            }
        }
        return out;
    }
}
