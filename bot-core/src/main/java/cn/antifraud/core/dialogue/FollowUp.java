package cn.antifraud.core.dialogue;

import cn.antifraud.core.analysis.Analysis;
import cn.antifraud.core.analysis.Indicator;
import cn.antifraud.core.analysis.Risk;
import cn.antifraud.core.conversation.LastVerdict;
import java.util.regex.Pattern;

/**
 * A follow-up asks about the message checked just before (「这个网站是真的吗」「那我该怎么办」「他又发来一条」「这个号码呢」)
 * instead of bringing a new one. Judged alone it would read as an ordinary question and come out {@code none}, which
 * tells a resident looking at a scam that the scam is fine. It is recognised by its own cues: short, no number or link
 * of its own, and a question about genuineness, about what to do, about more from the same sender, or 「…呢」.
 */
final class FollowUp {
    /** The intent a carried-over verdict reports, so a client can tell it from a fresh one. */
    static final String INTENT = "follow_up";
    /** Longer than this, a message brings content of its own. */
    static final int MAX_LENGTH = 40;

    private static final Pattern CUE = Pattern.compile(String.join("|",
        // is it genuine?
        "真的(?:吗|么|嘛|假的)|是真是假|真假|可信|靠谱|能信|可靠|正规(?:吗|么|嘛)|安全(?:吗|么|嘛)|"
            + "是(?:不是)?(?:骗子|骗人|诈骗|骗局)|会不会是骗|有没有问题|有问题(?:吗|么|嘛)|是官方",
        // what now?
        "怎么办|咋办|怎么处理|怎么弄|该怎么|怎么回(?:复|他|她)|要不要|该不该|能不能(?:点|回|下载|加|转|信|理)|"
            + "可以(?:点|回|下载|加|转|信)(?:吗|么|嘛)|理不理|信不信",
        // more from the same sender
        "(?:他|她|对方|那人|这人|骗子)(?:又|还|再)|又(?:发来|发了|打来|打了|来了|让我|叫我|要我|催)|还在催",
        // and this one?
        "^(?:那|那么)?(?:这个|那个|这|那|这条|那条|这家|这人)?(?:号码|电话|网站|网址|链接|账号|app|软件|二维码|平台|公司|人|群|短信|消息)?呢[？?。！!]*$"));

    private FollowUp() {
    }

    /** Whether {@code text} reads as a question about the message checked before it. */
    static boolean is(String text, Analysis own) {
        String t = text.strip().toLowerCase();
        if (t.codePointCount(0, t.length()) > MAX_LENGTH || own.indicators().stream().anyMatch(Indicator::isTraceable)) {
            return false;
        }
        return CUE.matcher(t).find();
    }

    /**
     * Whether a message shows strong signs of its own, enough to be judged alone even when worded as a follow-up
     * (「他又发来一条：恭喜中奖，先交手续费」): medium or high with warning phrases or a known-bad indicator behind it.
     * A model's guess on a few words (「他又发来一条」 alone can come out medium) is not such a sign.
     */
    static boolean strongOnItsOwn(Analysis own) {
        return own.risk().compareTo(Risk.MEDIUM) >= 0 && (!own.signals().isEmpty() || own.hasKnownBad());
    }

    /**
     * The verdict a follow-up gets: the earlier message's type and risk. Its own warning phrases may raise the risk
     * (never lower it) and are named too; the model's guess on its few words does not move it.
     */
    static Analysis carried(LastVerdict last, Analysis own) {
        Risk earlier = Risk.valueOf(last.risk().toUpperCase());
        Risk risk = own.signals().isEmpty() && !own.hasKnownBad() ? earlier : own.risk().atLeast(earlier);
        return new Analysis(INTENT, own.intentConfidence(), last.scamType(), risk, last.confidence(),
            Math.max(own.scamProbability(), last.confidence()), own.indicators(), own.signals(), own.truncated());
    }
}
