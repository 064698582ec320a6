package cn.antifraud.core.dialogue;

/** What a resident whose money has just moved must do at once (紧急止付). */
public final class UrgentHelp {
    private UrgentHelp() {
    }

    public static final String STEPS = "请马上做这几件事：\n"
        + "1. 立刻拨打110或96110报警，说明“刚被骗、需要紧急止付”；\n"
        + "2. 马上打电话给您转出钱的银行（或支付宝、微信支付客服），要求冻结这笔交易；\n"
        + "3. 保留所有证据：转账记录、聊天记录、对方电话和账号，截图都不要删；\n"
        + "4. 不要再向对方转任何钱，也不要相信任何“帮您追回损失”要先收费的人。";

    public static Turn stopPaymentNow() {
        return new Turn().kind(cn.antifraud.core.conversation.ReplyKind.HANDOFF).add("别慌，时间很关键，我已经把您标为紧急情况，马上转给值班民警处理止付。\n\n" + STEPS
            + "\n\n请把对方的收款账号（银行卡号、支付宝或微信账号）发给我，止付最需要这个。");
    }
}
