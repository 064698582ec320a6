package cn.antifraud.core.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * The OpenNLP feature generator over segmented text. Which feature families are on is a spec string, one
 * letter each: {@code w} words, {@code b} word bigrams, {@code c} character bigrams, {@code t} character
 * trigrams, {@code u} single characters. Character n-grams keep the model robust where segmentation splits
 * an unknown fraud word differently. OpenNLP re-creates the generator by name (no-argument constructor)
 * when a saved model is loaded, so the default spec is the one the production models are trained with.
 */
public class FraudFeatures implements FeatureGenerator {
    /** Chosen by cross-validation on the training corpus (see docs/evaluation.md). */
    public static final String DEFAULT_SPEC = "wct";

    private final boolean words;
    private final boolean wordBigrams;
    private final boolean unigrams;
    private final boolean bigrams;
    private final boolean trigrams;

    public FraudFeatures() {
        this(DEFAULT_SPEC);
    }

    private final String spec;

    public FraudFeatures(String spec) {
        this.spec = spec;
        this.words = spec.indexOf('w') >= 0;
        this.wordBigrams = spec.indexOf('b') >= 0;
        this.unigrams = spec.indexOf('u') >= 0;
        this.bigrams = spec.indexOf('c') >= 0;
        this.trigrams = spec.indexOf('t') >= 0;
    }

    public String spec() {
        return spec;
    }

    /** The features of segmented text as the model sees them. */
    public String[] extract(List<String> tokens) {
        return extractFeatures(tokens.toArray(String[]::new), Map.of()).toArray(String[]::new);
    }

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        List<String> features = new ArrayList<>(tokens.length * 6);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            if (words) {
                features.add("w=" + tokens[i]);
            }
            if (wordBigrams && i > 0) {
                features.add("b=" + tokens[i - 1] + "_" + tokens[i]);
            }
            joined.append(tokens[i]).append(isAscii(tokens[i]) ? " " : "");
        }
        if (unigrams || bigrams || trigrams) {
            charGrams(joined, features);
        }
        return features;
    }

    /**
     * The same features as {@link #extract}, as 64-bit FNV-1a hashes of their strings ({@link #hash}), without
     * building the strings: the hot path of {@link CompiledModels}.
     */
    public long[] hashes(List<String> tokens) {
        // the text the character n-grams are read from, as in extractFeatures, but in a char array (no builder per call)
        int length = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            length += t.length() + (isAscii(t) ? 1 : 0);
        }
        char[] joined = new char[length];
        long[] out = new long[tokens.size() * 2 + length * 3];
        int n = 0;
        int at = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (words) {
                out[n++] = mix(START_W, t, 0, t.length());
            }
            if (wordBigrams && i > 0) {
                String prev = tokens.get(i - 1);
                out[n++] = mix(mixChar(mix(START_B, prev, 0, prev.length()), '_'), t, 0, t.length());
            }
            t.getChars(0, t.length(), joined, at);
            at += t.length();
            if (isAscii(t)) {
                joined[at++] = ' ';
            }
        }
        // each character's kind is tested once, not up to five times
        boolean cjkA = length > 0 && isCjk(joined[0]);
        for (int i = 0; i < length; i++) {
            char a = joined[i];
            if (unigrams && cjkA) {
                out[n++] = mixChar(START_U, a);
            }
            if (i + 1 >= length) {
                break;
            }
            char b = joined[i + 1];
            boolean cjkB = isCjk(b);
            if (bigrams && (cjkA || cjkB)) {
                out[n++] = mixChar(mixChar(START_C, a), b);
            }
            if (trigrams && i + 2 < length && (cjkA || cjkB) && isCjk(joined[i + 2])) {
                out[n++] = mixChar(mixChar(mixChar(START_T, a), b), joined[i + 2]);
            }
            cjkA = cjkB;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** 64-bit FNV-1a over the UTF-16 chars of a feature string. */
    public static long hash(String feature) {
        return mix(FNV_OFFSET, feature, 0, feature.length());
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private static final long START_W = start('w');
    private static final long START_B = start('b');
    private static final long START_U = start('u');
    private static final long START_C = start('c');
    private static final long START_T = start('t');

    private static long start(char kind) {
        return mixChar(mixChar(FNV_OFFSET, kind), '=');
    }

    private static long mix(long h, String s, int from, int to) {
        long x = h;
        for (int i = from; i < to; i++) {
            x = mixChar(x, s.charAt(i));
        }
        return x;
    }

    private static long mixChar(long h, char c) {
        return (h ^ c) * FNV_PRIME;
    }

    private void charGrams(CharSequence s, List<String> features) {
        for (int i = 0; i < s.length(); i++) {
            char a = s.charAt(i);
            if (unigrams && isCjk(a)) {
                features.add("u=" + a);
            }
            if (i + 1 >= s.length()) {
                break;
            }
            char b = s.charAt(i + 1);
            if (bigrams && (isCjk(a) || isCjk(b))) {
                features.add("c=" + a + b);
            }
            if (trigrams && i + 2 < s.length() && (isCjk(a) || isCjk(b)) && isCjk(s.charAt(i + 2))) {
                features.add("t=" + a + b + s.charAt(i + 2));
            }
        }
    }

    private static boolean isCjk(char c) {
        return c >= '\u4e00' && c <= '\u9fff';
    }

    private static boolean isAscii(String token) {
        return !token.isEmpty() && token.charAt(0) < 128;
    }
}
