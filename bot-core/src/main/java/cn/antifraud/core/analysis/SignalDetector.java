package cn.antifraud.core.analysis;

import cn.antifraud.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the knowledge base's signal phrases, and the resident saying money has moved or is moving. */
public final class SignalDetector {
    /** How the featurizer writes an amount into the text it hands over (see {@link Featurizer}). */
    private static final String AMOUNT_PLACEHOLDER = "zzamount";
    /** Words that say money almost moved but did not ("差点被骗了"): a match may not run through them nor follow them. */
    private static final String NEAR_MISS_WORDS = "差点|差一点|险些|几乎";
    /** Money taken from the resident's account rather than sent by them: 被盗刷了, 被(盗)刷走了, 被转走了, 被划走了. */
    private static final String TAKEN_WORDS = "被(?:盗刷|盗?刷走|转走|划走)了";
    /** Whether a {@link Signal#MONEY_MOVED} phrase says the money was taken (see {@link RiskScorer}). */
    static final Pattern TAKEN = Pattern.compile(TAKEN_WORDS);
    /** Package-private for the scan equivalence test. */
    static final Pattern MOVED = Pattern.compile(
        "(?:我|已经|刚刚|刚才|刚|已)(?:已经|刚刚|刚才|刚|都|也)?(?:给|向|往|帮|按|照)?(?:(?!准备|正在|马上|要|想|打算|让|叫|不|没|别|会|"
            // an amount in the gap is one word, whatever the length of its placeholder ("卡里 zzamount 多被刷走了")
            + NEAR_MISS_WORDS + ")(?: ?" + AMOUNT_PLACEHOLDER + " ?|[^，。！？,.!?;；])){0,12}?"
            + "(?:转账了|转了|汇了|转过去|打过去|汇过去|转出去|付款了|汇款了|垫付了|充值了|被骗了"
            // taken rather than sent: 卡里的钱被刷走了, 我的卡被盗刷了
            + "|" + TAKEN_WORDS
            + "|(?:打了|付了|充了|交了)(?=[\\d一二两三四五六七八九十百千万几]|.{0,3}(?:钱|元|块|保证金|手续费|费)))"
            + "|钱(?:已经|都)?(?:转|打|汇|付)(?:过去|出去|走)了"
            + "|被?骗(?:走)?了?(?:我)?\\s*(?:" + AMOUNT_PLACEHOLDER + "|[\\d一二两三四五六七八九十百千万])|(?:转|汇|打)(?:到|给|进)了");
    /** Every character a {@link #MOVED} match can begin with. */
    static final String MOVED_STARTS = "我已刚钱被骗转汇打";
    /**
     * The longest a {@link #MOVED} match can run up to its 了 or 去: 2 (我, 已经...) + 2 (已经, 都...) + 1 (给, 向...) + 12 (the
     * lazy gap) + 5 (转账了, 被盗刷走了...) characters, an amount's placeholder and the spaces around it counting as none.
     */
    private static final int MOVED_SPAN = 22;
    private static final Pattern MOVING = Pattern.compile("正在(?:转账|汇款|付款|转钱|打钱|操作转账)|(?:准备|马上|现在)(?:就)?(?:要)?(?:转账|汇款|转钱|打钱)");

    private static final String NEGATION_WORDS = "勿|不要|切莫|别|谨防|不会|严禁|不得|绝不|从不|不能|不可|防范|警惕|提防|拒绝";
    /** What {@link #negated} looks for; it scans for the words itself (no substring, no matcher per phrase found). */
    static final Pattern NEGATION = Pattern.compile(NEGATION_WORDS);
    private static final String[] NEGATIONS = NEGATION_WORDS.split("\\|");
    /** The first characters of {@link #NEGATIONS}. */
    private static final String NEGATION_STARTS = WordStarts.of(NEGATIONS);
    private static final String CLAUSE_END = "，。！？；,.!?;\n【】";
    private static final int WINDOW = 10;

    /** The value (an empty category) of a safe phrase in {@link #phrases}: it masks the signals inside it and is never reported. */
    private static final String SAFE = "";

    private final PhraseMatcher<String> phrases;

    public SignalDetector(Map<String, List<String>> byCategory) {
        this(byCategory, List.of());
    }

    /**
     * With the knowledge base's {@code safe_} cue phrases ("验证码为", "转账成功", "app内"): a signal phrase inside one is
     * what an ordinary notice says (a code delivered to its owner, a payment already done), not a request, as
     * {@link Cues} treats the same phrases. They share one matcher with the signals, so masking costs no second scan.
     */
    public SignalDetector(Map<String, List<String>> byCategory, List<String> safePhrases) {
        Map<String, String> map = new LinkedHashMap<>();
        byCategory.forEach((category, list) -> list.forEach(p -> map.putIfAbsent(p.toLowerCase(), category)));
        safePhrases.forEach(p -> map.putIfAbsent(p.toLowerCase(), SAFE));
        this.phrases = HanLpAdapter.matcher(map);
    }

    /** The detector the analysis uses: the knowledge base's signals, masked by its {@code safe_} cues. */
    public static SignalDetector of(KnowledgeBase kb) {
        List<String> safe = new ArrayList<>();
        kb.cues().forEach((cue, list) -> {
            if (cue.startsWith("safe_")) {
                safe.addAll(list);
            }
        });
        return new SignalDetector(kb.signals(), safe);
    }

    /** Signals in folded text, one per distinct phrase, in order of appearance. */
    public List<Signal> detect(String folded) {
        Set<Signal> out = new LinkedHashSet<>();
        List<PhraseMatcher.Hit<String>> hits = phrases.find(folded);
        for (PhraseMatcher.Hit<String> h : hits) {
            if (!h.value().isEmpty() && !insideSafe(h, hits) && !negated(folded, h.begin())) {
                out.add(new Signal(h.value(), folded.substring(h.begin(), h.end())));
            }
        }
        for (StartScan moved = new StartScan(MOVED, folded, MOVED_STARTS, i -> mayBeginMoved(folded, i)); moved.find();) {
            if (!nearMiss(folded, moved.matcher().start())) {
                out.add(new Signal(Signal.MONEY_MOVED, moved.matcher().group()));
            }
        }
        boolean moving = folded.contains("正在") || folded.contains("准备") || folded.contains("马上") || folded.contains("现在");
        for (Matcher m = moving ? MOVING.matcher(folded) : null; m != null && m.find();) {
            out.add(new Signal(Signal.MONEY_MOVING, m.group()));
        }
        return new ArrayList<>(dropContained(new ArrayList<>(out)));
    }

    /** Whether a signal hit lies inside a longer safe phrase ("验证码" in "验证码为"); a message has few hits. */
    private static boolean insideSafe(PhraseMatcher.Hit<String> h, List<PhraseMatcher.Hit<String>> hits) {
        for (PhraseMatcher.Hit<String> o : hits) {
            if (o.value().isEmpty() && o.begin() <= h.begin() && o.end() >= h.end() && o.end() - o.begin() > h.end() - h.begin()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a {@link #MOVED} match can begin at {@code i}: every alternative holds a 了 or 去 (转了, 转过去, 钱转走了, 转到了...)
     * within {@link #MOVED_SPAN} characters of its start, or begins with 骗 or 被骗. "我" is frequent, and trying the
     * pattern at each one cost more than the rest of the signals.
     */
    static boolean mayBeginMoved(String text, int i) {
        for (int j = i, counted = 0; j < text.length() && counted < MOVED_SPAN; j++) {
            char c = text.charAt(j);
            if (c == '了' || c == '去' || c == '骗' && j <= i + 1) {
                return true;
            }
            if (c == 'z' && text.startsWith(AMOUNT_PLACEHOLDER, j)) {
                j += AMOUNT_PLACEHOLDER.length() - 1;
            } else if (c != ' ') {
                counted++;
            }
        }
        return false;
    }

    /**
     * Whether the phrase at {@code begin} is a warning rather than a request: a negation earlier in the same
     * clause ("请勿泄露验证码", "不会要求您转账", "谨防屏幕共享"), as real bank and police notices are written.
     */
    static boolean negated(String text, int begin) {
        int from = begin;
        while (from > 0 && begin - from < WINDOW && CLAUSE_END.indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        // NEGATION.matcher(text.substring(from, begin)).find(): a negation word wholly inside [from, begin)
        for (int i = from; i < begin; i++) {
            if (NEGATION_STARTS.indexOf(text.charAt(i)) >= 0) {
                for (String w : NEGATIONS) {
                    if (w.length() <= begin - i && text.startsWith(w, i)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Words right before "被骗了" that say it did not happen: the near misses, and a negation ("没被骗了钱"). */
    private static final String[] NEAR_MISS = (NEAR_MISS_WORDS + "|没有|没|未").split("\\|");

    /** Whether the money-moved match at {@code start} follows a near-miss word ("差点被骗了五千"). */
    private static boolean nearMiss(String text, int start) {
        for (String w : NEAR_MISS) {
            if (text.startsWith(w, start - w.length())) {
                return true;
            }
        }
        return false;
    }

    /** Keeps "安全账户" and drops "账户" when both come from the same place. */
    private static List<Signal> dropContained(List<Signal> signals) {
        List<Signal> kept = new ArrayList<>();
        for (Signal s : signals) {
            boolean inner = signals.stream().anyMatch(o -> o != s && o.phrase().length() > s.phrase().length()
                && o.phrase().contains(s.phrase()));
            if (!inner) {
                kept.add(s);
            }
        }
        return kept;
    }
}
