package cn.antifraud.core.education;

import cn.antifraud.core.dialogue.Turn;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The options a flow offers and how a resident picks one: by tapping it (its exact text), by its number
 * (SMS, WeChat, the voice keypad: "1", "１", "1.", "第一个"), or a spoken numeral. The labels and what each
 * one does are kept in the flow state, so the next message is understood after a restart too.
 */
public final class Choices {
    static final String EXIT_LABEL = "退出";
    private static final Set<String> EXIT_WORDS = Set.of("退出", "取消", "结束", "不学了", "不玩了", "退出学习",
        "cancel", "exit", "quit", "stop", "0");
    private static final String NUMERALS = "一二三四五六七八九十";

    private final List<String> labels = new ArrayList<>();
    private final List<String> actions = new ArrayList<>();

    Choices add(String label, String action) {
        labels.add(label);
        actions.add(action);
        return this;
    }

    int size() {
        return labels.size();
    }

    /** Adds {@code text} with these options as the last reply of {@code turn} and remembers them in {@code state}. */
    Turn ask(Turn turn, JsonObject state, String text) {
        state.put("labels", new JsonArray(labels)).put("actions", new JsonArray(actions)).put("prompt", text);
        return turn.add(text, labels.toArray(String[]::new)).flow(state);
    }

    public static boolean isExit(String text) {
        return EXIT_WORDS.contains(clean(text).toLowerCase(Locale.ROOT));
    }

    /** The action of the option the resident picked, or null when the text picks none. */
    static String picked(JsonObject state, String text) {
        JsonArray labels = state.getJsonArray("labels", new JsonArray());
        JsonArray actions = state.getJsonArray("actions", new JsonArray());
        int index = index(clean(text), labels);
        return index < 0 ? null : actions.getString(index);
    }

    static int index(String text, JsonArray labels) {
        for (int i = 0; i < labels.size(); i++) {
            if (clean(labels.getString(i)).equals(text)) {
                return i;
            }
        }
        int n = number(text);
        return n >= 1 && n <= labels.size() ? n - 1 : -1;
    }

    /** "3", "３", "3.", "第3个", "三", "第三项" -> 3; anything else -> -1. */
    public static int number(String text) {
        String t = text.replaceFirst("^(第|选)", "").replaceFirst("(个|项|条|号)$", "");
        StringBuilder digits = new StringBuilder();
        for (char c : t.toCharArray()) {
            if (c >= '０' && c <= '９') {
                digits.append((char) (c - '０' + '0'));
            } else {
                digits.append(c);
            }
        }
        String d = digits.toString();
        if (d.matches("\\d{1,2}")) {
            return Integer.parseInt(d);
        }
        if (d.length() == 1 && NUMERALS.indexOf(d.charAt(0)) >= 0) {
            return NUMERALS.indexOf(d.charAt(0)) + 1;
        }
        return -1;
    }

    /** Strips spaces and trailing punctuation a resident may type after an option. */
    public static String clean(String text) {
        return text.strip().replaceAll("[\\s。．.、，,！!？?）)]+$", "").replaceAll("^[（(]", "").strip();
    }

    /** "不知道", "不清楚", "不会"...: the resident has no answer, which is no misunderstanding. */
    static boolean isUnsure(String text) {
        return clean(text).matches("(我也?)?(不知道|不清楚|不懂|不会|不确定|不晓得|没想好|说不好|不太懂)(啊|呀|哦|耶|呢|诶)?");
    }

    /** How many options the last question had. */
    static int count(JsonObject state) {
        return state.getJsonArray("labels", new JsonArray()).size();
    }
}
