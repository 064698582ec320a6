package cn.antifraud.core.indicator;

import cn.antifraud.core.analysis.KnownIndicators;
import cn.antifraud.core.storage.Store;
import cn.antifraud.kb.SeedIndicator;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.bson.Document;

/**
 * Known-bad indicators in MongoDB ({@code known_indicators}, unique on type+value), seeded from the
 * knowledge base and fed by filed reports. Reads are served from an in-memory copy so analysis never waits
 * on the database; every write updates both.
 */
public final class IndicatorRegistry implements KnownIndicators {
    private final Store store;
    private final MongoCollection<Document> collection;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, String> changed = (type, value) -> { };

    public IndicatorRegistry(Store store) {
        this.store = store;
        this.collection = store.collection("known_indicators");
        collection.createIndex(Indexes.ascending("type", "value"), new IndexOptions().unique(true));
        reload();
    }

    /** Inserts the seed indicators that are not there yet (never lowers a report count). */
    public void seed(List<SeedIndicator> seeds) {
        for (SeedIndicator s : seeds) {
            collection.updateOne(new Document("type", s.type()).append("value", normalise(s.type(), s.value())),
                Updates.combine(Updates.setOnInsert("scamType", s.scamType()), Updates.setOnInsert("note", s.note()),
                    Updates.setOnInsert("reportCount", 0), Updates.setOnInsert("source", "seed"),
                    Updates.setOnInsert("createdAt", new Date())),
                new UpdateOptions().upsert(true));
        }
        reload();
    }

    /** Records that a filed report names this indicator; returns the new report count. */
    public int recordReport(String type, String value, String scamType) {
        String v = normalise(type, value);
        collection.updateOne(new Document("type", type).append("value", v),
            Updates.combine(Updates.inc("reportCount", 1), Updates.setOnInsert("scamType", scamType),
                Updates.setOnInsert("note", ""), Updates.setOnInsert("source", "report"),
                Updates.setOnInsert("createdAt", new Date()), Updates.set("updatedAt", new Date())),
            new UpdateOptions().upsert(true));
        Document d = collection.find(new Document("type", type).append("value", v)).first();
        Entry e = toEntry(d);
        cache.put(key(type, v), e);
        changed.accept(type, v);
        return e.reportCount();
    }

    /** Called with (type, normalised value) after each change here, so other nodes can {@link #refresh} theirs. */
    public void onChange(BiConsumer<String, String> listener) {
        this.changed = listener;
    }

    /** Re-reads one indicator another node changed. Blocking. */
    public void refresh(String type, String value) {
        Document d = collection.find(new Document("type", type).append("value", value)).first();
        if (d != null) {
            cache.put(key(type, value), toEntry(d));
        }
    }

    /** Adds or updates an indicator by hand (officers, supervisors). */
    public void add(String type, String value, String scamType, String note) {
        String v = normalise(type, value);
        collection.updateOne(new Document("type", type).append("value", v),
            Updates.combine(Updates.set("scamType", scamType), Updates.set("note", note == null ? "" : note),
                Updates.setOnInsert("reportCount", 0), Updates.setOnInsert("source", "manual"),
                Updates.setOnInsert("createdAt", new Date())),
            new UpdateOptions().upsert(true));
        cache.put(key(type, v), toEntry(collection.find(new Document("type", type).append("value", v)).first()));
        changed.accept(type, v);
    }

    @Override
    public Optional<Entry> find(String type, String value) {
        String v = normalise(type, value);
        Entry hit = cache.get(key(type, v));
        if (hit == null && type.equals("url") && v.contains("/")) {
            hit = cache.get(key(type, v.substring(0, v.indexOf('/'))));
        }
        return Optional.ofNullable(hit);
    }

    public void reload() {
        for (Document d : collection.find()) {
            Entry e = toEntry(d);
            cache.put(key(e.type(), e.value()), e);
        }
    }

    public int size() {
        return cache.size();
    }

    static String normalise(String type, String value) {
        String v = value.strip().toLowerCase();
        return switch (type) {
            case "phone", "bank_card", "qq" -> v.replaceAll("\\D", "").replaceFirst("^86(1\\d{10})$", "$1");
            case "url" -> v.replaceFirst("^[a-z]+://", "").replaceFirst("^www\\.", "").replaceFirst("/$", "");
            default -> v;
        };
    }

    private static String key(String type, String value) {
        return type + "\u0000" + value;
    }

    private static Entry toEntry(Document d) {
        Number count = (Number) d.get("reportCount");
        return new Entry(d.getString("type"), d.getString("value"), d.getString("scamType"),
            count == null ? 0 : count.intValue(), d.getString("note"));
    }
}
