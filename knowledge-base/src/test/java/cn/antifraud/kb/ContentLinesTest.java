package cn.antifraud.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ContentLinesTest {

    @Test
    void aScriptChoiceWithoutFeedbackIsRejectedNamingItsFileAndLine() {
        KnowledgeBaseException e = assertThrows(KnowledgeBaseException.class,
            () -> ScamTypeParser.parse("kb-test/missing-feedback.json", "fake_prize"));
        assertEquals("kb-test/missing-feedback.json:13: script[1].choices[1].feedback: field 'feedback' must be a non-empty string",
            e.getMessage());
    }

    @Test
    void brokenJsonSyntaxIsRejectedNamingTheLine() {
        KnowledgeBaseException e = assertThrows(KnowledgeBaseException.class,
            () -> ScamTypeParser.parse("kb-test/broken.json", "fake_prize"));
        assertTrue(e.getMessage().startsWith("kb-test/broken.json:5: invalid JSON"), e.getMessage());
    }

    @Test
    void everyShippedTypeSurvivesARoundTripThroughItsJsonForm() {
        KnowledgeBase kb = KnowledgeBase.load();
        for (ScamType t : kb.types().values()) {
            JsonObject json = ScamTypeJson.toJson(t);
            assertEquals(t, KnowledgeBase.parseType(json, t.id(), json.encodePrettily()));
        }
    }

    @Test
    void anEditedTypeWithTooFewQuizQuestionsIsRefusedWithTheLine() {
        KnowledgeBase kb = KnowledgeBase.load();
        JsonObject json = ScamTypeJson.toJson(kb.type("romance"));
        json.getJsonArray("quiz").remove(0);
        json.getJsonArray("quiz").remove(0);
        String text = json.encodePrettily();
        KnowledgeBaseException e = assertThrows(KnowledgeBaseException.class,
            () -> KnowledgeBase.parseType(new JsonObject(text), "edit of romance", text));
        assertTrue(e.getMessage().matches("edit of romance:\\d+: quiz: field 'quiz' must be a list of at least 3"), e.getMessage());
    }

    @Test
    void aScriptThatSkipsThePressureStageIsRejected() {
        KnowledgeBase kb = KnowledgeBase.load();
        JsonObject json = ScamTypeJson.toJson(kb.type("romance"));
        json.getJsonArray("script").getJsonObject(2).put("stage", "payment");
        KnowledgeBaseException e = assertThrows(KnowledgeBaseException.class,
            () -> KnowledgeBase.parseType(json, "edit", null));
        assertEquals("edit: script[2].stage: step 3 must be 'pressure', found 'payment'", e.getMessage());
    }
}
