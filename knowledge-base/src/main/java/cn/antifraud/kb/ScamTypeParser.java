package cn.antifraud.kb;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Parses and validates one {@code kb/types/<id>.json} file. */
final class ScamTypeParser {
    private ScamTypeParser() {
    }

    static ScamType parse(String resource, String expectedId) {
        JsonObject json = KnowledgeBase.readJsonObject(resource);
        String id = text(json, "id", resource);
        if (!id.equals(expectedId)) {
            throw new KnowledgeBaseException(resource + ": id '" + id + "' does not match the file name");
        }
        List<ScamType.ScriptStep> script = new ArrayList<>();
        JsonArray steps = array(json, "script", resource, 3);
        for (int i = 0; i < steps.size(); i++) {
            String where = resource + ": script[" + i + "]";
            JsonObject s = steps.getJsonObject(i);
            List<ScamType.Choice> choices = new ArrayList<>();
            JsonArray cs = array(s, "choices", where, 2);
            int correct = 0;
            for (int j = 0; j < cs.size(); j++) {
                JsonObject c = cs.getJsonObject(j);
                boolean ok = c.getBoolean("correct", false);
                correct += ok ? 1 : 0;
                choices.add(new ScamType.Choice(text(c, "text", where + ".choices[" + j + "]"), ok,
                    text(c, "feedback", where + ".choices[" + j + "]")));
            }
            if (correct != 1) {
                throw new KnowledgeBaseException(where + ": needs exactly one correct choice, has " + correct);
            }
            script.add(new ScamType.ScriptStep(text(s, "stage", where), s.getString("title", ""),
                text(s, "scammer", where), strings(s, "redFlags", where, 1), choices));
        }
        List<ScamType.QuizQuestion> quiz = new ArrayList<>();
        JsonArray qs = array(json, "quiz", resource, KnowledgeBase.MIN_QUIZ_QUESTIONS);
        for (int i = 0; i < qs.size(); i++) {
            String where = resource + ": quiz[" + i + "]";
            JsonObject q = qs.getJsonObject(i);
            List<String> options = strings(q, "options", where, 2);
            Integer answer = q.getInteger("answer");
            if (answer == null || answer < 0 || answer >= options.size()) {
                throw new KnowledgeBaseException(where + ": answer must be an index into options");
            }
            quiz.add(new ScamType.QuizQuestion(text(q, "question", where), options, answer, text(q, "explanation", where)));
        }
        return new ScamType(id, text(json, "name", resource), text(json, "summary", resource),
            strings(json, "signals", resource, 1), strings(json, "advice", resource, 2),
            strings(json, "audiences", resource, 1), List.copyOf(script), List.copyOf(quiz));
    }

    static String text(JsonObject json, String field, String where) {
        Object v = json.getValue(field);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new KnowledgeBaseException(where + ": field '" + field + "' must be a non-empty string");
        }
        return s;
    }

    static JsonArray array(JsonObject json, String field, String where, int min) {
        Object v = json.getValue(field);
        if (!(v instanceof JsonArray a) || a.size() < min) {
            throw new KnowledgeBaseException(where + ": field '" + field + "' must be a list of at least " + min);
        }
        return a;
    }

    static List<String> strings(JsonObject json, String field, String where, int min) {
        JsonArray a = array(json, field, where, min);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!(a.getValue(i) instanceof String s) || s.isBlank()) {
                throw new KnowledgeBaseException(where + ": " + field + "[" + i + "] must be a non-empty string");
            }
            out.add(s);
        }
        return List.copyOf(out);
    }
}
