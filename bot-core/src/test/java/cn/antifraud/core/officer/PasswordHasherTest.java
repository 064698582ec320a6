package cn.antifraud.core.officer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void aPasswordIsStoredAsASaltedArgon2idHashThatOnlyTheSamePasswordMatches() {
        String a = hasher.hash("correct horse battery");
        String b = hasher.hash("correct horse battery");
        assertTrue(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), a);
        assertFalse(a.contains("correct"));
        assertNotEquals(a, b, "a fresh salt every time");
        assertTrue(hasher.verify("correct horse battery", a));
        assertTrue(hasher.verify("correct horse battery", b));
        assertFalse(hasher.verify("correct horse batterY", a));
    }

    @Test
    void aMalformedStoredHashNeverMatches() {
        assertFalse(hasher.verify("x", "plain-text"));
        assertFalse(hasher.verify("x", "$argon2i$v=19$m=8,t=1,p=1$AAAA$AAAA"));
        assertFalse(hasher.verify("x", "$argon2id$v=19$m=zz,t=1,p=1$AAAA$AAAA"));
    }
}
