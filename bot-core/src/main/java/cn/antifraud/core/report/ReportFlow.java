package cn.antifraud.core.report;

import cn.antifraud.core.conversation.Reply;
import cn.antifraud.core.conversation.ReplyKind;
import cn.antifraud.core.conversation.InboundMessage;
import cn.antifraud.core.dialogue.DialogueEngine;
import cn.antifraud.core.dialogue.Flow;
import cn.antifraud.core.dialogue.Options;
import cn.antifraud.core.dialogue.ResidentLoss;
import cn.antifraud.core.dialogue.Turn;
import cn.antifraud.core.dialogue.TurnContext;
import cn.antifraud.core.dialogue.UrgentHelp;
import cn.antifraud.kb.KnowledgeBase;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Report intake, one question at a time, the way a trained intake officer takes a report: what happened,
 * when the money left, how much and how, where it went, how to reach the victim. Details volunteered early
 * are not asked again; any answer can be corrected, optional ones skipped; the victim can ask what a
 * question means, cancel, or ask for an officer at any point. Money moved within 24 hours (or moving now)
 * escalates at once with the stop-payment flag and asks for the receiving account first. The report is
 * read back, and filed on confirmation (see {@link ReportFiler}).
 */
public final class ReportFlow implements Flow {
    private static final int MAX_STORY = 1000;
    private static final int MAX_ANSWER = 200;
    /** Answers that may carry other details too ("昨天下午，转了两万到6222…"); never the phone answer. */
    private static final Set<String> HARVEST_AFTER = Set.of(ReportForm.TIME, ReportForm.AMOUNT, ReportForm.METHOD);
    /** Questions a plain 「我还没转」 answers: nothing has been paid. */
    private static final Set<String> MONEY_STEPS = Set.of(ReportForm.TIME, ReportForm.AMOUNT, ReportForm.METHOD);
    /** From this asking of one question on, the officer and the main menu are offered with it. */
    static final int OFFER_AT = 3;

    private final KnowledgeBase kb;
    private final ReportAnswers answers;
    private final ReportFiler filer;
    private final Clock clock;
    private final ResidentLoss losses;

    public ReportFlow(KnowledgeBase kb, ReportFiler filer, Clock clock, ZoneId zone) {
        this.kb = kb;
        this.losses = new ResidentLoss(kb);
        this.filer = filer;
        this.clock = clock;
        this.answers = new ReportAnswers(kb, new ChineseTimeParser(zone), clock);
    }

    @Override
    public String name() {
        return DialogueEngine.REPORT_FLOW;
    }

    @Override
    public Turn start(TurnContext ctx) {
        ReportForm f = new ReportForm(new JsonObject().put("name", name()).put("reportId", UUID.randomUUID().toString()));
        String text = Answers.withoutEmoji(ctx.text());
        boolean label = text.equals(Options.PAID) || text.equals(Options.REPORT) || text.equals(ReportTexts.RESTART);
        f.s.put("voice", InboundMessage.VOICE.equals(ctx.channel()));
        if (!label && (Answers.notPaid(text) || Answers.asksBeforePaying(text))) {
            return notPaid(f, ctx, text);
        }
        String intent = ctx.analysis().intent();
        f.s.put("moneyFirst", text.equals(Options.PAID) || intent.equals("money_sent") || losses.stated(text, ctx.analysis()));
        f.s.put("ownNumber", ReportAnswers.ownNumber(ctx).isPresent());
        String lastType = ctx.conversation().lastScamType();
        if (lastType != null && kb.type(lastType) != null) {
            f.s.put("typeCandidate", lastType);
        }
        if (!label && Answers.length(text) <= MAX_STORY) {
            boolean narrative = Answers.length(text) >= 12 || !ctx.analysis().indicators().isEmpty();
            if (narrative) {
                f.s.put("story", text);
            }
            answers.harvest(f, text, ctx.analysis());
        }
        Turn turn = f.goldenHour(clock.instant()) ? new Turn() : Turn.reply(ReportTexts.INTRO);
        return advance(f, turn);
    }

    @Override
    public Turn next(TurnContext ctx) {
        ReportForm f = new ReportForm(ctx.flowState());
        String raw = ctx.text();
        String step = f.step();
        if (Answers.onlyEmoji(raw)) {
            return reask(f, "我看不懂表情符号，麻烦您用文字回答。");
        }
        String text = Answers.withoutEmoji(raw);
        int max = step.equals(ReportForm.STORY) ? MAX_STORY : MAX_ANSWER;
        if (Answers.length(text) > max) {
            return reask(f, "您发来的内容太长了（超过" + max + "个字），我没法准确记录。请简短回答这一项，详细材料可以稍后交给民警。");
        }
        if (text.isEmpty()) {
            return reask(f, "我没收到文字内容，请再回答一次。");
        }
        if (text.equals(ReportTexts.RESTART)) {
            return start(ctx);
        }
        if (step.equals(ReportForm.NOT_PAID)) {
            return afterNotPaid(f, text);
        }
        if (MONEY_STEPS.contains(step) && Answers.notPaid(text)) {
            return notPaid(f, ctx, text);
        }
        boolean optional = step.equals(ReportForm.NAME) || step.equals(ReportForm.DISTRICT);
        if (optional && (Answers.skip(text) || text.matches("(算了|不用了|不填了?)[。!！]*"))) {
            f.s.put(ReportForm.key(step), "");
            return advance(f, new Turn());
        }
        if (f.s.remove("confirmingCancel") != null) {
            if (text.equals(ReportTexts.CANCEL_CONFIRMED) || Answers.yes(text) || Answers.cancel(text)) {
                return cancelled();
            }
            if (text.equals(ReportTexts.KEEP_GOING) || Answers.no(text)) {
                return ask(f, Turn.reply("好的，我们接着填。"));
            }
        }
        if (Answers.cancel(text) || text.equals(ReportTexts.MENU)) {
            if (f.urgent()) {
                // Stopping a payment is a race against the clock: one mistaken tap must not drop it.
                f.s.put("confirmingCancel", true);
                return Turn.reply(ReportTexts.CONFIRM_CANCEL, ReportTexts.KEEP_GOING, ReportTexts.CANCEL_CONFIRMED).flow(f.s);
            }
            return cancelled();
        }
        if (Answers.officer(text) || ctx.analysis().intent().equals("ask_officer") && Answers.length(text) <= 12) {
            return officer(f);
        }
        if (Answers.explain(text) && (!step.equals(ReportForm.STORY) || Answers.length(text) <= 8)) {
            return reask(f, ReportTexts.explain(step));
        }
        if (step.equals(ReportForm.CONFIRM) && (text.equals(ReportTexts.SUBMIT) || Answers.yes(text))) {
            return filer.file(f, ctx);
        }
        if (step.equals(ReportForm.FIX)) {
            return fix(f, text);
        }
        if (!step.equals(ReportForm.STORY) && !step.equals(ReportForm.TYPE) && !step.equals(ReportForm.TYPE_PICK)
            && (Answers.correction(text) || text.equals(ReportTexts.CHANGE) || step.equals(ReportForm.CONFIRM) && Answers.no(text))) {
            return correct(f, ctx, text);
        }
        if (step.equals(ReportForm.CONFIRM)) {
            return reask(f, "请回复“确认提交”，或者告诉我哪一项要改。");
        }
        String problem = answers.apply(step, f, ctx, text);
        if (problem != null) {
            return problem.isEmpty() ? ask(f, new Turn()) : reask(f, problem);
        }
        if (HARVEST_AFTER.contains(step)) {
            answers.harvest(f, text, ctx.analysis());
        }
        return advance(f, new Turn());
    }

    private static Turn cancelled() {
        return Turn.reply("好的，这次报案已经取消，刚才填的信息没有提交。需要时随时说“我要报案”。"
            + "如果钱刚被转走，请马上拨打110或96110。\n\n" + ReportTexts.RECOVERY_WARNING,
            Options.REPORT, Options.CHECK_MORE, Options.LEARN).flow(null);
    }

    /** Asks the next unanswered question (or reads the report back); escalates when the golden hour applies. */
    Turn advance(ReportForm f, Turn turn) {
        if (!f.urgent() && f.goldenHour(clock.instant())) {
            f.s.put("urgent", true).put("escalated", true);
            turn.escalate(true, "stop payment: money moved within 24 hours");
            turn.add(Reply.of(f.byVoice() ? VoiceQuestions.URGENT
                : "别慌，时间很关键！我已经把您的情况标为紧急止付，马上转给值班民警。\n" + UrgentHelp.STEPS).as(ReplyKind.HANDOFF));
        }
        f.step(f.nextField());
        return ask(f, turn);
    }

    private Turn ask(ReportForm f, Turn turn) {
        String step = f.step();
        int times = step.equals(f.s.getString("askedStep")) ? f.s.getInteger("askedTimes", 1) + 1 : 1;
        f.s.put("askedStep", step).put("askedTimes", times);
        List<String> options = options(step, f);
        if (times >= OFFER_AT) {
            // the same question a third time: say the way out first (a caller hears the first and the last sentence)
            turn.lead(Reply.of(ReportTexts.STUCK));
            if (!options.contains(Options.OFFICER)) {
                options.add(Options.OFFICER);
            }
            options.add(ReportTexts.MENU);
        }
        turn.add(ReportTexts.question(step, f, kb), options.toArray(String[]::new));
        return confirmedType(f, turn).flow(f.s);
    }

    /** The type the resident confirmed becomes the conversation's type at once (queue, header, follow-ups). */
    static Turn confirmedType(ReportForm f, Turn turn) {
        return f.s.getBoolean("scamTypeConfirmed", false) && f.scamType() != null && !f.scamType().equals(KnowledgeBase.NONE)
            ? turn.confirmedScamType(f.scamType()) : turn;
    }

    private Turn reask(ReportForm f, String why) {
        return ask(f, Turn.reply(why));
    }

    /**
     * Nothing has been paid (「我还没转」, or 「他让我转钱，我该怎么办」): how to stay safe comes first, then whether
     * they want to report the attempt; the money questions are not asked again.
     */
    private Turn notPaid(ReportForm f, TurnContext ctx, String text) {
        f.s.put("notPaid", true);
        if (f.story() == null && Answers.length(text) >= 12) {
            f.s.put("story", text);
        }
        if (ctx.analysis() != null) {
            answers.harvest(f, text, ctx.analysis());
        }
        f.step(ReportForm.NOT_PAID);
        return ask(f, Turn.reply(f.byVoice() ? ReportTexts.STAY_SAFE_SPOKEN : ReportTexts.STAY_SAFE));
    }

    private Turn afterNotPaid(ReportForm f, String text) {
        if (text.equals(ReportTexts.REPORT_ATTEMPT) || text.equals(Options.REPORT) || Answers.yes(text)
            || text.matches(".*(要报|报案|报警|愿意|举报).*") && !text.contains("不")) {
            return advance(f, Turn.reply("好的，我们把对方的情况登记下来。"));
        }
        if (text.equals(ReportTexts.NO_REPORT) || Answers.no(text) || Answers.cancel(text) || text.matches(".*(不用|不报|不要了|算了).*")) {
            return Turn.reply("好的。记住：公检法不会让您转账，也没有“安全账户”，谁让您转钱都先挂断，打96110问一问。"
                + "以后遇到拿不准的事，随时来问我。").flow(null);
        }
        return reask(f, "请告诉我要不要报给民警。");
    }

    private Turn officer(ReportForm f) {
        Turn turn;
        if (f.escalated()) {
            turn = new Turn().add(Reply.of("已经为您转接值班民警了，请稍等，民警会在这里直接回复您。等待的时候，我们可以接着把报案信息填完。")
                .as(ReplyKind.HANDOFF));
        } else {
            f.s.put("escalated", true);
            turn = new Turn().add(Reply.of("好的，我已经帮您转接值班民警，请稍等，民警会在这里直接回复您。"
                + "在民警接手之前，您也可以接着回答，我会把报案信息整理好交给民警。如果情况紧急，请直接拨打110。").as(ReplyKind.HANDOFF))
                .escalate(f.urgent(), "resident asked for an officer during a report");
        }
        return ask(f, turn);
    }

    private Turn correct(ReportForm f, TurnContext ctx, String text) {
        String field = ReportCorrections.field(text);
        if (field == null) {
            field = ReportCorrections.guess(text, ctx.analysis(), answers, f, ctx);
            if (field != null) {
                return advance(f, Turn.reply("好的，已经改过来了。"));
            }
            f.step(ReportForm.FIX);
            return ask(f, new Turn());
        }
        if (ReportCorrections.APPLY_IN_PLACE.contains(field)) {
            JsonObject before = f.s.copy();
            ReportCorrections.clear(f, field);
            if (answers.apply(field, f, ctx, text) == null) {
                return advance(f, Turn.reply("好的，" + ReportTexts.FIELDS.get(field) + "已经改过来了。"));
            }
            f.s.clear().mergeIn(before);
        }
        ReportCorrections.clear(f, field);
        f.step(field.equals(ReportForm.TYPE) ? ReportForm.TYPE_PICK : field);
        return ask(f, Turn.reply("好的，我们重新填“" + ReportTexts.FIELDS.get(field) + "”。"));
    }

    private Turn fix(ReportForm f, String text) {
        String field = ReportCorrections.field(text);
        if (field == null) {
            for (var e : ReportTexts.FIELDS.entrySet()) {
                if (text.contains(e.getValue())) {
                    field = e.getKey();
                }
            }
        }
        if (field == null) {
            if (Answers.no(text) || text.contains("没有") || text.contains("不改")) {
                return advance(f, new Turn());
            }
            return reask(f, "请从下面选要改的那一项。");
        }
        ReportCorrections.clear(f, field);
        f.step(field.equals(ReportForm.TYPE) ? ReportForm.TYPE_PICK : field);
        return ask(f, Turn.reply("好的。"));
    }

    private List<String> options(String step, ReportForm f) {
        List<String> out = new ArrayList<>();
        switch (step) {
            case ReportForm.TIME -> out.addAll(List.of("刚刚", "正在转账", "昨天"));
            case ReportForm.TYPE -> out.addAll(f.typeCandidate() == null ? typeNames() : List.of("是的", "不是", ReportTexts.UNSURE));
            case ReportForm.TYPE_PICK -> out.addAll(typeNames());
            case ReportForm.METHOD -> out.addAll(PaymentMethod.labels());
            case ReportForm.RECEIVER -> out.add("不知道");
            case ReportForm.PHONE -> {
                if (f.s.getBoolean("ownNumber", false)) {
                    out.add(ReportTexts.SAME_NUMBER);
                }
            }
            case ReportForm.NAME, ReportForm.DISTRICT -> out.add(ReportTexts.SKIP);
            case ReportForm.FIX -> out.addAll(ReportTexts.FIELDS.values());
            case ReportForm.CONFIRM -> out.addAll(List.of(ReportTexts.SUBMIT, ReportTexts.CHANGE, ReportTexts.CANCEL));
            case ReportForm.NOT_PAID -> out.addAll(List.of(ReportTexts.REPORT_ATTEMPT, ReportTexts.NO_REPORT));
            default -> {
            }
        }
        if (!f.escalated() && !step.equals(ReportForm.CONFIRM) && !step.equals(ReportForm.FIX)) {
            out.add(Options.OFFICER);
        }
        return out;
    }

    private List<String> typeNames() {
        List<String> names = new ArrayList<>();
        kb.types().values().forEach(t -> names.add(t.name()));
        names.add(ReportTexts.UNSURE);
        return names;
    }
}
