package cn.antifraud.kb;

/**
 * One training or evaluation sample: a label, its text, the writing style it is in (see {@link Styles}), and
 * where it came from for error messages. The style lets evaluation train without one style and score on it.
 */
public record LabeledText(String label, String text, String style, String source, int line) {
    public LabeledText(String label, String text, String source, int line) {
        this(label, text, Styles.UNTAGGED, source, line);
    }

    public LabeledText(String label, String text) {
        this(label, text, Styles.UNTAGGED, "memory", 0);
    }
}
