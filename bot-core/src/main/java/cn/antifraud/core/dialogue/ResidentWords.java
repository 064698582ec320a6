package cn.antifraud.core.dialogue;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which words of a message are the resident's own. A message is all the resident's, unless it is a pasted chat log
 * (lines such as 「王姐：…」 from two or more speakers): then only the lines typed before the log and the turns the
 * resident labels as their own (「我：…」) are. A third party's story in a log (「我已经充值了2万，现在赚了3万」 said
 * by 王姐) is bait or background, never the resident's loss. The analysis ({@code ChatLog}) judges the whole log as one
 * story; this only decides whose words a statement about money is, and keeps the lines typed before the log.
 */
final class ResidentWords {
    /** 「王姐：」「[10:21] 客服：」「A:」: an optional time, a short label without spaces or sentence punctuation, a colon. */
    private static final Pattern LABEL = Pattern.compile(
        "^\\s*(?:[\\[(（]?\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?[\\])）]?\\s*)?([^\\s:：，。！？,.!?「」\"“”\\[\\]]{1,8})\\s*[:：]\\s*(.*)$");
    private static final Set<String> SELF = Set.of("我", "本人", "自己", "我自己", "me", "我方");
    /** Field names of notices and of a resident's own structured account (「金额：5000」), not speakers. */
    private static final Set<String> FIELDS = Set.of("时间", "日期", "金额", "地址", "电话", "手机", "网址", "链接", "验证码", "账号",
        "账户", "卡号", "银行卡", "收款人", "收款账号", "对方账号", "姓名", "备注", "订单号", "单号", "取件码", "编号", "详情", "原因",
        "内容", "提示", "温馨提示", "注意", "微信", "qq", "支付宝", "邮箱", "官网", "客服电话", "联系电话", "http", "https");

    /** The resident's words and whether the message was a pasted log. */
    record Split(boolean pastedLog, String own) {
    }

    private ResidentWords() {
    }

    static Split of(String text) {
        // a log pasted through a one-line channel may carry its line breaks as a literal "\n"
        String[] lines = text.replace("\\n", "\n").split("\n");
        Set<String> speakers = new HashSet<>();
        int turns = 0;
        StringBuilder own = new StringBuilder();
        String speaker = null;
        for (String line : lines) {
            Matcher m = LABEL.matcher(line);
            if (m.matches() && !m.group(1).matches(".*\\d.*") && !FIELDS.contains(m.group(1).toLowerCase())) {
                speaker = m.group(1).toLowerCase();
                speakers.add(speaker);
                turns++;
                line = m.group(2);
            }
            if (speaker == null || SELF.contains(speaker)) {
                own.append(line).append('\n');
            }
        }
        boolean log = speakers.size() >= 2 && turns >= 2;
        return new Split(log, log ? own.toString().strip() : text);
    }
}
