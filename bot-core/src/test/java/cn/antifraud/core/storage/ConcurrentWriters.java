package cn.antifraud.core.storage;

import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Run in a separate JVM by {@link GroupCommitDurabilityTest}: many threads insert into the embedded store
 * through the real driver and print each acknowledged id to standard output, until the process is killed.
 */
public final class ConcurrentWriters {
    private ConcurrentWriters() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        Store store = Store.open(new StorageConfig(null, "durability", dataDir));
        MongoCollection<Document> docs = store.collection("acknowledged");
        System.out.println("ready");
        System.out.flush();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int writer = t;
            Thread thread = new Thread(() -> {
                for (int i = 0; ; i++) {
                    String id = writer + "-" + i;
                    docs.insertOne(new Document("_id", id).append("payload", "x".repeat(200)));
                    synchronized (System.out) {
                        System.out.println("ack " + id);
                        System.out.flush();
                    }
                }
            });
            thread.start();
            writers.add(thread);
        }
        for (Thread thread : writers) {
            thread.join();
        }
    }
}
