package cn.antifraud.channels.twilio;

import cn.antifraud.core.conversation.Reply;
import cn.antifraud.core.dialogue.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the voice line says, and how written replies are turned into speech. */
final class VoiceScript {
    static final String GREETING = "您好，这里是反诈热线，我是智能助理。";
    static final String MENU = "报案请按1，或者说“报案”；核实可疑的电话或短信请按2；找民警请按0；再听一遍请按9。";
    static final String CHECK = "好的。请说出对方的电话号码，或者说说对方跟您讲了什么。用按键输入号码的话，输完请按井号键。";
    static final String NOT_HEARD = "抱歉，我没有听清楚。";
    static final String NO_SUCH_OPTION = "抱歉，没有这个选项。";
    static final String OFFER_OFFICER = "还是没有听到您的声音。需要民警帮助，请按0，或者说“转人工”；没有其他事情的话，可以直接挂机。";
    static final String GOODBYE = "感谢您的来电，再见。如需帮助，请随时拨打反诈专线96110，紧急情况请拨打110。";
    static final String CONNECTING = "正在为您转接值班民警，请不要挂机。";
    static final String NOT_CONNECTED = "民警暂时没有接通，我们已经记下您的电话，会尽快给您回电。紧急情况请直接拨打110。再见。";
    static final String HOLD = "值班民警正在处理其他来电，我们已经记下您的电话和刚才说的情况，民警会尽快给您回电，请保持手机畅通。"
        + "如果情况紧急，请挂机后直接拨打110。再见。";
    static final String REPEAT = "再听一遍请按9。";
    static final String RESUME = "您上次的报案还没有填完，继续请按1，重新开始请按2；" + REPEAT;
    static final String RESUMED = "好的，我们接着填。";
    static final String MESSAGE_OFFER = "值班民警现在都在忙，暂时接不了电话。想给民警留一段语音留言请按1，民警听了会给您回电；"
        + "先接着和我说请按2；" + REPEAT;
    static final String RECORD_NOW = "请在听到“嘀”声后说出您的情况，说完请按井号键，或者直接挂机。";
    static final String MESSAGE_TAKEN = "您的留言已经收到，民警听了会尽快给您回电，请保持手机畅通。紧急情况请直接拨打110，再见。";
    static final String NO_MESSAGE = "没有录到您的留言。我们已经记下您的电话，民警会尽快给您回电，紧急情况请直接拨打110。再见。";
    static final String FAREWELL = "好的，感谢您的来电，遇到拿不准的事随时打过来。如需帮助，请拨打反诈专线96110，紧急情况请拨打110。再见。";
    static final String OWN_NUMBER = "如果就用您现在打来的这个号码，请按星号键。";
    static final String TYPE_WITH_HASH = "用按键输入的话，输完请按井号键。";
    static final String CONFIRM_NO = "好的，请重新说一遍，或者用按键输入，输完请按井号键。";
    static final String HINTS = "报案,被骗,转账,汇款,民警,转人工,人工,警察,核实,可疑电话,可疑短信,冒充公检法,安全账户,刷单,返利,"
        + "网络贷款,验证码,银行卡,客服,退款,投资理财,杀猪盘,止付,支付宝,微信,对,不对,是的,重复";

    /** How many options can get a key: 9 repeats the prompt and 0 asks for the officer. */
    static final int KEYS = 8;
    static final String OTHERS = "；其他的请直接说出名称";
    static final String OFFICER_ON_ZERO = "；找民警请按0";

    private static final Pattern DIGITS = Pattern.compile("\\d{5,}");

    private VoiceScript() {
    }

    static String confirmNumber(String text) {
        return "您说的是：" + spellDigits(text) + "。对的请按1，或者说“对”；要重新输入请按2。";
    }

    /**
     * Replies as speech: written for the ear (no emoji or list marks, at most two sentences before the
     * choices: the first, which carries the most important advice, and the last, which asks), options
     * spoken as keypad choices, long numbers digit by digit.
     */
    static String speak(List<Reply> replies) {
        StringBuilder text = new StringBuilder();
        List<String> options = List.of();
        for (Reply r : replies) {
            text.append(r.text()).append('\n');
            if (!r.options().isEmpty()) {
                options = r.options();
            }
        }
        StringBuilder sb = new StringBuilder(spellDigits(SpokenText.shorten(text.toString())));
        List<String> keyed = keyed(options);
        for (int i = 0; i < keyed.size(); i++) {
            sb.append(i == 0 ? "" : "；").append(keyed.get(i)).append("请按").append(i + 1);
        }
        if (keyed.size() < options.size() - (options.contains(Options.OFFICER) ? 1 : 0)) {
            sb.append(OTHERS);
        }
        if (!keyed.contains(Options.OFFICER) && options.contains(Options.OFFICER)) {
            sb.append(OFFICER_ON_ZERO);
        }
        if (!options.isEmpty()) {
            sb.append("。");
        }
        return sb.toString().strip();
    }

    /**
     * The options that get a key, in order (key 1 first). Keys 9 (hear it again) and 0 (the officer) are taken, so
     * at most eight: a longer list leaves 转人工 to the 0 key, then keeps the first seven and the last (the way out,
     * such as 不确定); the rest can be said by name.
     */
    static List<String> keyed(List<String> options) {
        if (options.size() <= KEYS) {
            return options;
        }
        List<String> rest = new ArrayList<>(options);
        rest.remove(Options.OFFICER);
        if (rest.size() <= KEYS) {
            return rest;
        }
        List<String> out = new ArrayList<>(rest.subList(0, KEYS - 1));
        out.add(rest.get(rest.size() - 1));
        return out;
    }

    /** The end of an urgent call with no officer line: what was taken, and when the call back comes. */
    static String callBackPromise(String phone) {
        return "收款账号、金额和您的电话都记下了，值班民警会在30分钟内打 " + spellDigits(phone.replace("+86", ""))
            + " 给您回电，请保持手机畅通。等待的时候请马上打电话给转出钱的银行要求冻结，紧急情况请拨打110，再见。";
    }

    /** A short spoken goodbye (「谢谢再见」「好的拜拜」) ends the call politely. */
    static boolean farewell(String speech) {
        String s = speech.replaceAll("[，。！？,.!?\\s]", "");
        return s.length() <= 8 && s.matches(".*(再见|拜拜|挂了|没事了|不用了谢谢).*");
    }

    /** Asking to hear the last prompt again (the keypad's 9 does the same). */
    static boolean repeat(String speech) {
        String s = speech.replaceAll("[，。！？,.!?\\s]", "");
        return s.length() <= 6 && s.matches(".*(重复|再说一遍|再听一遍|再说一次|没听清).*");
    }

    /** Runs of five or more digits (phones, cards, amounts typed on the keypad) read one digit at a time. */
    static String spellDigits(String text) {
        Matcher m = DIGITS.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, String.join(" ", m.group().split("")));
        }
        return m.appendTail(sb).toString();
    }

    static boolean hasLongNumber(String text) {
        return DIGITS.matcher(text.replaceAll("[\\s-]", "")).find();
    }

    /** The bot's last question wants a number the caller may type (phone, account, card, amount). */
    static boolean asksForNumber(List<Reply> replies) {
        return !replies.isEmpty() && replies.get(replies.size() - 1).options().isEmpty()
            && replies.get(replies.size() - 1).text().matches("(?s).*(号码|账号|卡号|金额|多少钱|编号).*");
    }

    static boolean asksForPhone(List<Reply> replies) {
        return !replies.isEmpty() && replies.get(replies.size() - 1).options().isEmpty()
            && replies.get(replies.size() - 1).text().matches("(?s).*(联系电话|联系方式|您的(手机|电话)).*");
    }
}
