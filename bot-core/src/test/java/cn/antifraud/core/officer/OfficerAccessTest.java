package cn.antifraud.core.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.core.audit.AuditLog;
import cn.antifraud.core.storage.StorageConfig;
import cn.antifraud.core.storage.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
        OfficerException slower = kindOf(() -> access.login("admin", "nope"));
        assertEquals(OfficerException.Kind.BAD_CREDENTIALS, slower.kind());
        assertEquals(4, slower.retryAfterSeconds(), "the fifth failure waits 4 s");
        clock.advance(Duration.ofSeconds(5));
        assertEquals("admin", access.login("admin", "admin-password").session().username());
        assertEquals(0, kindOf(() -> access.login("admin", "nope")).retryAfterSeconds(), "a good login clears the count");
    }

    @Test
    void tenFailuresLockTheAccountUntilAnAdminSetsANewPassword() {
        access.ensureFirstAdmin("admin", "admin-password");
        access.create("admin", "li.ming", "officer-password", Role.OFFICER);
        OfficerException last = null;
        for (int i = 0; i < OfficerAccess.LOCK_AFTER; i++) {
            clock.advance(Duration.ofMinutes(10));
            last = kindOf(() -> access.login("li.ming", "nope"));
        }
        assertEquals(OfficerException.Kind.LOCKED, last.kind());
        clock.advance(Duration.ofDays(1));
        assertEquals(OfficerException.Kind.LOCKED, kindOf(() -> access.login("li.ming", "officer-password")).kind());
        access.resetPassword("admin", "li.ming", "another-password");
        assertEquals(Role.OFFICER, access.login("li.ming", "another-password").session().role());
    }

    @Test
    void anUnknownUserAndAWrongPasswordLookTheSame() {
        access.ensureFirstAdmin("admin", "admin-password");
        OfficerException unknown = kindOf(() -> access.login("nobody", "x"));
        OfficerException wrong = kindOf(() -> access.login("admin", "x"));
        assertEquals(unknown.getMessage(), wrong.getMessage());
        assertEquals(unknown.code(), wrong.code());
    }

    private static OfficerException kindOf(Runnable r) {
        return assertThrows(OfficerException.class, r::run);
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
