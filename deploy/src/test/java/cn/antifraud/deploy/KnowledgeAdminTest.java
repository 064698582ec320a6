package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.core.audit.ChangeRefused;
import cn.antifraud.core.kbadmin.KnowledgeAdmin;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisors' service: content edits (versioned, audited, live at once), indicators, review into the corpus. */
class KnowledgeAdminTest {
    @TempDir
    static Path dataDir;
    static TestServer server;
    static KnowledgeAdmin admin;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        admin = server.app().knowledge().admin();
    }

    @AfterAll
    static void stop() {
        server.close();
        server = null; // a closed server's models must not stay reachable for the rest of the test run
        admin = null;
    }

    static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    static ChangeRefused refused(Future<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> await(f));
        assertTrue(e.getCause() instanceof ChangeRefused, String.valueOf(e.getCause()));
        return (ChangeRefused) e.getCause();
    }

    @Test
    void anEditedScriptStepIsWhatResidentsSeeNextAndEveryVersionIsKeptAndAudited() throws Exception {
        JsonObject current = await(admin.type("sextortion"));
        assertEquals(0, current.getInteger("version"));
        JsonObject content = current.getJsonObject("content");
        content.getJsonArray("script").getJsonObject(0).put("scammer", "小哥哥，在吗？加个微信视频聊聊呀（测试版本二）");
        JsonObject saved = await(admin.saveType("sextortion", content.encodePrettily(), 0, "supervisor-wang", "clearer opening"));
        assertEquals(1, saved.getInteger("version"));

        String s = server.chat(null, "学习防骗知识").getString("sessionId");
        server.chat(s, "按骗局类型学");
        server.chat(s, "裸聊敲诈");
        JsonObject a = server.chat(s, "实战演练");
        assertTrue(TestServer.replyText(a).contains("测试版本二"), TestServer.replyText(a));

        ChangeRefused stale = refused(admin.saveType("sextortion", content.encode(), 0, "supervisor-zhao", "late"));
        assertEquals(ChangeRefused.Kind.CONFLICT, stale.kind());

        await(admin.revertType("sextortion", 0, "supervisor-wang"));
        JsonArray history = await(admin.typeHistory("sextortion"));
        assertEquals(2, history.size());
        assertEquals("revert to v0", history.getJsonObject(0).getString("note"));
        assertFalse(await(admin.type("sextortion")).encode().contains("测试版本二"));
        JsonArray trail = await(admin.auditTrail("kb:sextortion", 10));
        assertEquals(2, trail.size());
        assertEquals("supervisor-wang", trail.getJsonObject(1).getString("actor"));
    }

    @Test
    void invalidContentIsRefusedNamingTheLineAndNothingChanges() throws Exception {
        JsonObject content = await(admin.type("romance")).getJsonObject("content");
        content.getJsonArray("quiz").getJsonObject(1).put("answer", 7);
        ChangeRefused e = refused(admin.saveType("romance", content.encodePrettily(), 0, "supervisor-wang", ""));
        assertEquals(ChangeRefused.Kind.INVALID, e.kind());
        assertTrue(e.getMessage().matches("edit of romance:\\d+: quiz\\[1]\\.answer: answer must be an index.*"), e.getMessage());
        ChangeRefused syntax = refused(admin.saveType("romance", "{\n  \"id\": \"romance\",\n  oops\n}", 0, "supervisor-wang", ""));
        assertTrue(syntax.getMessage().startsWith("edit of romance:3: invalid JSON"), syntax.getMessage());
        assertEquals(0, await(admin.type("romance")).getInteger("version"));
        assertEquals(ChangeRefused.Kind.NOT_FOUND, refused(admin.type("no_such_type")).kind());
    }

    @Test
    void anAddedIndicatorIsKnownBadInTheVerdictAtOnce() throws Exception {
        await(admin.addIndicator("phone", "13912345678", "fake_customer_service", "冒充快递客服", "supervisor-wang"));
        JsonObject a = server.chat(null, "有个电话13912345678说我的快递丢了要给我理赔");
        JsonObject indicator = a.getJsonObject("analysis").getJsonArray("indicators").getJsonObject(0);
        assertTrue(indicator.getBoolean("knownBad"), a.encodePrettily());
        assertEquals("indicator.add", await(admin.auditTrail("indicator:", 1)).getJsonObject(0).getString("action"));
        assertEquals("unknown_indicator_type", refused(admin.addIndicator("fax", "123", "romance", "", "x")).code());
    }

    @Test
    void unsureMessagesAndOfficersCorrectionsAreReviewedIntoTheCorpusWithTheRightLabel() throws Exception {
        JsonObject judged = server.chat(null, "有个人说帮我办点事，电话18612345678").getJsonObject("analysis");
        // the scenario needs a message the running model is unsure about
        assertTrue(judged.getDouble("confidence") < cn.antifraud.core.training.ReviewQueue.UNSURE_BELOW, judged.encode());
        JsonObject review = await(admin.review(50));
        JsonObject unsure = review.getJsonArray("unsure").stream().map(o -> (JsonObject) o)
            .filter(o -> o.getString("text").contains("办点事")).findFirst().orElseThrow(() -> new AssertionError(review.encode()));
        assertTrue(unsure.getString("text").contains("186****5678"), "phone masked in the list: " + unsure.getString("text"));
        String id = unsure.getString("messageId");
        JsonObject proposal = await(admin.proposeCorrection(id, "fake_investment", "officer-chen"));
        assertEquals("proposed", proposal.getString("status"));
        JsonArray proposed = await(admin.review(50)).getJsonArray("proposed");
        assertEquals("fake_investment", proposed.getJsonObject(0).getString("label"));
        assertEquals("officer_correction", proposed.getJsonObject(0).getString("source"));

        JsonObject added = await(admin.addToCorpus(id, null, "none", "supervisor-wang"));
        assertEquals("accepted", added.getString("status"));
        JsonObject after = await(admin.review(50));
        assertFalse(after.getJsonArray("unsure").encode().contains(id), "a labelled message leaves the review list");
        assertTrue(after.getJsonArray("proposed").isEmpty(), "the supervisor's label replaced the proposal");
        assertEquals("none", await(admin.additions(10)).getJsonObject(0).getString("label"));
        assertEquals("unknown_label", refused(admin.addToCorpus(null, "随便一句话", "scam", "x")).code());
        ChangeRefused line = refused(admin.importCorpus("none\t好的\nromance 没有制表符\n", "x"));
        assertTrue(line.getMessage().startsWith("第 2 行"), line.getMessage());
    }

    @Test
    void theReviewQueueHoldsOnlyMessagesTheBotJudgedAndAddsALowVerdictThatWasFollowedByAStopPayment() throws Exception {
        String missed = "我姐说有人找她帮忙收个包裹";
        JsonObject first = server.chat(null, missed);
        String s = first.getString("sessionId");
        assertTrue(java.util.Set.of("none", "low").contains(first.getJsonObject("analysis").getString("risk")), first.encode());
        String paid = "我刚才已经给他转了五千块钱";
        server.chat(s, paid);
        // an answer to a report question the classifier would be unsure about, were it a message to check
        String answer = "他说帮他办点事有好处费";
        JsonObject answered = server.chat(s, answer).getJsonObject("analysis");
        assertTrue(answered.getDouble("confidence") < cn.antifraud.core.training.ReviewQueue.UNSURE_BELOW, answered.encode());
        String t = server.chat(null, "学习防骗知识").getString("sessionId");
        server.chat(t, "按骗局类型学");

        // the escalation is recorded by the officers' listener just after the turn
        JsonObject polled = await(admin.review(50));
        for (int i = 0; i < 100 && !polled.getJsonArray("missed").encode().contains("收个包裹"); i++) {
            Thread.sleep(100);
            polled = await(admin.review(50));
        }
        JsonObject review = polled;
        JsonObject miss = review.getJsonArray("missed").stream().map(o -> (JsonObject) o)
            .filter(o -> o.getString("text").equals(missed)).findFirst().orElseThrow(() -> new AssertionError("" + review));
        assertEquals("escalated", miss.getString("after"));
        String listed = review.getJsonArray("missed").encode() + review.getJsonArray("unsure").encode();
        for (String notAMessageToCheck : java.util.List.of(paid, answer, "学习防骗知识", "按骗局类型学")) {
            assertFalse(listed.contains(notAMessageToCheck), notAMessageToCheck + " is not a message to label: " + listed);
        }
        assertFalse(review.getJsonArray("unsure").encode().contains(miss.getString("messageId")), "listed once, as a miss");
    }
}
