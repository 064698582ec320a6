package cn.antifraud.core.officer;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * An officer account. {@code failures} counts wrong passwords since the last good login; {@code throttledUntil}
 * slows the next attempt; {@code locked} is what an older version set after ten failures (logins no longer look at it; {@code admin unlock}
 * clears it). {@code unlockedAt}: the operator's last unlock or password reset, which ends a login wait in progress.
 */
public record Account(String username, Role role, boolean disabled, String passwordHash, int failures,
                      Instant throttledUntil, boolean locked, Instant createdAt, Instant unlockedAt) {

    /** The account as the admin page shows it (never the hash). */
    public JsonObject toJson() {
        return new JsonObject().put("username", username).put("role", role.id()).put("disabled", disabled)
            .put("locked", locked).put("failures", failures).put("createdAt", createdAt.toString());
    }
}
