package cn.antifraud.core.report;

import cn.antifraud.core.analysis.Analysis;
import cn.antifraud.core.analysis.Indicator;
import cn.antifraud.core.conversation.InboundMessage;
import cn.antifraud.core.dialogue.ResidentLoss;
import cn.antifraud.core.dialogue.TurnContext;
import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.ScamType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Takes one answer into the form: each field's parser, and the harvest of details volunteered in a story
 * ("我昨天被冒充客服骗了两万，转到了6222…"). {@link #apply} returns null when the answer was taken, else what to
 * say so the resident can answer again.
 */
final class ReportAnswers {
    private static final Set<String> PAY_TO = Set.of(Indicator.BANK_CARD, Indicator.ALIPAY, Indicator.WECHAT, Indicator.QQ, "account");
    private static final Pattern STRONG_METHOD = Pattern.compile("用支付宝|支付宝转|微信转账|微信支付|微信转|银行转账|网银|手机银行|"
        + "虚拟币|usdt|比特币|购物卡|充值卡|礼品卡|卡密|现金");

    private final KnowledgeBase kb;
    private final ChineseTimeParser times;
    private final Clock clock;

    ReportAnswers(KnowledgeBase kb, ChineseTimeParser times, Clock clock) {
        this.kb = kb;
        this.times = times;
        this.clock = clock;
    }

    /**
     * Fills empty fields from details in free text; never overwrites an answer. From a pasted chat log only the
     * resident's own lines count, and no amount is taken: amounts there may be anyone's (「李姐赚了3万」), so the
     * amount question is asked instead of filing someone else's figure as the resident's loss.
     */
    void harvest(ReportForm f, String whole, Analysis all) {
        boolean log = ResidentLoss.pastedLog(whole);
        String text = log ? ResidentLoss.ownWords(whole) : whole;
        Analysis a = log ? withoutAmounts(all) : all;
        Instant now = clock.instant();
        if (!f.answered(ReportForm.TIME)) {
            List<ChineseTimeParser.Match> found = times.findAll(text, now).stream()
                .filter(m -> !m.clockOnly() && m.kind() == ChineseTimeParser.Kind.PAST).toList();
            if (a.signals().stream().anyMatch(s -> s.category().equals("money_moving"))) {
                f.s.put("ongoing", true).put("lostAt", now.toString()).put("lostLatest", now.toString()).put("lostAtText", "正在转账");
            } else if (!found.isEmpty()) {
                setTime(f, found.get(found.size() - 1));
            }
        }
        if (!f.answered(ReportForm.AMOUNT)) {
            AmountParser.Result r = AmountParser.parse(text, a.indicators());
            if (r.ok() && a.indicators().stream().anyMatch(i -> i.type().equals(Indicator.AMOUNT))) {
                f.s.put("amount", r.yuan().toPlainString());
            }
        }
        if (!f.answered(ReportForm.METHOD) && STRONG_METHOD.matcher(text.toLowerCase()).find()) {
            PaymentMethod.find(text).ifPresent(m -> f.s.put("method", m.id()));
        }
        List<Indicator> receivers = a.indicators().stream().filter(Indicator::isTraceable).toList();
        if (!f.answered(ReportForm.RECEIVER) && !receivers.isEmpty()) {
            f.addReceivers(receivers);
            if (receivers.stream().anyMatch(i -> PAY_TO.contains(i.type()))) {
                f.s.put("receiverDone", true);
            }
        }
        if (f.typeCandidate() == null && !a.scamType().equals(KnowledgeBase.NONE) && kb.type(a.scamType()) != null) {
            f.s.put("typeCandidate", a.scamType());
        }
    }

    private static Analysis withoutAmounts(Analysis a) {
        return new Analysis(a.intent(), a.intentConfidence(), a.scamType(), a.risk(), a.confidence(), a.scamProbability(),
            a.indicators().stream().filter(i -> !i.type().equals(Indicator.AMOUNT)).toList(), a.signals(), a.truncated());
    }

    String apply(String field, ReportForm f, TurnContext ctx, String text) {
        return switch (field) {
            case ReportForm.STORY -> story(f, ctx, text);
            case ReportForm.TIME -> time(f, text);
            case ReportForm.TYPE -> type(f, text);
            case ReportForm.TYPE_PICK -> typePick(f, text);
            case ReportForm.AMOUNT -> amount(f, ctx.analysis(), text);
            case ReportForm.METHOD -> method(f, text);
            case ReportForm.RECEIVER -> receiver(f, ctx.analysis(), text);
            case ReportForm.PHONE -> phone(f, ctx, text);
            case ReportForm.NAME -> optionalText(f, "victimName", text.replaceFirst("^(我叫|我是|叫我|姓名是|名字是|我姓)", ""), 20);
            case ReportForm.DISTRICT -> optionalText(f, ReportForm.DISTRICT, text.replaceFirst("^(我住在|住在|我在|在)", ""), 30);
            default -> "";
        };
    }

    private String story(ReportForm f, TurnContext ctx, String text) {
        if (Answers.length(text) < 4) {
            return "能再多说几句吗？比如对方自称是谁、让您做了什么、您是怎么把钱给出去的。";
        }
        f.s.put("story", text);
        harvest(f, text, ctx.analysis());
        return null;
    }

    private String time(ReportForm f, String text) {
        Optional<ChineseTimeParser.Match> m = times.parse(text, clock.instant());
        if (m.isEmpty()) {
            return "我没能听出具体时间。说个大概就行，比如“刚刚”“两小时前”“昨天下午三点”或“11月20日晚上”。";
        }
        if (m.get().kind() == ChineseTimeParser.Kind.FUTURE) {
            return "您说的“" + m.get().phrase() + "”还没到呢，是不是说错了？请再告诉我一次钱是什么时候转出去的"
                + "（如果是去年的日期，请带上年份，比如“2025年12月20日”）。";
        }
        setTime(f, m.get());
        return null;
    }

    private void setTime(ReportForm f, ChineseTimeParser.Match m) {
        boolean ongoing = m.phrase().equals("正在");
        f.s.put("lostAt", m.at().toString()).put("lostLatest", m.latest().toString())
            .put("lostAtText", ongoing ? "正在转账" : m.phrase()).put("ongoing", ongoing).put("lostDayOnly", m.dayOnly());
    }

    private String type(ReportForm f, String text) {
        if (f.typeCandidate() != null && Answers.yes(text)) {
            f.s.put("scamType", f.typeCandidate()).put("scamTypeConfirmed", true);
            return null;
        }
        if (typePick(f, text) == null) {
            return null;
        }
        if (f.typeCandidate() == null || Answers.no(text)) {
            f.step(ReportForm.TYPE_PICK);
            return "";
        }
        return "请回答“是的”或“不是”；拿不准的话选“不确定”。";
    }

    private String typePick(ReportForm f, String text) {
        if (text.contains(ReportTexts.UNSURE) || text.matches(".*(不知道|不清楚|其他|其它|说不好|不好说).*")) {
            f.s.put("scamType", KnowledgeBase.NONE).put("scamTypeConfirmed", false);
            return null;
        }
        for (ScamType t : kb.types().values()) {
            if (text.contains(t.name()) || text.equals(t.id()) || Answers.length(text) >= 4 && t.name().contains(text)) {
                f.s.put("scamType", t.id()).put("scamTypeConfirmed", true);
                return null;
            }
        }
        return "请从下面选一类，拿不准就选“不确定”。";
    }

    private String amount(ReportForm f, Analysis a, String text) {
        AmountParser.Result r = AmountParser.parse(text, a.indicators());
        if (r.ok()) {
            f.s.put("amount", r.yuan().toPlainString());
            return null;
        }
        return switch (r.problem()) {
            case NOT_POSITIVE -> "金额要大于零。请告诉我实际转出去的钱数，比如“两万元”。";
            case TOO_LARGE -> "这个金额大得不太对劲，请对照转账记录再核对一下，比如“23000元”或“2.3万”。";
            case SEVERAL -> "您提到了好几个数目，请告诉我一共转出去多少钱，比如“一共两万三”。";
            default -> "没看出金额。请直接告诉我钱数，比如“两万三千元”“5w”“1.2万”。";
        };
    }

    private static String method(ReportForm f, String text) {
        Optional<PaymentMethod> m = PaymentMethod.find(text);
        if (m.isEmpty()) {
            return "没听明白是哪种方式，请从下面选一个，或者直接说“银行转账”“支付宝”“微信支付”等。";
        }
        f.s.put("method", m.get().id());
        return null;
    }

    private String receiver(ReportForm f, Analysis a, String text) {
        Optional<String> bad = Answers.badCard(text);
        if (bad.isPresent() && !bad.get().equals(f.s.getString("pendingCard"))) {
            f.s.put("pendingCard", bad.get());
            return "这个卡号 " + cn.antifraud.core.analysis.Masking.mask("bank_card", bad.get())
                + " 好像有一位不对（校验不通过）。请对照转账记录再发一次；如果确认没错，把同一个号码再发一次即可。";
        }
        List<Indicator> found = new java.util.ArrayList<>(a.indicators().stream().filter(Indicator::isTraceable).toList());
        if (bad.isPresent()) {
            found.add(new Indicator("account", bad.get()));
        }
        if (!found.isEmpty()) {
            f.addReceivers(found);
            f.s.put("receiverDone", true).remove("pendingCard");
            return null;
        }
        if (Answers.skip(text) || text.matches(".*(不知道|不记得|没有|记不清).*")) {
            f.s.put("receiverDone", true);
            return null;
        }
        if (Answers.hasDigits(text)) {
            return "这个号码的位数好像不对。银行卡号一般是16到19位，手机号是11位，请对照转账记录再发一次。";
        }
        f.s.put("receiverNote", text).put("receiverDone", true);
        return null;
    }

    private String phone(ReportForm f, TurnContext ctx, String text) {
        Optional<String> mobile = Answers.mobile(text);
        if (mobile.isEmpty() && text.equals(ReportTexts.SAME_NUMBER) && ownNumber(ctx).isPresent()) {
            mobile = ownNumber(ctx);
        }
        if (mobile.isEmpty()) {
            return "这个手机号好像不对。请发一个11位、以1开头的手机号，比如 13812345678。";
        }
        f.s.put("phone", mobile.get());
        return null;
    }

    /** The resident's own mobile on SMS and voice, where the channel address is the phone number. */
    static Optional<String> ownNumber(TurnContext ctx) {
        if (!ctx.channel().equals(InboundMessage.SMS) && !ctx.channel().equals(InboundMessage.VOICE)) {
            return Optional.empty();
        }
        return Answers.mobile(ctx.message().address());
    }

    private static String optionalText(ReportForm f, String key, String text, int max) {
        if (Answers.length(text) > max || Answers.hasDigits(text)) {
            return "这一项请简短回答（" + max + "个字以内，不要带号码）；不想填可以回复“跳过”。";
        }
        f.s.put(key, text.strip());
        return null;
    }
}
