package cn.antifraud.core.officer;

import cn.antifraud.core.audit.AuditLog;
import cn.antifraud.core.officer.OfficerException.Kind;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Logins, sessions and account management. Wrong passwords slow the account down: after
 * {@link #FREE_FAILURES} failures every further attempt waits twice as long as the one before (1 s, 2 s,
 * 4 s ... at most 5 minutes); attempts made while waiting count as failures too, and after
 * {@link #LOCK_AFTER} failures the account is locked until an admin sets a new password. Blocking.
 */
public final class OfficerAccess {
    public static final int FREE_FAILURES = 3;
    public static final int LOCK_AFTER = 10;
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    private static final String USERNAME = "[A-Za-z0-9_.-]{3,32}";
    private static final String DUMMY_HASH = new PasswordHasher().hash("no such account");

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration idle;

    public OfficerAccess(AccountStore accounts, SessionStore sessions, AuditLog audit, Clock clock, Duration idle) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = new PasswordHasher();
        this.audit = audit;
        this.clock = clock;
        this.idle = idle;
    }

    /**
     * Creates the first admin when no account exists. Returns the generated password when none was given
     * (the caller prints it once); empty otherwise.
     */
    public Optional<String> ensureFirstAdmin(String username, String password) {
        if (accounts.count() > 0) {
            return Optional.empty();
        }
        String chosen = password != null ? password : generatePassword();
        accounts.insert(username, Role.ADMIN, hasher.hash(chosen), clock.instant());
        audit.record("system", "account.create", "account:" + username, new JsonObject().put("role", Role.ADMIN.id()));
        return password != null ? Optional.empty() : Optional.of(chosen);
    }

    public Login login(String username, String password) {
        Instant now = clock.instant();
        Account account = username == null ? null : accounts.find(username).orElse(null);
        if (account == null) {
            hasher.verify(password, DUMMY_HASH);
            throw new OfficerException(Kind.BAD_CREDENTIALS, "bad_credentials", "用户名或密码不正确", 0);
        }
        if (account.locked()) {
            throw locked();
        }
        if (account.throttledUntil() != null && account.throttledUntil().isAfter(now)) {
            int failures = accounts.addFailure(username);
            slowDown(username, failures, now);
            long wait = Math.max(1, Duration.between(now, account.throttledUntil()).toSeconds());
            throw new OfficerException(Kind.THROTTLED, "too_many_attempts", "密码错误次数较多，请 " + wait + " 秒后再试", wait);
        }
        if (!hasher.verify(password, account.passwordHash())) {
            int failures = accounts.addFailure(username);
            long wait = slowDown(username, failures, now);
            audit.record(username, "login.failed", "account:" + username, new JsonObject().put("failures", failures));
            throw new OfficerException(Kind.BAD_CREDENTIALS, "bad_credentials",
                "用户名或密码不正确" + (wait > 0 ? "，请 " + wait + " 秒后再试" : ""), wait);
        }
        if (account.disabled()) {
            throw new OfficerException(Kind.DISABLED, "account_disabled", "这个账号已停用，请联系管理员", 0);
        }
        accounts.loggedIn(username);
        sessions.removeIdle(now, idle);
        Login login = sessions.open(username, account.role(), now);
        audit.record(username, "login", "account:" + username, null);
        return login;
    }

    /** Throttles or locks after a failure; returns the seconds to wait (0 when not throttled). */
    private long slowDown(String username, int failures, Instant now) {
        if (failures >= LOCK_AFTER) {
            accounts.throttle(username, now, true);
            audit.record("system", "account.lock", "account:" + username, new JsonObject().put("failures", failures));
            throw locked();
        }
        if (failures < FREE_FAILURES) {
            return 0;
        }
        long seconds = Math.min(300, 1L << Math.min(20, failures - FREE_FAILURES));
        accounts.throttle(username, now.plusSeconds(seconds), false);
        return seconds;
    }

    private static OfficerException locked() {
        return new OfficerException(Kind.LOCKED, "account_locked", "密码连续输错次数过多，账号已锁定，请联系管理员重置密码", 0);
    }

    /** The live session for a cookie value; {@code activity} false for background traffic (the live feed). */
    public Optional<OfficerSession> session(String cookie, boolean activity) {
        return sessions.find(cookie, clock.instant(), idle, activity);
    }

    public void logout(OfficerSession s) {
        sessions.close(s.key());
        audit.record(s.username(), "logout", "account:" + s.username(), null);
    }

    public List<Account> accounts() {
        return accounts.list();
    }

    public Optional<Account> account(String username) {
        return accounts.find(username);
    }

    public void create(String actor, String username, String password, Role role) {
        if (username == null || !username.matches(USERNAME)) {
            throw OfficerException.invalid("invalid_username", "用户名须为 3-32 位字母、数字、'_'、'.' 或 '-'");
        }
        accounts.insert(username, role, hasher.hash(checkPassword(password)), clock.instant());
        audit.record(actor, "account.create", "account:" + username, new JsonObject().put("role", role.id()));
    }

    public void resetPassword(String actor, String username, String password) {
        String hash = hasher.hash(checkPassword(password));
        require(accounts.setPassword(username, hash), username);
        sessions.closeAll(username);
        audit.record(actor, "account.password", "account:" + username, null);
    }

    public void setRole(String actor, String username, Role role) {
        if (actor.equals(username)) {
            throw OfficerException.conflict("own_account", "不能修改自己的角色");
        }
        require(accounts.setRole(username, role), username);
        sessions.closeAll(username);
        audit.record(actor, "account.role", "account:" + username, new JsonObject().put("role", role.id()));
    }

    public void setDisabled(String actor, String username, boolean disabled) {
        if (actor.equals(username)) {
            throw OfficerException.conflict("own_account", "不能停用自己的账号");
        }
        require(accounts.setDisabled(username, disabled), username);
        if (disabled) {
            sessions.closeAll(username);
        }
        audit.record(actor, disabled ? "account.disable" : "account.enable", "account:" + username, null);
    }

    private static void require(boolean found, String username) {
        if (!found) {
            throw OfficerException.notFound("unknown_account", "找不到账号 " + username);
        }
    }

    static String checkPassword(String password) {
        if (password == null || password.length() < 10 || password.length() > 200) {
            throw OfficerException.invalid("weak_password", "密码至少 10 个字符");
        }
        return password;
    }

    private static String generatePassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
