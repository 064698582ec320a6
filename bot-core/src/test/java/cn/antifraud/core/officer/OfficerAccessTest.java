package cn.antifraud.core.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.core.audit.AuditLog;
import cn.antifraud.core.storage.StorageConfig;
import cn.antifraud.core.storage.Store;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficerAccessTest {
    @TempDir
    Path dir;
    Store store;
    MutableClock clock = new MutableClock();
    OfficerAccess access;

    @BeforeEach
    void open() {
        store = Store.open(new StorageConfig(null, "test", dir));
        AuditLog audit = new AuditLog(store, clock);
        access = new OfficerAccess(new AccountStore(store), new SessionStore(store), audit, clock, Duration.ofMinutes(30));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theFirstAdminIsCreatedOnlyWhenNoAccountExistsWithAGeneratedPasswordWhenNoneIsSet() {
        String generated = access.ensureFirstAdmin("admin", null).orElseThrow();
        assertTrue(generated.length() >= 20);
        assertTrue(access.ensureFirstAdmin("admin", null).isEmpty(), "never again once an account exists");
        assertEquals(Role.ADMIN, access.login("admin", generated).session().role());
    }

    @Test
    void aSessionEndsAfterThirtyIdleMinutesButActivityKeepsItAlive() {
        access.ensureFirstAdmin("admin", "admin-password");
        String cookie = access.login("admin", "admin-password").cookie();
        clock.advance(Duration.ofMinutes(20));
        assertTrue(access.session(cookie, true).isPresent());
        clock.advance(Duration.ofMinutes(20));
        assertTrue(access.session(cookie, false).isPresent(), "20 minutes after the last activity");
        clock.advance(Duration.ofMinutes(11));
        assertTrue(access.session(cookie, true).isEmpty(), "31 minutes idle");
        assertTrue(access.session("not-a-session", true).isEmpty());
    }

    @Test
    void theDelayAfterWrongPasswordsDoublesAndPassesWithTime() {
        access.ensureFirstAdmin("admin", "admin-password");
        for (int i = 0; i < OfficerAccess.FREE_FAILURES - 1; i++) {
            assertEquals(0, kindOf(() -> access.login("admin", "nope")).retryAfterSeconds());
        }
        assertEquals(1, kindOf(() -> access.login("admin", "nope")).retryAfterSeconds());
        assertEquals(OfficerException.Kind.THROTTLED, kindOf(() -> access.login("admin", "admin-password")).kind());
        clock.advance(Duration.ofSeconds(3));
        assertEquals(2, kindOf(() -> access.login("admin", "nope")).retryAfterSeconds(), "the fourth failure waits 2 s");
        clock.advance(Duration.ofSeconds(3));
        OfficerException slower = kindOf(() -> access.login("admin", "nope"));
        assertEquals(OfficerException.Kind.BAD_CREDENTIALS, slower.kind());
        assertEquals(4, slower.retryAfterSeconds(), "the fifth failure waits 4 s");
        clock.advance(Duration.ofSeconds(5));
        assertEquals("admin", access.login("admin", "admin-password").session().username());
        assertEquals(0, kindOf(() -> access.login("admin", "nope")).retryAfterSeconds(), "a good login clears the count");
    }

    @Test
    void attemptsWhileWaitingDoNotCountAndTheWaitNeverPassesAMinute() {
        access.ensureFirstAdmin("admin", "admin-password");
        for (int i = 0; i < 20; i++) {
            OfficerException e = kindOf(() -> access.login("admin", "nope"));
            assertTrue(e.retryAfterSeconds() <= OfficerAccess.MAX_DELAY_SECONDS, "waits at most a minute: " + e.retryAfterSeconds());
            for (int j = 0; j < 5 && e.retryAfterSeconds() > 0; j++) {
                assertEquals(OfficerException.Kind.THROTTLED, kindOf(() -> access.login("admin", "nope")).kind(), "refused, not counted");
            }
            clock.advance(Duration.ofSeconds(e.retryAfterSeconds()));
        }
        assertEquals(OfficerAccess.MAX_DELAY_SECONDS, kindOf(() -> access.login("admin", "nope")).retryAfterSeconds());
        clock.advance(Duration.ofSeconds(OfficerAccess.MAX_DELAY_SECONDS));
        assertEquals(Role.ADMIN, access.login("admin", "admin-password").session().role(), "no permanent lock from outside");
    }

    @Test
    void anOperatorsUnlockEndsAWaitInProgress() {
        access.ensureFirstAdmin("admin", "admin-password");
        for (int i = 0; i < 8; i++) {
            clock.advance(Duration.ofMinutes(1));
            kindOf(() -> access.login("admin", "nope"));
        }
        assertEquals(OfficerException.Kind.THROTTLED, kindOf(() -> access.login("admin", "admin-password")).kind());
        clock.advance(Duration.ofSeconds(1));
        new AccountStore(store).unlock("admin", clock.instant());
        assertEquals(Role.ADMIN, access.login("admin", "admin-password").session().role());
    }

    @Test
    void anUnknownUserADisabledAccountAndAWrongPasswordLookTheSame() {
        access.ensureFirstAdmin("admin", "admin-password");
        access.create("admin", "li.ming", "officer-password", Role.OFFICER);
        access.setDisabled("admin", "li.ming", true);
        OfficerException unknown = kindOf(() -> access.login("nobody", "x"));
        OfficerException wrong = kindOf(() -> access.login("admin", "x"));
        OfficerException disabled = kindOf(() -> access.login("li.ming", "officer-password"));
        for (OfficerException e : new OfficerException[] {wrong, disabled}) {
            assertEquals(unknown.getMessage(), e.getMessage());
            assertEquals(unknown.code(), e.code());
            assertEquals(unknown.kind(), e.kind());
        }
    }

    private static OfficerException kindOf(Runnable r) {
        return assertThrows(OfficerException.class, r::run);
    }
}
