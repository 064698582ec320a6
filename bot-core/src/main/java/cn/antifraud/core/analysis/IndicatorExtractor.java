package cn.antifraud.core.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds indicators in cleaned text (see {@link TextNormalizer#clean}). Order matters: URLs, ID cards, labelled
 * QQ/WeChat/Alipay ids, bank cards, then phones, so that one run of digits is claimed once.
 */
public final class IndicatorExtractor {
    /** An indicator and where it was found, so the model can see a placeholder instead of the digits. */
    public record Found(Indicator indicator, int begin, int end) {
    }

    private static final String TLDS = "com|cn|net|org|top|xyz|vip|cc|co|info|io|app|site|online|shop|club|ltd|pro|live"
        + "|me|tv|biz|icu|link|wang|fun|asia|hk|tk|ml|ga|cf|gq|work|ren|win|bid|store|tech|cloud|group|life|world|space|website";
    private static final Pattern URL = Pattern.compile(
        "(?:(?:https?|hxxps?|htps?|htp)://|www\\.)[a-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]+"
            + "|(?<![a-z0-9@.\\-])[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?)*"
            + "\\.(?:" + TLDS + ")(?![a-z0-9\\-])(?:/[a-z0-9\\-._~:/?#@!$&'()*+,;=%]*)?");
    private static final Pattern ID_CARD = Pattern.compile(
        "(?<!\\d)[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dx](?![\\da-z])");
    private static final Pattern CARD = Pattern.compile("(?<![\\d.])\\d(?:[ \\-]?\\d){15,18}(?![\\d.])");
    private static final Pattern MOBILE = Pattern.compile("(?<![\\d.])(?:\\+?86[ \\-]?)?1[3-9]\\d(?:[ \\-]?\\d){8}(?![\\d.])");
    private static final Pattern LANDLINE = Pattern.compile(
        "(?<![\\d.])(?:0\\d{2,3}[ \\-]?\\d{3,4}[ \\-]?\\d{4}|400[ \\-]?\\d{3}[ \\-]?\\d{4}|95\\d{3,4})(?![\\d.])");
    private static final Pattern QQ = Pattern.compile("(?:qq|扣扣|企鹅|抠抠|蔻蔻)(?:号码|号|群号|群)?\\s*[:：是为]?\\s*([1-9]\\d{4,10})(?!\\d)");
    private static final Pattern WECHAT = Pattern.compile(
        "(?:微信|薇信|威信|维信|徽信|v信|vx|wx|微x|加v|加威)(?:号|号码|id)?\\s*[:：是为]?\\s*([a-z][-_a-z0-9]{5,19})(?![-_a-z0-9])");
    private static final Pattern ALIPAY = Pattern.compile(
        "(?:支付宝|zfb)(?:账号|账户|帐号)?\\s*[:：是为]?\\s*(1[3-9]\\d{9}|[a-z0-9._-]+@[a-z0-9.-]+\\.[a-z]{2,})");
    private static final Pattern APP = Pattern.compile(
        "(?:下载|安装|装一个|装个|下个|下一个)(?:一个|个|了)?\\s*[「“\"《【]?([\\u4e00-\\u9fffa-z0-9]{2,12}?)[」”\"》】]?\\s*(?:app|软件|应用|客户端)"
            + "|[「“\"《【]([\\u4e00-\\u9fffa-z0-9]{2,12})[」”\"》】]\\s*(?:app|软件|客户端)");
    /*
     * Linear time: a number is only tried where a run of digits (or of Chinese numerals) begins, never again inside
     * it, and the runs are possessive. Tried at every digit of a 2,000-digit run, each attempt re-read the rest of
     * the run: quadratic (324 ms).
     */
    private static final Pattern AMOUNT = Pattern.compile(
        "(?:[¥￥]\\s*+)?(?<![\\d,])(\\d{1,3}(?:,\\d{3})++(?:\\.\\d++)?|\\d++(?:\\.\\d++)?)\\s*+"
            + "(万元|万块|万|w(?![a-z])|k(?![a-z])|千元|千块|千|元|块钱|块|rmb)"
            + "|[¥￥]\\s*+(\\d++(?:\\.\\d++)?)"
            + "|(?<![零〇一二两三四五六七八九十百千万亿])"
            + "([零〇一二两三四五六七八九十百千万亿]*[十百千万亿][零〇一二两三四五六七八九十百千万亿点]*+|[零〇一二两三四五六七八九十]++)(元|块钱|块)?");
    private static final Pattern DOTTED_NUMBER = Pattern.compile("\\d+(\\.\\d+)*");
    private static final Pattern NOT_APP_NAME = Pattern.compile("这个|那个|一个|他们|我们|你们|官方|手机|软件|应用");
    private static final Pattern COUNTED = Pattern.compile("^(个|次|人|年|天|多人|分钟|小时|条|位|倍|字|米|公里|斤).*");
    private static final String DIGITS = "0123456789";
    /** Every character an {@link #AMOUNT} match can begin with. */
    private static final String AMOUNT_STARTS = "0123456789¥￥零〇一二两三四五六七八九十百千万亿";
    private static final BigDecimal MAX_AMOUNT = BigDecimal.valueOf(100_000_000_000L);

    public List<Found> extract(String text) {
        List<Found> found = new ArrayList<>();
        boolean[] taken = new boolean[text.length()];
        // cheap pre-checks skip patterns that cannot match: most messages hold no link and few long numbers
        boolean dotted = mayHoldUrl(text);
        boolean digits = hasDigitRun(text, 5);
        for (Matcher m = dotted ? URL.matcher(text) : null; m != null && m.find();) {
            String url = stripTrailing(m.group());
            if (url.contains(".") && !DOTTED_NUMBER.matcher(url).matches()) {
                claim(found, taken, new Indicator(Indicator.URL, url).withNote(Lookalikes.noteFor(url)), m.start(), m.start() + url.length());
            }
        }
        if (digits) {
            idCards(text, found, taken);
        }
        if (containsAny(text, "qq", "扣扣", "企鹅", "抠抠", "蔻蔻")) {
            idGroup(new StartScan(QQ, text, "q扣企抠蔻"), Indicator.QQ, found, taken);
        }
        if (containsAny(text, "信", "vx", "wx", "微x", "加v", "加威", "支付宝", "zfb")) {
            idGroup(new StartScan(WECHAT, text, "微薇威维徽vw加"), Indicator.WECHAT, found, taken);
            idGroup(new StartScan(ALIPAY, text, "支z"), Indicator.ALIPAY, found, taken);
        }
        if (digits) {
            cardsAndPhones(text, found, taken);
        }
        if (containsAny(text, "app", "软件", "应用", "客户端")) {
            apps(text, found);
        }
        amounts(text, found, taken);
        found.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
        return found;
    }

    private static void idCards(String text, List<Found> found, boolean[] taken) {
        for (StartScan scan = new StartScan(ID_CARD, text, DIGITS); scan.find();) {
            Matcher m = scan.matcher();
            if (idChecksumOk(m.group())) {
                claim(found, taken, new Indicator(Indicator.ID_CARD, m.group().toUpperCase()), m.start(), m.end());
            }
        }
    }

    private static void cardsAndPhones(String text, List<Found> found, boolean[] taken) {
        for (StartScan scan = new StartScan(CARD, text, DIGITS); scan.find();) {
            Matcher m = scan.matcher();
            String digits = digitsOf(m.group());
            if (digits.length() >= 16 && digits.length() <= 19 && luhn(digits) && free(taken, m.start(), m.end())) {
                claim(found, taken, new Indicator(Indicator.BANK_CARD, digits), m.start(), m.end());
            }
        }
        for (StartScan scan = new StartScan(MOBILE, text, DIGITS + "+"); scan.find();) {
            Matcher m = scan.matcher();
            String digits = digitsOf(m.group());
            digits = digits.length() == 13 ? digits.substring(2) : digits;
            if (free(taken, m.start(), m.end())) {
                claim(found, taken, new Indicator(Indicator.PHONE, digits), m.start(), m.end());
            }
        }
        for (StartScan scan = new StartScan(LANDLINE, text, DIGITS); scan.find();) {
            Matcher m = scan.matcher();
            if (free(taken, m.start(), m.end())) {
                claim(found, taken, new Indicator(Indicator.PHONE, digitsOf(m.group())), m.start(), m.end());
            }
        }
    }

    private static void apps(String text, List<Found> found) {
        for (StartScan scan = new StartScan(APP, text, "下安装「“\"《【"); scan.find();) {
            Matcher m = scan.matcher();
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            if (name != null && !NOT_APP_NAME.matcher(name).matches()) {
                found.add(new Found(new Indicator(Indicator.APP, name), m.start(), m.end()));
            }
        }
    }

    private static String digitsOf(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    private static boolean containsAny(String text, String... needles) {
        for (String n : needles) {
            if (text.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@link #URL} can match: it needs "://", "www." or a dot before a letter (text is lower-cased). */
    private static boolean mayHoldUrl(String text) {
        if (text.contains("://") || text.contains("www.")) {
            return true;
        }
        for (int i = text.indexOf('.'); i >= 0 && i + 1 < text.length(); i = text.indexOf('.', i + 1)) {
            if (text.charAt(i + 1) >= 'a' && text.charAt(i + 1) <= 'z') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigitRun(String text, int length) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            run = c >= '0' && c <= '9' ? run + 1 : c == ' ' || c == '-' ? run : 0;
            if (run >= length) {
                return true;
            }
        }
        return false;
    }

    private static void amounts(String text, List<Found> found, boolean[] taken) {
        StartScan scan = new StartScan(AMOUNT, text, AMOUNT_STARTS);
        while (scan.find()) {
            Matcher m = scan.matcher();
            if (!free(taken, m.start(), m.end())) {
                continue;
            }
            BigDecimal yuan = null;
            if (m.group(1) != null) {
                yuan = new BigDecimal(m.group(1).replace(",", "")).multiply(ChineseNumbers.multiplier(m.group(2)));
            } else if (m.group(3) != null) {
                yuan = new BigDecimal(m.group(3));
            } else if (m.group(4) != null && isChineseAmount(m.group(4), m.group(5), text, m.end())) {
                yuan = ChineseNumbers.parseChinese(m.group(4));
            }
            if (yuan != null && yuan.signum() > 0 && yuan.compareTo(MAX_AMOUNT) < 0) {
                claim(found, taken, new Indicator(Indicator.AMOUNT, yuan.stripTrailingZeros().toPlainString()), m.start(), m.end());
            }
        }
    }

    /** Chinese numerals are everywhere (一个, 十分, 千万别); only take them as money with a unit or a money word. */
    private static boolean isChineseAmount(String numeral, String unit, String text, int end) {
        if (numeral.equals("千万") || numeral.equals("万一") || numeral.equals("一万") && text.startsWith("步", end)) {
            return false;
        }
        if (unit != null) {
            return true;
        }
        boolean bigUnit = numeral.contains("万") || numeral.contains("千") || numeral.contains("百");
        String after = text.substring(end, Math.min(text.length(), end + 3));
        return bigUnit && numeral.length() >= 2 && !COUNTED.matcher(after).matches();
    }

    /** Labelled ids: the scan's pattern captures the id in group 1. */
    private static void idGroup(StartScan scan, String type, List<Found> found, boolean[] taken) {
        while (scan.find()) {
            Matcher m = scan.matcher();
            if (free(taken, m.start(1), m.end(1))) {
                claim(found, taken, new Indicator(type, m.group(1)), m.start(1), m.end(1));
            }
        }
    }

    private static String stripTrailing(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?)]'".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    private static boolean free(boolean[] taken, int begin, int end) {
        for (int i = begin; i < end; i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }

    private static void claim(List<Found> found, boolean[] taken, Indicator indicator, int begin, int end) {
        for (int i = begin; i < end; i++) {
            taken[i] = true;
        }
        found.add(new Found(indicator, begin, end));
    }

    /** Luhn check used by bank card numbers. */
    public static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /** GB 11643 checksum of an 18-character resident ID number. */
    public static boolean idChecksumOk(String id) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        String checks = "10X98765432";
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * weights[i];
        }
        return Character.toUpperCase(id.charAt(17)) == checks.charAt(sum % 11);
    }
}
