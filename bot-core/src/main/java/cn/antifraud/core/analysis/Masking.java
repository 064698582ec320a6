package cn.antifraud.core.analysis;

/** Masks personal data for logs, list views and error messages. */
public final class Masking {
    private Masking() {
    }

    public static String mask(String type, String value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case Indicator.PHONE, Indicator.BANK_CARD, Indicator.ALIPAY, "account" -> keepEnds(value, 3, 4);
            case Indicator.ID_CARD -> keepEnds(value, 6, 4);
            case Indicator.QQ, Indicator.WECHAT -> keepEnds(value, 2, 2);
            default -> value;
        };
    }

    /** Keeps the first {@code head} and last {@code tail} characters, stars in between. */
    public static String keepEnds(String value, int head, int tail) {
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }
}
