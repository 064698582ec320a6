package cn.antifraud.core.officer;

import cn.antifraud.core.storage.Store;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Officer accounts in MongoDB ({@code officer_accounts}, keyed by username). Blocking: call from worker threads. */
public final class AccountStore {
    private final Store store;
    private final MongoCollection<Document> accounts;

    public AccountStore(Store store) {
        this.store = store;
        this.accounts = store.collection("officer_accounts");
    }

    public long count() {
        return accounts.countDocuments();
    }

    public Optional<Account> find(String username) {
        return Optional.ofNullable(accounts.find(new Document("_id", username)).first()).map(AccountStore::toAccount);
    }

    public List<Account> list() {
        List<Account> out = new ArrayList<>();
        accounts.find().sort(Sorts.ascending("_id")).forEach(d -> out.add(toAccount(d)));
        return out;
    }

    /** Inserts a new account; a conflict when the username is taken. */
    public void insert(String username, Role role, String hash, Instant now) {
        try {
            accounts.insertOne(new Document("_id", username).append("role", role.id()).append("disabled", false)
                .append("passwordHash", hash).append("failures", 0).append("locked", false).append("createdAt", Date.from(now)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw OfficerException.conflict("account_exists", "用户名 " + username + " 已经存在");
            }
            throw e;
        }
    }

    public void loggedIn(String username) {
        update(username, Updates.combine(Updates.set("failures", 0), Updates.unset("throttledUntil")));
    }

    /** A new password also clears failures and the lock, and ends a login wait in progress. */
    public boolean setPassword(String username, String hash, Instant now) {
        return update(username, Updates.combine(Updates.set("passwordHash", hash), Updates.set("failures", 0),
            Updates.set("locked", false), Updates.unset("throttledUntil"), Updates.set("unlockedAt", Date.from(now))));
    }

    /** Clears failures and the lock and ends a login wait in progress (the server notices {@code unlockedAt}). */
    public boolean unlock(String username, Instant now) {
        return update(username, Updates.combine(Updates.set("failures", 0), Updates.set("locked", false),
            Updates.unset("throttledUntil"), Updates.set("unlockedAt", Date.from(now))));
    }

    public boolean setRole(String username, Role role) {
        return update(username, Updates.set("role", role.id()));
    }

    public boolean setDisabled(String username, boolean disabled) {
        return update(username, Updates.set("disabled", disabled));
    }

    private boolean update(String username, Bson change) {
        boolean matched = accounts.updateOne(new Document("_id", username), change).getMatchedCount() > 0;
        return matched;
    }

    static Account toAccount(Document d) {
        Date throttled = d.getDate("throttledUntil");
        return new Account(d.getString("_id"), Role.of(d.getString("role")), d.getBoolean("disabled", false),
            d.getString("passwordHash"), d.getInteger("failures", 0), throttled == null ? null : throttled.toInstant(),
            d.getBoolean("locked", false), d.getDate("createdAt").toInstant(),
            d.getDate("unlockedAt") == null ? null : d.getDate("unlockedAt").toInstant());
    }
}
