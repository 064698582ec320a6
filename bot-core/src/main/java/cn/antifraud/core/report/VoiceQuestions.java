package cn.antifraud.core.report;

/**
 * The report's questions worded for a caller who listens and answers by voice or keypad: one short
 * question, nothing to "send" or to screenshot. Fields not listed here read the same as in writing.
 */
final class VoiceQuestions {
    /** The stop-payment news on the phone: the one thing to do at once, then the question follows. */
    static final String URGENT = "别慌，我已经把您的情况标为紧急止付，请先不要再给对方转任何钱。";

    private VoiceQuestions() {
    }

    static String question(String field, ReportForm form) {
        // one sentence each: a reason to re-ask may come before it, and the phone allows two
        return switch (field) {
            case ReportForm.STORY -> "请您简单说说发生了什么，对方是谁、让您做了什么？";
            case ReportForm.TIME -> "钱大概是什么时候转出去的，比如“刚刚”“昨天下午三点”？";
            case ReportForm.RECEIVER -> form.receivers().isEmpty()
                ? "钱转到了对方的哪个账号，银行卡号、支付宝或者微信账号都可以，请您说出来。"
                : "除了刚才说的账号，钱还转到别的账号了吗，没有就说“没有”？";
            case ReportForm.AMOUNT -> "一共被骗了多少钱，比如“两万三千元”？";
            case ReportForm.PHONE -> "请留一个能联系到您的手机号，民警会打这个号码给您回电。";
            case ReportForm.NAME -> "怎么称呼您？";
            case ReportForm.DISTRICT -> "您住在哪个区或街道？";
            case ReportForm.NOT_PAID -> "您愿意把这个骗子的情况报给民警吗？";
            case ReportForm.CONFIRM -> readBack(form);
            default -> null;
        };
    }

    /** The read-back on the phone: only what the officer will act on, then the choice. */
    private static String readBack(ReportForm f) {
        String amount = f.notPaid() || f.amount() == null ? "还没有转钱"
            : "金额" + AmountParser.format(new java.math.BigDecimal(f.amount()));
        String receivers = ReportTexts.receiverList(f);
        return "我念一下要点：" + amount + "，收款方" + (receivers.isEmpty() ? "没有提供" : receivers)
            + "，联系电话" + f.phone() + "，都对的话请选确认提交，哪一项不对可以直接说。";
    }
}
