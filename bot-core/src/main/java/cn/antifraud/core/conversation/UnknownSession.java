package cn.antifraud.core.conversation;

/**
 * A turn asked to continue a session that does not exist or has been idle too long (its id, a bearer token, no
 * longer works). The channel answers it as an unknown session.
 */
public final class UnknownSession extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownSession(String sessionKey) {
        super("unknown or expired session: " + sessionKey);
    }
}
