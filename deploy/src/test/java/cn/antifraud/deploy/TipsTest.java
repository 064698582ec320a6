package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.core.tips.TipScheduler;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opt-in tips: subscribe and unsubscribe in conversation; one tip per period, never twice, even from two instances. */
class TipsTest {
    static final Instant MONDAY = Instant.parse("2026-11-23T02:00:00Z");
    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir, Map.of("TIP_INTERVAL_SECONDS", "86400"));
    }

    @AfterAll
    static void stop() {
        server.close();
        server = null; // a closed server's models must not stay reachable for the rest of the test run
    }

    static TipScheduler at(Instant when) {
        return server.app().knowledge().newScheduler(Clock.fixed(when, ZoneOffset.UTC));
    }

    static int run(Future<Integer> tick) throws Exception {
        return tick.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    static long tipsIn(String session) throws Exception {
        JsonArray messages = new JsonObject(server.get("/api/chat/sessions/" + session + "/messages?after=0").body())
            .getJsonArray("messages");
        return messages.stream().map(m -> ((JsonObject) m).getString("text")).filter(t -> t.startsWith("【防骗提醒】")).count();
    }

    static String subscribe(String choice) throws Exception {
        JsonObject a = server.chat(null, "订阅防骗提醒");
        String s = a.getString("sessionId");
        assertEquals("[\"每天一条\",\"每周一条\",\"先不订了\"]", a.getJsonArray("replies").getJsonObject(0).getJsonArray("options").encode());
        a = server.chat(s, "想想");
        assertTrue(TestServer.replyText(a).contains("请回复 1 选每天一条"), TestServer.replyText(a));
        a = server.chat(s, choice);
        assertTrue(TestServer.replyText(a).contains("订阅好了"), TestServer.replyText(a));
        return s;
    }

    @Test
    void aDailySubscriberGetsOneTipADayAndNeverTheSameDayTwiceEvenFromTwoInstancesAtOnce() throws Exception {
        String s = subscribe("1");
        Instant day = Instant.parse("2030-01-07T01:00:00Z");
        Future<Integer> first = at(day).tick();
        Future<Integer> second = at(day.plusSeconds(60)).tick();
        run(first);
        run(second);
        run(at(day.plusSeconds(3600)).tick());
        assertEquals(1, tipsIn(s));
        run(at(day.plusSeconds(86_400)).tick());
        assertEquals(2, tipsIn(s));
        JsonArray messages = new JsonObject(server.get("/api/chat/sessions/" + s + "/messages?after=0").body())
            .getJsonArray("messages");
        var tips = messages.stream().map(m -> (JsonObject) m).filter(m -> m.getString("text").startsWith("【防骗提醒】")).toList();
        assertFalse(tips.get(0).getString("text").equals(tips.get(1).getString("text")), "the next day brings the next tip");
        assertEquals("bot", tips.get(0).getString("sender"));
    }

    @Test
    void aWeeklySubscriberGetsOneTipAWeek() throws Exception {
        String s = subscribe("每周一条");
        run(at(MONDAY).tick());
        run(at(MONDAY.plusSeconds(3 * 86_400)).tick());
        assertEquals(1, tipsIn(s));
        run(at(MONDAY.plusSeconds(7 * 86_400)).tick());
        assertEquals(2, tipsIn(s));
    }

    @Test
    void unsubscribingWorksAtOnceEvenInTheMiddleOfALesson() throws Exception {
        String s = subscribe("1");
        server.chat(s, "学习防骗知识");
        JsonObject a = server.chat(s, "退订提醒");
        assertTrue(TestServer.replyText(a).contains("已经为您取消防骗提醒"), TestServer.replyText(a));
        a = server.chat(s, "1");
        assertTrue(TestServer.replyText(a).contains("请选一类骗局"), "the lesson goes on: " + TestServer.replyText(a));
        run(at(Instant.parse("2031-03-03T03:00:00Z")).tick());
        assertEquals(0, tipsIn(s));
        a = server.chat(s, "取消提醒");
        assertTrue(TestServer.replyText(a).contains("您现在没有订阅"), TestServer.replyText(a));
    }

    @Test
    void aResidentTalkingWithAnOfficerGetsNoTipUntilTheOfficerIsDone() throws Exception {
        String s = subscribe("1");
        server.chat(s, "转人工");
        run(at(Instant.parse("2033-02-02T03:00:00Z")).tick());
        assertEquals(0, tipsIn(s));
    }

    @Test
    void decliningLeavesNoSubscription() throws Exception {
        JsonObject a = server.chat(null, "订阅防骗提醒");
        String s = a.getString("sessionId");
        a = server.chat(s, "3");
        assertTrue(TestServer.replyText(a).contains("不订阅也没关系"));
        run(at(Instant.parse("2032-05-05T03:00:00Z")).tick());
        assertEquals(0, tipsIn(s));
    }
}
