package cn.antifraud.core.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * The OpenNLP feature generator: words, word bigrams and character bigrams/trigrams of the segmented text.
 * Character n-grams keep the model robust where segmentation splits an unknown fraud word differently.
 * OpenNLP instantiates it by name when a model is loaded, hence the public no-argument constructor.
 */
public class FraudFeatures implements FeatureGenerator {

    public FraudFeatures() {
        // needed by OpenNLP's DoccatFactory to re-create the generator from a saved model
    }

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        List<String> features = new ArrayList<>(tokens.length * 6);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            features.add("w=" + tokens[i]);
            if (i > 0) {
                features.add("b=" + tokens[i - 1] + "_" + tokens[i]);
            }
            joined.append(tokens[i]).append(isAscii(tokens[i]) ? " " : "");
        }
        String s = joined.toString();
        for (int i = 0; i + 1 < s.length(); i++) {
            char a = s.charAt(i);
            char b = s.charAt(i + 1);
            if (isCjk(a) || isCjk(b)) {
                features.add("c=" + a + b);
                if (i + 2 < s.length() && isCjk(s.charAt(i + 2))) {
                    features.add("t=" + a + b + s.charAt(i + 2));
                }
            }
        }
        return features;
    }

    private static boolean isCjk(char c) {
        return c >= '\u4e00' && c <= '\u9fff';
    }

    private static boolean isAscii(String token) {
        return !token.isEmpty() && token.charAt(0) < 128;
    }
}
