package cn.antifraud.core.dialogue;

import cn.antifraud.core.analysis.Analysis;
import cn.antifraud.core.analysis.Signal;
import cn.antifraud.core.analysis.SignalDetector;
import cn.antifraud.core.analysis.TextNormalizer;
import cn.antifraud.kb.KnowledgeBase;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the resident says their own money has moved (「我转了…」「我被骗了…」「钱已经打过去了」), the statement that
 * starts the stop-payment path and is filed as their loss. The analysis flags money moving anywhere in a message;
 * here it counts only in the resident's own words (see {@link ResidentWords}) and only when no third party is the one
 * paying (「李姐已经转了3万」「我朋友刚充值了」). A family member's payment (「我妈刚转了」) stays the resident's case: it is
 * their household's money, and stop-payment is just as urgent. Uses the analysis' own money-moved rule, so the two
 * never disagree about what such a statement looks like.
 */
public final class ResidentLoss {
    /** Someone other than the resident as the subject of a clause. */
    private static final Pattern THIRD_PARTY = Pattern.compile("他们|她们|他|她|别人|人家|朋友|同事|同学|邻居|大家|有人|网友|群友|群里|老师"
        + "|导师|客服|对方|[\\u4e00-\\u9fff](?:姐|哥|叔|姨|总|阿姨|先生|女士|老板)|老[张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高]");
    /** 「我朋友」「我的同事」: the possessive names whose money it is, not the resident as payer. */
    private static final Pattern POSSESSIVE = Pattern.compile("我的?(?=" + THIRD_PARTY.pattern() + ")");
    private static final String CLAUSE_END = "，。！？；,.!?;\n【】";
    private static final int WINDOW = 12;

    private final TextNormalizer normalizer;
    private final SignalDetector detector;

    public ResidentLoss(KnowledgeBase kb) {
        this.normalizer = new TextNormalizer(kb.folds(), kb.slang());
        this.detector = SignalDetector.of(kb);
    }

    /** Whether the message states that the resident's own money has been sent or is being sent. */
    public boolean stated(String text, Analysis analysis) {
        if (!analysis.moneyMoved()) {
            return false; // nothing about money moving anywhere in the message
        }
        String folded = normalizer.fold(normalizer.clean(ownWords(text)));
        for (Signal s : detector.detect(folded)) {
            boolean money = s.category().equals(Signal.MONEY_MOVED) || s.category().equals(Signal.MONEY_MOVING);
            int at = folded.indexOf(s.phrase());
            if (money && at >= 0 && !thirdPartyPays(folded, at, s.phrase())) {
                return true;
            }
        }
        return false;
    }

    /** The resident's own words: the whole message, or in a pasted chat log their own lines. */
    public static String ownWords(String text) {
        return ResidentWords.of(text).own();
    }

    /** Whether the message is a pasted chat log of two or more speakers. */
    public static boolean pastedLog(String text) {
        return ResidentWords.of(text).pastedLog();
    }

    /** The clause up to the statement's verb names a third party before (or instead of) the resident. */
    private static boolean thirdPartyPays(String folded, int at, String phrase) {
        int from = at;
        while (from > 0 && at - from < WINDOW && CLAUSE_END.indexOf(folded.charAt(from - 1)) < 0) {
            from--;
        }
        String clause = POSSESSIVE.matcher(folded.substring(from, at) + phrase).replaceAll("");
        Matcher third = THIRD_PARTY.matcher(clause);
        if (!third.find()) {
            return false;
        }
        int self = clause.indexOf('我');
        return self < 0 || third.start() < self;
    }
}
