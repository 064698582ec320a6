package cn.antifraud.core.report;

import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.ScamType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the intake officer says: one question per field, what each question means, the read-back. */
final class ReportTexts {
    static final String SUBMIT = cn.antifraud.core.dialogue.Options.SUBMIT_REPORT;
    static final String CHANGE = "修改";
    static final String CANCEL = "取消报案";
    static final String SKIP = "跳过";
    static final String UNSURE = "不确定";
    static final String SAME_NUMBER = "就用我现在这个号码";
    static final String KEEP_GOING = "继续报案";
    static final String CANCEL_CONFIRMED = "确定取消";
    static final String CONFIRM_CANCEL = "您的情况是紧急止付，民警正在争分夺秒帮您拦下这笔钱。取消以后，刚才填的信息就不会交给民警了。"
        + "您确定要取消这次报案吗？";
    static final String RESTART = "重新开始报案";
    static final String REPORT_ATTEMPT = "报给民警";
    static final String NO_REPORT = "不用了";
    /** Leaves the report for the main choices (offered when a question has been asked twice already). */
    static final String MENU = "返回主菜单";
    /** Leads the third asking of one question: nobody is kept in a loop. */
    static final String STUCK = "这一项答不上来也不要紧，可以请值班民警帮您，也可以先回到主菜单。";

    /** Field id -> its name in corrections and read-back, in read-back order. */
    static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put(ReportForm.STORY, "经过");
        FIELDS.put(ReportForm.TYPE, "诈骗类型");
        FIELDS.put(ReportForm.TIME, "转出时间");
        FIELDS.put(ReportForm.AMOUNT, "金额");
        FIELDS.put(ReportForm.METHOD, "付款方式");
        FIELDS.put(ReportForm.RECEIVER, "收款账号");
        FIELDS.put(ReportForm.PHONE, "联系电话");
        FIELDS.put(ReportForm.NAME, "姓名");
        FIELDS.put(ReportForm.DISTRICT, "所在区");
    }

    static final String INTRO = "别着急，我来帮您登记报案。我会一项一项地问，您照实回答就行。"
        + "想改哪一项、跳过选填的问题、取消，或者想找民警，随时告诉我。";

    static final String STAY_SAFE = "还没转钱就好，千万不要转。公检法机关不会在电话里办案，更没有什么“安全账户”，"
        + "让您转钱的都是骗子：请马上挂断或拉黑对方，不要说验证码，不要下载对方给的软件；拿不准就打96110问一问。";
    static final String STAY_SAFE_SPOKEN = "还没转就好，千万不要转，公检法不会让您往“安全账户”转钱，请马上挂断对方的电话。";

    static final String RECOVERY_WARNING = "特别提醒：之后如果有人自称能“帮您追回损失”“办理退款”，但要您先交手续费、保证金，"
        + "那一定是二次诈骗，千万不要理会。追回赃款只会由公安机关通过正式途径办理，不收任何费用。";

    private ReportTexts() {
    }

    static String question(String field, ReportForm form, KnowledgeBase kb) {
        String spoken = form.byVoice() ? VoiceQuestions.question(field, form) : null;
        if (spoken != null) {
            return spoken;
        }
        return switch (field) {
            case ReportForm.STORY -> "请您简单说说发生了什么：对方是谁、怎么联系上您的、让您做了什么？";
            case ReportForm.TIME -> "钱是什么时候转出去的？说个大概就行，比如“刚刚”“半小时前”“昨天下午三点”“11月20日晚上”。";
            case ReportForm.TYPE -> form.typeCandidate() == null ? "您觉得这更像哪一类骗局？不确定也没关系。"
                : "听您的描述，这很像「" + typeName(kb, form.typeCandidate()) + "」，对吗？";
            case ReportForm.TYPE_PICK -> "那您觉得更像下面哪一类？不确定也没关系。";
            case ReportForm.AMOUNT -> "一共被骗了多少钱？比如“两万三千元”“5w”“1.2万”。";
            case ReportForm.METHOD -> "钱是通过什么方式转出去的？";
            case ReportForm.RECEIVER -> form.receivers().isEmpty()
                ? "钱转到了对方的哪个账号？请发给我对方的银行卡号、支付宝或微信账号；对方的电话、网址、App 名称、聊天账号也请一起发来。"
                : "除了 " + receiverList(form) + "，钱是转到哪个收款账号的？银行卡号、支付宝或微信账号都可以；没有别的就回复“没有”。";
            case ReportForm.PHONE -> "请留一个能联系到您的手机号，民警会用它联系您，您以后也要用它查询案件进度。";
            case ReportForm.NAME -> "怎么称呼您？（选填，不想说可以回复“跳过”）";
            case ReportForm.DISTRICT -> "您住在哪个区或街道？（选填，可以回复“跳过”）";
            case ReportForm.FIX -> "您想改哪一项？";
            case ReportForm.NOT_PAID -> "您愿意把这个骗子的情况报给民警吗？没有损失也可以报，能帮民警提醒更多人。";
            default -> readBack(form, kb);
        };
    }

    static String explain(String field) {
        return switch (field) {
            case ReportForm.STORY -> "这是请您讲讲事情经过。民警需要知道对方用什么身份、什么理由让您转钱，才能判断案件类型、并案侦查。";
            case ReportForm.TIME -> "转账时间非常关键：24小时内的转账，民警还有机会通知银行紧急止付（冻结对方账户）。说个大概的时间就可以。";
            case ReportForm.TYPE, ReportForm.TYPE_PICK -> "骗局类型是按公安机关的分类来的，帮助民警把您的案件交给对口的办案人员。拿不准就选“不确定”。";
            case ReportForm.AMOUNT -> "就是这次一共转给对方多少钱（人民币），几次转账请加起来告诉我总数。";
            case ReportForm.METHOD -> "就是钱是怎么给出去的：银行转账、支付宝、微信支付、虚拟币、现金，还是买了购物卡、充值卡给对方。";
            case ReportForm.RECEIVER -> "收款账号就是对方让您把钱转进去的那个银行卡号、支付宝或微信账号，在转账记录里能看到。"
                + "止付和追查都要靠它。";
            case ReportForm.PHONE -> "这是您本人的手机号，不是对方的。民警会用它联系您，查询案件进度时也要用它核对身份。";
            case ReportForm.NAME, ReportForm.DISTRICT -> "这一项是选填的，方便民警联系和就近办理；不想填可以回复“跳过”。";
            default -> "这是把您刚才说的情况再念一遍给您核对。都对就回复“确认提交”，哪一项不对就告诉我，比如“金额填错了，是三万”。";
        };
    }

    static String readBack(ReportForm f, KnowledgeBase kb) {
        StringBuilder sb = new StringBuilder("请您核对一下报案信息：\n");
        String story = f.story() == null ? "" : f.story();
        sb.append("1. 经过：").append(story.length() > 80 ? story.substring(0, 80) + "……" : story).append('\n');
        sb.append("2. 诈骗类型：").append(f.scamType() == null || f.scamType().equals(KnowledgeBase.NONE) ? "待民警认定"
            : typeName(kb, f.scamType())).append('\n');
        String when = time(f.lostAt(), f.s.getBoolean("lostDayOnly", false)) + "（您说的是“" + f.lostAtText() + "”）";
        if (f.notPaid()) {
            sb.append("3. 转出时间：还没有转钱\n4. 金额：无\n5. 付款方式：无\n");
        } else {
            sb.append("3. 转出时间：").append(f.ongoing() ? "正在转账" : when).append('\n');
            sb.append("4. 金额：").append(AmountParser.format(new BigDecimal(f.amount()))).append('\n');
            sb.append("5. 付款方式：").append(PaymentMethod.ofId(f.method()).map(PaymentMethod::label).orElse("其他方式")).append('\n');
        }
        String receivers = receiverList(f);
        String note = f.receiverNote();
        sb.append("6. 收款方：").append(receivers.isEmpty() && (note == null || note.isEmpty()) ? "未提供"
            : receivers + (note == null || note.isEmpty() ? "" : (receivers.isEmpty() ? "" : "；") + note)).append('\n');
        sb.append("7. 联系电话：").append(f.phone()).append('\n');
        sb.append("8. 姓名：").append(blank(f.name()) ? "未填写" : f.name()).append('\n');
        sb.append("9. 所在区：").append(blank(f.district()) ? "未填写" : f.district()).append("\n\n");
        return sb.append("都对的话请回复“确认提交”；哪一项不对直接告诉我，比如“金额填错了，是三万”。").toString();
    }

    static String receiverList(ReportForm f) {
        StringBuilder sb = new StringBuilder();
        JsonArray list = f.receivers();
        for (int i = 0; i < list.size(); i++) {
            JsonObject r = list.getJsonObject(i);
            sb.append(i > 0 ? "、" : "").append(label(r.getString("type"))).append(' ').append(r.getString("value"));
        }
        return sb.toString();
    }

    static String label(String type) {
        return switch (type) {
            case "phone" -> "电话";
            case "url" -> "网址";
            case "bank_card" -> "银行卡";
            case "account" -> "账户";
            case "qq" -> "QQ";
            case "wechat" -> "微信号";
            case "alipay" -> "支付宝";
            case "app" -> "软件";
            default -> type;
        };
    }

    static String typeName(KnowledgeBase kb, String id) {
        ScamType t = id == null ? null : kb.type(id);
        return t == null ? "待民警认定" : t.name();
    }

    private static String time(Instant at, boolean dayOnly) {
        return at == null ? "" : DateTimeFormatter.ofPattern(dayOnly ? "yyyy年M月d日" : "yyyy年M月d日 HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai")).format(at);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
