package cn.antifraud.core.officer;

/**
 * A refused officer action with a stable code and a Chinese message; the console maps {@link Kind} to the
 * HTTP status in one place. {@code retryAfterSeconds} is set when a login is being slowed down.
 */
public final class OfficerException extends RuntimeException {
    /** Why the action was refused. */
    public enum Kind { INVALID, BAD_CREDENTIALS, THROTTLED, LOCKED, DISABLED, FORBIDDEN, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String code;
    private final long retryAfterSeconds;

    public OfficerException(Kind kind, String code, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static OfficerException invalid(String code, String message) {
        return new OfficerException(Kind.INVALID, code, message, 0);
    }

    public static OfficerException notFound(String code, String message) {
        return new OfficerException(Kind.NOT_FOUND, code, message, 0);
    }

    public static OfficerException conflict(String code, String message) {
        return new OfficerException(Kind.CONFLICT, code, message, 0);
    }

    public static OfficerException forbidden(String code, String message) {
        return new OfficerException(Kind.FORBIDDEN, code, message, 0);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
