package cn.antifraud.core.report;

import cn.antifraud.core.analysis.Masking;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** Case documents as JSON: the full record for the officers' detail view, and a masked summary for lists. */
final class CaseRecords {
    private CaseRecords() {
    }

    static JsonObject toJson(Document d) {
        JsonObject json = (JsonObject) convert(d);
        json.remove("_id");
        json.remove("indicatorKeys");
        return json;
    }

    /** A case in a list: no story, phone and receivers masked. */
    static JsonObject summary(Document d) {
        Document contact = d.get("contact", Document.class);
        JsonArray receivers = new JsonArray();
        for (Object o : d.getList("receivers", Object.class, List.of())) {
            Document r = (Document) o;
            receivers.add(new JsonObject().put("type", r.getString("type"))
                .put("value", Masking.mask(r.getString("type"), r.getString("value"))));
        }
        return new JsonObject().put("caseNo", d.getString("caseNo")).put("status", d.getString("status"))
            .put("urgent", d.getBoolean("urgent", false)).put("scamType", d.getString("scamType"))
            .put("amount", d.getString("amount")).put("method", d.getString("method"))
            .put("createdAt", d.getDate("createdAt").toInstant().toString())
            .put("phone", contact == null ? null : Masking.mask("phone", contact.getString("phone")))
            .put("receivers", receivers)
            .put("linkedCases", new JsonArray(d.getList("linkedCases", String.class, List.of())));
    }

    private static Object convert(Object v) {
        if (v instanceof Document doc) {
            JsonObject o = new JsonObject();
            for (Map.Entry<String, Object> e : doc.entrySet()) {
                o.put(e.getKey(), convert(e.getValue()));
            }
            return o;
        }
        if (v instanceof List<?> list) {
            JsonArray a = new JsonArray();
            list.forEach(x -> a.add(convert(x)));
            return a;
        }
        if (v instanceof Date date) {
            return date.toInstant().toString();
        }
        return v;
    }
}
