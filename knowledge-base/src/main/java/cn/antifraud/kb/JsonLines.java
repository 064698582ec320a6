package cn.antifraud.kb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a JSON document starts: a map from a path such as {@code script[2].choices[0]} to its
 * 1-based line, so content errors can name the line a reviewer has to fix. Syntax errors name it too.
 */
final class JsonLines {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final Map<String, Integer> lines;

    private JsonLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static final JsonLines NONE = new JsonLines(Map.of());

    /** Indexes {@code text}; a syntax error throws naming {@code resource} and the line. */
    static JsonLines index(String resource, String text) {
        Map<String, Integer> out = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t.isStructEnd()) {
                    continue;
                }
                JsonStreamContext ctx = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
                out.putIfAbsent(path(ctx), p.currentTokenLocation().getLineNr());
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new KnowledgeBaseException(resource + ":" + line + ": invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new KnowledgeBaseException(resource + ": cannot read: " + e.getMessage(), e);
        }
        return new JsonLines(out);
    }

    /** The line of {@code path}, or of its nearest indexed parent; 0 when unknown. */
    int line(String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return lines.getOrDefault("", 0);
            }
            p = p.substring(0, cut);
        }
    }

    private static String path(JsonStreamContext ctx) {
        if (ctx == null || ctx.inRoot()) {
            return "";
        }
        String parent = path(ctx.getParent());
        if (ctx.inArray()) {
            return parent + "[" + ctx.getCurrentIndex() + "]";
        }
        String name = ctx.getCurrentName();
        return parent.isEmpty() ? name : parent + "." + name;
    }
}
