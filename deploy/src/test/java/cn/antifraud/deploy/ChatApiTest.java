package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatApiTest {
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
    void aPoliceImpersonationMessageGetsAHighRiskVerdictNamingItsWarningPhrases() throws Exception {
        JsonObject answer = server.chat(null, "您好，我是XX市公安局民警，您的银行卡涉嫌洗钱，请将资金转入安全账户，此事需要保密");
        JsonObject analysis = answer.getJsonObject("analysis");
        assertEquals("impersonate_police", analysis.getString("scamType"));
        assertEquals("high", analysis.getString("risk"));
        assertEquals("verify", analysis.getString("intent"));
        String text = TestServer.replyText(answer);
        assertTrue(text.contains("安全账户"), text);
        assertTrue(text.contains("冒充公检法"), text);
        JsonArray options = answer.getJsonArray("replies").getJsonObject(0).getJsonArray("options");
        assertTrue(options.contains("我已经转账了") && options.contains("转人工") && options.contains("了解这类骗局"), options.encode());
        assertEquals("bot", answer.getJsonObject("conversation").getString("state"));
        assertFalse(answer.getString("sessionId").isBlank());
    }

    @Test
    void anOrdinaryCourierNoticeIsNotCalledFraudButNeverCalledSafe() throws Exception {
        JsonObject answer = server.chat(null, "【菜鸟驿站】您的包裹已到小区东门驿站，凭取件码8-2-3021领取，营业时间9:00-20:00");
        JsonObject analysis = answer.getJsonObject("analysis");
        assertEquals("none", analysis.getString("scamType"));
        assertEquals("none", analysis.getString("risk"));
        String text = TestServer.replyText(answer);
        assertTrue(text.contains("发现明显的诈骗信号"), text);
        assertTrue(text.contains("不等于一定安全"), text);
    }

    @Test
    void theSameSessionContinuesTheSameConversationAndListsItsMessagesInOrder() throws Exception {
        JsonObject first = server.chat(null, "你好");
        String session = first.getString("sessionId");
        JsonObject second = server.chat(session, "【XX银行】您的账户存在异常，请点击 www.icbc-verify-safe.top 重新验证身份，否则24小时内冻结");
        assertEquals(first.getJsonObject("conversation").getString("id"), second.getJsonObject("conversation").getString("id"));
        JsonObject indicator = second.getJsonObject("analysis").getJsonArray("indicators").getJsonObject(0);
        assertEquals("url", indicator.getString("type"));
        assertEquals("www.icbc-verify-safe.top", indicator.getString("value"));

        HttpResponse<String> res = server.get("/api/chat/sessions/" + session + "/messages?after=0");
        assertEquals(200, res.statusCode());
        JsonArray messages = new JsonObject(res.body()).getJsonArray("messages");
        assertEquals(4, messages.size());
        assertEquals("resident", messages.getJsonObject(0).getString("sender"));
        assertEquals("bot", messages.getJsonObject(1).getString("sender"));
        for (int i = 1; i < messages.size(); i++) {
            assertTrue(messages.getJsonObject(i).getLong("seq") > messages.getJsonObject(i - 1).getLong("seq"));
        }
        JsonArray after = new JsonObject(server.get("/api/chat/sessions/" + session + "/messages?after=2").body())
            .getJsonArray("messages");
        assertEquals(2, after.size());
        assertEquals(3L, after.getJsonObject(0).getLong("seq"));
    }

    @Test
    void tappingLearnThisScamExplainsTheTypeOfTheLastVerdict() throws Exception {
        JsonObject verdict = server.chat(null, "宝贝我在平台上投资赚了不少，导师带单稳赚不赔，你也充一点吧，这是内部渠道");
        String type = verdict.getJsonObject("analysis").getString("scamType");
        assertNotEquals("none", type);
        JsonObject explained = server.chat(verdict.getString("sessionId"), "了解这类骗局");
        assertTrue(TestServer.replyText(explained).contains("防范要点"), TestServer.replyText(explained));
    }

    @Test
    void askingForAnOfficerPutsTheConversationInTheQueue() throws Exception {
        JsonObject answer = server.chat(null, "转人工");
        assertEquals("waiting_officer", answer.getJsonObject("conversation").getString("state"));
        assertTrue(TestServer.replyText(answer).contains("民警"));
    }

    @Test
    void moneyTakenFromTheResidentsCardIsHighAndItsPhraseReadsWithoutPlaceholders() throws Exception {
        HttpResponse<String> res = server.postJson("/api/classify", new JsonObject().put("text", "刚才卡里一万多被刷走了"));
        assertEquals(200, res.statusCode());
        JsonObject analysis = new JsonObject(res.body());
        assertEquals("high", analysis.getString("risk"), res.body());
        JsonObject signal = analysis.getJsonArray("signals").getJsonObject(0);
        assertEquals("money_moved", signal.getString("category"));
        assertEquals("刚才卡里……多被刷走了", signal.getString("phrase"));
    }

    @Test
    void classifyAnswersTheAnalysisAloneAndStoresNothing() throws Exception {
        HttpResponse<String> res = server.postJson("/api/classify", new JsonObject().put("text", "加我薇信 abc12345 做刷单兼职，日赚三百，先垫付"));
        assertEquals(200, res.statusCode());
        JsonObject analysis = new JsonObject(res.body());
        assertEquals("brushing_rebate", analysis.getString("scamType"));
        assertFalse(analysis.containsKey("sessionId"));
        assertTrue(analysis.getJsonArray("indicators").stream()
            .anyMatch(i -> ((JsonObject) i).getString("type").equals("wechat")), analysis.encode());
    }

    @Test
    void healthReportsEachDependencyAndMetricsAreInPrometheusFormat() throws Exception {
        HttpResponse<String> health = server.get("/health");
        assertEquals(200, health.statusCode());
        assertEquals("up", new JsonObject(health.body()).getJsonObject("checks").getJsonObject("storage").getString("status"));
        server.chat(null, "你好");
        HttpResponse<String> metrics = server.get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(metrics.body().contains("antifraud_messages_total{channel=\"web\"}"), metrics.body());
    }

    @Test
    void theChatPageAndItsAssetsAreServedFromTheJar() throws Exception {
        HttpResponse<String> page = server.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("反诈助手"));
        assertFalse(page.body().contains("http://") || page.body().contains("https://"), "no CDN");
        assertEquals(200, server.get("/chat.js").statusCode());
        assertEquals(200, server.get("/chat.css").statusCode());
    }
}
