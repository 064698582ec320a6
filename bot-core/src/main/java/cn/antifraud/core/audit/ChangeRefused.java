package cn.antifraud.core.audit;

/**
 * A supervisor's change that cannot be made: invalid content, a concurrent edit, or an unknown thing. The
 * HTTP layer maps {@link Kind} to 400, 409 and 404; {@code code} is the stable error code.
 */
public class ChangeRefused extends RuntimeException {
    /** Why the change was refused. */
    public enum Kind { INVALID, CONFLICT, NOT_FOUND }

    private final Kind kind;
    private final String code;

    public ChangeRefused(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
