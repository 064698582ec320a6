package cn.antifraud.core.analysis;

import java.util.regex.Pattern;

/**
 * A warning phrase found in a message and the kind of pressure it stands for (urgency, secrecy...). The phrase is as
 * the detector read it, in the featurizer's folded text, so an amount or a contact inside it is a placeholder
 * ("刚才卡里 zzamount 多被刷走了"); {@link #shown()} is what a resident or an officer reads.
 */
public record Signal(String category, String phrase) {
    public static final String MONEY_MOVED = "money_moved";
    public static final String MONEY_MOVING = "money_moving";
    /** The placeholders {@link Featurizer} writes for indicators: " zz" + the type without its underscore + " ". */
    private static final Pattern PLACEHOLDER = Pattern.compile(" ?zz(?:phone|url|bankcard|qq|wechat|alipay|amount|idcard) ?");

    /** The phrase with each placeholder written as an ellipsis: 「刚才卡里……多被刷走了」. */
    public String shown() {
        return phrase.contains("zz") ? PLACEHOLDER.matcher(phrase).replaceAll("……") : phrase;
    }
}
