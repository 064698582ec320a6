package cn.antifraud.deploy.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.deploy.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resident always knows where they stand and what they can do next: the queue place after 转人工, the
 * officer joining, next steps after filing and after closing, and a second question before an urgent report is
 * dropped. The report's scam type is a real type, and the confirmed one becomes the conversation's type.
 */
class NoDeadEndsTest {
    static final List<String> NEXT_STEPS = List.of("查询案件进度", "再查一条", "学习防骗知识");

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
    void askingForAnOfficerTellsThePlaceInTheQueueAndTheOfficerJoiningIsAnnouncedAndClosingOffersNextSteps() throws Exception {
        Resident first = new Resident(server);
        first.say("转人工");
        assertEquals("waiting_officer", first.state(), first.transcript());
        JsonObject place = first.lastReply();
        assertEquals("handoff", place.getString("kind"), first.transcript());
        int firstPlace = placeIn(place.getString("text"));

        Resident second = new Resident(server);
        second.say("转人工");
        assertEquals(firstPlace + 1, placeIn(second.lastReply().getString("text")), second.transcript());

        Officer officer = Officer.admin(server);
        officer.post("/conversations/" + second.conversationId() + "/claim", new JsonObject());
        JsonObject joined = lastOf(second.history());
        assertEquals("system", joined.getString("sender"), joined.encode());
        assertTrue(joined.getString("text").contains("admin") && joined.getString("text").contains("已接入"), joined.encode());

        officer.post("/conversations/" + second.conversationId() + "/close", new JsonObject().put("disposition", "其他"));
        JsonObject closing = lastOf(second.history());
        assertEquals("system", closing.getString("kind"), closing.encode());
        assertEquals(NEXT_STEPS, closing.getJsonArray("options").getList(), closing.encode());

        second.say("查询案件进度");
        assertTrue(second.text().contains("案件编号"), second.transcript());
        assertEquals("report", second.lastReply().getString("kind"), second.transcript());
    }

    @Test
    void aFiledReportOffersToCheckItsProgressAndTheConfirmedTypeBecomesTheConversationsType() throws Exception {
        Resident r = new Resident(server);
        r.say("您好，我是XX市公安局民警，您的银行卡涉嫌洗钱，请将资金转入安全账户，此事需要保密");
        String type = r.last.getJsonObject("analysis").getString("scamType");
        r.say("我要报案");
        r.say("对方自称是公安局的民警，说我的银行卡涉嫌洗钱，让我把钱转到所谓的安全账户配合调查");
        String question = r.say("上个月");
        assertFalse(question.contains("待民警认定"), r.transcript());
        assertTrue(question.contains("这很像「") && r.options().contains("是的"), r.transcript());
        r.say("是的");
        r.say("3万");
        r.say("银行转账");
        r.say("对方收款的卡号 " + Resident.card("622848001122334466"));
        r.say("13700003333");
        r.say("跳过");
        String readBack = r.say("跳过");
        assertTrue(readBack.contains("请您核对"), r.transcript());
        r.say("确认提交");
        assertNotNull(r.last.getString("caseNo"), r.transcript());
        assertEquals(NEXT_STEPS, r.options().getList(), r.transcript());
        String conversationType = server.app().services().conversations().find(r.conversationId()).orElseThrow().lastScamType();
        assertEquals(type, conversationType);

        r.say("查询案件进度");
        assertEquals("report", r.lastReply().getString("kind"), r.transcript());
    }

    @Test
    void withoutAGuessTheReportOffersEveryRealTypeAndNeverAnUndecidedOne() throws Exception {
        Resident r = new Resident(server);
        r.say("我要报案");
        r.say("有人加我好友，聊了一阵子以后让我帮忙做点事，后来就联系不上了");
        String question = r.say("上个月");
        JsonArray options = r.options();
        assertFalse(question.contains("待民警认定") || options.contains("待民警认定"), r.transcript());
        if (question.contains("这很像「")) {
            r.say("不是");
            options = r.options();
        }
        assertTrue(options.size() > 10 && options.contains("不确定"), r.transcript());
        assertFalse(options.contains("待民警认定"), r.transcript());
    }

    @Test
    void cancellingAnUrgentReportAsksOnceAndKeepsTheReportUnlessConfirmed() throws Exception {
        Resident r = new Resident(server);
        r.say("我刚刚被骗了，给对方转了5万块");
        String question = r.lastReply().getString("text");
        String ask = r.say("取消");
        assertTrue(ask.contains("确定要取消") && r.options().contains("继续报案") && r.options().contains("确定取消"), r.transcript());
        r.say("继续报案");
        assertEquals(question, r.lastReply().getString("text"), r.transcript());
        r.say("取消");
        String cancelled = r.say("确定取消");
        assertTrue(cancelled.contains("已经取消"), r.transcript());
        assertFalse(r.options().isEmpty(), r.transcript());
    }

    @Test
    void notKnowingAQuizAnswerIsNoMisunderstandingAndTheWebNeverAsksForOptionNumbers() throws Exception {
        Resident r = new Resident(server);
        String intro = r.say("做个防骗小测验");
        String unsure = r.say("不知道");
        assertTrue(unsure.contains("不知道也没关系") && !unsure.contains("没太明白"), r.transcript());
        String puzzled = r.say("今天天气怎么样");
        assertTrue(puzzled.contains("没太明白"), r.transcript());
        for (String text : List.of(intro, unsure, puzzled)) {
            assertFalse(text.contains("数字"), r.transcript());
        }
        assertEquals("quiz", r.lastReply().getString("kind"), r.transcript());
    }

    @Test
    void afterEnoughRecentClaimsAResidentHandedToAnOfficerAlsoHearsTheTypicalWait() throws Exception {
        Officer officer = Officer.admin(server);
        // a fresh desk says nothing about waits it has not seen; each claimed conversation teaches it one
        var handling = server.app().store().collection("officer_handling");
        for (long claimed = handling.countDocuments(new org.bson.Document("claimedAt", new org.bson.Document("$exists", true)));
             claimed < 5; claimed++) {
            Resident r = new Resident(server);
            r.say("转人工");
            assertFalse(r.lastReply().getString("text").contains("按最近的情况"), r.transcript());
            // the officers' listener records the escalation just after the turn
            for (int tries = 0; tries < 100 && handling
                .find(new org.bson.Document("_id", r.conversationId())).first() == null; tries++) {
                Thread.sleep(50);
            }
            officer.post("/conversations/" + r.conversationId() + "/claim", new JsonObject());
        }
        Resident sixth = new Resident(server);
        sixth.say("转人工");
        assertTrue(sixth.lastReply().getString("text").contains("按最近的情况，民警一般1分钟之内就会接手。"), sixth.transcript());
    }

    static int placeIn(String text) {
        var m = java.util.regex.Pattern.compile("排在第(\\d+)位").matcher(text);
        assertTrue(m.find(), text);
        return Integer.parseInt(m.group(1));
    }

    static JsonObject lastOf(JsonArray messages) {
        return messages.getJsonObject(messages.size() - 1);
    }

    /** The seeded admin account on the officers' API (cookie and CSRF token). */
    static final class Officer {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final TestServer server;
        private String csrf;

        private Officer(TestServer server) {
            this.server = server;
        }

        static Officer admin(TestServer server) throws Exception {
            Officer o = new Officer(server);
            o.csrf = o.post("/login", new JsonObject().put("username", "admin").put("password", "test-admin-password"))
                .getString("csrfToken");
            return o;
        }

        JsonObject post(String path, JsonObject body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url("/api/officer" + path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode()));
            if (csrf != null) {
                b.header("X-CSRF-Token", csrf);
            }
            HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (res.statusCode() != 200) {
                throw new AssertionError(path + " answered " + res.statusCode() + ": " + res.body());
            }
            return new JsonObject(res.body());
        }
    }
}
