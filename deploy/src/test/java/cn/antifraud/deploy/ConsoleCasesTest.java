package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases, follow-ups, the supervisors' figures and the audit log against the real server. */
class ConsoleCasesTest {
    static final String PASSWORD = "officer-password-1";
    static final String SCAM = "我是XX市公安局民警，您的银行卡涉嫌洗钱，请把钱转到安全账户6222020200112233445，联系电话13812345678";
    @TempDir
    static Path dataDir;
    static TestServer server;
    static OfficerClient officer;
    static OfficerClient lead;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        OfficerClient admin = OfficerClient.loggedIn(server, "admin", "test-admin-password");
        admin.postOk("/accounts", new JsonObject().put("username", "grace").put("password", PASSWORD).put("role", "officer"));
        admin.postOk("/accounts", new JsonObject().put("username", "heidi").put("password", PASSWORD).put("role", "supervisor"));
        officer = OfficerClient.loggedIn(server, "grace", PASSWORD);
        lead = OfficerClient.loggedIn(server, "heidi", PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static String claimedConversation(String text) throws Exception {
        JsonObject a = server.chat(null, text);
        String id = server.chat(a.getString("sessionId"), "转人工").getJsonObject("conversation").getString("id");
        officer.postOk("/conversations/" + id + "/claim", new JsonObject());
        return id;
    }

    @Test
    void aCaseMovesThroughItsWorkflowWithLinkedCasesAndATimeline() throws Exception {
        String first = claimedConversation(SCAM);
        String second = claimedConversation("又有人打13812345678说我涉嫌洗钱，让我转到安全账户");
        String caseNo = officer.postOk("/conversations/" + first + "/case", new JsonObject()).getString("caseNo");
        assertTrue(caseNo.matches("FZ-\\d{8}-\\d{6}"), caseNo);
        assertEquals(409, officer.post("/conversations/" + first + "/case", new JsonObject()).statusCode());
        String other = officer.postOk("/conversations/" + second + "/case", new JsonObject()).getString("caseNo");

        JsonObject view = officer.getOk("/cases/" + caseNo);
        assertEquals("new", view.getString("status"));
        assertTrue(view.getJsonArray("linked").stream().anyMatch(l -> other.equals(((JsonObject) l).getString("caseNo"))),
            view.getJsonArray("linked").encode());
        assertTrue(view.getJsonArray("indicators").stream().anyMatch(i -> "phone".equals(((JsonObject) i).getString("type"))));
        assertTrue(view.getJsonArray("timeline").encode().contains("安全账户"), "the timeline holds the conversation");
        assertEquals(409, officer.post("/cases/" + caseNo + "/status", new JsonObject().put("status", "closed")).statusCode());
        assertEquals(400, officer.post("/cases/" + caseNo + "/status", new JsonObject().put("status", "done")).statusCode());
        for (String status : new String[] {"accepted", "investigating"}) {
            officer.postOk("/cases/" + caseNo + "/status", new JsonObject().put("status", status));
        }
        JsonObject closed = officer.postOk("/cases/" + caseNo + "/status", new JsonObject().put("status", "closed"));
        assertTrue(closed.getInteger("followups") >= 1, closed.encode());
        JsonObject after = officer.getOk("/cases/" + caseNo);
        assertEquals("closed", after.getString("status"));
        assertEquals(3, after.getJsonArray("history").stream().filter(h -> "status".equals(((JsonObject) h).getString("action"))).count(),
            after.getJsonArray("history").encode());
        assertEquals(404, officer.get("/cases/FZ-19990101-000001").statusCode());
        String audit = lead.getOk("/audit?target=" + caseNo).encode();
        assertTrue(audit.contains("case.view") && audit.contains("case.status") && audit.contains("grace"), audit);
    }

    @Test
    void aFollowUpIsSentInOneClickOnTheResidentsOwnChannelAndThenMarkedDone() throws Exception {
        JsonObject a = server.chat(null, SCAM);
        String session = a.getString("sessionId");
        String id = server.chat(session, "转人工").getJsonObject("conversation").getString("id");
        officer.postOk("/conversations/" + id + "/claim", new JsonObject());
        officer.postOk("/conversations/" + id + "/close", new JsonObject().put("disposition", "已报案"));
        JsonArray due = officer.getOk("/followups").getJsonArray("followups");
        JsonObject mine = due.stream().map(JsonObject.class::cast).filter(f -> id.equals(f.getString("conversationId")))
            .findFirst().orElseThrow(() -> new AssertionError(due.encode()));
        assertEquals("pending", mine.getString("status"));
        assertEquals("冒充公检法及政府机关", mine.getString("scamTypeName"), mine.encode());
        officer.postOk("/followups/" + mine.getString("id") + "/send", new JsonObject());
        String history = server.get("/api/chat/sessions/" + session + "/messages").body();
        assertTrue(history.contains("反诈中心回访"), history);
        officer.postOk("/followups/" + mine.getString("id") + "/done", new JsonObject().put("outcome", "群众安全"));
        assertEquals(409, officer.post("/followups/" + mine.getString("id") + "/send", new JsonObject()).statusCode());
        assertEquals(404, officer.post("/followups/nope/send", new JsonObject()).statusCode());
    }

    @Test
    void supervisorsSeeTheFiguresAsJsonAndCsvAndReadTheAuditOfEveryView() throws Exception {
        String id = claimedConversation(SCAM);
        officer.getOk("/conversations/" + id);
        officer.postOk("/conversations/" + id + "/close", new JsonObject().put("disposition", "劝阻成功").put("amountSaved", 12000.5));
        JsonObject f = lead.getOk("/stats?days=7");
        assertTrue(f.getInteger("warningsHandled") >= 1, f.encode());
        assertTrue(f.getDouble("amountSaved") >= 12000.5, f.encode());
        assertTrue(f.getJsonObject("dispositions").getInteger("劝阻成功") >= 1, f.encode());
        assertTrue(f.getJsonObject("responseSeconds").getInteger("count") >= 1, f.encode());
        assertEquals(7, f.getJsonArray("dayLabels").size());
        HttpResponse<String> csv = lead.get("/stats.csv?days=7");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().contains("劝阻成功率") && csv.body().contains("挽损金额(元)"), csv.body());
        assertEquals(400, lead.get("/stats?days=0").statusCode());
        String audit = lead.getOk("/audit?target=conversation:" + id).encode();
        assertTrue(audit.contains("conversation.view") && audit.contains("conversation.close") && audit.contains("conversation.claim"), audit);
    }
}
