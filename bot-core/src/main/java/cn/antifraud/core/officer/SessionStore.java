package cn.antifraud.core.officer;

import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import org.bson.Document;

/**
 * Officer sessions in MongoDB ({@code officer_sessions}), so they survive a restart and work on every node.
 * Only a SHA-256 of the cookie value is stored: a copy of the database does not hand out live sessions.
 * Activity is written at most once a minute.
 */
public final class SessionStore {
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Store store;
    private final MongoCollection<Document> sessions;
    private final SecureRandom random = new SecureRandom();

    public SessionStore(Store store) {
        this.store = store;
        this.sessions = store.collection("officer_sessions");
        sessions.createIndex(Indexes.ascending("username"));
        sessions.createIndex(Indexes.ascending("lastSeen"));
    }

    /** Opens a session and returns the cookie value (a fresh random id, never reused). */
    public Login open(String username, Role role, Instant now) {
        String token = randomToken();
        String csrf = randomToken();
        sessions.insertOne(new Document("_id", digest(token)).append("username", username).append("role", role.id())
            .append("csrf", csrf).append("createdAt", Date.from(now)).append("lastSeen", Date.from(now)));
        return new Login(token, new OfficerSession(digest(token), username, role, csrf, now, now));
    }

    /** The session for a cookie value unless it was idle longer than {@code idle} (then it is removed). */
    public Optional<OfficerSession> find(String token, Instant now, Duration idle, boolean activity) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        String key = digest(token);
        Document d = sessions.find(new Document("_id", key)).first();
        if (d == null) {
            return Optional.empty();
        }
        Instant lastSeen = d.getDate("lastSeen").toInstant();
        if (lastSeen.plus(idle).isBefore(now)) {
            sessions.deleteOne(new Document("_id", key));
            return Optional.empty();
        }
        if (activity && lastSeen.plus(TOUCH_EVERY).isBefore(now)) {
            sessions.updateOne(new Document("_id", key), Updates.set("lastSeen", Date.from(now)));
            lastSeen = now;
        }
        return Optional.of(new OfficerSession(key, d.getString("username"), Role.of(d.getString("role")), d.getString("csrf"),
            d.getDate("createdAt").toInstant(), lastSeen));
    }

    public void close(String key) {
        sessions.deleteOne(new Document("_id", key));
    }

    /** Ends every session of an account (disabled, new password, new role). */
    public void closeAll(String username) {
        sessions.deleteMany(new Document("username", username));
    }

    public void removeIdle(Instant now, Duration idle) {
        sessions.deleteMany(new Document("lastSeen", new Document("$lt", Date.from(now.minus(idle)))));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
