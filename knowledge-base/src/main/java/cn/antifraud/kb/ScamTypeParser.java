package cn.antifraud.kb;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses and validates one scam type's content ({@code kb/types/<id>.json}, or a supervisor's edited copy).
 * Every error names the file and the line of the offending value (when the text is known) and its path.
 */
final class ScamTypeParser {
    /** The stages every scenario script walks through, in this order (others may be added after them). */
    static final List<String> REQUIRED_STAGES = List.of("first_contact", "hook", "pressure", "payment");

    private ScamTypeParser() {
    }

    /** Where a document came from: its name and the line index of its text. */
    record Src(String resource, JsonLines lines) {
        KnowledgeBaseException error(String path, String message) {
            int line = lines.line(path);
            return new KnowledgeBaseException(resource + (line > 0 ? ":" + line : "") + ": "
                + (path.isEmpty() ? "" : path + ": ") + message);
        }
    }

    static ScamType parse(String resource, String expectedId) {
        String text = KnowledgeBase.readText(resource);
        Src src = new Src(resource, JsonLines.index(resource, text));
        JsonObject json = KnowledgeBase.decodeObject(resource, text);
        ScamType type = parse(json, src);
        if (!type.id().equals(expectedId)) {
            throw src.error("id", "id '" + type.id() + "' does not match the file name");
        }
        return type;
    }

    static ScamType parse(JsonObject json, Src src) {
        String id = text(json, "id", "", src);
        List<ScamType.ScriptStep> script = new ArrayList<>();
        JsonArray steps = array(json, "script", "", src, REQUIRED_STAGES.size());
        for (int i = 0; i < steps.size(); i++) {
            String where = "script[" + i + "]";
            JsonObject s = object(steps.getValue(i), where, src);
            List<ScamType.Choice> choices = new ArrayList<>();
            JsonArray cs = array(s, "choices", where, src, 2);
            int correct = 0;
            for (int j = 0; j < cs.size(); j++) {
                String cw = where + ".choices[" + j + "]";
                JsonObject c = object(cs.getValue(j), cw, src);
                boolean ok = Boolean.TRUE.equals(c.getValue("correct"));
                correct += ok ? 1 : 0;
                choices.add(new ScamType.Choice(text(c, "text", cw, src), ok, text(c, "feedback", cw, src)));
            }
            if (correct != 1) {
                throw src.error(where, "needs exactly one correct choice, has " + correct);
            }
            String stage = text(s, "stage", where, src);
            if (i < REQUIRED_STAGES.size() && !stage.equals(REQUIRED_STAGES.get(i))) {
                throw src.error(where + ".stage", "step " + (i + 1) + " must be '" + REQUIRED_STAGES.get(i) + "', found '" + stage + "'");
            }
            script.add(new ScamType.ScriptStep(stage, s.getValue("title") instanceof String t ? t : "",
                text(s, "scammer", where, src), strings(s, "redFlags", where, src, 1), choices));
        }
        List<ScamType.QuizQuestion> quiz = new ArrayList<>();
        JsonArray qs = array(json, "quiz", "", src, KnowledgeBase.MIN_QUIZ_QUESTIONS);
        for (int i = 0; i < qs.size(); i++) {
            String where = "quiz[" + i + "]";
            JsonObject q = object(qs.getValue(i), where, src);
            List<String> options = strings(q, "options", where, src, 2);
            Object answer = q.getValue("answer");
            if (!(answer instanceof Integer a) || a < 0 || a >= options.size()) {
                throw src.error(where + ".answer", "answer must be an index into options (0 to " + (options.size() - 1) + ")");
            }
            quiz.add(new ScamType.QuizQuestion(text(q, "question", where, src), options, a, text(q, "explanation", where, src)));
        }
        return new ScamType(id, text(json, "name", "", src), text(json, "summary", "", src),
            strings(json, "signals", "", src, 1), strings(json, "advice", "", src, 2),
            strings(json, "audiences", "", src, 1), List.copyOf(script), List.copyOf(quiz));
    }

    static JsonObject object(Object v, String where, Src src) {
        if (!(v instanceof JsonObject o)) {
            throw src.error(where, "must be an object");
        }
        return o;
    }

    static String text(JsonObject json, String field, String where, Src src) {
        Object v = json.getValue(field);
        if (!(v instanceof String s) || s.isBlank()) {
            throw src.error(join(where, field), "field '" + field + "' must be a non-empty string");
        }
        return s;
    }

    static JsonArray array(JsonObject json, String field, String where, Src src, int min) {
        Object v = json.getValue(field);
        if (!(v instanceof JsonArray a) || a.size() < min) {
            throw src.error(join(where, field), "field '" + field + "' must be a list of at least " + min);
        }
        return a;
    }

    static List<String> strings(JsonObject json, String field, String where, Src src, int min) {
        JsonArray a = array(json, field, where, src, min);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!(a.getValue(i) instanceof String s) || s.isBlank()) {
                throw src.error(join(where, field) + "[" + i + "]", field + "[" + i + "] must be a non-empty string");
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    private static String join(String where, String field) {
        return where.isEmpty() ? field : where + "." + field;
    }
}
