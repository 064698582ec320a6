package cn.antifraud.deploy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.core.conversation.Conversation;
import cn.antifraud.core.report.CaseDraft;
import cn.antifraud.core.report.CaseStore;
import cn.antifraud.deploy.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a filed report sets off: golden-hour escalation, the indicator registry, linked cases, status queries. */
class ReportEffectsTest {
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

    static JsonObject caseRecord(String caseNo) throws Exception {
        return server.app().services().cases().find(caseNo).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
            .orElseThrow(() -> new AssertionError("no case " + caseNo));
    }

    static String file(Victim v, String card, String phone) throws Exception {
        ReportConversationTest.fillToReadBack(v, card, phone);
        v.say("确认提交");
        return v.last.getString("caseNo");
    }

    @Test
    void moneySentJustNowEscalatesAtOnceWithStopPaymentAndAsksForTheReceivingAccountFirst() throws Exception {
        Victim v = new Victim(server);
        String first = v.say("我刚刚被骗了，给对方转了5万块");
        assertEquals("waiting_officer", v.state(), v.transcript());
        assertTrue(first.startsWith("别慌") && first.contains("110") && first.contains("96110"), v.transcript());
        assertTrue(first.contains("冻结") && first.contains("截图"), v.transcript());
        assertTrue(first.contains("哪个账号"), v.transcript());
        Conversation c = server.app().services().conversations().find(v.conversationId()).orElseThrow();
        assertTrue(c.stopPayment());
        assertEquals(0, c.priority());

        String card = Victim.card("622588112233445566");
        String next = v.say(card);
        assertTrue(next.contains("什么方式"), v.transcript());
        v.say("手机银行");
        assertTrue(v.say("13511112222").contains("对吗"), v.transcript());
        assertTrue(v.say("不是").contains("哪一类"), v.transcript());
        v.say("冒充公检法");
        v.say("跳过");
        String readBack = v.say("跳过");
        assertTrue(readBack.contains("50,000元") && readBack.contains("“刚刚”"), v.transcript());
        String filed = v.say("确认提交");
        assertTrue(filed.contains("紧急止付") && filed.contains("追回损失"), v.transcript());
        JsonObject record = caseRecord(v.last.getString("caseNo"));
        assertEquals("impersonate_police", record.getString("scamType"));
        assertTrue(record.getBoolean("urgent") && record.getBoolean("stopPayment"), record.encode());
        assertEquals("waiting_officer", v.state());
    }

    @Test
    void moneyBeingSentNowIsUrgentToo() throws Exception {
        Victim v = new Victim(server);
        v.say("我要报案");
        v.say("有人说是我儿子的老师，要交资料费，我正在转账");
        assertEquals("waiting_officer", v.state(), v.transcript());
        assertTrue(server.app().services().conversations().find(v.conversationId()).orElseThrow().stopPayment());
    }

    @Test
    void aReportFromThreeDaysAgoIsNotUrgent() throws Exception {
        Victim v = new Victim(server);
        v.say("我要报案");
        v.say("有人冒充我领导让我转钱给合作方，我转了");
        v.say("三天前");
        assertEquals("bot", v.state(), v.transcript());
    }

    @Test
    void aReportedAccountIsToldToTheNextResidentWhoChecksItAndCasesSharingItAreLinked() throws Exception {
        String card = Victim.card("623456789012345678");
        JsonObject before = new JsonObject(server.postJson("/api/classify", new JsonObject().put("text", "请转到这个卡 " + card)).body());
        assertFalse(before.getJsonArray("indicators").getJsonObject(0).getBoolean("knownBad"), before.encode());

        String first = file(new Victim(server), card, "13811110001");
        JsonObject after = new JsonObject(server.postJson("/api/classify", new JsonObject().put("text", "请转到这个卡 " + card)).body());
        JsonObject indicator = after.getJsonArray("indicators").getJsonObject(0);
        assertTrue(indicator.getBoolean("knownBad"), after.encode());
        assertEquals(1, indicator.getInteger("reportCount"));
        String verdict = TestServer.replyText(server.chat(null, "客服让我把钱转到 " + card + " 这个账户做验证"));
        assertTrue(verdict.contains("已被举报1次"), verdict);

        String second = file(new Victim(server), card, "13811110002");
        JsonArray linkedToSecond = caseRecord(second).getJsonArray("linkedCases");
        assertTrue(linkedToSecond.contains(first), linkedToSecond.encode());
        JsonObject firstCase = caseRecord(first);
        assertTrue(firstCase.getJsonArray("linkedCases").contains(second), firstCase.encode());
        assertTrue(firstCase.getJsonArray("history").stream().anyMatch(h -> ((JsonObject) h).getString("action").equals("linked")));
        JsonObject again = new JsonObject(server.postJson("/api/classify", new JsonObject().put("text", "卡号 " + card)).body());
        assertEquals(2, again.getJsonArray("indicators").getJsonObject(0).getInteger("reportCount"));
    }

    @Test
    void theStatusIsToldForTheRightCaseNumberAndPhoneOnly() throws Exception {
        String caseNo = file(new Victim(server), Victim.card("622700998877665544"), "13922223333");
        Victim asker = new Victim(server);
        assertTrue(asker.say("查询案件进度").contains("案件编号"), asker.transcript());
        assertTrue(asker.say(caseNo).contains("手机号"), asker.transcript());
        String status = asker.say("13922223333");
        assertTrue(status.contains("已经登记") && status.contains(caseNo), asker.transcript());

        server.app().services().cases().setStatus(caseNo, "investigating", "test").toCompletionStage().toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
        assertTrue(asker.say("我的案子怎么样了 " + caseNo + " 13922223333").contains("侦查中"), asker.transcript());

        Victim guesser = new Victim(server);
        guesser.say("查询案件进度");
        guesser.say(caseNo);
        String wrong = guesser.say("13900000000");
        assertTrue(wrong.contains("没有查到") && !wrong.contains("登记") && !wrong.contains("侦查"), guesser.transcript());
        String unknown = guesser.say("查询案件进度 FZ-20200101-999999 13900000000");
        assertEquals(wrong, unknown, "a wrong phone and an unknown number must read the same");
        guesser.say("查询案件进度 " + caseNo + " 13900000001");
        String blocked = guesser.say("查询案件进度 " + caseNo + " 13922223333");
        assertFalse(blocked.contains("侦查中"), guesser.transcript());
        assertTrue(blocked.contains("次数太多"), guesser.transcript());
    }

    @Test
    void everyViewOfFullPersonalDataCanBeAuditedAppendOnly() throws Exception {
        var audit = server.app().services().audit();
        audit.record("wang", "case.view", "FZ-20261123-000001", new JsonObject().put("fields", new JsonArray().add("phone")));
        audit.record("li", "case.view", "FZ-20261123-000001", null);
        var entries = audit.entries("FZ-20261123-000001");
        assertEquals(2, entries.size());
        assertEquals("wang", entries.get(0).getString("actor"));
        assertEquals("phone", entries.get(0).getJsonObject("details").getJsonArray("fields").getString(0));
    }

    @Test
    void submittingTheSameReportTwiceEvenAtOnceCreatesOneCase() throws Exception {
        CaseStore store = server.app().services().cases().store();
        CaseDraft draft = new CaseDraft("report-twice", "conversation-twice", "web", "none", false, "对方让我买购物卡", Instant.now(),
            "刚刚", false, new BigDecimal("800"), "gift_card", List.of(), null, "13800000000", null, null, false);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CaseStore.Filed>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tries.add(pool.submit(() -> store.file(draft)));
            }
            var numbers = new HashSet<String>();
            int created = 0;
            for (Future<CaseStore.Filed> f : tries) {
                CaseStore.Filed filed = f.get(30, TimeUnit.SECONDS);
                numbers.add(filed.caseNo());
                created += filed.created() ? 1 : 0;
            }
            assertEquals(1, numbers.size(), numbers.toString());
            assertEquals(1, created);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1L, store.countByConversation("conversation-twice"));
    }

    @Test
    void aFirstMessageLikeYesterdayAScammerTookTwentyThousandStartsAnUrgentReportWithItsDetailsTaken() throws Exception {
        Victim v = new Victim(server);
        String card = Victim.card("621483001234567890");
        String first = v.say("我昨天被冒充客服骗了两万，转到了" + card);
        assertEquals("waiting_officer", v.state(), v.transcript());
        assertTrue(first.contains("紧急止付") && first.contains("什么方式"), v.transcript());
        assertFalse(first.contains("多少钱") || first.contains("哪个账号"), v.transcript());
    }

    @Test
    void listViewsMaskPersonalDataAndTheTimelineTakesNewEntries() throws Exception {
        String card = Victim.card("622155443322110099");
        String caseNo = file(new Victim(server), card, "13633334444");
        var cases = server.app().services().cases();
        JsonObject listed = cases.recent(100).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).stream()
            .filter(c -> c.getString("caseNo").equals(caseNo)).findFirst().orElseThrow();
        assertFalse(listed.encode().contains("13633334444") || listed.encode().contains(card), listed.encode());
        assertEquals("136****4444", listed.getString("phone"));
        assertTrue(cases.appendHistory(caseNo, "zhao", "note", "已联系银行止付").toCompletionStage().toCompletableFuture()
            .get(10, TimeUnit.SECONDS));
        JsonArray history = caseRecord(caseNo).getJsonArray("history");
        JsonObject last = history.getJsonObject(history.size() - 1);
        assertEquals("zhao", last.getString("actor"));
        assertEquals("已联系银行止付", last.getString("note"));
        assertTrue(last.getString("at").endsWith("Z"), last.encode());
    }

    @Test
    void theVictimWhoFiledAsksTheStatusInTheSameConversationWithThePhoneAlone() throws Exception {
        Victim v = new Victim(server);
        String caseNo = file(v, Victim.card("622311112222333344"), "13944445555");
        assertTrue(v.say("查询案件进度").contains("手机号"), v.transcript());
        String status = v.say("13944445555");
        assertTrue(status.contains(caseNo) && status.contains("已经登记"), v.transcript());
    }
}
