package cn.antifraud.core.tips;

import cn.antifraud.core.dialogue.Flow;
import cn.antifraud.core.dialogue.Options;
import cn.antifraud.core.dialogue.Turn;
import cn.antifraud.core.dialogue.TurnContext;
import cn.antifraud.core.education.Choices;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * 「订阅防骗提醒」: asks daily or weekly and subscribes this channel address; 「取消提醒」/「退订提醒」 cancels at
 * once, whatever else is going on. Numbers work as on every other question (1 = daily, 2 = weekly).
 */
public final class TipsFlow implements Flow {
    public static final String NAME = "tips";
    public static final Set<String> UNSUBSCRIBE = Options.UNSUBSCRIBE_TIPS;
    static final String DAILY = "每天一条";
    static final String WEEKLY = "每周一条";
    static final String NOT_NOW = "先不订了";

    private final TipSubscriptions subscriptions;

    public TipsFlow(TipSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Turn start(TurnContext ctx) {
        if (UNSUBSCRIBE.contains(Choices.clean(ctx.text()))) {
            boolean was = subscriptions.unsubscribe(ctx.conversation().sessionKey());
            JsonObject active = ctx.conversation().flow();
            boolean keep = active != null && !NAME.equals(active.getString("name"));
            return Turn.reply((was ? "已经为您取消防骗提醒，以后不会再发了。想再订阅时，回复「订阅防骗提醒」就行。"
                : "您现在没有订阅防骗提醒，不会收到提醒消息。") + (keep ? "刚才的内容可以接着回复。" : ""),
                Options.CHECK_MORE, Options.LEARN).flow(keep ? active : null);
        }
        String current = subscriptions.find(ctx.conversation().sessionKey()).filter(TipSubscriptions.Subscription::active)
            .map(s -> "您现在订阅的是" + s.period().label() + "一条。").orElse("");
        return Turn.reply(current + "订阅后，我会定期给您发一条简短的防骗提醒，每次只发一条，随时回复「退订提醒」就能取消。"
            + "您想多久收一次？", DAILY, WEEKLY, NOT_NOW).flow(new JsonObject().put("name", NAME));
    }

    @Override
    public Turn next(TurnContext ctx) {
        String t = Choices.clean(ctx.text());
        int n = Choices.number(t);
        TipPeriod period = null;
        if (t.equals(DAILY) || t.equals("每天") || n == 1) {
            period = TipPeriod.DAILY;
        } else if (t.equals(WEEKLY) || t.equals("每周") || n == 2) {
            period = TipPeriod.WEEKLY;
        } else if (t.equals(NOT_NOW) || n == 3 || Choices.isExit(t)) {
            return Turn.reply("好的，不订阅也没关系。想订阅的时候，回复「订阅防骗提醒」就行。", Options.CHECK_MORE, Options.LEARN)
                .flow(null);
        }
        if (period == null) {
            return Turn.reply("请回复 1 选每天一条，回复 2 选每周一条，回复 3 先不订。", DAILY, WEEKLY, NOT_NOW)
                .flow(ctx.flowState());
        }
        subscriptions.subscribe(ctx.conversation(), period);
        return Turn.reply("订阅好了！以后" + period.label() + "给您发一条防骗提醒。不想收了，随时回复「退订提醒」。",
            Options.CHECK_MORE, Options.LEARN).flow(null);
    }
}
