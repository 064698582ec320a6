package cn.antifraud.core.dialogue;

/** Quick-reply labels the bot offers; tapping one sends the label back as the resident's message. */
public final class Options {
    public static final String PAID = "我已经转账了";
    public static final String OFFICER = "转人工";
    public static final String LEARN_TYPE = "了解这类骗局";
    public static final String CHECK_MORE = "再查一条";
    public static final String LEARN = "学习防骗知识";
    public static final String REPORT = "我要报案";
    public static final String QUIZ = "做个防骗小测验";
    public static final String SUBMIT_REPORT = "确认提交";
    public static final String CASE_STATUS = "查询案件进度";
    public static final String SUBSCRIBE_TIPS = "订阅防骗提醒";
    /** Words that cancel tip subscriptions, honoured at once from anywhere in a conversation. */
    public static final java.util.Set<String> UNSUBSCRIBE_TIPS = java.util.Set.of("取消提醒", "退订提醒", "取消订阅", "退订",
        "取消防骗提醒", "TD", "td");

    /** Whether a message subscribes to or cancels the tips (trailing punctuation ignored). */
    public static boolean isTipsCommand(String text) {
        String t = text.strip().replaceAll("[\\s。.！!]+$", "");
        return t.equals(SUBSCRIBE_TIPS) || UNSUBSCRIBE_TIPS.contains(t);
    }

    private Options() {
    }
}
