package cn.antifraud.core.analysis;

import java.util.ArrayList;
import java.util.HashMap;
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
 * clause ("不会要求您转账") is a warning and becomes a {@code not_} feature instead. The {@code safe_} cues mark what
 * ordinary notices say and scripts rarely do (an app the reader already has, a code being delivered, a completed
 * payment); a generic ask inside one of their phrases does not count ({@link #maskedBySafe}).
 */
final class Cues {
    /** Prefix of every cue token; tokens are appended after the words, so it must not look like a word. */
    static final String PREFIX = "cue:";

    private final PhraseMatcher<Integer> phrases;
    /*
     * Per cue, numbered in the cues' sorted order (so ascending ids are the sorted order the features must keep), the
     * tokens it can produce, built once: building them per message cost as much as finding the cues.
     */
    private final String[] token;
    private final String[] notToken;
    /** pairToken[ask][other]: the pair token of an ask and a claim, pressure or bait; null for other combinations. */
    private final String[][] pairToken;
    /** Which of the four groups (claim, ask, pressure, bait) a cue belongs to, -1 for none. */
    private final int[] group;
    /** Whether a cue is a {@code safe_} cue: a sign of an ordinary notice (an official channel, a code delivered, a done deal). */
    private final boolean[] safe;
    private static final List<String> GROUPS = List.of("claim_", "ask_", "pressure_", "bait_");
    private static final String[] GROUP_COUNT = {PREFIX + "groups0", PREFIX + "groups1", PREFIX + "groups2", PREFIX + "groups3",
        PREFIX + "groups4"};

    Cues(Map<String, List<String>> byCue) {
        List<String> names = new ArrayList<>(new TreeSet<>(byCue.keySet()));
        Map<String, Integer> id = new HashMap<>();
        names.forEach(n -> id.put(n, id.size()));
        Map<String, Integer> map = new LinkedHashMap<>();
        byCue.forEach((cue, list) -> list.forEach(p -> map.putIfAbsent(p.toLowerCase(), id.get(cue))));
        this.phrases = HanLpAdapter.matcher(map);
        int n = names.size();
        token = new String[n];
        notToken = new String[n];
        pairToken = new String[n][n];
        group = new int[n];
        safe = new boolean[n];
        for (int a = 0; a < n; a++) {
            String c = names.get(a);
            token[a] = PREFIX + c;
            notToken[a] = PREFIX + "not_" + c;
            group[a] = -1;
            safe[a] = c.startsWith("safe_");
            for (int g = 0; g < GROUPS.size(); g++) {
                if (c.startsWith(GROUPS.get(g))) {
                    group[a] = g;
                    break;
                }
            }
            for (int b = 0; b < n; b++) {
                String o = names.get(b);
                if (c.startsWith("ask_") && (o.startsWith("claim_") || o.startsWith("pressure_") || o.startsWith("bait_"))) {
                    pairToken[a][b] = PREFIX + o + "+" + c;
                }
            }
        }
    }

    /** The cue tokens of folded text: each cue once, then the pairs, sorted so the features are deterministic. */
    List<String> tokens(String folded) {
        boolean[] found = new boolean[token.length];
        boolean[] negated = new boolean[token.length];
        int foundCount = 0;
        List<PhraseMatcher.Hit<Integer>> hits = phrases.find(folded);
        for (PhraseMatcher.Hit<Integer> h : hits) {
            if (maskedBySafe(h, hits)) {
                continue;
            }
            int c = h.value();
            if (SignalDetector.negated(folded, h.begin())) {
                negated[c] = true;
            } else if (!found[c]) {
                found[c] = true;
                foundCount++;
            }
        }
        List<String> out = new ArrayList<>(foundCount * 3 + 4);
        int groups = 0;
        for (int c = 0; c < token.length; c++) {
            if (found[c]) {
                out.add(token[c]);
                groups |= group[c] >= 0 ? 1 << group[c] : 0;
            }
        }
        for (int c = 0; c < token.length; c++) {
            if (negated[c]) {
                out.add(notToken[c]);
            }
        }
        for (int a = 0; a < token.length; a++) {
            if (found[a]) {
                for (int b = 0; b < token.length; b++) {
                    if (found[b] && pairToken[a][b] != null) {
                        out.add(pairToken[a][b]);
                    }
                }
            }
        }
        out.add(GROUP_COUNT[Integer.bitCount(groups)]);
        return out;
    }

    /**
     * Whether a hit lies inside a longer hit of the other kind, one a {@code safe_} cue and one not: "app" (ask_download)
     * inside "app内" (an app the reader already has, safe_official_channel), "验证码" (ask_code) inside "验证码为" (a code
     * being delivered, safe_code_delivery), but "验证码是" inside "验证码是多少" (asking for it) is the ask. Only a few
     * hits per message, so the quadratic scan is cheap.
     */
    private boolean maskedBySafe(PhraseMatcher.Hit<Integer> h, List<PhraseMatcher.Hit<Integer>> hits) {
        boolean safe = this.safe[h.value()];
        for (PhraseMatcher.Hit<Integer> o : hits) {
            if (this.safe[o.value()] != safe && o.begin() <= h.begin() && o.end() >= h.end() && o.end() - o.begin() > h.end() - h.begin()) {
                return true;
            }
        }
        return false;
    }
}
