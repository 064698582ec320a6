package cn.antifraud.core.dialogue;

import cn.antifraud.core.analysis.Analysis;
import cn.antifraud.core.analysis.Risk;
import cn.antifraud.core.conversation.LastVerdict;
import cn.antifraud.core.conversation.Reply;
import cn.antifraud.core.conversation.ReplyKind;
import cn.antifraud.kb.KnowledgeBase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides the bot's next step: the active flow gets the message first; otherwise quick-reply labels and
 * the resident's intent choose between a verdict, starting a flow (report, quiz...) or a hand-off.
 */
public final class DialogueEngine {
    public static final String REPORT_FLOW = "report";
    public static final String QUIZ_FLOW = "quiz";
    public static final String EDUCATION_FLOW = "education";
    public static final String STATUS_FLOW = "case_status";
    public static final String TIPS_FLOW = "tips";

    private final Map<String, Flow> flows = new LinkedHashMap<>();
    private final VerdictReplies verdicts;
    private final ResidentLoss losses;

    public DialogueEngine(KnowledgeBase kb, List<Flow> flows) {
        this.verdicts = new VerdictReplies(kb);
        this.losses = new ResidentLoss(kb);
        for (Flow f : flows) {
            this.flows.put(f.name(), f);
        }
    }

    public Turn handle(TurnContext ctx) {
        if (Options.isTipsCommand(ctx.text())) {
            return start(TIPS_FLOW, ctx, c -> Turn.reply("防骗提醒暂时还没有开通，您可以随时来这里学习防骗知识。", Options.LEARN));
        }
        var flowState = ctx.conversation().flow();
        if (flowState != null) {
            Flow active = flows.get(flowState.getString("name", ""));
            if (active != null) {
                return kinded(active.name(), active.next(ctx));
            }
        }
        String text = ctx.text();
        Analysis a = ctx.analysis();
        if (text.equals(Options.SUBMIT_REPORT) && ctx.conversation().caseNo() != null) {
            return Turn.reply("您的报案已经提交过了，案件编号是 " + ctx.conversation().caseNo() + "，不会重复登记。"
                + "有新的情况可以直接告诉我，或者说“转人工”找值班民警。", Options.CASE_STATUS, Options.CHECK_MORE, Options.OFFICER)
                .kind(ReplyKind.REPORT);
        }
        switch (text) {
            case Options.LEARN_TYPE:
                return start(EDUCATION_FLOW, ctx, c -> verdicts.explain(ctx.conversation().lastScamType()));
            case Options.CHECK_MORE:
                return Turn.reply("好的，请把可疑的短信、聊天内容、电话号码或链接直接粘贴发给我。");
            case Options.OFFICER:
                return handOff(false);
            case Options.PAID:
                return start(REPORT_FLOW, ctx, this::urgentWithoutReportFlow);
            case Options.REPORT:
                return start(REPORT_FLOW, ctx, c -> handOff(false));
            case Options.LEARN:
                return start(EDUCATION_FLOW, ctx, c -> verdicts.explain(null));
            case Options.QUIZ:
                return start(QUIZ_FLOW, ctx, c -> verdicts.explain(ctx.conversation().lastScamType()));
            case Options.CASE_STATUS:
                return start(STATUS_FLOW, ctx, c -> Turn.reply("请告诉我您的案件编号（例如 FZ-20261123-000123）。"));
            default:
                break;
        }
        boolean ownLoss = losses.stated(text, a);
        Turn inContext = inContext(ctx, ownLoss);
        if (inContext != null) {
            return inContext;
        }
        if (LanguageNote.needed(text) && !(a.moneyMoved() && a.risk() == Risk.HIGH)) {
            return withLanguageNote(a, verdicts.verdict(a));
        }
        return switch (a.intent()) {
            case "greeting" -> Turn.reply("您好！我是反诈助手。收到可疑的短信、电话、链接或聊天记录，直接发给我，我帮您看看是不是诈骗。"
                + "如果您已经被骗或者正在转账，请告诉我，我马上帮您联系民警。", Options.CHECK_MORE, Options.PAID, Options.LEARN);
            case "thanks_bye" -> Turn.reply("不客气！以后遇到拿不准的事，随时来问我。记住：凡是让您转账、交钱、说验证码的，先停一停、核实一下。"
                + "紧急情况请拨打110或96110。");
            case "ask_officer" -> handOff(false);
            case "money_sent" -> start(REPORT_FLOW, ctx, this::urgentWithoutReportFlow);
            case "report_fraud" -> start(REPORT_FLOW, ctx, c -> handOff(false));
            case "ask_prevention" -> start(EDUCATION_FLOW, ctx, c -> verdicts.explain(null));
            case "quiz" -> start(QUIZ_FLOW, ctx, c -> verdicts.explain(ctx.conversation().lastScamType()));
            case "case_status" -> start(STATUS_FLOW, ctx, c -> Turn.reply("请告诉我您的案件编号（例如 FZ-20261123-000123）。"));
            case "out_of_scope" -> a.risk().compareTo(Risk.LOW) >= 0 ? verdicts.verdict(a) : Turn.reply(
                "这个问题我可能帮不上忙。我是反诈助手：您可以把可疑的短信、电话号码、链接或聊天记录发给我，我帮您判断是不是诈骗。",
                Options.CHECK_MORE, Options.LEARN);
            default -> ownLoss && a.risk() == Risk.HIGH
                ? start(REPORT_FLOW, ctx, this::urgentWithoutReportFlow) : verdicts.verdict(a);
        };
    }

    /**
     * The rules that read a message in the light of the conversation so far: nothing to check gets a question back;
     * a follow-up is answered about the message checked before it; the resident's own loss after a scam verdict is
     * urgent whatever its wording; a pasted chat log with no loss of the resident's own is a message to check, never a
     * report or stop-payment (the money in it is someone else's story). Null when none applies.
     */
    private Turn inContext(TurnContext ctx, boolean ownLoss) {
        String text = ctx.text();
        Analysis a = ctx.analysis();
        LastVerdict last = ctx.conversation().lastVerdict();
        if (ContentFree.is(text)) {
            return ContentFree.question(last != null);
        }
        if (last != null && !ownLoss) {
            // a follow-up with strong signals of its own (a new scam text) is judged on its own
            if (!FollowUp.strongOnItsOwn(a) && FollowUp.is(text, a)) {
                return verdicts.followUp(FollowUp.carried(last, a));
            }
        }
        if (ownLoss && last != null && Risk.valueOf(last.risk().toUpperCase()).compareTo(Risk.MEDIUM) >= 0) {
            return start(REPORT_FLOW, ctx, this::urgentWithoutReportFlow);
        }
        if (!ownLoss && ResidentLoss.pastedLog(text)) {
            return verdicts.verdict(a);
        }
        return null;
    }

    /** A message in another language first gets a short note that the service works in Chinese, then the verdict. */
    private static Turn withLanguageNote(Analysis a, Turn verdict) {
        Turn turn = new Turn().add(Reply.of(LanguageNote.text(a.indicators())).as(ReplyKind.CHAT));
        verdict.replies().forEach(turn::add);
        return turn;
    }

    /** The verdict for a message (used when a flow hands a pasted message back for checking). */
    public Turn verdict(Analysis a) {
        return verdicts.verdict(a);
    }

    private Turn start(String name, TurnContext ctx, java.util.function.Function<TurnContext, Turn> fallback) {
        Flow f = flows.get(name);
        return kinded(name, f != null ? f.start(ctx) : fallback.apply(ctx));
    }

    /** Replies a flow built without a kind get its kind: a report's questions are {@code report}, a lesson's {@code lesson}. */
    private static Turn kinded(String flowName, Turn turn) {
        if (!turn.hasKind()) {
            turn.kind(switch (flowName) {
                case REPORT_FLOW, STATUS_FLOW -> ReplyKind.REPORT;
                case EDUCATION_FLOW, QUIZ_FLOW -> ReplyKind.LESSON;
                default -> ReplyKind.CHAT;
            });
        }
        return turn;
    }

    private Turn urgentWithoutReportFlow(TurnContext ctx) {
        return UrgentHelp.stopPaymentNow().escalate(true, "resident says money has been sent");
    }

    static Turn handOff(boolean urgent) {
        return Turn.reply(HANDOFF_TEXT).kind(ReplyKind.HANDOFF).escalate(urgent, "resident asked for an officer");
    }

    /** What a resident hears on asking for an officer (the router adds the queue place). */
    public static final String HANDOFF_TEXT = "好的，我已经帮您转接值班民警，请稍等，民警会在这里直接回复您。"
        + "等待的时候，您可以把对方的电话号码、收款账号和聊天里的关键内容先记下来，民警问起时直接打字或粘贴发给我就行。"
        + "如果情况紧急，请直接拨打110。";
}
