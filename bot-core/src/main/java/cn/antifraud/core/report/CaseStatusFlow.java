package cn.antifraud.core.report;

import cn.antifraud.core.dialogue.DialogueEngine;
import cn.antifraud.core.dialogue.Flow;
import cn.antifraud.core.dialogue.Turn;
import cn.antifraud.core.dialogue.TurnContext;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "我的案子怎么样了": asks for the case number and the phone given in the report; the right pair gets the
 * status in plain words, a wrong pair a refusal that reveals nothing (not even whether the number exists).
 * Failed look-ups are counted per conversation; after {@link #MAX_FAILURES} no more are checked.
 */
public final class CaseStatusFlow implements Flow {
    static final int MAX_FAILURES = 3;
    private static final Pattern CASE_NO = Pattern.compile("fz\\s*-?\\s*(\\d{8})\\s*-?\\s*(\\d{6})", Pattern.CASE_INSENSITIVE);

    private final CaseStore cases;

    public CaseStatusFlow(CaseStore cases) {
        this.cases = cases;
    }

    @Override
    public String name() {
        return DialogueEngine.STATUS_FLOW;
    }

    @Override
    public Turn start(TurnContext ctx) {
        if (cases.failedStatusLookups(ctx.conversation().id()) >= MAX_FAILURES) {
            return tooMany();
        }
        return next(ctx.conversation().withFlow(new JsonObject().put("name", name())), ctx);
    }

    @Override
    public Turn next(TurnContext ctx) {
        return next(ctx.conversation(), ctx);
    }

    private Turn next(cn.antifraud.core.conversation.Conversation c, TurnContext ctx) {
        JsonObject s = c.flow() == null ? new JsonObject().put("name", name()) : c.flow().copy();
        String text = ctx.text();
        if (Answers.cancel(text) || text.equals("不查了")) {
            return Turn.reply("好的。需要时随时告诉我“查询案件进度”。").flow(null);
        }
        Matcher m = CASE_NO.matcher(text);
        if (m.find()) {
            s.put("caseNo", "FZ-" + m.group(1) + "-" + m.group(2));
        }
        if (!s.containsKey("caseNo") && c.caseNo() != null) {
            s.put("caseNo", c.caseNo());
        }
        Answers.mobile(text.replaceAll("(?i)fz\\s*-?\\s*\\d{8}\\s*-?\\s*\\d{6}", " ")).ifPresent(p -> s.put("phone", p));
        if (!s.containsKey("caseNo")) {
            String hint = text.toLowerCase().contains("fz") || Answers.hasDigits(text) && !s.containsKey("phone")
                ? "这个编号的格式好像不对。" : "";
            return Turn.reply(hint + "请告诉我您的案件编号，格式是“FZ-年月日-六位数字”，例如 FZ-20261123-000123。").flow(s);
        }
        if (!s.containsKey("phone")) {
            String hint = Answers.hasDigits(text.replaceAll("(?i)fz\\s*-?\\s*\\d{8}\\s*-?\\s*\\d{6}", "")) ? "这个手机号好像不对。" : "";
            return Turn.reply(hint + "请再告诉我报案时留的手机号，我核对一下身份。").flow(s);
        }
        if (cases.failedStatusLookups(c.id()) >= MAX_FAILURES) {
            return tooMany();
        }
        Optional<String> status = cases.status(s.getString("caseNo"), s.getString("phone"));
        if (status.isEmpty()) {
            int failures = cases.failedStatusLookup(c.id());
            String more = failures >= MAX_FAILURES ? "为保护报案人的信息，这次对话里不能再查询了。"
                : "请核对案件编号和报案时留的手机号后再试。";
            return Turn.reply("抱歉，没有查到与这个编号和手机号对得上的记录。" + more
                + "也可以拨打110或到就近派出所查询。").flow(null);
        }
        return Turn.reply("查到了。案件 " + s.getString("caseNo") + " 的进度：" + words(status.get())
            + "\n如果有新的情况或线索，可以直接告诉我，或者说“转人工”找值班民警。").flow(null);
    }

    static String words(String status) {
        return switch (status) {
            case "accepted" -> "民警已经受理，正在核实情况。";
            case "investigating" -> "案件正在侦查中，有进展民警会联系您。";
            case "closed" -> "案件已经办结。具体结果以民警通知为准。";
            default -> "已经登记，正在等待民警受理。";
        };
    }

    private static Turn tooMany() {
        return Turn.reply("为保护报案人的信息，这次对话里查询失败的次数太多，暂时不能再查询了。请拨打110或带上身份证到就近派出所查询。")
            .flow(null);
    }
}
