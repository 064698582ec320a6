package cn.antifraud.core.people;

import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * One person behind several doors: a phone number seen on SMS, on the voice line and as a report's contact
 * phone is one {@code people} document keyed by the normalised number, listing the sessions and cases seen,
 * so officers see one person. Reports filed on any channel join in when read: a case whose contact phone is
 * this number adds its case number and the session it was filed in. Blocking: call from worker threads.
 */
public final class PeopleDirectory {
    private final Store store;
    private final MongoCollection<Document> people;
    private final MongoCollection<Document> cases;
    private final MongoCollection<Document> conversations;

    public PeopleDirectory(Store store) {
        this.store = store;
        this.people = store.collection("people");
        this.cases = store.collection("cases");
        this.conversations = store.collection("conversations");
        people.createIndex(Indexes.ascending("sessionKeys"));
        cases.createIndex(Indexes.ascending("contact.phone"));
        cases.createIndex(Indexes.ascending("conversationId"));
    }

    /**
     * The number in one canonical form: mainland mobiles as 11 digits (without +86 / 0086), anything else
     * as '+' and digits; null when the text is not a phone number.
     */
    public static String normalise(String phone) {
        if (phone == null) {
            return null;
        }
        String p = phone.replaceAll("[\\s()\\-]", "");
        if (p.startsWith("0086")) {
            p = "+86" + p.substring(4);
        }
        if (p.matches("(\\+86)?1[3-9]\\d{9}")) {
            return p.substring(p.length() - 11);
        }
        if (p.matches("\\+[1-9]\\d{6,14}")) {
            return p;
        }
        return p.matches("0\\d{9,11}|\\d{5,8}") ? p : null;
    }

    /** Records that this phone number was seen in this session (a channel address). No-op for a non-phone. */
    public void linkSession(String phone, String sessionKey) {
        upsert(phone, Updates.addToSet("sessionKeys", sessionKey));
    }

    /** Records that this phone number is the contact phone of a case. */
    public void linkCase(String phone, String caseNo) {
        upsert(phone, Updates.addToSet("caseNos", caseNo));
    }

    /** The person with this phone number: {phone, sessionKeys[], caseNos[], firstSeen, lastSeen}. */
    public Optional<JsonObject> byPhone(String phone) {
        String key = normalise(phone);
        if (key == null) {
            return Optional.empty();
        }
        Document d = people.find(new Document("_id", key)).first();
        JsonObject person = d == null ? null : toJson(d);
        for (Document c : cases.find(new Document("contact.phone", new Document("$in", List.of(key, "+86" + key))))) {
            if (person == null) {
                person = new JsonObject().put("phone", key).put("sessionKeys", new JsonArray()).put("caseNos", new JsonArray());
            }
            addOnce(person.getJsonArray("caseNos"), c.getString("caseNo"));
            Document conv = c.getString("conversationId") == null ? null
                : conversations.find(new Document("_id", c.getString("conversationId"))).first();
            if (conv != null) {
                addOnce(person.getJsonArray("sessionKeys"), conv.getString("sessionKey"));
            }
        }
        return Optional.ofNullable(person);
    }

    /** The person a session belongs to (for the console: "this caller also wrote by SMS"). */
    public Optional<JsonObject> bySession(String sessionKey) {
        Document d = people.find(new Document("sessionKeys", sessionKey)).first();
        if (d != null) {
            return byPhone(d.getString("_id"));
        }
        for (Document conv : conversations.find(new Document("sessionKey", sessionKey))) {
            Document c = cases.find(new Document("conversationId", conv.getString("_id"))).first();
            Document contact = c == null ? null : c.get("contact", Document.class);
            if (contact != null && normalise(contact.getString("phone")) != null) {
                return byPhone(contact.getString("phone"));
            }
        }
        return Optional.empty();
    }

    private static void addOnce(JsonArray list, String value) {
        if (value != null && !list.contains(value)) {
            list.add(value);
        }
    }

    private void upsert(String phone, org.bson.conversions.Bson add) {
        String key = normalise(phone);
        if (key == null) {
            return;
        }
        Date now = new Date();
        people.updateOne(new Document("_id", key), Updates.combine(add, Updates.set("lastSeen", now),
            Updates.setOnInsert("firstSeen", now)), new UpdateOptions().upsert(true));
    }

    @SuppressWarnings("unchecked")
    private static JsonObject toJson(Document d) {
        List<String> sessions = (List<String>) d.get("sessionKeys", List.class);
        List<String> cases = (List<String>) d.get("caseNos", List.class);
        return new JsonObject().put("phone", d.getString("_id"))
            .put("sessionKeys", new JsonArray(sessions == null ? new ArrayList<>() : new ArrayList<>(sessions)))
            .put("caseNos", new JsonArray(cases == null ? new ArrayList<>() : new ArrayList<>(cases)))
            .put("firstSeen", d.getDate("firstSeen").toInstant().toString())
            .put("lastSeen", d.getDate("lastSeen").toInstant().toString());
    }
}
