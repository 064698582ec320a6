package cn.antifraud.core.analysis;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Flags domains that borrow a bank's or platform's name without being its real domain. */
final class Lookalikes {
    private static final Map<String, List<String>> BRANDS = Map.ofEntries(
        Map.entry("icbc", List.of("icbc.com.cn")), Map.entry("ccb", List.of("ccb.com")),
        Map.entry("abchina", List.of("abchina.com")), Map.entry("boc", List.of("boc.cn", "bankofchina.com")),
        Map.entry("cmbchina", List.of("cmbchina.com")), Map.entry("bankcomm", List.of("bankcomm.com")),
        Map.entry("psbc", List.of("psbc.com")), Map.entry("alipay", List.of("alipay.com")),
        Map.entry("taobao", List.of("taobao.com")), Map.entry("tmall", List.of("tmall.com")),
        Map.entry("jd", List.of("jd.com")), Map.entry("pinduoduo", List.of("pinduoduo.com")),
        Map.entry("12306", List.of("12306.cn")), Map.entry("12123", List.of("122.gov.cn")),
        Map.entry("chsi", List.of("chsi.com.cn")), Map.entry("weixin", List.of("weixin.qq.com", "qq.com")),
        Map.entry("wechat", List.of("wechat.com", "qq.com")), Map.entry("unionpay", List.of("unionpay.com")),
        Map.entry("etc", List.of()), Map.entry("gov", List.of()), Map.entry("police", List.of()),
        Map.entry("gongan", List.of()), Map.entry("shebao", List.of()), Map.entry("yibao", List.of()),
        Map.entry("tuikuan", List.of()), Map.entry("lipei", List.of()), Map.entry("butie", List.of()),
        Map.entry("anquan", List.of()), Map.entry("zhanghu", List.of()),
        Map.entry("chinapost", List.of("chinapost.com.cn")), Map.entry("youzheng", List.of()),
        Map.entry("10086", List.of("10086.cn")), Map.entry("10010", List.of("10010.com")),
        Map.entry("chinamobile", List.of("chinamobile.com", "10086.cn")), Map.entry("unicom", List.of("chinaunicom.cn", "10010.com")),
        Map.entry("telecom", List.of("chinatelecom.com.cn", "189.cn")), Map.entry("sf-express", List.of("sf-express.com")),
        Map.entry("cainiao", List.of("cainiao.com")), Map.entry("meituan", List.of("meituan.com")),
        Map.entry("douyin", List.of("douyin.com")), Map.entry("yinhang", List.of()), Map.entry("kuaidi", List.of("kuaidi100.com")),
        Map.entry("95588", List.of()), Map.entry("95533", List.of()), Map.entry("95599", List.of()), Map.entry("95566", List.of()),
        Map.entry("tenpay", List.of("tenpay.com")), Map.entry("12368", List.of()), Map.entry("tuifei", List.of()),
        Map.entry("jifen", List.of()), Map.entry("duihuan", List.of()));

    private Lookalikes() {
    }

    /** A short Chinese note when the URL looks like an imitation, else empty. */
    /**
     * The brand words in a fixed order: real brands (with official domains) before generic words such as "jifen",
     * longer before shorter, so a host with two of them (10086-jifen.top) is always named by the same one.
     * ({@code Map.ofEntries} iterates in an order that changes with every start.)
     */
    private static final List<Map.Entry<String, List<String>>> IN_ORDER = BRANDS.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, List<String>> e) -> e.getValue().isEmpty())
            .thenComparing(e -> -e.getKey().length()).thenComparing(Map.Entry::getKey))
        .toList();

    static String noteFor(String url) {
        String bare = url.replaceFirst("^[a-z]+://", "").replaceFirst("^www\\.", "");
        int slash = bare.indexOf('/');
        String host = slash >= 0 ? bare.substring(0, slash) : bare;
        if (host.equals("gov.cn") || host.endsWith(".gov.cn")) {
            return "";
        }
        String label = host.contains(".") ? host.substring(0, host.lastIndexOf('.')) : host;
        for (Map.Entry<String, List<String>> e : IN_ORDER) {
            if (label.contains(e.getKey())) {
                boolean official = e.getValue().stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
                if (!official) {
                    return "网址含“" + e.getKey() + "”字样，但不是官方网站";
                }
            }
        }
        return "";
    }
}
