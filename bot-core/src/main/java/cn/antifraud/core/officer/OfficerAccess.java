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
 * Logins, sessions and account management. Wrong passwords slow down, never lock: after
 * {@link #FREE_FAILURES} failures in a row an account waits 1 s, then 2 s, 4 s ... at most
 * {@link #MAX_DELAY_SECONDS}; a client address gets {@link #FREE_ADDRESS_FAILURES} before the same growth (several
 * officers may share one office address). Attempts refused while waiting are not counted, so nobody outside can
 * keep an account shut for longer than a minute, the only admin's included; the audit log records the burst.
 * Unknown users, disabled accounts and wrong passwords get the same answer after the same work (one hash).
 * Blocking.
 */
public final class OfficerAccess {
    public static final int FREE_FAILURES = 3;
    public static final int FREE_ADDRESS_FAILURES = 10;
    public static final long MAX_DELAY_SECONDS = 60;
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    private static final String USERNAME = "[A-Za-z0-9_.-]{3,32}";
    private static final String DUMMY_HASH = new PasswordHasher().hash("no such account");
    private static final String LOCAL = "local";

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration idle;
    private final LoginThrottle throttle;

    public OfficerAccess(AccountStore accounts, SessionStore sessions, AuditLog audit, Clock clock, Duration idle) {
        this(accounts, sessions, audit, clock, idle, new InProcessLoginThrottle());
    }

    public OfficerAccess(AccountStore accounts, SessionStore sessions, AuditLog audit, Clock clock, Duration idle,
                         LoginThrottle throttle) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = new PasswordHasher();
        this.audit = audit;
        this.clock = clock;
        this.idle = idle;
        this.throttle = throttle;
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
        return login(username, password, LOCAL);
    }

    /** A login from {@code clientAddress} (the throttle's second key). */
    public Login login(String username, String password, String clientAddress) {
        Instant now = clock.instant();
        String accountKey = "account:" + username;
        String addressKey = "address:" + clientAddress;
        Account account = username == null ? null : accounts.find(username).orElse(null);
        long wait = Math.max(accountWait(accountKey, account, now), throttle.streak(addressKey, now).waitSeconds(now));
        if (wait > 0) {
            throw new OfficerException(Kind.THROTTLED, "too_many_attempts", "尝试次数较多，请 " + wait + " 秒后再试", wait);
        }
        boolean matches = hasher.verify(password, account == null ? DUMMY_HASH : account.passwordHash());
        if (!matches || account == null || account.disabled()) {
            LoginThrottle.Streak streak = throttle.failed(accountKey, now, n -> delay(n, FREE_FAILURES));
            LoginThrottle.Streak fromAddress = throttle.failed(addressKey, now, n -> delay(n, FREE_ADDRESS_FAILURES));
            long next = Math.max(streak.waitSeconds(now), fromAddress.waitSeconds(now));
            audit.record("system", "login.failed", "account:" + username, new JsonObject().put("failures", streak.failures())
                .put("addressFailures", fromAddress.failures()).put("waitSeconds", next));
            throw new OfficerException(Kind.BAD_CREDENTIALS, "bad_credentials",
                "用户名或密码不正确" + (next > 0 ? "，请 " + next + " 秒后再试" : ""), next);
        }
        throttle.clear(accountKey);
        accounts.loggedIn(username);
        sessions.removeIdle(now, idle);
        Login login = sessions.open(username, account.role(), now);
        audit.record(username, "login", "account:" + username, null);
        return login;
    }

    /** The account's wait; an operator's {@code admin unlock} (or a new password) since the streak began ends it. */
    private long accountWait(String key, Account account, Instant now) {
        LoginThrottle.Streak streak = throttle.streak(key, now);
        if (streak.failures() > 0 && account != null && account.unlockedAt() != null && account.unlockedAt().isAfter(streak.since())) {
            throttle.clear(key);
            return 0;
        }
        return streak.waitSeconds(now);
    }

    /** 0 for the first {@code free} failures, then 1 s doubling to at most a minute. */
    static long delay(int failures, int free) {
        return failures < free ? 0 : Math.min(MAX_DELAY_SECONDS, 1L << Math.min(20, failures - free));
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
        require(accounts.setPassword(username, hash, clock.instant()), username);
        throttle.clear("account:" + username);
        sessions.closeAll(username);
        audit.record(actor, "account.password", "account:" + username, null);
    }

    /** Ends any wait on the account (also one an older version locked for good), for the operator at the machine. */
    public void unlock(String actor, String username) {
        require(accounts.unlock(username, clock.instant()), username);
        throttle.clear("account:" + username);
        audit.record(actor, "account.unlock", "account:" + username, null);
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

    public static String generatePassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
