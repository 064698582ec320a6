package cn.antifraud.kb;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses and validates {@code kb/audiences.json}; errors name the file and line. */
final class AudienceParser {
    private AudienceParser() {
    }

    static List<Audience> parse(String resource, Set<String> typeIds) {
        String text = KnowledgeBase.readText(resource);
        ScamTypeParser.Src src = new ScamTypeParser.Src(resource, JsonLines.index(resource, text));
        JsonArray array = KnowledgeBase.decodeArray(resource, text);
        List<Audience> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String where = "[" + i + "]";
            JsonObject a = ScamTypeParser.object(array.getValue(i), where, src);
            List<String> types = ScamTypeParser.strings(a, "types", where, src, 1);
            for (int j = 0; j < types.size(); j++) {
                if (!typeIds.contains(types.get(j))) {
                    throw src.error(where + ".types[" + j + "]", "unknown scam type '" + types.get(j) + "'");
                }
            }
            out.add(new Audience(ScamTypeParser.text(a, "id", where, src), ScamTypeParser.text(a, "name", where, src),
                ScamTypeParser.text(a, "intro", where, src), types, ScamTypeParser.strings(a, "tips", where, src, 1)));
        }
        return out;
    }
}
