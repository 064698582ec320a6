package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.ScamType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lessons, drills and quizzes over the web chat API, by tapping options and by SMS-style numbers. */
class EducationChatTest {
    static final String POLICE_SCAM = "您好，我是XX市公安局民警，您的银行卡涉嫌洗钱，请将资金转入安全账户，此事需要保密";
    @TempDir
    static Path dataDir;
    static TestServer server;
    static KnowledgeBase kb;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        kb = KnowledgeBase.load();
    }

    @AfterAll
    static void stop() {
        server.close();
        server = null; // a closed server's models must not stay reachable for the rest of the test run
    }

    static List<String> options(JsonObject answer) {
        JsonArray replies = answer.getJsonArray("replies");
        return replies.getJsonObject(replies.size() - 1).getJsonArray("options").stream().map(String::valueOf).toList();
    }

    static String lastText(JsonObject answer) {
        JsonArray replies = answer.getJsonArray("replies");
        return replies.getJsonObject(replies.size() - 1).getString("text");
    }

    @Test
    void aDrillByTappingOptionsGivesFeedbackOnEachStepAndAScoreWithTheWeakestTopicOfferedNext() throws Exception {
        JsonObject a = server.chat(null, "学习防骗知识");
        String s = a.getString("sessionId");
        assertEquals(List.of("按骗局类型学", "按人群学", "做个防骗小测验", "订阅防骗提醒", "退出"), options(a));
        a = server.chat(s, "按骗局类型学");
        assertTrue(options(a).contains("冒充公检法及政府机关"), options(a).toString());
        a = server.chat(s, "冒充公检法及政府机关");
        assertTrue(lastText(a).contains("「冒充公检法及政府机关」"), lastText(a));
        a = server.chat(s, "实战演练");
        ScamType police = kb.type("impersonate_police");
        assertTrue(lastText(a).contains(police.script().get(0).scammer()), lastText(a));
        assertEquals(police.script().get(0).choices().stream().map(ScamType.Choice::text).toList(), options(a));

        a = server.chat(s, "挂断，自己拨打官方医保热线或110核实。");
        assertTrue(TestServer.replyText(a).contains("✅"), TestServer.replyText(a));
        assertTrue(lastText(a).contains(police.script().get(1).scammer()), lastText(a));
        a = server.chat(s, "看看通缉令，证明自己是清白的。");
        String feedback = TestServer.replyText(a);
        assertTrue(feedback.contains("❌") && feedback.contains("更稳妥的做法是：挂断电话，拨打110问一问。"), feedback);
        a = server.chat(s, "立刻挂电话，告诉家人，不装任何APP。");
        a = server.chat(s, "不转账，马上打110，或去派出所当面问。");
        String end = TestServer.replyText(a);
        assertTrue(end.contains("演练结束：您应对正确 3 / 4 步"), end);
        assertTrue(end.contains("下钩子"), end);
        assertEquals("再练一次：冒充公检法及政府机关", options(a).get(0));
        assertEquals("bot", a.getJsonObject("conversation").getString("state"));
    }

    @Test
    void theSameDrillWorksWithSmsStyleNumberedRepliesAndWrongInputsAreAskedAgainGently() throws Exception {
        String s = server.chat(null, "学习防骗知识").getString("sessionId");
        JsonObject a = server.chat(s, "1");
        a = server.chat(s, String.valueOf(kb.scamTypeIds().indexOf("impersonate_police") + 1));
        assertEquals("实战演练", options(a).get(3));
        a = server.chat(s, "4");
        String question = lastText(a);

        a = server.chat(s, "嗯？我不太懂");
        // The web shows buttons without numbers, so the re-ask names none (text channels number the options themselves).
        assertTrue(TestServer.replyText(a).contains("请从下面的选项里选一个") && !TestServer.replyText(a).contains("数字"),
            TestServer.replyText(a));
        assertEquals(question, lastText(a));
        a = server.chat(s, "7");
        assertTrue(TestServer.replyText(a).contains("没太明白"), TestServer.replyText(a));
        assertEquals(question, lastText(a));

        a = server.chat(s, "2");
        assertTrue(TestServer.replyText(a).contains("✅"));
        a = server.chat(s, "１");
        assertTrue(TestServer.replyText(a).contains("✅"), "full-width digit picks option 1: " + TestServer.replyText(a));
        a = server.chat(s, "1");
        assertTrue(TestServer.replyText(a).contains("❌"));
        a = server.chat(s, "2。");
        assertTrue(TestServer.replyText(a).contains("演练结束：您应对正确 2 / 4 步"), TestServer.replyText(a));
        assertTrue(TestServer.replyText(a).contains("施压催促") && TestServer.replyText(a).contains("要您付钱"));

        a = server.chat(s, "退出");
        assertTrue(TestServer.replyText(a).contains("今天就学到这里"));
        a = server.chat(s, "1");
        assertFalse(TestServer.replyText(a).contains("演练"), "after leaving, a digit is an ordinary message again");
    }

    @Test
    void aQuizAfterAVerdictAsksAboutThatTypeAndExplainsEveryAnswer() throws Exception {
        String s = server.chat(null, POLICE_SCAM).getString("sessionId");
        JsonObject a = server.chat(s, "做个防骗小测验");
        ScamType police = kb.type("impersonate_police");
        for (int i = 0; i < police.quiz().size(); i++) {
            ScamType.QuizQuestion q = police.quiz().get(i);
            assertTrue(lastText(a).contains(q.question()), lastText(a));
            assertEquals(q.options(), options(a));
            int pick = i == 0 ? (q.answer() + 1) % q.options().size() : q.answer();
            a = server.chat(s, String.valueOf(pick + 1));
            String feedback = a.getJsonArray("replies").getJsonObject(0).getString("text");
            assertTrue(feedback.contains(q.explanation()), feedback);
            assertTrue(feedback.startsWith(i == 0 ? "❌ 不对，正确答案是「" + q.options().get(q.answer()) : "✅"), feedback);
        }
        String end = TestServer.replyText(a);
        assertTrue(end.contains("测验结束：您答对了 3 / 4 题"), end);
        assertEquals("复习：冒充公检法及政府机关", options(a).get(0));
    }

    @Test
    void aMixedQuizWithoutAVerdictCoversSeveralTypes() throws Exception {
        JsonObject a = server.chat(null, "做个防骗小测验");
        String s = a.getString("sessionId");
        assertTrue(TestServer.replyText(a).contains("一共5题"), TestServer.replyText(a));
        for (int i = 0; i < 5; i++) {
            ScamType.QuizQuestion q = find(lastText(a));
            assertNotNull(q, lastText(a));
            a = server.chat(s, q.options().get(q.answer()));
        }
        assertTrue(TestServer.replyText(a).contains("您答对了 5 / 5 题。全部正确"), TestServer.replyText(a));
    }

    @Test
    void learnThisScamAfterAVerdictOpensTheLessonOnThatTypeAndItsScriptStepByStep() throws Exception {
        String s = server.chat(null, POLICE_SCAM).getString("sessionId");
        JsonObject a = server.chat(s, "了解这类骗局");
        assertTrue(TestServer.replyText(a).contains("「冒充公检法及政府机关」是怎么骗人的") && TestServer.replyText(a).contains("防范要点"),
            TestServer.replyText(a));
        assertEquals(List.of("看骗局全过程", "防范要点", "小测验", "实战演练", "换一类", "退出"), options(a));
        a = server.chat(s, "看骗局全过程");
        assertTrue(lastText(a).contains("第1步（共4步）·第一次接触") && lastText(a).contains("危险信号"), lastText(a));
        for (int i = 2; i <= 4; i++) {
            a = server.chat(s, "下一步");
            assertTrue(TestServer.replyText(a).contains("第" + i + "步（共4步）"), TestServer.replyText(a));
        }
        assertTrue(TestServer.replyText(a).contains("要您付钱"));
        a = server.chat(s, "防范要点");
        assertTrue(TestServer.replyText(a).contains(kb.type("impersonate_police").advice().get(0)));
    }

    @Test
    void byAudienceShowsTheirTipsAndTheScamsThatTargetThem() throws Exception {
        String s = server.chat(null, "学习防骗知识").getString("sessionId");
        JsonObject a = server.chat(s, "2");
        assertEquals(List.of("老年人", "学生", "网购用户", "银行、商户柜台人员", "企业财务人员", "返回"), options(a));
        a = server.chat(s, "企业财务人员");
        assertTrue(TestServer.replyText(a).contains("老板在网上让转账"), TestServer.replyText(a));
        assertEquals("冒充领导、熟人", options(a).get(0));
    }

    @Test
    void aSuspiciousMessagePastedDuringALessonGetsItsVerdictAndLeavesTheLesson() throws Exception {
        String s = server.chat(null, "学习防骗知识").getString("sessionId");
        JsonObject a = server.chat(s, POLICE_SCAM);
        assertTrue(TestServer.replyText(a).contains("高风险"), TestServer.replyText(a));
        a = server.chat(s, "谢谢");
        assertFalse(TestServer.replyText(a).contains("没太明白"), TestServer.replyText(a));
    }

    @Test
    void askingForAnOfficerDuringADrillIsHonouredAtOnce() throws Exception {
        String s = server.chat(null, "学习防骗知识").getString("sessionId");
        server.chat(s, "1");
        server.chat(s, "1");
        server.chat(s, "实战演练");
        JsonObject a = server.chat(s, "转人工");
        assertEquals("waiting_officer", a.getJsonObject("conversation").getString("state"));
        assertTrue(TestServer.replyText(a).contains("民警"), TestServer.replyText(a));
    }

    static ScamType.QuizQuestion find(String text) {
        for (ScamType t : kb.types().values()) {
            for (ScamType.QuizQuestion q : t.quiz()) {
                if (text.contains(q.question())) {
                    return q;
                }
            }
        }
        return null;
    }
}
