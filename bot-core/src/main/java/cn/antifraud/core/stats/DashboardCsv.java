package cn.antifraud.core.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The dashboard's figures as CSV (UTF-8 with BOM so spreadsheet programs show the Chinese right). */
public final class DashboardCsv {
    private DashboardCsv() {
    }

    public static String render(JsonObject f) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append("指标,数值\n");
        row(sb, "统计起始日", f.getString("from"));
        row(sb, "统计截止日", f.getString("to"));
        row(sb, "转人工预警数", f.getValue("escalations"));
        row(sb, "已处置预警数", f.getValue("warningsHandled"));
        row(sb, "劝阻成功数", f.getValue("dissuaded"));
        row(sb, "劝阻成功率", f.getValue("dissuasionRate"));
        row(sb, "挽损金额(元)", f.getValue("amountSaved"));
        JsonObject resp = f.getJsonObject("responseSeconds");
        JsonObject hand = f.getJsonObject("handlingSeconds");
        row(sb, "平均响应时间(秒)", resp.getValue("average"));
        row(sb, "响应时间中位数(秒)", resp.getValue("median"));
        row(sb, "平均处置时长(秒)", hand.getValue("average"));
        row(sb, "处置时长中位数(秒)", hand.getValue("median"));
        f.getJsonObject("dispositions").forEach(e -> row(sb, "处置结果:" + e.getKey(), e.getValue()));
        sb.append('\n').append("日期,类型,数量\n");
        JsonArray days = f.getJsonArray("dayLabels");
        for (int i = 0; i < days.size(); i++) {
            sb.append(days.getString(i)).append(",转人工预警,").append(f.getJsonArray("escalationsByDay").getValue(i)).append('\n');
            for (Object o : f.getJsonArray("reportsByType")) {
                JsonObject t = (JsonObject) o;
                sb.append(days.getString(i)).append(',').append(cell(t.getString("name"))).append(',')
                    .append(t.getJsonArray("counts").getValue(i)).append('\n');
            }
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, Object value) {
        sb.append(cell(name)).append(',').append(value == null ? "" : cell(String.valueOf(value))).append('\n');
    }

    /** Quotes a cell when needed and defuses spreadsheet formulas. */
    static String cell(String v) {
        String s = v.matches("^[=+\\-@].*") && !v.matches("-?\\d+(\\.\\d+)?") ? "'" + v : v;
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
