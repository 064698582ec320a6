package cn.antifraud.core.officer;

import java.time.Instant;

/** A logged-in officer: who, which role, the CSRF token every change must carry, and when last active. */
public record OfficerSession(String key, String username, Role role, String csrfToken, Instant createdAt, Instant lastSeen) {
}
