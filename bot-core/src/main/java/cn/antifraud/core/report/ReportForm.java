package cn.antifraud.core.report;

import cn.antifraud.core.analysis.Indicator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The report being taken, kept in the conversation's flow state (so it survives restarts): the answers so
 * far, the question being asked ({@code step}) and the report's flags. A field counts as answered once its
 * key is present; a skipped optional field holds "".
 */
final class ReportForm {
    static final String STORY = "story";
    static final String TIME = "time";
    static final String TYPE = "type";
    static final String TYPE_PICK = "type_pick";
    static final String AMOUNT = "amount";
    static final String METHOD = "method";
    static final String RECEIVER = "receiver";
    static final String PHONE = "phone";
    static final String NAME = "name";
    static final String DISTRICT = "district";
    static final String CONFIRM = "confirm";
    static final String FIX = "fix";
    /** The victim says no money has gone: do they still want to report the attempt? */
    static final String NOT_PAID = "not_paid";

    private static final List<String> ORDER = List.of(STORY, TIME, TYPE, AMOUNT, METHOD, RECEIVER, PHONE, NAME, DISTRICT);
    private static final List<String> MONEY_FIRST = List.of(TIME, STORY, TYPE, AMOUNT, METHOD, RECEIVER, PHONE, NAME, DISTRICT);
    /** A stop-payment needs the receiving account first, then what to freeze and whom to call back. */
    private static final List<String> URGENT = List.of(RECEIVER, AMOUNT, METHOD, PHONE, STORY, TIME, TYPE, NAME, DISTRICT);
    static final Duration GOLDEN_HOURS = Duration.ofHours(24);

    final JsonObject s;

    ReportForm(JsonObject state) {
        this.s = state;
    }

    String step() {
        return s.getString("step", STORY);
    }

    void step(String step) {
        s.put("step", step);
    }

    /** The first unanswered field in the order that fits this report, or {@link #CONFIRM}. */
    String nextField() {
        List<String> order = urgent() ? URGENT : s.getBoolean("moneyFirst", false) ? MONEY_FIRST : ORDER;
        for (String f : order) {
            if (!answered(f)) {
                return f;
            }
        }
        return CONFIRM;
    }

    boolean answered(String field) {
        return switch (field) {
            case STORY -> s.containsKey("story");
            case TIME -> s.containsKey("lostAt") || ongoing() || notPaid();
            case TYPE -> s.containsKey("scamTypeConfirmed");
            case AMOUNT -> s.containsKey("amount") || notPaid();
            case METHOD -> s.containsKey("method") || notPaid();
            case RECEIVER -> s.getBoolean("receiverDone", false);
            default -> s.containsKey(key(field));
        };
    }

    /** Where a simple field is kept in the state ("name" is taken by the flow's own name). */
    static String key(String field) {
        return field.equals(NAME) ? "victimName" : field;
    }

    /** Money moved within 24 hours (by the latest moment the resident's words allow) or is moving now. */
    boolean goldenHour(Instant now) {
        if (ongoing()) {
            return true;
        }
        String latest = s.getString("lostLatest");
        return latest != null && Duration.between(Instant.parse(latest), now).compareTo(GOLDEN_HOURS) <= 0;
    }

    boolean urgent() {
        return s.getBoolean("urgent", false);
    }

    boolean escalated() {
        return s.getBoolean("escalated", false);
    }

    /** Nothing was paid: an attempt is reported, so time, amount and method are not asked. */
    boolean notPaid() {
        return s.getBoolean("notPaid", false);
    }

    /** The report is taken on the phone: questions are worded for listening and the keypad. */
    boolean byVoice() {
        return s.getBoolean("voice", false);
    }

    boolean ongoing() {
        return s.getBoolean("ongoing", false);
    }

    String story() {
        return s.getString("story");
    }

    String scamType() {
        return s.getString("scamType");
    }

    String typeCandidate() {
        return s.getString("typeCandidate");
    }

    Instant lostAt() {
        String v = s.getString("lostAt");
        return v == null ? null : Instant.parse(v);
    }

    String lostAtText() {
        return s.getString("lostAtText", "");
    }

    String amount() {
        return s.getString("amount");
    }

    String method() {
        return s.getString("method");
    }

    JsonArray receivers() {
        JsonArray a = s.getJsonArray("receivers");
        if (a == null) {
            a = new JsonArray();
            s.put("receivers", a);
        }
        return a;
    }

    String receiverNote() {
        return s.getString("receiverNote");
    }

    String phone() {
        return s.getString("phone");
    }

    String name() {
        return s.getString("victimName");
    }

    String district() {
        return s.getString("district");
    }

    /** Adds receivers not seen yet; returns how many were new. */
    int addReceivers(List<Indicator> found) {
        int added = 0;
        for (Indicator i : found) {
            JsonObject r = new JsonObject().put("type", i.type()).put("value", i.value());
            if (!receivers().contains(r)) {
                receivers().add(r);
                added++;
            }
        }
        return added;
    }

    List<Indicator> receiverIndicators() {
        List<Indicator> out = new ArrayList<>();
        receivers().forEach(o -> out.add(new Indicator(((JsonObject) o).getString("type"), ((JsonObject) o).getString("value"))));
        return out;
    }
}
