package cn.antifraud.core.dialogue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LanguageNoteTest {
    @Test
    void aMessageInAnotherLanguageGetsTheNote() {
        assertTrue(LanguageNote.needed("Your parcel is held at customs, pay the fee at http://x.top"));
        assertTrue(LanguageNote.needed("Ваш счёт заблокирован, позвоните нам"));
    }

    @Test
    void chineseShortLatinAndBareLinksOrNumbersDoNot() {
        assertFalse(LanguageNote.needed("您的ICBC账户异常，请登录 www.icbc-verify.top"));
        assertFalse(LanguageNote.needed("OK"));
        assertFalse(LanguageNote.needed("http://parcel-fee.top 13800138000"));
        assertFalse(LanguageNote.needed("6222 0212 3456 7890"));
    }
}
