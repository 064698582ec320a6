package cn.antifraud.core.report;

import cn.antifraud.core.analysis.IndicatorExtractor;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what kind of answer a resident gave: yes/no, skip, cancel, officer, explain, correction, phone, emoji. */
public final class Answers {
    private static final Pattern EMOJI = Pattern.compile("[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}\\x{2B00}-\\x{2BFF}\\x{FE0F}\\x{200D}"
        + "\\x{20E3}\\x{1F1E6}-\\x{1F1FF}\\x{E0020}-\\x{E007F}]|\\p{So}");
    private static final Pattern YES = Pattern.compile("^(?:是|是的|是啊|对|对的|对啊|没错|确认|确认提交|提交|好|好的|可以|嗯+|没问题|正确|准确|就是|没有问题|ok|yes|y|1)[。!！.~]*$");
    private static final Pattern NO = Pattern.compile("^(?:不是|不对|错了|不准确|不|否|no|n|不太对|不完全是)[。!！.~]*$|^不是");
    private static final Pattern SKIP = Pattern.compile("^(?:跳过|跳过这个|不想说|不方便(?:说|透露)?|不告诉你?|不愿意|略过|下一个|下一步|无|没有|不知道|不清楚|不记得了?|算了不说了)[。!！.~]*$");
    private static final Pattern CANCEL = Pattern.compile("^(?:取消|取消报案|不报了|不报案了|我不报了|不想报了|算了|先不报了|退出|结束|不用了)[。!！.~]*$");
    private static final Pattern OFFICER = Pattern.compile("转人工|人工服务|要人工|找(?:个)?(?:民警|警察|人工|真人)|和民警说|跟民警说|联系民警|要民警|请民警");
    private static final Pattern EXPLAIN = Pattern.compile("什么意思|啥意思|为什么要|为什么问|为啥要|为啥问|不明白|不懂|听不懂|看不懂|怎么填|怎么回答|什么是|啥是|干什么用|有什么用");
    private static final Pattern CORRECT = Pattern.compile("填错|写错|说错|打错|弄错|搞错|改成|改为|改一下|更正|修改|应该是|重新填|更改|改正");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(?:\\+?86[ -]?)?(1[3-9]\\d(?:[ -]?\\d){8})(?!\\d)");
    private static final Pattern DIGITS = Pattern.compile("\\d(?:[ -]?\\d){4,}");

    private static final Pattern NOT_PAID = Pattern.compile("(?:还|并)?没(?:有)?(?:转|汇|付|给|打钱|交钱|交|掏钱)|没转账|不会转|不转了?[。!！]*$");
    private static final Pattern ASKS_WHAT_TO_DO = Pattern.compile("怎么办|该怎么|怎么做|要不要|该不该|能不能转|可以转吗|转不转|是真的吗|是不是骗");
    private static final Pattern SAYS_PAID = Pattern.compile("转了|已经转|转过去了|转走了|汇了|付了|交了|被骗了|被骗走|骗了我|给了他|给他了|打了.{0,6}钱|损失|没了");

    private Answers() {
    }

    /** The text without emoji, stripped. */
    public static String withoutEmoji(String text) {
        return EMOJI.matcher(text).replaceAll("").strip();
    }

    public static boolean onlyEmoji(String text) {
        return !text.isBlank() && withoutEmoji(text).replaceAll("[\\p{P}\\s]", "").isEmpty();
    }

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    public static boolean yes(String t) {
        return YES.matcher(t.toLowerCase()).find();
    }

    public static boolean no(String t) {
        return NO.matcher(t.toLowerCase()).find();
    }

    public static boolean skip(String t) {
        return SKIP.matcher(t).find() || t.equals(ReportTexts.SKIP);
    }

    public static boolean cancel(String t) {
        return CANCEL.matcher(t).find() || t.equals(ReportTexts.CANCEL);
    }

    public static boolean officer(String t) {
        return length(t) <= 20 && OFFICER.matcher(t).find();
    }

    public static boolean explain(String t) {
        return length(t) <= 20 && EXPLAIN.matcher(t).find();
    }

    public static boolean correction(String t) {
        return CORRECT.matcher(t).find() || t.startsWith("不对") || t.startsWith("错了");
    }

    /** The victim says no money has gone (「我还没转」「没有给他钱」): a negation that answers the money questions. */
    public static boolean notPaid(String t) {
        return length(t) <= 30 && NOT_PAID.matcher(t).find() && !SAYS_PAID.matcher(t).find();
    }

    /** Asking what to do about a demand to pay (「他让我转钱，我该怎么办」) without saying anything was paid. */
    public static boolean asksBeforePaying(String t) {
        return ASKS_WHAT_TO_DO.matcher(t).find() && !SAYS_PAID.matcher(t).find();
    }

    /** A mainland mobile number (11 digits starting 13-19), digits only; empty when there is none. */
    public static Optional<String> mobile(String text) {
        Matcher m = MOBILE.matcher(ChineseTimeParser.fold(text));
        return m.find() ? Optional.of(m.group(1).replaceAll("\\D", "")) : Optional.empty();
    }

    /** Whether the answer carries a run of digits (an attempt at a number). */
    public static boolean hasDigits(String text) {
        return DIGITS.matcher(ChineseTimeParser.fold(text)).find();
    }

    /** A 16-19 digit run that fails the Luhn check (a mistyped bank card), digits only. */
    public static Optional<String> badCard(String text) {
        for (Matcher m = Pattern.compile("(?<!\\d)\\d(?:[ -]?\\d){15,18}(?!\\d)").matcher(ChineseTimeParser.fold(text)); m.find();) {
            String digits = m.group().replaceAll("\\D", "");
            if (!IndicatorExtractor.luhn(digits)) {
                return Optional.of(digits);
            }
        }
        return Optional.empty();
    }
}
