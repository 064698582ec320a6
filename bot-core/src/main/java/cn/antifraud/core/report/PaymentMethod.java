package cn.antifraud.core.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How the money left: each with its Chinese label (also the quick-reply option) and the words that name it. */
public enum PaymentMethod {
    BANK_TRANSFER("银行转账", "银行|转账|汇款|网银|手机银行|银行卡|柜台|atm"),
    ALIPAY("支付宝", "支付宝|zfb|花呗|余额宝"),
    WECHAT_PAY("微信支付", "微信|财付通|红包|零钱|wx|vx"),
    CRYPTO("虚拟币", "虚拟币|数字货币|usdt|比特币|btc|泰达币|币|钱包地址|以太坊|eth"),
    CASH("现金", "现金|当面|取现|交给"),
    GIFT_CARD("购物卡或充值卡", "购物卡|充值卡|礼品卡|卡密|点卡|游戏卡|京东卡|油卡|电话卡|话费"),
    OTHER("其他方式", "其他|其它|别的|不清楚|不知道|不记得");

    private final String label;
    private final String words;

    PaymentMethod(String label, String words) {
        this.label = label;
        this.words = words;
    }

    public String id() {
        return name().toLowerCase();
    }

    public String label() {
        return label;
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(PaymentMethod::label).toList();
    }

    public static Optional<PaymentMethod> ofId(String id) {
        return Arrays.stream(values()).filter(m -> m.id().equals(id)).findFirst();
    }

    /** The method an answer names; the most specific word wins (支付宝 over 转账). */
    public static Optional<PaymentMethod> find(String answer) {
        String t = answer.toLowerCase();
        for (PaymentMethod m : values()) {
            if (t.equals(m.label)) {
                return Optional.of(m);
            }
        }
        for (PaymentMethod m : List.of(CRYPTO, GIFT_CARD, ALIPAY, WECHAT_PAY, CASH, BANK_TRANSFER, OTHER)) {
            if (java.util.regex.Pattern.compile(m.words).matcher(t).find()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
