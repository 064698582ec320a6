package cn.antifraud.deploy.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.deploy.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each reply says what it is ({@code kind}); only verdicts carry a {@code risk}, in answers and in the history alike. */
class ReplyKindsTest {
    static final Set<String> KINDS = Set.of("verdict", "lesson", "quiz", "report", "handoff", "officer", "system", "chat");

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
    void aVerdictCarriesItsRiskAndLessonsQuizzesReportsAndStopPaymentStepsCarryNone() throws Exception {
        Resident r = new Resident(server);
        r.say("您好，我是XX市公安局民警，您的银行卡涉嫌洗钱，请将资金转入安全账户，此事需要保密");
        assertEquals(1, r.replies().size(), r.transcript());
        JsonObject verdict = r.replies().getJsonObject(0);
        assertEquals("verdict", verdict.getString("kind"), r.transcript());
        assertEquals(r.last.getJsonObject("analysis").getString("risk"), verdict.getString("risk"), r.transcript());

        r.say("了解这类骗局");
        assertKinds(r, "lesson");
        r.say("小测验");
        assertKinds(r, "quiz");
        r.say("1");
        assertKinds(r, "quiz");
        r.say("退出");
        r.say("我已经转账了");
        assertKinds(r, "report");
        r.say("刚刚");
        assertTrue(r.replies().stream().anyMatch(o -> ((JsonObject) o).getString("kind").equals("handoff")
            && ((JsonObject) o).getString("text").contains("紧急止付")), r.transcript());
        assertEquals("report", r.lastReply().getString("kind"), r.transcript());
        assertNoRiskExceptOnVerdicts(r);

        JsonArray history = r.history();
        long verdicts = history.stream().map(JsonObject.class::cast).filter(m -> "verdict".equals(m.getString("kind"))).count();
        assertEquals(1, verdicts, history.encodePrettily());
        for (Object o : history) {
            JsonObject m = (JsonObject) o;
            if (m.getString("sender").equals("resident")) {
                assertNull(m.getString("kind"), m.encode());
            } else {
                assertTrue(KINDS.contains(m.getString("kind")), m.encode());
            }
            assertEquals("verdict".equals(m.getString("kind")), m.containsKey("risk"), m.encode());
        }
    }

    @Test
    void greetingsAndHelpAreChatWithoutRisk() throws Exception {
        Resident r = new Resident(server);
        r.say("你好");
        assertKinds(r, "chat");
    }

    @Test
    void aMessageInEnglishGetsANoteInChineseAndEnglishThenWhatItsLinksShow() throws Exception {
        Resident r = new Resident(server);
        r.say("Your parcel is held at customs. Pay the release fee at http://parcel-fee-dhl.top within 24 hours");
        JsonObject note = r.replies().getJsonObject(0);
        assertTrue(note.getString("text").contains("中文") && note.getString("text").contains("works in Chinese"), r.transcript());
        assertEquals("chat", note.getString("kind"));
        assertEquals("verdict", r.lastReply().getString("kind"), r.transcript());
        assertTrue(note.getString("text").contains("parcel-fee-dhl.top"), r.transcript());

        Resident chinese = new Resident(server);
        chinese.say("【菜鸟驿站】您的包裹已到小区东门驿站，凭取件码8-2-3021领取");
        assertFalse(chinese.text().contains("works in Chinese"), chinese.transcript());
    }

    static void assertKinds(Resident r, String kind) {
        for (Object o : r.replies()) {
            assertEquals(kind, ((JsonObject) o).getString("kind"), r.transcript());
        }
        assertNoRiskExceptOnVerdicts(r);
    }

    static void assertNoRiskExceptOnVerdicts(Resident r) {
        for (Object o : r.replies()) {
            JsonObject reply = (JsonObject) o;
            assertEquals("verdict".equals(reply.getString("kind")), reply.containsKey("risk"), r.transcript());
        }
    }
}
