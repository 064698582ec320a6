package cn.antifraud.core.education;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.core.dialogue.Turn;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ChoicesTest {
    static JsonObject asked() {
        JsonObject state = new JsonObject();
        new Choices().add("挂断电话", "answer:0").add("报出身份证号", "answer:1").add("照他说的做", "answer:2")
            .ask(new Turn(), state, "您会怎么回应？");
        return state;
    }

    @Test
    void anOptionIsPickedByItsTextItsNumberAFullWidthDigitOrASpokenNumeral() {
        JsonObject state = asked();
        assertEquals("answer:0", Choices.picked(state, "挂断电话"));
        assertEquals("answer:0", Choices.picked(state, "挂断电话。"));
        assertEquals("answer:1", Choices.picked(state, "2"));
        assertEquals("answer:1", Choices.picked(state, " 2. "));
        assertEquals("answer:2", Choices.picked(state, "３"));
        assertEquals("answer:2", Choices.picked(state, "第三个"));
        assertEquals("answer:1", Choices.picked(state, "二"));
    }

    @Test
    void numbersOutsideTheOptionsAndOtherTextPickNothing() {
        JsonObject state = asked();
        assertNull(Choices.picked(state, "4"));
        assertNull(Choices.picked(state, "12"));
        assertNull(Choices.picked(state, "我不知道"));
        assertNull(Choices.picked(state, "挂断"));
    }

    @Test
    void exitWordsAreRecognisedButOrdinaryAnswersAreNot() {
        assertTrue(Choices.isExit("退出"));
        assertTrue(Choices.isExit("取消。"));
        assertTrue(Choices.isExit("Cancel"));
        assertTrue(Choices.isExit("0"));
        assertFalse(Choices.isExit("1"));
        assertFalse(Choices.isExit("挂断电话"));
    }
}
