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
        long[] out = new long[tokens.size() * 4 + 8];
        int n = 0;
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (words) {
                out = grow(out, n);
                out[n++] = mix(start('w'), t, 0, t.length());
            }
            if (wordBigrams && i > 0) {
                out = grow(out, n);
                String prev = tokens.get(i - 1);
                out[n++] = mix(mixChar(mix(start('b'), prev, 0, prev.length()), '_'), t, 0, t.length());
            }
            joined.append(t).append(isAscii(t) ? " " : "");
        }
        for (int i = 0; i < joined.length(); i++) {
            char a = joined.charAt(i);
            if (unigrams && isCjk(a)) {
                out = grow(out, n);
                out[n++] = mixChar(start('u'), a);
            }
            if (i + 1 >= joined.length()) {
                break;
            }
            char b = joined.charAt(i + 1);
            if (bigrams && (isCjk(a) || isCjk(b))) {
                out = grow(out, n);
                out[n++] = mixChar(mixChar(start('c'), a), b);
            }
            if (trigrams && i + 2 < joined.length() && (isCjk(a) || isCjk(b)) && isCjk(joined.charAt(i + 2))) {
                out = grow(out, n);
                out[n++] = mixChar(mixChar(mixChar(start('t'), a), b), joined.charAt(i + 2));
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** 64-bit FNV-1a over the UTF-16 chars of a feature string. */
    public static long hash(String feature) {
        return mix(FNV_OFFSET, feature, 0, feature.length());
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

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

    private static long[] grow(long[] a, int n) {
        return n < a.length ? a : java.util.Arrays.copyOf(a, a.length * 2);
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
