package cn.antifraud.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {

    @Test
    void theShippedKnowledgeBaseLoadsAndEveryTypeHasItsContent() {
        KnowledgeBase kb = KnowledgeBase.load();
        assertEquals(13, kb.scamTypeIds().size());
        for (String id : kb.scamTypeIds()) {
            ScamType t = kb.type(id);
            assertNotNull(t, id);
            assertTrue(t.quiz().size() >= KnowledgeBase.MIN_QUIZ_QUESTIONS, id);
            long samples = kb.corpus().stream().filter(s -> s.label().equals(id)).count();
            assertTrue(samples >= KnowledgeBase.MIN_SAMPLES_PER_TYPE, id + " has " + samples);
        }
        assertTrue(kb.corpus().stream().filter(s -> s.label().equals(KnowledgeBase.NONE)).count() >= 600);
    }

    @Test
    void heldOutTextNeverAppearsInTheTrainingCorpus() {
        KnowledgeBase kb = KnowledgeBase.load();
        Set<String> training = new HashSet<>();
        kb.corpus().forEach(s -> training.add(s.text()));
        kb.intents().forEach(s -> training.add(s.text()));
        kb.heldout().forEach(s -> assertTrue(!training.contains(s.text()), "held-out line in training: " + s.text()));
        kb.heldoutIntents().forEach(s -> assertTrue(!training.contains(s.text()), "held-out line in training: " + s.text()));
        assertEquals(8, kb.blindHeldOut().size());
        kb.blindHeldOut().forEach(f -> f.lines().forEach(s -> assertTrue(!training.contains(s.text()),
            f.resource() + ": held-out line in training: " + s.text())));
    }

    @Test
    void aFileWithAnUnknownLabelIsRejectedWithFileAndLine() {
        KnowledgeBaseException e = assertThrows(KnowledgeBaseException.class,
            () -> KnowledgeBase.readLabeled("kb-test/bad-label.tsv", Set.of("none")));
        assertEquals("kb-test/bad-label.tsv:3: unknown label 'scam'", e.getMessage());
    }

    @Test
    void aLineWithoutATabIsRejectedWithFileAndLine() {
        KnowledgeBaseException e = assertThrows(KnowledgeBaseException.class,
            () -> KnowledgeBase.readLabeled("kb-test/no-tab.tsv", Set.of("none")));
        assertTrue(e.getMessage().startsWith("kb-test/no-tab.tsv:2: expected 2"), e.getMessage());
    }
}
