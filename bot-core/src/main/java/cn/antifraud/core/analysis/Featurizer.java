package cn.antifraud.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns raw text into what the models and detectors see. Indicators are found on the cleaned text; the
 * model sees a placeholder word instead of each number or link, so it learns "a phone number appears"
 * rather than one number; cue tokens ({@link Cues}) follow the words. The same path serves training and analysis.
 */
public final class Featurizer {
    /** Everything derived from one message. */
    public record Prepared(String cleaned, String folded, List<String> tokens, List<IndicatorExtractor.Found> indicators,
                           boolean truncated, int words) {
        /** Whether any word was read (empty, emoji-only and symbol-only text has none). */
        public boolean readable() {
            return words > 0;
        }
    }

    private final TextNormalizer normalizer;
    private final IndicatorExtractor extractor;
    private final HanLpAdapter hanlp;
    private final Cues cues;

    public Featurizer(TextNormalizer normalizer, IndicatorExtractor extractor, HanLpAdapter hanlp, Map<String, List<String>> cues) {
        this.normalizer = normalizer;
        this.extractor = extractor;
        this.hanlp = hanlp;
        this.cues = new Cues(cues);
    }

    public Prepared prepare(String raw) {
        String cleaned = normalizer.clean(raw);
        List<IndicatorExtractor.Found> found = extractor.extract(cleaned);
        StringBuilder masked = new StringBuilder(cleaned.length());
        int pos = 0;
        for (IndicatorExtractor.Found f : found) {
            if (f.begin() < pos || f.indicator().type().equals(Indicator.APP)) {
                continue;
            }
            masked.append(cleaned, pos, f.begin()).append(" zz").append(f.indicator().type().replace("_", "")).append(' ');
            pos = f.end();
        }
        masked.append(cleaned.substring(pos));
        String folded = normalizer.fold(masked.toString());
        List<String> words = hanlp.tokens(folded);
        List<String> tokens = new ArrayList<>(words.size() + 16);
        tokens.addAll(words);
        if (!words.isEmpty()) {
            tokens.addAll(cues.tokens(folded));
        }
        return new Prepared(cleaned, folded, tokens, found, raw.length() > TextNormalizer.MAX_ANALYSED_CHARS, words.size());
    }

    public List<String> tokens(String raw) {
        return prepare(raw).tokens();
    }
}
