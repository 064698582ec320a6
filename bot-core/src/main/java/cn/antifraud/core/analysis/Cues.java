package cn.antifraud.core.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Semantic cue features that carry across wordings: who the sender claims to be ({@code claim_*}), what they ask
 * ({@code ask_*}), the pressure ({@code pressure_*}) and the bait ({@code bait_*}), from the knowledge base's
 * {@code cues.tsv}. A model trained on "客服 + 屏幕共享" in SMS style then also knows "专员 + 共享屏幕" in a long polite
 * script. Pairs of a claim and an ask, and of an ask and a pressure or bait, are features too: the combination is
 * what makes a scam ("police" alone is a warning notice, "police + transfer" is not). A cue after a negation in its
 * clause ("不会要求您转账") is a warning and becomes a {@code not_} feature instead.
 */
final class Cues {
    /** Prefix of every cue token; tokens are appended after the words, so it must not look like a word. */
    static final String PREFIX = "cue:";

    private final PhraseMatcher<String> phrases;

    Cues(Map<String, List<String>> byCue) {
        Map<String, String> map = new LinkedHashMap<>();
        byCue.forEach((cue, list) -> list.forEach(p -> map.putIfAbsent(p.toLowerCase(), cue)));
        this.phrases = HanLpAdapter.matcher(map);
    }

    /** The cue tokens of folded text: each cue once, then the pairs, sorted so the features are deterministic. */
    List<String> tokens(String folded) {
        TreeSet<String> found = new TreeSet<>();
        TreeSet<String> negated = new TreeSet<>();
        for (PhraseMatcher.Hit<String> h : phrases.find(folded)) {
            if (SignalDetector.negated(folded, h.begin())) {
                negated.add(h.value());
            } else {
                found.add(h.value());
            }
        }
        List<String> out = new ArrayList<>(found.size() * 3 + negated.size());
        for (String c : found) {
            out.add(PREFIX + c);
        }
        for (String c : negated) {
            out.add(PREFIX + "not_" + c);
        }
        for (String a : found) {
            if (!a.startsWith("ask_")) {
                continue;
            }
            for (String b : found) {
                if (b.startsWith("claim_") || b.startsWith("pressure_") || b.startsWith("bait_")) {
                    out.add(PREFIX + b + "+" + a);
                }
            }
        }
        out.add(PREFIX + "groups" + groups(found));
        return out;
    }

    /** How many of the four cue groups (claim, ask, pressure, bait) are present. */
    private static int groups(TreeSet<String> found) {
        int n = 0;
        for (String g : List.of("claim_", "ask_", "pressure_", "bait_")) {
            n += found.stream().anyMatch(c -> c.startsWith(g)) ? 1 : 0;
        }
        return n;
    }
}
