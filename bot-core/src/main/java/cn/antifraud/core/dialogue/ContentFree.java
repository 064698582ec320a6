package cn.antifraud.core.dialogue;

import java.util.regex.Pattern;

/**
 * A message with nothing in it to check: emoji only (「👍」), punctuation only (「？？」「。。。」), a bare acknowledgement
 * (「嗯」「好的」), or a channel's placeholder for a sticker or picture (「[表情]」「[动画表情]」「/::)」). A verdict on it
 * would only say "no fraud signal" about nothing, so the bot asks what the resident wants checked instead.
 */
final class ContentFree {
    private static final Pattern EMOJI = Pattern.compile("[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}\\x{2B00}-\\x{2BFF}\\x{FE0F}"
        + "\\x{200D}\\x{20E3}\\x{E0020}-\\x{E007F}]|\\p{So}|\\p{Sk}");
    /** Stickers, pictures and WeChat's emoji codes as channels deliver them in text: 「[表情]」「[Sticker]」「[捂脸]」「/::)」. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?:\\[[^\\[\\]\\s]{1,8}\\]|【[^【】\\s]{1,4}】|/:[^\\s/]{1,8})+");
    private static final Pattern ACKNOWLEDGEMENT = Pattern.compile(
        "(?:嗯|恩|哦|噢|喔|啊|额|呃|哈|呵|嘿|好|行|ok|okay|en|o|收到|好的|了解|明白|知道了)+", Pattern.CASE_INSENSITIVE);

    private ContentFree() {
    }

    static boolean is(String text) {
        String t = PLACEHOLDER.matcher(text.strip()).replaceAll("");
        t = EMOJI.matcher(t).replaceAll("").replaceAll("[\\p{P}\\p{S}\\s~～]", "");
        return t.isEmpty() || ACKNOWLEDGEMENT.matcher(t).matches();
    }

    /** The short question back; after a verdict it also says how to go on from there. */
    static Turn question(boolean afterVerdict) {
        String text = afterVerdict
            ? "还有什么想让我帮您看看的吗？可以把新收到的短信、聊天内容、电话号码或链接直接发给我。"
                + "表情和图片我看不了，麻烦把里面的文字复制或者打出来。如果已经转了钱，请马上告诉我。"
            : "您想让我帮您看看什么呢？请把收到的可疑短信、聊天内容、电话号码或链接直接复制发给我，我来帮您判断。"
                + "表情和图片我看不了，麻烦把里面的文字复制或者打出来。如果已经转了钱，请马上告诉我。";
        return Turn.reply(text, Options.PAID, Options.LEARN);
    }
}
