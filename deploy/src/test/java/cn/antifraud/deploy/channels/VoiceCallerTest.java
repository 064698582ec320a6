package cn.antifraud.deploy.channels;

import static cn.antifraud.deploy.channels.VoiceChannelTest.HEAD;
import static cn.antifraud.deploy.channels.VoiceChannelTest.choice;
import static cn.antifraud.deploy.channels.VoiceChannelTest.free;
import static cn.antifraud.deploy.channels.VoiceChannelTest.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.deploy.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Callers on a line with no officer phone configured (the default): urgent victims, goodbyes, negations, messages. */
class VoiceCallerTest {
    static final String ACCOUNT = VoiceChannelTest.ACCOUNT;
    static final String TOKEN = "twilio-caller-test-token";
    static final String BASE = "https://hotline.example.cn";

    @TempDir
    static Path dataDir;
    static TestServer server;
    static StandInApi twilio;

    @BeforeAll
    static void start() throws Exception {
        twilio = new StandInApi(call -> new StandInApi.Answer(201, "{\"sid\":\"SM0000000000000000000000000000abce\",\"status\":\"queued\"}"));
        server = TestServer.start(dataDir, Map.of("TWILIO_ACCOUNT_SID", ACCOUNT, "TWILIO_AUTH_TOKEN", TOKEN,
            "TWILIO_FROM_NUMBER", "+15005550006", "TWILIO_API_BASE_URL", twilio.url(), "PUBLIC_BASE_URL", BASE));
    }

    @AfterAll
    static void stop() {
        server.close();
        twilio.close();
    }

    static String post(String path, String call, String from, Map<String, String> extra) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("CallSid", call);
        p.put("From", from);
        p.putAll(extra);
        HttpResponse<String> res = Webhooks.postForm(server, path, p, Webhooks.twilioSignature(TOKEN, BASE + path, p));
        assertTrue(res.statusCode() == 200 || res.statusCode() == 204, res.statusCode() + " " + res.body());
        return res.body();
    }

    static String says(String call, String from, String speech) throws Exception {
        return post("/twilio/voice/gather", call, from, Map.of("SpeechResult", speech));
    }

    static String keys(String call, String from, String digits) throws Exception {
        return post("/twilio/voice/gather", call, from, Map.of("Digits", digits));
    }

    static String hangUp(String words) {
        return HEAD + say(words) + "<Hangup/></Response>";
    }

    static final String REPEAT = "再听一遍请按9。";

    @Test
    void anUrgentCallerWithNoOfficerPhoneIsKeptOnTheLineUntilTheAccountAndACallBackNumberAreTaken() throws Exception {
        String call = "CA41";
        String from = "+8613900000041";
        post("/twilio/voice", call, from, Map.of());
        assertEquals(free("别慌，我已经把您的情况标为紧急止付，请先不要再给对方转任何钱。钱转到了对方的哪个账号，银行卡号、支付宝或者微信账号都可以，"
            + "请您说出来。不知道请按1。" + REPEAT), says(call, from, "我妈刚才被骗了五万块钱转到一个什么安全账户里"));
        assertTrue(server.app().router().store().openConversation("voice:" + from).orElseThrow().stopPayment());
        assertEquals(choice("您说的是：6 2 2 2 0 2 1 2 3 4 5 6 7 8 9 0 1 2 8。对的请按1，或者说“对”；要重新输入请按2。" + REPEAT),
            says(call, from, "6222021234567890128"));
        String method = keys(call, from, "1");
        assertFalse(method.contains("<Hangup"), method);
        Matcher bank = Pattern.compile("银行转账请按(\\d)").matcher(method);
        assertTrue(bank.find(), method);
        assertEquals(free("请留一个能联系到您的手机号，民警会打这个号码给您回电。就用我现在这个号码请按1。" + REPEAT),
            keys(call, from, bank.group(1)));
        assertTrue(callbacks(call).isEmpty(), "no call-back is promised before the number is taken");
        assertEquals(hangUp("收款账号、金额和您的电话都记下了，值班民警会在30分钟内打 1 3 9 0 0 0 0 0 0 4 1 给您回电，请保持手机畅通。"
            + "等待的时候请马上打电话给转出钱的银行要求冻结，紧急情况请拨打110，再见。"), keys(call, from, "1"));
        List<Document> tasks = callbacks(call);
        assertEquals(1, tasks.size());
        assertEquals("voice_stop_payment", tasks.get(0).getString("reason"));
        assertEquals("13900000041", tasks.get(0).getString("phone"));
    }

    @Test
    void askingWhatToDoBeforePayingIsToldHowToStaySafeAndAskedWhetherToReport() throws Exception {
        String call = "CA42";
        String from = "+8613900000042";
        post("/twilio/voice", call, from, Map.of());
        String safe = free("还没转就好，千万不要转，公检法不会让您往“安全账户”转钱，请马上挂断对方的电话。您愿意把这个骗子的情况报给民警吗？"
            + "报给民警请按1；不用了请按2；转人工请按3。" + REPEAT);
        assertEquals(safe, says(call, from, "那我现在怎么办啊他让我转钱到安全账户"));
        assertEquals(safe, keys(call, from, "9"));
        assertFalse(server.app().router().store().openConversation("voice:" + from).orElseThrow().stopPayment());
    }

    @Test
    void iHaveNotPaidAnswersTheMoneyQuestionAndGoodbyeEndsTheCallPolitely() throws Exception {
        String call = "CA43";
        String from = "+8613900000043";
        post("/twilio/voice", call, from, Map.of());
        keys(call, from, "1");
        assertEquals(free("钱大概是什么时候转出去的，比如“刚刚”“昨天下午三点”？刚刚请按1；正在转账请按2；昨天请按3；转人工请按4。" + REPEAT),
            says(call, from, "有人冒充公安局说我涉嫌洗钱让我配合调查"));
        assertEquals(free("还没转就好，千万不要转，公检法不会让您往“安全账户”转钱，请马上挂断对方的电话。您愿意把这个骗子的情况报给民警吗？"
            + "报给民警请按1；不用了请按2；转人工请按3。" + REPEAT), says(call, from, "我还没转"));
        assertEquals(hangUp("好的，感谢您的来电，遇到拿不准的事随时打过来。如需帮助，请拨打反诈专线96110，紧急情况请拨打110。再见。"),
            says(call, from, "谢谢再见"));
    }

    @Test
    void aNewCallFromANumberWithAHalfFilledReportIsOfferedToContinueOrStartAgain() throws Exception {
        String from = "+8613900000044";
        post("/twilio/voice", "CA44", from, Map.of());
        keys("CA44", from, "1");
        String time = "钱大概是什么时候转出去的，比如“刚刚”“昨天下午三点”？刚刚请按1；正在转账请按2；昨天请按3；转人工请按4。" + REPEAT;
        assertEquals(free(time), says("CA44", from, "有人冒充快递客服说包裹丢了要给我理赔让我下载一个软件"));
        String offer = choice("您好，这里是反诈热线，我是智能助理。您上次的报案还没有填完，继续请按1，重新开始请按2；" + REPEAT);
        assertEquals(offer, post("/twilio/voice", "CA45", from, Map.of()));
        assertEquals(free("好的，我们接着填。" + time), keys("CA45", from, "1"));
        assertEquals(offer, post("/twilio/voice", "CA46", from, Map.of()));
        assertEquals(free("别着急，我来帮您登记报案。请您简单说说发生了什么，对方是谁、让您做了什么？转人工请按1。" + REPEAT),
            keys("CA46", from, "2"));
    }

    @Test
    void askingForAnOfficerWithNoneReachableOffersARecordedMessageStoredWithTheCallBackTask() throws Exception {
        String call = "CA47";
        String from = "+8613900000047";
        post("/twilio/voice", call, from, Map.of());
        String offer = "值班民警现在都在忙，暂时接不了电话。想给民警留一段语音留言请按1，民警听了会给您回电；先接着和我说请按2；" + REPEAT;
        assertEquals(choice(offer), keys(call, from, "0"));
        assertEquals(1, callbacks(call).size());
        assertEquals(choice(offer), keys(call, from, "9"));
        assertEquals(HEAD + say("请在听到“嘀”声后说出您的情况，说完请按井号键，或者直接挂机。")
            + "<Record action=\"https://hotline.example.cn/twilio/voice/message\" finishOnKey=\"#\" maxLength=\"120\" method=\"POST\" "
            + "playBeep=\"true\" recordingStatusCallback=\"https://hotline.example.cn/twilio/voice/message/status\" "
            + "recordingStatusCallbackMethod=\"POST\" timeout=\"5\"/>"
            + say("没有录到您的留言。我们已经记下您的电话，民警会尽快给您回电，紧急情况请直接拨打110。再见。") + "<Hangup/></Response>",
            keys(call, from, "1"));
        assertEquals(hangUp("您的留言已经收到，民警听了会尽快给您回电，请保持手机畅通。紧急情况请直接拨打110，再见。"),
            post("/twilio/voice/message", call, from, Map.of("RecordingUrl", "https://api.twilio.com/rec/RE47", "RecordingDuration", "12")));
        post("/twilio/voice/message/status", call, from, Map.of("RecordingUrl", "https://api.twilio.com/rec/RE47b",
            "RecordingDuration", "13", "RecordingStatus", "completed"));
        List<Document> tasks = callbacks(call);
        assertEquals(1, tasks.size());
        assertEquals("voice_transfer", tasks.get(0).getString("reason"));
        assertEquals("https://api.twilio.com/rec/RE47b", tasks.get(0).getString("recordingUrl"));
        assertEquals("13", tasks.get(0).getString("recordingSeconds"));
        Map<String, String> p = Map.of("CallSid", call, "From", from, "RecordingUrl", "https://evil.example/x");
        assertEquals(403, Webhooks.postForm(server, "/twilio/voice/message", p,
            Webhooks.twilioSignature("wrong", BASE + "/twilio/voice/message", p)).statusCode());
    }

    @Test
    void noSpokenAnswerHasAnEmojiAListMarkOrMoreThanTwoSentencesBeforeItsOptions() throws Exception {
        List<String> answers = new ArrayList<>();
        String from = "+8613900000048";
        answers.add(post("/twilio/voice", "CA48", from, Map.of()));
        answers.add(keys("CA48", from, "2"));
        answers.add(says("CA48", from, "您好，您的快递丢失了，我是客服，可以给您双倍理赔，请加我微信办理退款"));
        answers.add(says("CA48", from, "【公安局】您涉嫌一起洗钱案件，请立即将资金转入安全账户配合调查，否则将冻结您名下所有银行卡"));
        answers.add(keys("CA48", from, "1"));
        answers.add(says("CA48", from, "刚刚"));
        answers.add(says("CA48", from, "什么意思"));
        answers.add(says("CA48", from, "转人工"));
        answers.add(keys("CA48", from, "2"));
        String from2 = "+8613900000049";
        post("/twilio/voice", "CA49", from2, Map.of());
        answers.add(keys("CA49", from2, "1"));
        answers.add(says("CA49", from2, "我昨天被网上认识的人骗去投资，转了三万块"));
        Pattern emoji = Pattern.compile("[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}\\x{2B00}-\\x{2BFF}\\x{FE0F}]");
        for (String twiml : answers) {
            Matcher m = Pattern.compile("<Gather[^>]*><Say[^>]*>(.*?)</Say></Gather>").matcher(twiml);
            assertTrue(m.find(), "every answer here asks something: " + twiml);
            String spoken = m.group(1);
            assertFalse(emoji.matcher(spoken).find(), spoken);
            assertFalse(spoken.matches("(?s).*(^|[。？！\\s])\\d+[.、]\\s.*"), "list marks: " + spoken);
            assertFalse(spoken.matches(".*(截图|发给我|发来|粘贴|上传).*"), "asks for what a caller cannot do: " + spoken);
            assertTrue(spoken.endsWith(REPEAT), spoken);
            String before = spoken.split("[^。？！]*请按")[0];
            assertTrue(before.split("(?<=[。？！])").length <= 2 || before.isEmpty(), "more than two sentences before the options: " + spoken);
        }
    }

    static final String STUCK = "这一项答不上来也不要紧，可以请值班民警帮您，也可以先回到主菜单。";

    @Test
    void theSameQuestionIsNotAskedAThirdTimeWithoutOfferingTheOfficerAndTheMenu() throws Exception {
        String call = "CA50";
        String from = "+8613900000050";
        String time = "钱大概是什么时候转出去的，比如“刚刚”“昨天下午三点”？刚刚请按1；正在转账请按2；昨天请按3；转人工请按4";
        post("/twilio/voice", call, from, Map.of());
        keys(call, from, "1");
        assertEquals(free(time + "。" + REPEAT), says(call, from, "有人冒充公安局说我涉嫌洗钱让我配合调查"));
        String second = says(call, from, "这个嘛");
        assertTrue(second.contains(time + "。") && !second.contains("主菜单"), second);
        assertEquals(free(STUCK + time + "；返回主菜单请按5。" + REPEAT), says(call, from, "这个嘛"));
        String menu = keys(call, from, "5");
        assertTrue(menu.contains("这次报案已经取消") && menu.contains("我要报案请按1") && !menu.contains("<Hangup"), menu);
        assertEquals(null, server.app().router().store().openConversation("voice:" + from).orElseThrow().flow());

        // the same on a text channel: the third asking names the way out and offers both
        String s = server.chat(null, "我要报案").getString("sessionId");
        server.chat(s, "有人冒充公安局说我涉嫌洗钱让我配合调查");
        assertFalse(TestServer.replyText(server.chat(s, "这个嘛")).contains(STUCK));
        io.vertx.core.json.JsonObject third = server.chat(s, "这个嘛");
        assertTrue(TestServer.replyText(third).startsWith(STUCK), third.encode());
        assertTrue(third.encode().contains("\"转人工\"") && third.encode().contains("\"返回主菜单\""), third.encode());
        assertTrue(TestServer.replyText(server.chat(s, "返回主菜单")).contains("这次报案已经取消"));
    }

    @Test
    void aListLongerThanEightOptionsNeverGivesKeyNineOrZeroToAnOptionAndKeyEightPicksTheEighthSpoken() throws Exception {
        String call = "CA51";
        String from = "+8613900000051";
        post("/twilio/voice", call, from, Map.of());
        says(call, from, "学习防骗知识");
        String list = says(call, from, "按骗局类型学");
        Matcher m = Pattern.compile("<Say[^>]*>(.*?)</Say>").matcher(list);
        assertTrue(m.find(), list);
        String spoken = m.group(1);
        Matcher key = Pattern.compile("([^；。？]+?)请按(\\d)").matcher(spoken);
        List<String> keyed = new ArrayList<>();
        while (key.find()) {
            if (!key.group(2).equals("9") || !key.group(1).equals("再听一遍")) {
                keyed.add(key.group(2) + "=" + key.group(1));
            }
        }
        assertEquals(8, keyed.size(), "eight options get keys 1 to 8: " + spoken);
        for (int i = 0; i < 8; i++) {
            assertTrue(keyed.get(i).startsWith((i + 1) + "="), spoken);
        }
        assertTrue(spoken.contains("其他的请直接说出名称") && spoken.endsWith(REPEAT), spoken);
        String eighth = keyed.get(7).substring(2);
        String other = "+8613900000052";
        post("/twilio/voice", "CA52", other, Map.of());
        says("CA52", other, "学习防骗知识");
        says("CA52", other, "按骗局类型学");
        assertEquals(says("CA52", other, eighth), keys(call, from, "8"), "key 8 answers as saying " + eighth);
    }

    static List<Document> callbacks(String callSid) {
        return server.app().store().collection("callbacks").find(new Document("callSid", callSid)).into(new ArrayList<>());
    }
}
