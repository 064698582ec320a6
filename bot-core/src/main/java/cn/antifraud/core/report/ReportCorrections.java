package cn.antifraud.core.report;

import cn.antifraud.core.analysis.Analysis;
import cn.antifraud.core.analysis.Indicator;
import cn.antifraud.core.dialogue.TurnContext;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Which answer a correction ("金额填错了，是三万", "不对，是前天") is about, and clearing an answer to take it again. */
final class ReportCorrections {
    /** Fields whose new value can be read from the correction itself. */
    static final Set<String> APPLY_IN_PLACE = Set.of(ReportForm.AMOUNT, ReportForm.TIME, ReportForm.METHOD, ReportForm.PHONE);

    private static final Map<String, Pattern> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put(ReportForm.RECEIVER, Pattern.compile("收款|对方的?(?:账号|卡号|账户|电话|号码|微信|支付宝)|卡号|账号|账户|网址|链接"));
        WORDS.put(ReportForm.METHOD, Pattern.compile("方式|渠道"));
        WORDS.put(ReportForm.TIME, Pattern.compile("时间|日期|几点|哪天|时候"));
        WORDS.put(ReportForm.AMOUNT, Pattern.compile("金额|钱数|数目|多少钱|钱"));
        WORDS.put(ReportForm.PHONE, Pattern.compile("我的(?:电话|手机)|联系电话|手机号|电话|手机"));
        WORDS.put(ReportForm.NAME, Pattern.compile("姓名|名字|称呼"));
        WORDS.put(ReportForm.DISTRICT, Pattern.compile("所在区|区域|住址|地址|街道|区"));
        WORDS.put(ReportForm.TYPE, Pattern.compile("类型|哪一类|哪种|骗局"));
        WORDS.put(ReportForm.STORY, Pattern.compile("经过|描述"));
    }

    private ReportCorrections() {
    }

    /** The field a correction names, or null. */
    static String field(String text) {
        for (var e : WORDS.entrySet()) {
            if (e.getValue().matcher(text).find()) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * For a correction that names no field ("不对，是前天"): the field its new value fits, applied; null when
     * the value fits none (then the resident is asked which one).
     */
    static String guess(String text, Analysis a, ReportAnswers answers, ReportForm f, TurnContext ctx) {
        List<String> candidates = new java.util.ArrayList<>();
        if (a.indicators().stream().anyMatch(i -> i.type().equals(Indicator.AMOUNT))) {
            candidates.add(ReportForm.AMOUNT);
        }
        if (Answers.mobile(text).isPresent()) {
            candidates.add(ReportForm.PHONE);
        }
        candidates.add(ReportForm.TIME);
        for (String field : candidates) {
            JsonObject before = f.s.copy();
            clear(f, field);
            if (answers.apply(field, f, ctx, text) == null) {
                return field;
            }
            f.s.clear().mergeIn(before);
        }
        return null;
    }

    static void clear(ReportForm f, String field) {
        List<String> keys = switch (field) {
            case ReportForm.TIME -> List.of("lostAt", "lostLatest", "lostAtText", "ongoing");
            case ReportForm.TYPE -> List.of("scamType", "scamTypeConfirmed");
            case ReportForm.RECEIVER -> List.of("receivers", "receiverNote", "receiverDone", "pendingCard");
            default -> List.of(ReportForm.key(field));
        };
        keys.forEach(f.s::remove);
    }
}
