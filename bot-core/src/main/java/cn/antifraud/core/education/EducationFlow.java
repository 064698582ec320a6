package cn.antifraud.core.education;

import cn.antifraud.core.analysis.Analysis;
import cn.antifraud.core.analysis.Risk;
import cn.antifraud.core.conversation.ReplyKind;
import cn.antifraud.core.dialogue.Flow;
import cn.antifraud.core.dialogue.Options;
import cn.antifraud.core.dialogue.Turn;
import cn.antifraud.core.dialogue.TurnContext;
import cn.antifraud.core.dialogue.UrgentHelp;
import cn.antifraud.core.dialogue.VerdictReplies;
import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.ScamType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * Prevention education (「学习防骗知识」): a menu by scam type or by audience; for each type the scenario
 * step by step, the advice card, a quiz and a drill. Every question is a set of options (quick replies; numbered
 * lines on SMS, WeChat and voice), and a bare number picks an option. Anything else gets a gentle re-ask;
 * 「退出」 leaves. A pasted suspicious message or "I already paid" leaves the lesson for the verdict or urgent help.
 */
public final class EducationFlow implements Flow {
    public static final String NAME = "education";
    static final int MIXED_QUIZ_SIZE = 5;

    private final EducationContent content;
    private final Lessons lessons;
    private final Practice practice;
    private final VerdictReplies verdicts;
    private final Flow tips;

    /** {@code tips} is the subscription flow offered from the menu, or null when tips are not available. */
    public EducationFlow(EducationContent content, Flow tips) {
        this.content = content;
        this.lessons = new Lessons(content);
        this.practice = new Practice(content);
        this.verdicts = new VerdictReplies(content.kb());
        this.tips = tips;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Turn start(TurnContext ctx) {
        JsonObject state = new JsonObject().put("name", NAME);
        ScamType last = content.type(ctx.conversation().lastScamType());
        if (ctx.text().equals(Options.LEARN_TYPE) && last != null) {
            Turn turn = new Turn().add(verdicts.explain(last.id()).replies().get(0).text());
            return Lessons.typeOptions(last).ask(turn, state,
                "想了解得更透，可以看这类骗局一步步是怎么展开的，或者我扮演骗子，陪您练一练：");
        }
        return lessons.mainMenu(new Turn(), state, "好的，我们一起学防骗。");
    }

    /** Starts a quiz directly (「做个防骗小测验」): on the last checked type, or mixed over several types. */
    public Turn startQuiz(TurnContext ctx) {
        JsonObject state = new JsonObject().put("name", NAME);
        ScamType last = content.type(ctx.conversation().lastScamType());
        return last != null ? quizOn(new Turn(), state, last) : mixedQuiz(new Turn(), state, ctx.conversation().id());
    }

    @Override
    public Turn next(TurnContext ctx) {
        JsonObject state = ctx.flowState();
        String text = ctx.text();
        if (Choices.isExit(text)) {
            return Turn.reply("好的，今天就学到这里。以后收到可疑的短信、电话或链接，随时发给我帮您看看。",
                Options.CHECK_MORE, Options.LEARN).flow(null);
        }
        if (text.equals(Options.LEARN)) {
            return lessons.mainMenu(new Turn(), state.put("name", NAME), "");
        }
        if (text.equals(Options.QUIZ)) {
            return mixedQuiz(new Turn(), state, ctx.conversation().id() + state.getJsonObject("results", new JsonObject()).size());
        }
        String action = Choices.picked(state, text);
        if (action == null) {
            return offTopic(ctx, state);
        }
        try {
            return act(ctx, state, action);
        } catch (IndexOutOfBoundsException e) {
            // A supervisor shortened this type's script or quiz while the resident was in the middle of it.
            state.remove("practice");
            return lessons.mainMenu(new Turn(), state, "学习内容刚刚更新了，我们换个地方接着学。");
        }
    }

    private Turn act(TurnContext ctx, JsonObject state, String action) {
        String[] a = action.split(":");
        Turn turn = new Turn();
        ScamType t = a.length > 1 ? content.type(a[1]) : null;
        if (t == null && Set.of("type", "script", "advice", "quiz", "drill").contains(a[0])) {
            return lessons.typeList(turn, state);
        }
        return switch (a[0]) {
            case "answer" -> practice.active(state) ? practice.answer(turn, state, Integer.parseInt(a[1]))
                : lessons.mainMenu(turn, state, "");
            case "types" -> lessons.typeList(turn, state);
            case "audiences" -> lessons.audienceList(turn, state);
            case "audience" -> content.audience(a[1]).map(au -> lessons.audience(turn, state, au))
                .orElseGet(() -> lessons.audienceList(turn, state));
            case "type" -> lessons.type(turn, state, t, "");
            case "script" -> lessons.scriptStep(turn, state, t, Math.min(Integer.parseInt(a[2]), t.script().size() - 1));
            case "advice" -> lessons.advice(turn, state, t);
            case "quiz" -> quizOn(turn, state, t);
            case "drill" -> practice.startDrill(turn, state, t);
            case "quizmix" -> mixedQuiz(turn, state, ctx.conversation().id());
            case "tips" -> tips != null ? tips.start(ctx) : lessons.mainMenu(turn, state, "");
            case "exit" -> Turn.reply("好的，今天就学到这里。记住：凡是让您转账、交钱、说验证码的，先停一停、核实一下。",
                Options.CHECK_MORE, Options.LEARN).flow(null);
            default -> lessons.mainMenu(turn, state, "");
        };
    }

    /** Not one of the options: a suspicious message or money already sent leaves the lesson; else ask again. */
    private Turn offTopic(TurnContext ctx, JsonObject state) {
        Analysis a = ctx.analysis();
        if (ctx.text().equals(Options.OFFICER) || a.intent().equals("ask_officer")) {
            return Turn.reply("好的，我已经帮您转接值班民警，请稍等，民警会在这里直接回复您。如果情况紧急，请直接拨打110。")
                .kind(ReplyKind.HANDOFF).escalate(false, "resident asked for an officer").flow(null);
        }
        if (ctx.text().equals(Options.PAID) || a.intent().equals("money_sent") || a.moneyMoved() && a.risk() == Risk.HIGH) {
            return UrgentHelp.stopPaymentNow().escalate(true, "resident says money has been sent").flow(null);
        }
        boolean evidence = !a.signals().isEmpty() || !a.indicators().isEmpty();
        if (a.intent().equals(KnowledgeBase.VERIFY_INTENT) && a.risk().compareTo(Risk.MEDIUM) >= 0 && evidence) {
            Turn verdict = verdicts.verdict(a);
            return new Turn().add("我先帮您看看这条信息，学习的内容随时可以再来。").add(verdict.replies().get(0)).flow(null);
        }
        String prompt = state.getString("prompt", "请选择：");
        List<String> labels = state.getJsonArray("labels", new JsonArray()).stream().map(String::valueOf).toList();
        // Text channels number the options themselves (Reply.plainText), so the hint never names numbers.
        String lead = Choices.isUnsure(ctx.text()) ? "不知道也没关系，这正是我们要一起学的。请从下面的选项里挑一个您觉得最稳妥的，选错了我会告诉您为什么。"
            : "不好意思，我没太明白您的意思。请从下面的选项里选一个；想结束请说「退出」。";
        Turn turn = new Turn().add(lead).add(prompt, labels.toArray(String[]::new)).flow(state);
        return practice.active(state) ? turn.kind(ReplyKind.QUIZ) : turn;
    }

    private Turn quizOn(Turn turn, JsonObject state, ScamType t) {
        JsonArray items = new JsonArray();
        for (int i = 0; i < t.quiz().size(); i++) {
            items.add(new JsonArray().add(t.id()).add(i));
        }
        return practice.startQuiz(turn, state, items, "「" + t.name() + "」小测验，");
    }

    /** One question from each of several types, varied by conversation so repeat visitors see others. */
    private Turn mixedQuiz(Turn turn, JsonObject state, String seed) {
        List<ScamType> types = content.types();
        int offset = Math.floorMod(seed.hashCode(), types.size());
        JsonArray items = new JsonArray();
        for (int i = 0; i < MIXED_QUIZ_SIZE; i++) {
            ScamType t = types.get((offset + i * 3) % types.size());
            items.add(new JsonArray().add(t.id()).add(Math.floorMod(seed.hashCode() + i, t.quiz().size())));
        }
        return practice.startQuiz(turn, state, items, "防骗小测验来了！");
    }
}
