package cn.antifraud.deploy.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.deploy.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conversation's context through the residents' API: a follow-up is answered about the message before it, a new
 * message is judged on its own, money in a third party's story is not the resident's loss, and a message with nothing
 * in it gets a question back. Expected verdicts come from the stateless {@code POST /api/classify} of the same text,
 * so the tests hold whatever the models say about a single message.
 */
class ConversationContextTest {
    static final String POLICE = "您好，我是XX市公安局民警，您的银行卡涉嫌洗钱，请将资金转入安全账户，此事需要保密";
    static final String PRIZE = "【幸运用户】恭喜您被抽中获得iPhone一部，请点击 www.lingjiang-vip.top 填写信息，先缴纳手续费299元即可领取，今天内有效";
    static final String SCHOOL = "各位家长好，明天下午三点在学校礼堂开家长会，请准时参加，谢谢配合。";
    /** An investment pitch where only the other speaker's money moved. */
    static final String THIRD_PARTY_LOG = "王姐：我上个月跟着导师投资，已经充值了2万，现在赚了3万\n"
        + "我：真的假的？\n"
        + "王姐：李姐也赚了3万，你也转5000进去试试，导师带单稳赚不赔，这事先别跟家里人说";
    /** The same kind of log where the resident says their own money has gone. */
    static final String OWN_LOSS_LOG = "客服：请把保证金转到这个账户，解冻后马上退还\n"
        + "我：我已经转了5000了\n"
        + "客服：系统显示还需要再交一笔手续费才能提现";

    /** The report flow's first question when the resident's money has gone: the way into stop-payment. */
    static final String MONEY_FIRST_QUESTION = "钱是什么时候转出去的";

    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir, Map.of("RATE_LIMIT_PER_MINUTE", "0"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aFollowUpAfterAScamVerdictIsAnsweredAboutThatMessageWithItsTypeAndRisk() throws Exception {
        JsonObject first = server.chat(null, POLICE);
        JsonObject verdict = first.getJsonObject("analysis");
        assertNotEquals("none", verdict.getString("risk"), "the scam itself must be flagged for the follow-up to mean anything");
        String session = first.getString("sessionId");
        for (String followUp : List.of("这是真的吗", "那我该怎么办", "他又发来一条", "这个号码呢", "这个网站是真的吗？")) {
            JsonObject answer = server.chat(session, followUp);
            JsonObject analysis = answer.getJsonObject("analysis");
            assertEquals(verdict.getString("scamType"), analysis.getString("scamType"), followUp);
            assertEquals(verdict.getString("risk"), analysis.getString("risk"), followUp);
            assertEquals("follow_up", analysis.getString("intent"), followUp);
            String text = TestServer.replyText(answer);
            assertTrue(text.contains("刚才那条"), text);
            assertTrue(text.contains("冒充公检法"), text);
            assertEquals("bot", answer.getJsonObject("conversation").getString("state"), followUp);
        }
    }

    @Test
    void aFollowUpJudgedAloneIsNoScamSoItsTypeComesFromTheConversation() throws Exception {
        JsonObject alone = classify("那我该怎么办");
        JsonObject first = server.chat(null, POLICE);
        JsonObject followUp = server.chat(first.getString("sessionId"), "那我该怎么办").getJsonObject("analysis");
        assertNotEquals(alone.getString("scamType"), followUp.getString("scamType"));
        assertEquals(first.getJsonObject("analysis").getString("scamType"), followUp.getString("scamType"));
    }

    @Test
    void aNewScamTextAfterAVerdictGetsItsOwnVerdict() throws Exception {
        JsonObject expected = classify(PRIZE);
        JsonObject first = server.chat(null, POLICE);
        assertNotEquals(first.getJsonObject("analysis").getString("scamType"), expected.getString("scamType"),
            "the second scam must be of another type to show it is judged on its own");
        JsonObject answer = server.chat(first.getString("sessionId"), PRIZE);
        JsonObject analysis = answer.getJsonObject("analysis");
        assertEquals(expected.getString("scamType"), analysis.getString("scamType"));
        assertEquals(expected.getString("risk"), analysis.getString("risk"));
        assertFalse(TestServer.replyText(answer).contains("刚才那条"));
    }

    @Test
    void anOrdinaryTextAfterAScamVerdictIsNotGivenTheOldScamsRisk() throws Exception {
        JsonObject expected = classify(SCHOOL);
        JsonObject first = server.chat(null, POLICE);
        assertNotEquals(first.getJsonObject("analysis").getString("risk"), expected.getString("risk"));
        JsonObject answer = server.chat(first.getString("sessionId"), SCHOOL);
        JsonObject analysis = answer.getJsonObject("analysis");
        assertEquals(expected.getString("risk"), analysis.getString("risk"));
        assertEquals(expected.getString("scamType"), analysis.getString("scamType"));

        // and a follow-up now asks about the ordinary message, not the scam before it
        JsonObject followUp = server.chat(first.getString("sessionId"), "这是真的吗").getJsonObject("analysis");
        assertEquals(expected.getString("risk"), followUp.getString("risk"));
    }

    @Test
    void aPastedChatLogWhereOnlyAThirdPartysMoneyMovedDoesNotStartStopPayment() throws Exception {
        JsonObject alone = classify(THIRD_PARTY_LOG);
        assertTrue(alone.getJsonArray("signals").stream().anyMatch(s -> ((JsonObject) s).getString("category").equals("money_moved")),
            "the analysis sees money moving in the log: " + alone.encode());
        JsonObject answer = server.chat(null, THIRD_PARTY_LOG);
        assertEquals("bot", answer.getJsonObject("conversation").getString("state"));
        assertNull(answer.getString("caseNo"));
        String text = TestServer.replyText(answer);
        assertFalse(text.contains("止付"), text);
        assertFalse(text.contains(MONEY_FIRST_QUESTION), text);
        assertEquals(alone.getString("risk"), answer.getJsonObject("analysis").getString("risk"));
        assertNotEquals("none", alone.getString("risk"), "the pitch itself is still a scam to warn about");
    }

    @Test
    void aPastedChatLogWhereTheResidentSaysTheirOwnMoneyWentStartsStopPayment() throws Exception {
        JsonObject answer = server.chat(null, OWN_LOSS_LOG);
        assertTrue(TestServer.replyText(answer).contains(MONEY_FIRST_QUESTION), TestServer.replyText(answer));
        JsonObject urgent = server.chat(answer.getString("sessionId"), "刚刚");
        assertEquals("waiting_officer", urgent.getJsonObject("conversation").getString("state"));
        assertTrue(TestServer.replyText(urgent).contains("止付"), TestServer.replyText(urgent));
    }

    @Test
    void aResidentsOwnLossAfterAScamVerdictStartsStopPayment() throws Exception {
        JsonObject first = server.chat(null, POLICE);
        JsonObject answer = server.chat(first.getString("sessionId"), "我已经转了5000过去，那我该怎么办");
        assertTrue(TestServer.replyText(answer).contains(MONEY_FIRST_QUESTION), TestServer.replyText(answer));
        assertFalse(TestServer.replyText(answer).contains("刚才那条"), "a loss is not answered as a follow-up");
    }

    @Test
    void anEmojiOnlyOrContentFreeMessageGetsAQuestionInsteadOfAVerdict() throws Exception {
        for (String nothing : List.of("👍", "？？", "。。。", "嗯", "[表情]", "🙏🙏")) {
            JsonObject answer = server.chat(null, nothing);
            String text = TestServer.replyText(answer);
            assertTrue(text.contains("想让我帮您看看"), nothing + " -> " + text);
            assertFalse(text.contains("诈骗信号"), nothing + " -> " + text);
            assertEquals("bot", answer.getJsonObject("conversation").getString("state"));
        }
        JsonObject first = server.chat(null, POLICE);
        JsonObject after = server.chat(first.getString("sessionId"), "👍");
        assertTrue(TestServer.replyText(after).contains("想让我帮您看看"), TestServer.replyText(after));
    }

    private static JsonObject classify(String text) throws Exception {
        HttpResponse<String> res = server.postJson("/api/classify", new JsonObject().put("text", text));
        assertEquals(200, res.statusCode(), res.body());
        return new JsonObject(res.body());
    }
}
