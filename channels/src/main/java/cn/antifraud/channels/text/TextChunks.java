package cn.antifraud.channels.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a long answer into parts of at most {@code max} characters at sentence or line boundaries, so an
 * SMS, a WeChat text or a spoken prompt never breaks in the middle of a sentence (unless one sentence alone
 * is longer than a part).
 */
public final class TextChunks {
    private TextChunks() {
    }

    public static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String sentence : sentences(text)) {
            if (current.length() > 0 && current.length() + sentence.length() > max) {
                parts.add(current.toString().strip());
                current.setLength(0);
            }
            while (sentence.length() > max) {
                parts.add(sentence.substring(0, max).strip());
                sentence = sentence.substring(max);
            }
            current.append(sentence);
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString().strip());
        }
        return parts;
    }

    /** Sentences with their closing punctuation (。！？；!?;) or line break kept. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = "。！？；!?;\n".indexOf(c) >= 0;
            if (end && i + 1 < text.length() && "”\"）)".indexOf(text.charAt(i + 1)) >= 0) {
                i++;
            }
            if (end) {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
