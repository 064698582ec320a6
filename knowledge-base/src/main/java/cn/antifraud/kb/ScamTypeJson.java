package cn.antifraud.kb;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Writes a scam type back as JSON in the same shape as {@code kb/types/<id>.json} (for editing and versions). */
public final class ScamTypeJson {
    private ScamTypeJson() {
    }

    public static JsonObject toJson(ScamType t) {
        JsonArray script = new JsonArray();
        for (ScamType.ScriptStep s : t.script()) {
            JsonArray choices = new JsonArray();
            for (ScamType.Choice c : s.choices()) {
                choices.add(new JsonObject().put("text", c.text()).put("correct", c.correct()).put("feedback", c.feedback()));
            }
            script.add(new JsonObject().put("stage", s.stage()).put("title", s.title()).put("scammer", s.scammer())
                .put("redFlags", new JsonArray(s.redFlags())).put("choices", choices));
        }
        JsonArray quiz = new JsonArray();
        for (ScamType.QuizQuestion q : t.quiz()) {
            quiz.add(new JsonObject().put("question", q.question()).put("options", new JsonArray(q.options()))
                .put("answer", q.answer()).put("explanation", q.explanation()));
        }
        return new JsonObject().put("id", t.id()).put("name", t.name()).put("summary", t.summary())
            .put("signals", new JsonArray(t.signals())).put("advice", new JsonArray(t.advice()))
            .put("audiences", new JsonArray(t.audiences())).put("script", script).put("quiz", quiz);
    }
}
