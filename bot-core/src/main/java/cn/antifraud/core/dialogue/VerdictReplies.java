package cn.antifraud.core.dialogue;

import cn.antifraud.core.analysis.Analysis;
import cn.antifraud.core.analysis.Indicator;
import cn.antifraud.core.analysis.Risk;
import cn.antifraud.core.analysis.Signal;
import cn.antifraud.core.conversation.Reply;
import cn.antifraud.core.conversation.ReplyKind;
import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.ScamType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Writes the verdict on a checked message in plain words: risk, type, the phrases that gave it away, what to do. */
public final class VerdictReplies {
    private final KnowledgeBase kb;

    public VerdictReplies(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** Opens a follow-up's verdict, so the resident knows which message it is about. */
    static final String FOLLOW_UP_LEAD = "您问的应该是刚才那条信息，我就按那条来回答您（对方再发来新内容，也可以直接粘贴给我）。\n\n";

    public Turn verdict(Analysis a) {
        return verdict(a, "");
    }

    /** The verdict on the earlier message, for a follow-up that asks about it (see {@link FollowUp}). */
    Turn followUp(Analysis carried) {
        return verdict(carried, FOLLOW_UP_LEAD);
    }

    private Turn verdict(Analysis a, String lead) {
        ScamType type = a.scamType().equals(KnowledgeBase.NONE) ? null : kb.type(a.scamType());
        StringBuilder sb = new StringBuilder(lead);
        switch (a.risk()) {
            case HIGH -> sb.append("⚠️ 高风险：这很可能是诈骗，请先停下来，不要转账、不要透露验证码。");
            case MEDIUM -> sb.append("⚠️ 中风险：这条信息有明显的诈骗特征，请务必多加小心。");
            case LOW -> sb.append("提示（低风险）：我发现了一些需要留意的地方，行动之前请先核实。");
            default -> sb.append("我没有在这条信息里发现明显的诈骗信号。");
        }
        if (type != null && a.risk() != Risk.NONE) {
            sb.append("\n\n它很像「").append(type.name()).append("」：").append(type.summary());
        }
        List<String> phrases = phrases(a);
        if (!phrases.isEmpty()) {
            sb.append("\n\n需要警惕的说法：").append(String.join("、", phrases)).append('。');
        }
        String indicatorLine = indicatorLine(a.indicators());
        if (!indicatorLine.isEmpty()) {
            sb.append("\n\n").append(indicatorLine);
        }
        if (a.truncated()) {
            sb.append("\n\n（您发来的内容很长，我只检查了前面一部分。）");
        }
        Turn turn = new Turn().judged(a);
        if (a.risk() == Risk.NONE) {
            sb.append("\n\n我检查了里面的号码、链接、转账和验证码等常见诈骗说法。不过没有发现问题不等于一定安全：")
                .append("凡是涉及转账、验证码、下载软件或“先交钱”，请先通过官方电话或官方App核实，或者问问家人。");
            return turn.add(Reply.verdict(sb.toString(), a.risk().id(), Options.CHECK_MORE, Options.LEARN));
        }
        if (type != null) {
            sb.append("\n\n现在请您：");
            int n = 1;
            for (String advice : type.advice().subList(0, Math.min(3, type.advice().size()))) {
                sb.append('\n').append(n++).append(". ").append(advice);
            }
        }
        sb.append("\n如果已经转了钱，请马上拨打110或96110，并联系银行冻结。");
        return turn.add(Reply.verdict(sb.toString(), a.risk().id(), Options.PAID, Options.OFFICER, Options.LEARN_TYPE));
    }

    /** The warning phrases to name, most telling first, at most six. */
    static List<String> phrases(Analysis a) {
        Set<String> out = new LinkedHashSet<>();
        for (Signal s : a.signals()) {
            out.add("“" + s.shown() + "”");
        }
        return new ArrayList<>(out).subList(0, Math.min(6, out.size()));
    }

    static String indicatorLine(List<Indicator> indicators) {
        List<String> known = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Indicator i : indicators) {
            if (i.knownBad()) {
                known.add(label(i) + " " + i.masked() + (i.reportCount() > 0 ? "（已被举报" + i.reportCount() + "次）" : ""));
            } else if (!i.note().isEmpty()) {
                notes.add(label(i) + " " + i.value() + "：" + i.note());
            }
        }
        StringBuilder sb = new StringBuilder();
        if (!known.isEmpty()) {
            sb.append("这些号码或链接已经被认定与诈骗有关：").append(String.join("；", known)).append("。请不要联系、不要点开。");
        }
        if (!notes.isEmpty()) {
            sb.append(sb.length() > 0 ? "\n" : "").append(String.join("；", notes)).append('。');
        }
        return sb.toString();
    }

    static String label(Indicator i) {
        return switch (i.type()) {
            case Indicator.PHONE -> "电话";
            case Indicator.URL -> "网址";
            case Indicator.BANK_CARD -> "银行卡";
            case Indicator.QQ -> "QQ";
            case Indicator.WECHAT -> "微信号";
            case Indicator.ALIPAY -> "支付宝";
            case Indicator.APP -> "软件";
            default -> i.type();
        };
    }

    /** The longer explanation behind 「了解这类骗局」. */
    public Turn explain(String scamTypeId) {
        ScamType t = scamTypeId == null ? null : kb.type(scamTypeId);
        if (t == null) {
            return Turn.reply("您可以把可疑的短信、聊天记录或电话内容发给我，我来帮您看看像哪一类骗局。", Options.LEARN, Options.QUIZ)
                .kind(ReplyKind.LESSON);
        }
        StringBuilder sb = new StringBuilder("「").append(t.name()).append("」是怎么骗人的：\n").append(t.summary());
        sb.append("\n\n常见说法：").append(String.join("、", t.signals().subList(0, Math.min(8, t.signals().size()))));
        sb.append("\n\n防范要点：");
        int n = 1;
        for (String advice : t.advice()) {
            sb.append('\n').append(n++).append(". ").append(advice);
        }
        return Turn.reply(sb.toString(), Options.QUIZ, Options.CHECK_MORE, Options.OFFICER).kind(ReplyKind.LESSON);
    }
}
