package cn.antifraud.channels.twilio;

import cn.antifraud.core.conversation.Reply;
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
    static final String OWN_NUMBER = "如果就用您现在打来的这个号码，请按星号键。";
    static final String TYPE_WITH_HASH = "用按键输入的话，输完请按井号键。";
    static final String CONFIRM_NO = "好的，请重新说一遍，或者用按键输入，输完请按井号键。";
    static final String HINTS = "报案,被骗,转账,汇款,民警,转人工,人工,警察,核实,可疑电话,可疑短信,冒充公检法,安全账户,刷单,返利,"
        + "网络贷款,验证码,银行卡,客服,退款,投资理财,杀猪盘,止付,支付宝,微信,对,不对,是的,重复";

    private static final Pattern DIGITS = Pattern.compile("\\d{5,}");

    private VoiceScript() {
    }

    static String confirmNumber(String text) {
        return "您说的是：" + spellDigits(text) + "。对的请按1，或者说“对”；要重新输入请按2。";
    }

    /** Replies as speech: options spoken as keypad choices, long numbers digit by digit. */
    static String speak(List<Reply> replies) {
        StringBuilder sb = new StringBuilder();
        for (Reply r : replies) {
            sb.append(spellDigits(r.text().replace("\n", " ").replaceAll("\\s{2,}", " ").strip()));
            for (int i = 0; i < r.options().size(); i++) {
                sb.append(i == 0 ? " " : "；").append(r.options().get(i)).append("请按").append(i + 1);
            }
            if (!r.options().isEmpty()) {
                sb.append("。");
            }
            sb.append(' ');
        }
        return sb.toString().strip();
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
