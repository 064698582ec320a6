package cn.antifraud.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes in JVMs of their own sharing one {@code store} process: events, session order, the tip scheduler and
 * the loss of a node, as residents and officers see them. The last test kills node B.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {
    @TempDir
    static Path dir;
    static ClusterHarness cluster;
    static ClusterHarness.Node a;
    static ClusterHarness.Node b;

    @BeforeAll
    static void start() throws Exception {
        cluster = ClusterHarness.start(dir, 2, Map.of("TIP_INTERVAL_SECONDS", "1"));
        a = cluster.node(0);
        b = cluster.node(1);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void eachNodeReportsBothMembersAndItsOwnIdInHealth() throws Exception {
        JsonObject ca = new JsonObject(Http.get(a.url("/health")).body()).getJsonObject("checks").getJsonObject("cluster");
        JsonObject cb = new JsonObject(Http.get(b.url("/health")).body()).getJsonObject("checks").getJsonObject("cluster");
        assertEquals(2, ca.getInteger("members"));
        assertEquals(2, cb.getInteger("members"));
        assertTrue(!ca.getString("nodeId").isBlank() && !ca.getString("nodeId").equals(cb.getString("nodeId")), ca + " " + cb);
    }

    @Test
    @Order(2)
    void anEscalationOnBReachesAnOfficersFeedOnAAndTheReplyOnAReachesTheResidentsSocketOnB() throws Exception {
        Http officer = new Http();
        officer.login(a, "admin", "test-admin-password");
        Listeners.Received feed = Listeners.sse(officer.client(), a);
        String session = Http.chat(b, null, "您好，我是公安局民警，您的银行卡涉嫌洗钱，请把钱转到安全账户").getString("sessionId");
        Listeners.Received socket = Listeners.socket(b, session);
        JsonObject handoff = Http.chat(b, session, "转人工");
        assertEquals("waiting_officer", handoff.getJsonObject("conversation").getString("state"), handoff.encode());
        String conversation = handoff.getJsonObject("conversation").getString("id");

        feed.await(f -> "escalation".equals(f.getString("event")) && conversation.equals(f.getJsonObject("data").getString("conversationId")),
            60, "the escalation raised on node B, in the feed on node A");
        officer.officer(a, "POST", "/conversations/" + conversation + "/claim", new JsonObject());
        officer.officer(a, "POST", "/conversations/" + conversation + "/messages", new JsonObject().put("text", "我是值班民警，请不要转账。"));
        socket.await(f -> "message".equals(f.getString("type")) && "officer".equals(f.getJsonObject("message").getString("sender"))
            && f.getJsonObject("message").getString("text").contains("我是值班民警"), 60, "the officer's reply from node A, on the socket on node B");
        // The officer's session, stored, works on node B too.
        assertEquals("admin", officer.officer(b, "GET", "/me", null).getString("username"));
        feed.close();
        socket.close();
    }

    @Test
    @Order(3)
    void turnsOfOneSessionSentToBothNodesAtOnceAreAllStoredInOrderWithDistinctSequenceNumbers() throws Exception {
        String session = Http.chat(a, null, "你好").getString("sessionId");
        int turns = 12;
        ExecutorService pool = Executors.newFixedThreadPool(turns);
        try {
            List<Future<JsonObject>> sent = new ArrayList<>();
            for (int i = 0; i < turns; i++) {
                ClusterHarness.Node node = i % 2 == 0 ? a : b;
                String text = "第" + i + "条：这个号码 1380013800" + (i % 10) + " 说我中奖了";
                sent.add(pool.submit(() -> Http.chat(node, session, text)));
            }
            for (Future<JsonObject> f : sent) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        JsonArray messages = Http.history(b, session).getJsonArray("messages");
        Set<Long> seqs = new HashSet<>();
        long last = -1;
        int resident = 0;
        List<String> senders = new ArrayList<>();
        for (Object o : messages) {
            JsonObject m = (JsonObject) o;
            long seq = m.getLong("seq");
            assertTrue(seqs.add(seq), "sequence number " + seq + " twice");
            assertTrue(seq > last, "out of order at " + seq);
            last = seq;
            senders.add(m.getString("sender"));
            if ("resident".equals(m.getString("sender"))) {
                resident++;
            }
        }
        assertEquals(turns + 1, resident, messages.encode());
        // Not interleaved: every resident turn is followed by that turn's own bot replies before the next resident message.
        for (int i = 1; i < senders.size(); i++) {
            if ("resident".equals(senders.get(i))) {
                assertEquals("bot", senders.get(i - 1), "a turn without its replies before the next one: " + senders);
            }
        }
    }

    @Test
    @Order(4)
    void theTipSchedulerSendsOneTipPerSubscriberPerPeriodWithTwoNodesRunning() throws Exception {
        String onA = subscribe(a);
        String onB = subscribe(b);
        for (String s : List.of(onA, onB)) {
            ClusterHarness.waitUntil(60, () -> tips(a, s) >= 1, "a tip for " + s);
        }
        // Let the scheduler run a few more times (the lease records each run) before counting again.
        try (MongoClient mongo = MongoClients.create(cluster.mongoUri())) {
            var leases = mongo.getDatabase("antifraud").getCollection("leases");
            Date seen = leases.find(Filters.eq("_id", "tips")).first().getDate("renewedAt");
            ClusterHarness.waitUntil(60, () -> {
                Document lease = leases.find(Filters.eq("_id", "tips")).first();
                return lease.getDate("renewedAt").getTime() >= seen.getTime() + 3000;
            }, "three more scheduler runs");
        }
        assertEquals(1, tips(a, onA));
        assertEquals(1, tips(b, onB));
    }

    @Test
    @Order(5)
    void whenNodeBIsKilledTheResidentGoesOnThroughNodeAWithTheWholeConversation() throws Exception {
        String session = Http.chat(b, null, "有人打电话说我的快递丢了要理赔，让我下载一个软件").getString("sessionId");
        Http.chat(b, session, "他让我开屏幕共享");
        List<String> before = texts(Http.history(b, session));
        b.process().kill();
        JsonObject next = Http.chat(a, session, "我还没有转账，现在怎么办");
        assertEquals(session, next.getString("sessionId"));
        List<String> after = texts(Http.history(a, session));
        assertEquals(before, after.subList(0, before.size()), "the conversation before the kill, intact on node A");
        assertTrue(after.stream().anyMatch(t -> t.endsWith(":我还没有转账，现在怎么办")), after.toString());
        assertTrue(after.size() > before.size() + 1, "the bot answered on node A: " + after);
        ClusterHarness.waitUntil(60, () -> ClusterHarness.members(a) == 1, "node A sees node B gone");
    }

    private static List<String> texts(JsonObject history) {
        return history.getJsonArray("messages").stream().map(m -> ((JsonObject) m).getLong("seq") + ":" + ((JsonObject) m).getString("text"))
            .toList();
    }

    private static String subscribe(ClusterHarness.Node node) throws Exception {
        String s = Http.chat(node, null, "订阅防骗提醒").getString("sessionId");
        JsonObject done = Http.chat(node, s, "每天一条");
        assertTrue(done.getJsonArray("replies").encode().contains("订阅好了"), done.encode());
        return s;
    }

    private static int tips(ClusterHarness.Node node, String session) {
        try {
            return (int) Http.history(node, session).getJsonArray("messages").stream()
                .filter(m -> ((JsonObject) m).getString("text").startsWith("【防骗提醒】")).count();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
