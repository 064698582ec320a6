package cn.antifraud.core.analysis;

/**
 * Something concrete found in a message that can be checked or reported: a phone number, URL, bank card,
 * QQ/WeChat/Alipay id, app, amount (in yuan) or ID-card number. {@code value} is normalised (digits only
 * for numbers); {@code note} explains a flag such as a look-alike domain.
 */
public record Indicator(String type, String value, boolean knownBad, int reportCount, String note) {
    public static final String PHONE = "phone";
    public static final String URL = "url";
    public static final String BANK_CARD = "bank_card";
    public static final String QQ = "qq";
    public static final String WECHAT = "wechat";
    public static final String ALIPAY = "alipay";
    public static final String APP = "app";
    public static final String AMOUNT = "amount";
    public static final String ID_CARD = "id_card";

    public Indicator(String type, String value) {
        this(type, value, false, 0, "");
    }

    public Indicator withKnown(int reports, String why) {
        return new Indicator(type, value, true, reports, why == null || why.isEmpty() ? note : why);
    }

    public Indicator withNote(String text) {
        return new Indicator(type, value, knownBad, reportCount, text);
    }

    /** Whether this indicator can be looked up in or added to the known-bad registry. */
    public boolean isTraceable() {
        return !type.equals(AMOUNT) && !type.equals(ID_CARD);
    }

    /** The value as it may appear in logs, lists and error messages. */
    public String masked() {
        return Masking.mask(type, value);
    }
}
