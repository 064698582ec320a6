import cn.antifraud.core.storage.StorageConfig;
import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * The cost of one store round trip, without HTTP, analysis or the router: 64 threads ({@code -Dthreads=N} for another
 * count) run reads by _id, then findOneAndUpdate by _id, then inserts, against the embedded store through the real
 * driver, each for a fixed time, and print operations per second and process CPU per operation. A chat turn's
 * ceiling on this machine follows from its round trips (a continuing turn makes two reads and three writes):
 *   java -cp deploy/target/antifraud.jar deploy/bench/StoreOps.java /tmp/store-ops 10
 * (the directory must be new; 10 is the seconds per operation kind; a third argument, find, update or insert, runs
 * only that kind, for a profile of it).
 */
public class StoreOps {
    /** As many as the load test's connections. */
    private static final int THREADS = Integer.getInteger("threads", 64);
    private static final int DOCUMENTS = 20_000;
    private static final String TEXT = "有人打电话说是京东客服，说我的百万保障要扣费，要我转账到安全账户，这是真的吗？".repeat(4);

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long seconds = Long.parseLong(args[1]);
        String only = args.length > 2 ? args[2] : null;
        try (Store store = Store.open(new StorageConfig(null, "antifraud", dir))) {
            MongoCollection<Document> docs = store.collection("ops");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                batch.add(document("d" + i));
                if (batch.size() == 500) {
                    docs.insertMany(batch);
                    batch.clear();
                }
            }
            AtomicLong inserted = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            // warm-up (JIT), not reported
            run(pool, 5, () -> docs.find(new Document("_id", randomId())).first());
            run(pool, 5, () -> docs.findOneAndUpdate(new Document("_id", randomId()), Updates.inc("n", 1L)));
            System.out.printf("| operation | ops/s | process CPU ms per op |%n|---|---|---|%n");
            if (only == null || only.equals("find")) {
                report("find by _id", run(pool, seconds, () -> docs.find(new Document("_id", randomId())).first()));
            }
            if (only == null || only.equals("update")) {
                report("findOneAndUpdate by _id ($inc)", run(pool, seconds, () -> docs.findOneAndUpdate(new Document("_id", randomId()),
                    Updates.inc("n", 1L), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))));
            }
            if (only == null || only.equals("insert")) {
                report("insertOne", run(pool, seconds, () -> docs.insertOne(document("n" + inserted.incrementAndGet()))));
            }
            pool.shutdown();
        }
    }

    private static Document document(String id) {
        return new Document("_id", id).append("sessionKey", "web:" + id).append("text", TEXT).append("n", 0L)
            .append("options", List.of("我已经转账了", "怎么识别", "联系民警"));
    }

    private static String randomId() {
        return "d" + ThreadLocalRandom.current().nextInt(DOCUMENTS);
    }

    private record Result(long ops, double seconds, double cpuMs) {
    }

    private static Result run(ExecutorService pool, long seconds, Runnable op) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong ops = new AtomicLong();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        long end = t0 + seconds * 1_000_000_000L;
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            work.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    op.run();
                    ops.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        return new Result(ops.get(), wall, (os.getProcessCpuTime() - cpu0) / 1e6);
    }

    private static void report(String name, Result r) {
        System.out.printf("| %s | %.0f | %.3f |%n", name, r.ops() / r.seconds(), r.cpuMs() / r.ops());
    }
}
