package cn.antifraud.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The textbook phishing SMS: a link on a cheap top-level domain (.top .xyz .cc .vip .icu...), a domain that borrows a
 * bank's, the post's, an operator's or a platform's name without being its domain, or a sender tag (【中国邮政】
 * 【建设银行】) followed by a link that is not that sender's. Each becomes a signal named after itself, so the reply
 * can say what gave the message away.
 */
final class PhishingSignals {
    static final String CHEAP_TLD = "cheap_tld";
    static final String BRAND_DOMAIN = "brand_domain";
    static final String SENDER_LINK = "sender_tag_link";
    private static final Set<String> ALL = Set.of(CHEAP_TLD, BRAND_DOMAIN, SENDER_LINK);

    /** Whether a signal category is one of the phishing-link signals. */
    static boolean isPhishing(String category) {
        return ALL.contains(category);
    }

    private static final Set<String> CHEAP = Set.of("top", "xyz", "cc", "vip", "icu", "club", "site", "online", "shop", "live", "fun",
        "work", "wang", "ren", "win", "bid", "tk", "ml", "ga", "cf", "gq", "link", "biz", "store", "space", "website", "asia", "ltd",
        "pro", "buzz", "rest", "cyou", "sbs", "cfd", "bond", "monster", "lol", "click", "loan", "men", "date", "party", "ink", "kim");
    /** Sender names and the domains their real messages link to (gov.cn is official for every government sender). */
    private static final Map<String, List<String>> SENDERS = Map.ofEntries(
        Map.entry("邮政", List.of("chinapost.com.cn", "ems.com.cn", "11185.cn", "psbc.com")),
        Map.entry("ems", List.of("ems.com.cn", "chinapost.com.cn")),
        Map.entry("建设银行", List.of("ccb.com")), Map.entry("建行", List.of("ccb.com")),
        Map.entry("工商银行", List.of("icbc.com.cn")), Map.entry("工行", List.of("icbc.com.cn")),
        Map.entry("农业银行", List.of("abchina.com")), Map.entry("农行", List.of("abchina.com")),
        Map.entry("中国银行", List.of("boc.cn", "bankofchina.com")), Map.entry("招商银行", List.of("cmbchina.com", "cmb.cn")),
        Map.entry("交通银行", List.of("bankcomm.com")), Map.entry("邮储银行", List.of("psbc.com")),
        Map.entry("中国移动", List.of("10086.cn")), Map.entry("中国联通", List.of("10010.com", "chinaunicom.cn")),
        Map.entry("中国电信", List.of("189.cn", "chinatelecom.com.cn")), Map.entry("顺丰", List.of("sf-express.com")),
        Map.entry("京东", List.of("jd.com", "3.cn")), Map.entry("淘宝", List.of("taobao.com", "tb.cn")),
        Map.entry("支付宝", List.of("alipay.com")), Map.entry("12306", List.of("12306.cn")),
        Map.entry("国家电网", List.of("95598.cn", "sgcc.com.cn")), Map.entry("电网", List.of("95598.cn", "sgcc.com.cn", "csg.cn")),
        Map.entry("税务", List.of()), Map.entry("社保", List.of()), Map.entry("医保", List.of()), Map.entry("人社", List.of()),
        Map.entry("公安", List.of()), Map.entry("交管", List.of("122.gov.cn")), Map.entry("etc", List.of()),
        Map.entry("法院", List.of()), Map.entry("人民银行", List.of("pbc.gov.cn")));
    /**
     * Platforms whose own links prove nothing against them but whose real messages also use generic short-link
     * services: their domains only reassure ({@link #ownLinksOnly}); a link elsewhere under their tag is not a signal.
     */
    private static final Map<String, List<String>> PLATFORMS = Map.ofEntries(
        Map.entry("抖音", List.of("douyin.com", "iesdouyin.com")), Map.entry("快手", List.of("kuaishou.com")),
        Map.entry("美团", List.of("meituan.com", "dpurl.cn")), Map.entry("大众点评", List.of("dianping.com", "dpurl.cn")),
        Map.entry("拼多多", List.of("pinduoduo.com", "yangkeduo.com")), Map.entry("小红书", List.of("xiaohongshu.com", "xhslink.com")),
        Map.entry("唯品会", List.of("vip.com")), Map.entry("饿了么", List.of("ele.me")), Map.entry("天猫", List.of("tmall.com", "tb.cn")),
        Map.entry("闲鱼", List.of("goofish.com", "tb.cn")), Map.entry("菜鸟", List.of("cainiao.com")), Map.entry("丰巢", List.of("fcbox.com")),
        Map.entry("微信", List.of("weixin.qq.com")), Map.entry("哔哩哔哩", List.of("bilibili.com", "b23.tv")),
        Map.entry("携程", List.of("ctrip.com")), Map.entry("滴滴", List.of("didiglobal.com", "xiaojukeji.com")),
        Map.entry("中通", List.of("zto.com")), Map.entry("圆通", List.of("yto.net.cn")), Map.entry("韵达", List.of("yundaex.com")),
        Map.entry("申通", List.of("sto.cn")), Map.entry("苏宁", List.of("suning.com")), Map.entry("平安", List.of("pingan.com")));
    private static final Pattern TAG = Pattern.compile("【([^】]{2,12})】");

    private PhishingSignals() {
    }

    /** The phishing signals of cleaned text with its extracted indicators. */
    static List<Signal> detect(String cleaned, List<Indicator> indicators) {
        List<Signal> out = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (Indicator i : indicators) {
            if (!i.type().equals(Indicator.URL)) {
                continue;
            }
            String host = host(i.value());
            hosts.add(host);
            String tld = host.substring(host.lastIndexOf('.') + 1);
            if (CHEAP.contains(tld)) {
                out.add(new Signal(CHEAP_TLD, "." + tld));
            }
            if (!i.note().isEmpty() && !i.knownBad()) {
                out.add(new Signal(BRAND_DOMAIN, host));
            }
        }
        if (hosts.isEmpty() || cleaned.indexOf('【') < 0) {
            return out;
        }
        for (TaggedSender s : taggedSenders(cleaned, List.of(SENDERS))) {
            if (hosts.stream().anyMatch(h -> !official(h, s.domains()))) {
                out.add(new Signal(SENDER_LINK, s.tag()));
                break;
            }
        }
        return out;
    }

    /** A sender tag in the text (【中国邮政】) naming a known sender, with that sender's own domains. */
    private record TaggedSender(String tag, List<String> domains) {
    }

    /** Every known sender of {@code known} that a sender tag of the text names (one tag may name several). */
    private static List<TaggedSender> taggedSenders(String cleaned, List<Map<String, List<String>>> known) {
        List<TaggedSender> out = new ArrayList<>();
        for (Matcher m = TAG.matcher(cleaned); m.find();) {
            String sender = m.group(1);
            for (Map<String, List<String>> names : known) {
                names.forEach((name, own) -> {
                    if (sender.contains(name)) {
                        out.add(new TaggedSender(m.group(), own));
                    }
                });
            }
        }
        return out;
    }

    /**
     * Whether the text carries a sender tag and every link in it is on that sender's own domain (or a government
     * one): 【抖音】 with v.douyin.com, 【京东】 with 3.cn. Such a link is the platform's own, not a scammer's contact.
     */
    static boolean ownLinksOnly(String cleaned, List<Indicator> indicators) {
        if (cleaned.indexOf('【') < 0) {
            return false;
        }
        List<String> domains = new ArrayList<>();
        taggedSenders(cleaned, List.of(SENDERS, PLATFORMS)).forEach(s -> domains.addAll(s.domains()));
        boolean anyLink = false;
        for (Indicator i : indicators) {
            if (i.type().equals(Indicator.URL)) {
                if (!official(host(i.value()), domains)) {
                    return false;
                }
                anyLink = true;
            }
        }
        return anyLink;
    }

    private static boolean official(String host, List<String> domains) {
        return host.equals("gov.cn") || host.endsWith(".gov.cn") || domains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }

    static String host(String url) {
        String bare = url.replaceFirst("^[a-z]+://", "").replaceFirst("^www\\.", "");
        int end = bare.length();
        for (char c : new char[] {'/', '?', '#', ':'}) {
            int at = bare.indexOf(c);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        return bare.substring(0, end);
    }
}
