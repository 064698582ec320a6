package cn.antifraud.kb;

/** One training or evaluation sample: a label and its text, with where it came from for error messages. */
public record LabeledText(String label, String text, String source, int line) {
    public LabeledText(String label, String text) {
        this(label, text, "memory", 0);
    }
}
