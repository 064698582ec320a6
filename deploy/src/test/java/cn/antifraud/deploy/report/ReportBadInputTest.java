package cn.antifraud.deploy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.deploy.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Answers the form cannot take get a clear re-ask of the same question, never a crash or a wrong value. */
class ReportBadInputTest {
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

    /** A report waiting for the amount. */
    private static Victim atAmount() throws Exception {
        Victim v = new Victim(server);
        v.say("我要报案");
        v.say("对方冒充我领导，让我先转钱给他的合作方，我转了");
        v.say("三天前");
        v.say("是的");
        return v;
    }

    @Test
    void zeroNegativeAndAbsurdAmountsAreAskedAgain() throws Exception {
        Victim v = atAmount();
        assertTrue(v.say("-5000").contains("大于零"), v.transcript());
        assertTrue(v.say("0元").contains("大于零"), v.transcript());
        assertTrue(v.say("1e12").contains("核对"), v.transcript());
        assertTrue(v.say("1000000000000元").contains("核对"), v.transcript());
        assertTrue(v.say("不知道多少").contains("没看出金额"), v.transcript());
        assertTrue(v.say("两万三").contains("什么方式"), v.transcript());
    }

    @Test
    void futureAndUnreadableTimesAreAskedAgain() throws Exception {
        Victim v = new Victim(server);
        v.say("我要报案");
        v.say("对方冒充我领导，让我先转钱给他的合作方，我转了");
        assertTrue(v.say("明天下午三点").contains("还没到"), v.transcript());
        assertTrue(v.say("2099年1月1日").contains("还没到"), v.transcript());
        assertTrue(v.say("记不太清").contains("说个大概就行"), v.transcript());
        assertTrue(v.say("三天前").contains("对吗"), v.transcript());
    }

    @Test
    void invalidPhonesAndCardNumbersAreAskedAgain() throws Exception {
        Victim v = atAmount();
        v.say("3万");
        v.say("银行转账");
        String card = Victim.card("622202123456789012");
        String wrongDigit = card.substring(0, 18) + (char) ('0' + (card.charAt(18) - '0' + 1) % 10);
        String badCard = v.say(wrongDigit);
        assertTrue(badCard.contains("不对") && badCard.contains("再发一次"), v.transcript());
        assertFalse(badCard.contains(wrongDigit), "error messages mask account numbers: " + badCard);
        assertTrue(v.say("12345").contains("位数"), v.transcript());
        assertTrue(v.say(card).contains("手机号"), v.transcript());
        assertTrue(v.say("1234567").contains("手机号好像不对"), v.transcript());
        assertTrue(v.say("23812345678").contains("手机号好像不对"), v.transcript());
        assertTrue(v.say("+86 138-1234-5678").contains("称呼"), v.transcript());
    }

    @Test
    void aCardNumberFailingTheCheckIsTakenWhenTheVictimSendsItAgain() throws Exception {
        Victim v = atAmount();
        v.say("3万");
        v.say("银行转账");
        String account = "6222021234567890123";
        v.say(account);
        assertTrue(v.say(account).contains("手机号"), v.transcript());
    }

    @Test
    void twoThousandCharacterAnswersAndEmojiGetAClearReAsk() throws Exception {
        Victim v = new Victim(server);
        v.say("我要报案");
        String longStory = v.say("骗".repeat(2000));
        assertTrue(longStory.contains("太长") && longStory.contains("发生了什么"), v.transcript());
        v.say("对方冒充我领导，让我先转钱给他的合作方，我转了");
        assertTrue(v.say("😭😭😭").contains("表情") , v.transcript());
        assertTrue(v.say("三天前😢").contains("对吗"), v.transcript());
        v.say("是的");
        assertTrue(v.say("转".repeat(2000)).contains("太长"), v.transcript());
        assertTrue(v.say("🙏").contains("多少钱"), v.transcript());
        assertTrue(v.say("两万块💰").contains("什么方式"), v.transcript());
        assertEquals("bot", v.state());
    }
}
