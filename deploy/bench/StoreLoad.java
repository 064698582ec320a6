import cn.antifraud.core.conversation.Conversation;
import cn.antifraud.core.conversation.ConversationStore;
import cn.antifraud.core.conversation.Reply;
import cn.antifraud.core.storage.StorageConfig;
import cn.antifraud.core.storage.Store;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The embedded store alone, without HTTP or analysis: 64 threads ({@code -Dthreads=N} for another count) store
 * new-conversation turns, then turns in 256 of those conversations, through {@link ConversationStore} as the router
 * does (same reads and writes per turn), and print turns/s and the data file's size per stored turn while running and
 * after a clean close. For comparing store settings quickly:
 *   java -cp deploy/target/antifraud.jar deploy/bench/StoreLoad.java /tmp/store-load 4000 4000 messages.txt
 * (messages.txt: one message a line, e.g. the text column of kb/heldout/heldout.tsv; the directory must be new).
 */
public class StoreLoad {
    private static final String REPLY = ("这是典型的冒充客服诈骗。真正的客服不会要求您转账到所谓的安全账户，也不会让您下载屏幕共享软件。"
        + "请立即停止操作，不要透露验证码。如果已经转账，请马上拨打110或96110报警，并联系银行止付。").repeat(2);

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int newTurns = Integer.parseInt(args[1]);
        int continuing = Integer.parseInt(args[2]);
        List<String> texts = Files.readAllLines(Path.of(args[3]));
        JsonObject analysis = new JsonObject().put("intent", "verify").put("scamType", "fake_customer_service")
            .put("risk", "high").put("confidence", 0.93).put("indicators", new JsonArray())
            .put("signals", new JsonArray().add(new JsonObject().put("category", "money_moving").put("phrase", "转账")));
        Store store = Store.open(new StorageConfig(null, "antifraud", dir));
        ConversationStore conversations = new ConversationStore(store);
        ExecutorService pool = Executors.newFixedThreadPool(Integer.getInteger("threads", 64));
        List<String> sessions = java.util.Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < newTurns; i++) {
            int k = i;
            work.add(pool.submit(() -> {
                String address = "w" + UUID.randomUUID().toString().replace("-", "");
                // a session the channel has just made up is not read (ConversationRouter.startSession)
                Conversation c = ConversationStore.fresh("web", address);
                var stored = conversations.storeTurn(c.sessionKey(), c.id(), null, texts.get(k % texts.size()), analysis,
                    List.of(Reply.of(REPLY), Reply.of("您还可以：", "我已经转账了", "怎么识别", "联系民警")), -1, null, 0);
                conversations.insert(c.withFlow(new JsonObject().put("name", "verdict").put("step", 1)), stored.mark());
                if (k < 256) {
                    sessions.add(c.sessionKey());
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        long t1 = System.nanoTime();
        long afterNew = Files.size(dir.resolve("mongo.mv"));
        work.clear();
        for (int i = 0; i < continuing; i++) {
            int k = i;
            work.add(pool.submit(() -> {
                String key = sessions.get(k % sessions.size());
                synchronized (key.intern()) {
                    var session = conversations.session(key).orElseThrow();
                    Conversation c = session.open();
                    var stored = conversations.storeTurn(key, c.id(), null, texts.get(k % texts.size()), analysis,
                        List.of(Reply.of(REPLY)), c.version(), null, session.lastSeq());
                    conversations.update(c.withFlow(new JsonObject().put("name", "verdict").put("step", k)), stored.mark());
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        long t2 = System.nanoTime();
        long commits = store.embeddedServer().map(e -> e.commits()).orElse(0L);
        double cpuSeconds = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
            .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        long running = Files.size(dir.resolve("mongo.mv"));
        pool.shutdown();
        store.close();
        long closed = Files.size(dir.resolve("mongo.mv"));
        int all = newTurns + continuing;
        System.out.printf("new-conversation turns %d: %.0f/s, %.1f KB/turn; continuing turns %d: %.0f/s; "
                + "all %.1f KB/turn running, %.1f KB/turn after close%n",
            newTurns, newTurns / ((t1 - t0) / 1e9), afterNew / 1024.0 / newTurns, continuing, continuing / ((t2 - t1) / 1e9),
            running / 1024.0 / all, closed / 1024.0 / all);
        // CPU time of the whole process (clients, store and JIT) per turn: comparable on a shared machine
        System.out.printf("commits %d (%.1f turns per commit); process CPU %.2f ms per turn%n", commits,
            (double) all / Math.max(1, commits), cpuSeconds * 1000 / all);
    }
}
