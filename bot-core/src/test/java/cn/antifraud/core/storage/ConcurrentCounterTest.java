package cn.antifraud.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A counter ($inc with findAndModify) tells each of many concurrent callers a different value, as MongoDB does:
 * case numbers and sequence numbers rely on it. mongo-java-server's reply can share its document with the store;
 * without the copy in {@link SerializedBackend}, callers waiting for a commit were told a later caller's value.
 */
class ConcurrentCounterTest {
    private static final int CALLERS = 40;
    private static final int CALLS_EACH = 20;

    @TempDir
    Path dataDir;

    @Test
    void manyConcurrentIncrementsEachReturnADistinctValue() throws Exception {
        try (Store store = Store.open(new StorageConfig(null, "counters", dataDir))) {
            MongoCollection<Document> counters = store.collection("counters");
            MongoCollection<Document> other = store.collection("other");
            Set<Long> told = ConcurrentHashMap.newKeySet();
            CyclicBarrier together = new CyclicBarrier(CALLERS);
            ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
            List<Future<Integer>> repeats = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                int caller = i;
                repeats.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    int repeated = 0;
                    for (int k = 0; k < CALLS_EACH; k++) {
                        Document d = counters.findOneAndUpdate(new Document("_id", "day"), Updates.inc("seq", 1L),
                            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                        if (!told.add(((Number) d.get("seq")).longValue())) {
                            repeated++;
                        }
                        other.insertOne(new Document("_id", caller + "-" + k).append("pad", "x".repeat(2000)));
                    }
                    return repeated;
                }));
            }
            int repeated = 0;
            for (Future<Integer> f : repeats) {
                repeated += f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertEquals(0, repeated, "values told to more than one caller");
            assertEquals(CALLERS * CALLS_EACH, told.size());
            assertEquals(CALLERS * CALLS_EACH, ((Number) counters.find().first().get("seq")).intValue());
        }
    }
}
