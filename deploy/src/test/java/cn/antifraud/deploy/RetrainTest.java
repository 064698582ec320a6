package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.core.analysis.Analyzer;
import cn.antifraud.core.analysis.Models;
import cn.antifraud.core.kbadmin.KnowledgeAdmin;
import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.LabeledText;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Retraining: a worse model is refused with its figures; a better one goes live while residents keep chatting. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetrainTest {
    static final String POLICE = "您好，我是XX市公安局民警，您的银行卡涉嫌洗钱，请将资金转入安全账户，此事需要保密";
    @TempDir
    static Path dataDir;
    static TestServer server;
    static KnowledgeAdmin admin;
    static KnowledgeBase kb;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        admin = server.app().knowledge().admin();
        kb = KnowledgeBase.load();
    }

    @AfterAll
    static void stop() {
        server.close();
        server = null; // a closed server's models must not stay reachable for the rest of the test run
        admin = null;
    }

    static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    static String healthModel() throws Exception {
        return new JsonObject(server.get("/health").body()).getJsonObject("checks").getJsonObject("classifier").getString("model");
    }

    static JsonObject finished(String jobId) throws Exception {
        for (int i = 0; i < 3000; i++) {
            JsonObject job = await(admin.trainingJob(jobId));
            if (!job.getString("status").equals("running")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("training did not finish");
    }

    /** A deliberately poor model (a dozen samples per type) put live by hand, so that the shipped corpus beats it. */
    static Models weakModel(Analyzer analyzer) {
        Map<String, Integer> seen = new HashMap<>();
        List<LabeledText> few = new ArrayList<>();
        for (LabeledText t : kb.corpus()) {
            if (seen.merge(t.label(), 1, Integer::sum) <= 12) {
                few.add(t);
            }
        }
        Models small = Models.train(analyzer.featurizer(), few, kb.intents().subList(0, 60));
        return new Models(small.detector(), small.scamType(), analyzer.models().intent(), "weak-test-model");
    }

    @Test
    @Order(1)
    void aBetterModelReplacesTheRunningOneWhileChatRequestsKeepBeingAnsweredAndThePreviousOneCanBeRestored() throws Exception {
        Analyzer analyzer = server.app().knowledge().analyzer();
        String full = analyzer.models().version();
        analyzer.swapModels(weakModel(analyzer));

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger duringJob = new AtomicInteger();
        AtomicBoolean jobRunning = new AtomicBoolean(true);
        Thread residents = new Thread(() -> {
            while (!stop.get()) {
                try {
                    server.chat(null, answered.get() % 2 == 0 ? POLICE : "明天下午三点开家长会，请准时参加");
                    answered.incrementAndGet();
                    if (jobRunning.get()) {
                        duringJob.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failed.incrementAndGet();
                }
            }
        });
        residents.start();
        JsonObject job;
        try {
            while (answered.get() < 3) {
                Thread.sleep(20);
            }
            job = finished(await(admin.startTraining("supervisor-li")).getString("id"));
            jobRunning.set(false);
            int before = answered.get();
            while (answered.get() < before + 3) {
                Thread.sleep(20);
            }
        } finally {
            stop.set(true);
            residents.join();
        }
        assertEquals("accepted", job.getString("status"), job.encodePrettily());
        assertEquals(0, failed.get(), "failed chat requests during the swap");
        assertTrue(duringJob.get() > 0, "chat requests were answered while the model was being trained and swapped");
        assertEquals(full, analyzer.models().version());
        assertEquals(full, healthModel(), "/health names the hot-swapped model");
        JsonObject running = await(admin.runningModel());
        assertEquals(full, running.getString("model"));
        assertEquals(job.getJsonObject("candidate"), running.getJsonObject("figures"), "the console shows the live model's own figures");
        assertTrue(job.getJsonObject("candidate").getDouble("scamF1") > job.getJsonObject("running").getDouble("scamF1"),
            job.encodePrettily());
        assertTrue(job.getJsonArray("steps").size() >= 4, job.encodePrettily());
        assertEquals("impersonate_police", server.chat(null, POLICE).getJsonObject("analysis").getString("scamType"));

        await(admin.restoreModel("weak-test-model", "supervisor-li"));
        assertEquals("weak-test-model", analyzer.models().version());
        assertEquals("weak-test-model", healthModel(), "/health names the model running now");
        await(admin.restoreModel(full, "supervisor-li"));
        assertEquals(full, analyzer.models().version());
        assertEquals(full, healthModel());
        JsonArray models = await(admin.models());
        assertTrue(models.stream().anyMatch(m -> ((JsonObject) m).getString("id").equals(full) && ((JsonObject) m).getBoolean("live")));
        JsonArray trail = await(admin.auditTrail("model:", 10));
        List<String> actions = trail.stream().map(e -> ((JsonObject) e).getString("action")).toList();
        assertEquals(List.of("model.restored", "model.restored", "model.activated"), actions.subList(0, 3));
    }

    @Test
    @Order(2)
    void aDeliberatelyWorseCorpusIsRefusedWithTheFiguresShown() throws Exception {
        Analyzer analyzer = server.app().knowledge().analyzer();
        String running = analyzer.models().version();
        StringBuilder poison = new StringBuilder("# scams labelled as harmless\n");
        int added = 0;
        for (LabeledText t : kb.corpus()) {
            if (t.label().equals("impersonate_police") || t.label().equals("fake_prize") || t.label().equals("brushing_rebate")) {
                poison.append("none\t").append(t.text().replace("\n", "\\n")).append("。\n");
                added++;
            }
        }
        assertEquals(added, await(admin.importCorpus(poison.toString(), "supervisor-li")).getInteger("imported"));
        JsonObject job = finished(await(admin.startTraining("supervisor-li")).getString("id"));
        assertEquals("refused", job.getString("status"), job.encodePrettily());
        assertTrue(job.getString("message").contains("没有上线") && job.getString("message").contains("诈骗识别 F1 0."),
            job.getString("message"));
        assertTrue(job.getJsonArray("steps").getString(1).contains("其中主管新增 " + added + " 条"), job.encodePrettily());
        assertEquals(running, analyzer.models().version());
        assertNotEquals(running, job.getString("model"));
        JsonObject refused = await(admin.models()).stream().map(m -> (JsonObject) m)
            .filter(m -> m.getString("id").equals(job.getString("model"))).findFirst().orElseThrow();
        assertEquals("refused", refused.getString("status"));
        assertEquals("model.refused", await(admin.auditTrail("model:", 1)).getJsonObject(0).getString("action"));
    }
}
