package cn.antifraud.deploy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.deploy.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseNumberConcurrencyTest {
    static final int REPORTS = 50;

    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void fiftyReportsConfirmedAtOnceGetFiftyDistinctSequentialCaseNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REPORTS);
        CyclicBarrier together = new CyclicBarrier(REPORTS);
        try {
            List<Future<String>> numbers = new ArrayList<>();
            for (int i = 0; i < REPORTS; i++) {
                String card = Victim.card(String.format("62220200000000%04d", i));
                String phone = String.format("1380000%04d", i);
                numbers.add(pool.submit(() -> {
                    Victim v = new Victim(server);
                    v.say("我被骗了，三天前被冒充客服骗了两万，用网银转到了" + card);
                    v.say("是的");
                    v.say(phone);
                    v.say("跳过");
                    v.say("跳过");
                    together.await(60, TimeUnit.SECONDS);
                    v.say("确认提交");
                    assertNotNull(v.last.getString("caseNo"), v.transcript());
                    return v.last.getString("caseNo");
                }));
            }
            Set<String> distinct = new TreeSet<>();
            for (Future<String> f : numbers) {
                distinct.add(f.get(120, TimeUnit.SECONDS));
            }
            assertEquals(REPORTS, distinct.size(), distinct.toString());
            Map<String, List<Integer>> byDay = new TreeMap<>();
            for (String n : distinct) {
                assertTrue(n.matches("FZ-\\d{8}-\\d{6}"), n);
                byDay.computeIfAbsent(n.substring(3, 11), d -> new ArrayList<>()).add(Integer.parseInt(n.substring(12)));
            }
            for (List<Integer> seqs : byDay.values()) {
                for (int i = 0; i < seqs.size(); i++) {
                    assertEquals(i + 1, seqs.get(i), "numbers of a day run 1, 2, 3... without gaps: " + distinct);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
