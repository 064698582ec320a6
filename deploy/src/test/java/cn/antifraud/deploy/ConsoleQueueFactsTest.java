package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the queue tells officers about a conversation, and the case search, against the real server. */
class ConsoleQueueFactsTest {
    static final String CARD = "6222020200112233446";
    @TempDir
    static Path dataDir;
    static TestServer server;
    static OfficerClient officer;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        officer = OfficerClient.loggedIn(server, "admin", "test-admin-password");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static JsonObject queueItem(String conversationId) throws Exception {
        JsonArray queue = officer.getOk("/queue").getJsonArray("queue");
        return queue.stream().map(JsonObject.class::cast).filter(q -> conversationId.equals(q.getString("id"))).findFirst()
            .orElseThrow(() -> new AssertionError("not queued: " + queue.encode()));
    }

    @Test
    void theQueueNamesTheChannelAndAMaskedContactNeverTheWebSessionId() throws Exception {
        JsonObject a = server.chat(null, "我刚刚被骗了，已经给对方转了5000元，怎么办");
        String session = a.getString("sessionId");
        String id = a.getJsonObject("conversation").getString("id");
        JsonObject item = queueItem(id);
        assertEquals("web", item.getString("channel"));
        assertEquals("网页访客", item.getString("contact"));
        assertFalse(item.encode().contains(session), item.encode());
        assertFalse(item.encode().contains(session.substring(0, 5)), "not even a prefix of the bearer token: " + item.encode());
        JsonObject view = officer.getOk("/conversations/" + id);
        assertFalse(view.getString("address").contains(session.substring(0, 5)), view.getString("address"));
        assertEquals(Boolean.FALSE, item.getBoolean("hasPhone"));
    }

    @Test
    void theAmountComesFromTheResidentsOwnLossNotFromAStoryInAPastedChat() throws Exception {
        JsonObject pasted = server.chat(null, "群里的人说：李姐跟着老师投资赚了3万，下个月还能翻倍，名额有限赶紧上车，先交保证金");
        String session = pasted.getString("sessionId");
        boolean storyAmount = pasted.getJsonObject("analysis").getJsonArray("indicators").stream()
            .anyMatch(i -> "amount".equals(((JsonObject) i).getString("type")));
        JsonObject loss = server.chat(session, "我已经按他们说的转了2000元，现在提不出来");
        String id = loss.getJsonObject("conversation").getString("id");
        if (!"waiting_officer".equals(loss.getJsonObject("conversation").getString("state"))) {
            id = server.chat(session, "转人工").getJsonObject("conversation").getString("id");
        }
        JsonObject item = queueItem(id);
        assertEquals("2000", item.getString("amount"), "story amount extracted: " + storyAmount + " " + item.encode());
    }

    @Test
    void theSummaryAndTheSuggestionLeaveOutAnEarlierUnrelatedCheckAndTheButtons() throws Exception {
        JsonObject earlier = server.chat(null, "【顺丰速运】您的快递已到达驿站，取件码5-2-3018，请凭码取件");
        String session = earlier.getString("sessionId");
        JsonObject scam = server.chat(session, "您好，我是XX市公安局民警，您的银行卡涉嫌洗钱，请将资金转入安全账户，不要告诉家人");
        JsonArray signals = scam.getJsonObject("analysis").getJsonArray("signals");
        String id = server.chat(session, "转人工").getJsonObject("conversation").getString("id");
        JsonObject item = queueItem(id);
        String summary = item.getString("summary");
        assertFalse(summary.contains("顺丰") || summary.contains("取件"), summary);
        if (!signals.isEmpty()) {
            assertTrue(summary.contains(((JsonObject) signals.getValue(0)).getString("phrase")), summary + " / " + signals.encode());
        }
        JsonObject suggestions = officer.getOk("/conversations/" + id).getJsonObject("suggestions");
        assertNotNull(suggestions.getJsonObject("latest"), suggestions.encode());
        assertEquals("verify", suggestions.getJsonObject("latest").getString("intent"), "the suggestion is the last verdict, not 转人工");
    }

    @Test
    void aCaseIsFoundByCardPhoneOrNumberMaskedInTheListAndTheSearchIsAudited() throws Exception {
        JsonObject a = server.chat(null, "对方自称客服，让我把钱转到银行卡" + CARD + "，电话13912345678");
        String id = server.chat(a.getString("sessionId"), "转人工").getJsonObject("conversation").getString("id");
        officer.postOk("/conversations/" + id + "/claim", new JsonObject());
        String caseNo = officer.postOk("/conversations/" + id + "/case", new JsonObject()).getString("caseNo");

        for (String q : new String[] {CARD, "13912345678", caseNo, caseNo.toLowerCase()}) {
            JsonArray found = officer.getOk("/cases?q=" + q).getJsonArray("cases");
            assertEquals(1, found.size(), q + " -> " + found.encode());
            assertEquals(caseNo, found.getJsonObject(0).getString("caseNo"));
            assertFalse(found.encode().contains(CARD) || found.encode().contains("13912345678"), "masked: " + found.encode());
        }
        assertEquals(0, officer.getOk("/cases?q=6222020200999999999").getJsonArray("cases").size());
        JsonObject full = officer.getOk("/cases/" + caseNo);
        assertTrue(full.encode().contains(CARD), "full on open");
        String audit = officer.getOk("/audit?limit=50").encode();
        assertTrue(audit.contains("case.search") && audit.contains("case.view"), audit);
        assertFalse(audit.contains(CARD), "the audited query is masked: " + audit);
    }

    @Test
    void theCaseTimelineIsSentencesWithoutCodesOrJson() throws Exception {
        JsonObject a = server.chat(null, "我刚刚被骗了，已经给对方转了8000元");
        String id = a.getJsonObject("conversation").getString("id");
        officer.postOk("/conversations/" + id + "/claim", new JsonObject());
        officer.postOk("/conversations/" + id + "/messages", new JsonObject().put("text", "请马上联系银行止付"));
        String caseNo = officer.postOk("/conversations/" + id + "/case", new JsonObject()).getString("caseNo");
        officer.postOk("/cases/" + caseNo + "/status", new JsonObject().put("status", "accepted"));
        JsonArray timeline = officer.getOk("/cases/" + caseNo).getJsonArray("timeline");
        String texts = String.join("\n", timeline.stream().map(t -> ((JsonObject) t).getString("text", "")).toList());
        assertTrue(texts.contains("民警 admin 接手了对话") && texts.contains("民警 admin 回复了群众"), texts);
        assertTrue(texts.contains("已受理"), texts);
        assertFalse(texts.contains("{") || texts.contains("conversation.") || texts.contains("accepted"), texts);
        assertEquals(200, server.get("/console/favicon.svg").statusCode());
    }
}
