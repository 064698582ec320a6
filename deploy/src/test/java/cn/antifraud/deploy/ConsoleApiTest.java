package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The officers' API against the real server: authorization, the queue, claiming, replying and closing. */
class ConsoleApiTest {
    static final String PASSWORD = "officer-password-1";
    @TempDir
    static Path dataDir;
    static TestServer server;
    static OfficerClient admin;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        admin = OfficerClient.loggedIn(server, "admin", "test-admin-password");
        for (String[] a : new String[][] {{"officer1", "officer"}, {"officer2", "officer"}, {"lead1", "supervisor"}}) {
            admin.postOk("/accounts", new JsonObject().put("username", a[0]).put("password", PASSWORD).put("role", a[1]));
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A resident asks for an officer; returns {sessionId, conversationId}. */
    static String[] residentAsksForOfficer(String first) throws Exception {
        JsonObject a = server.chat(null, first);
        JsonObject b = server.chat(a.getString("sessionId"), "转人工");
        assertEquals("waiting_officer", b.getJsonObject("conversation").getString("state"), b.encode());
        return new String[] {a.getString("sessionId"), b.getJsonObject("conversation").getString("id")};
    }

    @Test
    void withoutASessionEveryOfficerRouteAnswers401() throws Exception {
        OfficerClient nobody = new OfficerClient(server);
        for (String path : List.of("/queue", "/me", "/followups", "/audit", "/cases/FZ-1")) {
            HttpResponse<String> res = nobody.get(path);
            assertEquals(401, res.statusCode(), path);
            assertEquals("unauthorized", OfficerClient.code(res));
        }
        assertEquals(401, nobody.postWithToken("/conversations/x/claim", new JsonObject(), "forged").statusCode());
        assertEquals(401, new OfficerClient(server).login("officer1", "wrong-password").statusCode());
    }

    @Test
    void aChangeWithAMissingOrWrongCsrfTokenIsRefusedWith403() throws Exception {
        String id = residentAsksForOfficer("你好")[1];
        OfficerClient officer = OfficerClient.loggedIn(server, "officer1", PASSWORD);
        HttpResponse<String> missing = officer.postWithToken("/conversations/" + id + "/claim", new JsonObject(), null);
        assertEquals(403, missing.statusCode());
        assertEquals("csrf_invalid", OfficerClient.code(missing));
        HttpResponse<String> wrong = officer.postWithToken("/conversations/" + id + "/claim", new JsonObject(), admin.csrf);
        assertEquals(403, wrong.statusCode());
        assertEquals("waiting_officer", officer.getOk("/conversations/" + id).getString("state"));
        assertEquals(200, officer.post("/conversations/" + id + "/claim", new JsonObject()).statusCode());
    }

    @Test
    void theWrongRoleIsRefusedWith403() throws Exception {
        OfficerClient officer = OfficerClient.loggedIn(server, "officer1", PASSWORD);
        OfficerClient lead = OfficerClient.loggedIn(server, "lead1", PASSWORD);
        for (String path : List.of("/audit", "/stats", "/stats.csv", "/accounts")) {
            HttpResponse<String> res = officer.get(path);
            assertEquals(403, res.statusCode(), path);
            assertEquals("forbidden", OfficerClient.code(res));
        }
        assertEquals(403, officer.post("/accounts", new JsonObject().put("username", "x12").put("password", PASSWORD)).statusCode());
        assertEquals(403, lead.get("/accounts").statusCode());
        assertEquals(200, lead.get("/audit").statusCode());
        assertEquals(200, lead.get("/stats").statusCode());
    }

    @Test
    void aClaimByTwoOfficersAtOnceHasExactlyOneWinner() throws Exception {
        OfficerClient one = OfficerClient.loggedIn(server, "officer1", PASSWORD);
        OfficerClient two = OfficerClient.loggedIn(server, "officer2", PASSWORD);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String id = residentAsksForOfficer("在吗")[1];
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (OfficerClient c : List.of(one, two)) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return c.post("/conversations/" + id + "/claim", new JsonObject());
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<HttpResponse<String>> f : answers) {
                    statuses.add(f.get().statusCode());
                }
                statuses.sort(Integer::compare);
                assertEquals(List.of(200, 409), statuses, "round " + round);
                String holder = one.getOk("/conversations/" + id).getString("officer");
                assertTrue(holder.equals("officer1") || holder.equals("officer2"), holder);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theQueuePutsAStopPaymentCaseFirstWithItsAmountAndSummary() throws Exception {
        residentAsksForOfficer("你好");
        JsonObject urgent = server.chat(null, "我刚刚被骗了，已经给对方转了5000元，怎么办");
        assertEquals("waiting_officer", urgent.getJsonObject("conversation").getString("state"), urgent.encode());
        OfficerClient officer = OfficerClient.loggedIn(server, "officer2", PASSWORD);
        JsonArray queue = officer.getOk("/queue").getJsonArray("queue");
        JsonObject first = queue.getJsonObject(0);
        assertEquals(urgent.getJsonObject("conversation").getString("id"), first.getString("id"), queue.encodePrettily());
        assertTrue(first.getBoolean("stopPayment"));
        assertEquals("5000", first.getString("amount"));
        assertTrue(first.getString("summary").contains("紧急止付"), first.getString("summary"));
        assertEquals("web", first.getString("channel"));
        assertTrue(first.containsKey("waitingSince"));
    }

    @Test
    void anOfficerRepliesNotesTransfersHandsBackAndClosesWithADisposition() throws Exception {
        String[] ids = residentAsksForOfficer("您好，我是XX市公安局民警，您的银行卡涉嫌洗钱，请将资金转入安全账户，不要告诉家人");
        String session = ids[0];
        String id = ids[1];
        OfficerClient one = OfficerClient.loggedIn(server, "officer1", PASSWORD);
        OfficerClient two = OfficerClient.loggedIn(server, "officer2", PASSWORD);
        one.postOk("/conversations/" + id + "/claim", new JsonObject());
        one.postOk("/conversations/" + id + "/messages", new JsonObject().put("text", "我是值班民警，请不要转账。"));
        JsonObject silent = server.chat(session, "对方又打电话来了，让我下载一个APP");
        assertTrue(silent.getJsonArray("replies").isEmpty(), "the bot stays silent while an officer holds it");
        JsonObject view = one.getOk("/conversations/" + id);
        assertTrue(view.getJsonArray("messages").stream().anyMatch(m -> "officer".equals(((JsonObject) m).getString("sender"))));
        JsonObject suggestions = view.getJsonObject("suggestions");
        assertTrue(suggestions.getJsonObject("latest").containsKey("risk"), suggestions.encode());
        assertFalse(suggestions.getJsonArray("canned").isEmpty());
        one.postOk("/conversations/" + id + "/notes", new JsonObject().put("text", "群众情绪紧张，已电话联系家属"));
        assertEquals(1, one.getOk("/conversations/" + id).getJsonArray("notes").size());
        String history = server.get("/api/chat/sessions/" + session + "/messages").body();
        assertTrue(history.contains("我是值班民警"), history);
        assertFalse(history.contains("群众情绪紧张"), "notes never reach the resident");

        HttpResponse<String> notHolder = two.post("/conversations/" + id + "/messages", new JsonObject().put("text", "插话"));
        assertEquals(403, notHolder.statusCode());
        one.postOk("/conversations/" + id + "/transfer", new JsonObject().put("to", "officer2"));
        assertEquals(403, one.post("/conversations/" + id + "/messages", new JsonObject().put("text", "还在吗")).statusCode());
        two.postOk("/conversations/" + id + "/messages", new JsonObject().put("text", "您好，我接手了您的对话。"));
        two.postOk("/conversations/" + id + "/handback", new JsonObject());
        assertEquals("bot", two.getOk("/conversations/" + id).getString("state"));
        assertFalse(server.chat(session, "这是真的吗").getJsonArray("replies").isEmpty(), "the bot answers again");

        server.chat(session, "转人工");
        one.postOk("/conversations/" + id + "/claim", new JsonObject());
        assertEquals(400, one.post("/conversations/" + id + "/close", new JsonObject().put("disposition", "随便")).statusCode());
        String risk = one.getOk("/conversations/" + id).getString("risk");
        JsonObject closed = one.postOk("/conversations/" + id + "/close",
            new JsonObject().put("disposition", "劝阻成功").put("amountSaved", 5000));
        assertEquals("closed", closed.getString("state"));
        int expected = switch (risk) {
            case "high" -> 5;
            case "medium" -> 2;
            default -> 1;
        };
        assertEquals(expected, closed.getInteger("followups"), "follow-ups for " + risk + " risk (high: days 1, 3, 7, 14, 28)");
        JsonArray due = one.getOk("/followups").getJsonArray("followups");
        assertTrue(due.stream().anyMatch(f -> id.equals(((JsonObject) f).getString("conversationId"))), due.encode());
        assertEquals(409, two.post("/conversations/" + id + "/claim", new JsonObject()).statusCode());
    }

    @Test
    void aNoteOrACaseOnAColleaguesConversationIsRefusedButASupervisorMayAndReadingItIsAudited() throws Exception {
        String id = residentAsksForOfficer("有人冒充客服说我的快递丢了，要给我理赔，让我下载会议软件共享屏幕")[1];
        OfficerClient one = OfficerClient.loggedIn(server, "officer1", PASSWORD);
        OfficerClient two = OfficerClient.loggedIn(server, "officer2", PASSWORD);
        OfficerClient lead = OfficerClient.loggedIn(server, "lead1", PASSWORD);
        one.postOk("/conversations/" + id + "/claim", new JsonObject());
        HttpResponse<String> note = two.post("/conversations/" + id + "/notes", new JsonObject().put("text", "我来补一句"));
        assertEquals(403, note.statusCode(), note.body());
        assertEquals("not_holder", OfficerClient.code(note));
        assertEquals(403, two.post("/conversations/" + id + "/case", new JsonObject()).statusCode());
        assertEquals(200, two.get("/conversations/" + id).statusCode(), "reading a colleague's conversation is allowed");
        lead.postOk("/conversations/" + id + "/notes", new JsonObject().put("text", "班长已关注"));
        JsonObject view = one.getOk("/conversations/" + id);
        assertEquals(1, view.getJsonArray("notes").size(), view.getJsonArray("notes").encode());
        assertTrue(view.getString("caseNo") == null, "no case was filed by the colleague");
        JsonArray audit = admin.getOk("/audit?target=conversation:" + id + "&actor=officer2").getJsonArray("audit");
        assertTrue(audit.stream().anyMatch(e -> "conversation.view".equals(((JsonObject) e).getString("action"))
            && "officer1".equals(((JsonObject) e).getJsonObject("details").getString("heldBy"))), audit.encode());
    }
}
