package cn.antifraud.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's own on-disk format (BSON documents, index keys compared by value) keeps every value a
 * document can hold, keeps unique indexes unique, and opens a data file written by the library's default format.
 */
class StoredFormatTest {
    @TempDir
    Path dataDir;

    private static Document everyKind(int i) {
        return new Document("_id", "doc-" + i).append("text", "您好，第" + i + "条").append("int", i).append("long", 1L << 40)
            .append("double", 2.5).append("yes", true).append("nothing", null).append("when", new Date(1_700_000_000_000L))
            .append("oid", new ObjectId("65a0c0ffee0000000000000" + (i % 10))).append("bytes", new Binary(new byte[] {1, 2, 3}))
            .append("decimal", Decimal128.parse("12.34")).append("nested", new Document("a", List.of(1, "二", new Document("b", 3L))))
            .append("slot", "s" + i).append("pair", new Document("k", i % 3).append("n", i));
    }

    private static void indexes(MongoCollection<Document> c) {
        c.createIndex(Indexes.ascending("slot"), new IndexOptions().unique(true));
        c.createIndex(Indexes.ascending("pair.k", "pair.n"), new IndexOptions().unique(true));
    }

    private static void checkAll(MongoCollection<Document> c, int count) {
        for (int i = 0; i < count; i++) {
            assertEquals(everyKind(i), c.find(new Document("_id", "doc-" + i)).first(), "document " + i);
            assertEquals("doc-" + i, c.find(new Document("slot", "s" + i)).first().get("_id"));
            assertEquals("doc-" + i, c.find(new Document("pair.k", i % 3).append("pair.n", i)).first().get("_id"));
        }
        assertEquals(count, c.countDocuments());
        MongoWriteException duplicate = assertThrows(MongoWriteException.class,
            () -> c.insertOne(new Document("_id", "other").append("slot", "s1")));
        assertEquals(11000, duplicate.getError().getCode());
        assertThrows(MongoWriteException.class, () -> c.insertOne(new Document("_id", "doc-2")));
    }

    @Test
    void everyKindOfValueAndEveryUniqueIndexSurvivesARestart() {
        try (Store store = Store.open(new StorageConfig(null, "format", dataDir))) {
            MongoCollection<Document> c = store.collection("things");
            indexes(c);
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                docs.add(everyKind(i));
            }
            c.insertMany(docs);
            checkAll(c, 300);
        }
        try (Store store = Store.open(new StorageConfig(null, "format", dataDir))) {
            checkAll(store.collection("things"), 300);
        }
    }

    @Test
    void aDataFileOfTheLibrarysDefaultFormatOpensAndStaysUnique() {
        MVStore mv = new MVStore.Builder().fileName(dataDir.resolve("mongo.mv").toString()).open();
        MongoServer old = new MongoServer(new H2Backend(mv));
        String uri = "mongodb://127.0.0.1:" + old.bind().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> c = client.getDatabase("format").getCollection("things");
            indexes(c);
            for (int i = 0; i < 200; i++) {
                c.insertOne(everyKind(i));
            }
        }
        old.shutdownNow();
        for (int round = 0; round < 2; round++) {
            try (Store store = Store.open(new StorageConfig(null, "format", dataDir))) {
                MongoCollection<Document> c = store.collection("things");
                checkAll(c, 200 + round);
                c.insertOne(everyKind(200 + round));
                assertNotNull(c.find(new Document("slot", "s" + (200 + round))).first());
            }
        }
    }
}
