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

    private Options() {
    }
}
