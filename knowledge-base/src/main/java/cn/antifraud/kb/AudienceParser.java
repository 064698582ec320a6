package cn.antifraud.kb;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses and validates {@code kb/audiences.json}. */
final class AudienceParser {
    private AudienceParser() {
    }

    static List<Audience> parse(String resource, Set<String> typeIds) {
        JsonArray array = KnowledgeBase.readJsonArray(resource);
        List<Audience> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String where = resource + ": [" + i + "]";
            JsonObject a = array.getJsonObject(i);
            List<String> types = ScamTypeParser.strings(a, "types", where, 1);
            for (String t : types) {
                if (!typeIds.contains(t)) {
                    throw new KnowledgeBaseException(where + ": unknown scam type '" + t + "'");
                }
            }
            out.add(new Audience(ScamTypeParser.text(a, "id", where), ScamTypeParser.text(a, "name", where),
                ScamTypeParser.text(a, "intro", where), types, ScamTypeParser.strings(a, "tips", where, 1)));
        }
        return out;
    }
}
