package cn.antifraud.core.analysis;

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
    private static final Pattern MOVED = Pattern.compile(
        "(?:我|已经|刚刚|刚才|刚|已)(?:已经|刚刚|刚)?(?:给他|给她|给对方|往)?(?:转账|转了|汇了|打了|付了|充了|交了|转过去|打过去|汇过去|转出去|付款了|被骗了)"
            + "|钱(?:已经|都)?(?:转|打|汇|付)(?:过去|出去|走)了|被骗(?:走)?了?[\\d一二两三四五六七八九十百千万]"
            + "|骗(?:走)?了(?:我)?[\\d一二两三四五六七八九十百千万]|(?:转|汇|打)(?:到|给|进)了");
    private static final Pattern MOVING = Pattern.compile("正在(?:转账|汇款|付款|转钱|打钱|操作转账)|(?:准备|马上|现在)(?:就)?(?:要)?(?:转账|汇款|转钱|打钱)");

    private final PhraseMatcher<String> phrases;

    public SignalDetector(Map<String, List<String>> byCategory) {
        Map<String, String> map = new LinkedHashMap<>();
        byCategory.forEach((category, list) -> list.forEach(p -> map.putIfAbsent(p.toLowerCase(), category)));
        this.phrases = HanLpAdapter.matcher(map);
    }

    /** Signals in folded text, one per distinct phrase, in order of appearance. */
    public List<Signal> detect(String folded) {
        Set<Signal> out = new LinkedHashSet<>();
        for (PhraseMatcher.Hit<String> h : phrases.find(folded)) {
            out.add(new Signal(h.value(), folded.substring(h.begin(), h.end())));
        }
        for (Matcher m = MOVED.matcher(folded); m.find();) {
            out.add(new Signal(Signal.MONEY_MOVED, m.group()));
        }
        for (Matcher m = MOVING.matcher(folded); m.find();) {
            out.add(new Signal(Signal.MONEY_MOVING, m.group()));
        }
        return new ArrayList<>(dropContained(new ArrayList<>(out)));
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
