package cn.antifraud.core.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a pasted conversation (speaker labels such as 「A：」「客服:」「[10:21] 张三：」, timestamps, one turn a line) and
 * splits it into the speakers' turns, so the analyzer can judge the conversation as one story and let its most
 * dangerous part decide. A line break may arrive as a literal {@code \n} (a log pasted through a one-line channel).
 */
final class ChatLog {
    /** A speaker's words, with the speaker's label as written. */
    record Turn(String speaker, String text) {
    }

    private static final Pattern TIME = Pattern.compile(
        "^\\s*[\\[(（]?(?:\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?\\s*)?(?:(?:上午|下午|晚上|凌晨)\\s*)?\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?[\\])）]?\\s*");
    /** A label at the start of a line: 1-8 characters without spaces or sentence punctuation, then a colon. */
    private static final Pattern LABEL = Pattern.compile("^\\s*([^\\s:：，。！？,.!?「」\"“”]{1,8})\\s*[:：]\\s*(.*)$", Pattern.DOTALL);
    /** A label inside one line ("A：你好 B：在吗"): short label after a space or sentence end. */
    private static final Pattern INLINE = Pattern.compile(
        "(?:^|(?<=[\\s。！？!?]))([a-zA-Z甲乙丙丁]|我|对方|客服|[\\u4e00-\\u9fff]{1,2}[总哥姐妈爸]|[\\u4e00-\\u9fff]{2,3})[:：]");
    private static final Pattern HEADER = Pattern.compile(
        "^\\s*(\\S{1,10})\\s+(?:\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}\\s+)?\\d{1,2}:\\d{2}(?::\\d{2})?\\s*$");
    private static final Set<String> NOT_SPEAKERS = Set.of("验证码", "地址", "时间", "电话", "网址", "金额", "余额", "备注", "温馨提示",
        "提示", "注意", "手机", "账号", "密码", "链接", "客服电话", "联系电话", "工号", "单号", "订单号", "取件码", "网点", "日期",
        "姓名", "原因", "详情", "回复", "退订", "官网", "邮箱", "qq", "微信", "支付方式", "办理时间", "编号", "内容", "标题", "主题",
        "http", "https");

    private ChatLog() {
    }

    /** The turns of a pasted conversation with at least two speakers, or empty when the text is not one. */
    static Optional<List<Turn>> turns(String text) {
        if (cannotHoldTurns(text)) {
            return Optional.empty();
        }
        String t = text.replace("\\n", "\n");
        List<Turn> turns = t.indexOf('\n') >= 0 ? lines(t) : inline(t);
        Set<String> speakers = new HashSet<>();
        turns.forEach(turn -> speakers.add(turn.speaker()));
        return turns.size() >= 2 && speakers.size() >= 2 ? Optional.of(turns) : Optional.empty();
    }

    /**
     * Whether the text surely is no conversation, by a scan cheaper than {@link #INLINE}, which otherwise runs on every
     * message: without a line break (real or written as {@code \n}) the text is judged {@link #inline}, and that needs at
     * least three speaker marks, each ending in its own colon.
     */
    private static boolean cannotHoldTurns(String text) {
        int colons = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'n') {
                return false;
            }
            colons += c == ':' || c == '\uFF1A' ? 1 : 0;
        }
        return colons < 3;
    }

    private static List<Turn> lines(String text) {
        List<Turn> turns = new ArrayList<>();
        String pendingSpeaker = null;
        for (String raw : text.split("\n")) {
            String line = TIME.matcher(raw).replaceFirst("");
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LABEL.matcher(line);
            if (m.matches() && isSpeaker(m.group(1))) {
                if (!m.group(2).isBlank()) {
                    turns.add(new Turn(m.group(1), m.group(2).strip()));
                } else {
                    pendingSpeaker = m.group(1);
                }
            } else if (pendingSpeaker == null && HEADER.matcher(raw).matches() && isSpeaker(header(raw))) {
                pendingSpeaker = header(raw); // "张三 10:21" on its own line, the words on the next
            } else if (pendingSpeaker != null) {
                turns.add(new Turn(pendingSpeaker, line.strip()));
                pendingSpeaker = null;
            } else if (!turns.isEmpty()) {
                Turn last = turns.remove(turns.size() - 1);
                turns.add(new Turn(last.speaker(), last.text() + "\n" + line.strip()));
            } else {
                return List.of(); // words before any speaker: not a conversation as pasted
            }
        }
        return turns;
    }

    /** The name in a "张三 10:21" or "客服小王  2024-05-01 10:21" header line. */
    private static String header(String raw) {
        Matcher m = HEADER.matcher(raw);
        return m.matches() ? m.group(1) : "";
    }

    private static List<Turn> inline(String text) {
        Matcher m = INLINE.matcher(text);
        List<int[]> marks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            if (isSpeaker(m.group(1))) {
                marks.add(new int[] {m.start(1), m.end()});
                names.add(m.group(1));
            }
        }
        if (marks.size() < 3 || marks.get(0)[0] > 0) {
            return List.of();
        }
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            int end = i + 1 < marks.size() ? marks.get(i + 1)[0] : text.length();
            String words = text.substring(marks.get(i)[1], end).strip();
            if (!words.isEmpty()) {
                turns.add(new Turn(names.get(i), words));
            }
        }
        return turns;
    }

    private static boolean isSpeaker(String label) {
        String l = label.toLowerCase();
        return !NOT_SPEAKERS.contains(l) && !l.matches(".*\\d.*") && !l.startsWith("http");
    }
}
