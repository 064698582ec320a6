package cn.antifraud.deploy.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.core.conversation.Conversation;
import cn.antifraud.core.conversation.Message;
import cn.antifraud.core.conversation.Reply;
import cn.antifraud.deploy.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsChannelTest {
    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "twilio-test-auth-token";
    static final String BASE = "https://hotline.example.cn";
    static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    @TempDir
    static Path dataDir;
    static TestServer server;
    static StandInApi twilio;
    static final AtomicInteger SIDS = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        twilio = new StandInApi(call -> new StandInApi.Answer(201, "{\"sid\":\"SM" + String.format("%032d", SIDS.incrementAndGet())
            + "\",\"status\":\"queued\",\"account_sid\":\"" + ACCOUNT + "\"}"));
        server = TestServer.start(dataDir, Map.of("TWILIO_ACCOUNT_SID", ACCOUNT, "TWILIO_AUTH_TOKEN", TOKEN,
            "TWILIO_FROM_NUMBER", "+15005550006", "TWILIO_API_BASE_URL", twilio.url(), "PUBLIC_BASE_URL", BASE));
    }

    @AfterAll
    static void stop() {
        server.close();
        twilio.close();
    }

    static HttpResponse<String> sms(String from, String body, String sid) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("MessageSid", sid);
        p.put("AccountSid", ACCOUNT);
        p.put("From", from);
        p.put("To", "+15005550006");
        p.put("Body", body);
        p.put("NumMedia", "0");
        return Webhooks.postForm(server, "/twilio/sms", p, Webhooks.twilioSignature(TOKEN, BASE + "/twilio/sms", p));
    }

    static String sid(int n) {
        return "SM" + String.format("%032d", n);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static long stored(String sessionKey) {
        return server.app().store().collection("messages").countDocuments(new Document("sessionKey", sessionKey));
    }

    @Test
    void aRepliedDigitPicksTheNumberedOptionAndEachAnswerIsExactTwiml() throws Exception {
        String text = "您好，我是快递客服，您的包裹丢失了，我们要给您理赔，请加一下QQ";
        JsonObject web = server.chat(null, text);
        StringBuilder expected = new StringBuilder(XML + "<Response>");
        List<String> options = new ArrayList<>();
        for (Object o : web.getJsonArray("replies")) {
            JsonObject r = (JsonObject) o;
            Reply reply = new Reply(r.getString("text"), r.getJsonArray("options").getList());
            assertTrue(reply.plainText().length() <= 320, "this step's reply fits one message");
            expected.append("<Message>").append(escape(reply.plainText())).append("</Message>");
            options = reply.options().isEmpty() ? options : reply.options();
        }
        HttpResponse<String> first = sms("+8613900000001", text, sid(101));
        assertEquals(200, first.statusCode());
        assertEquals("text/xml; charset=utf-8", first.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(expected.append("</Response>").toString(), first.body());

        int officer = options.indexOf("转人工") + 1;
        assertTrue(officer > 0, options.toString());
        HttpResponse<String> second = sms("+8613900000001", String.valueOf(officer), sid(102));
        assertEquals(XML + "<Response><Message>" + HAND_OFF + "</Message></Response>", withoutQueuePlace(second.body()));
        Document resident = server.app().store().collection("messages").find(new Document("sessionKey", "sms:+8613900000001")
            .append("sender", "resident")).sort(new Document("seq", -1)).first();
        assertEquals("转人工", resident.getString("text"));
        assertEquals("waiting_officer", server.app().router().store().openConversation("sms:+8613900000001").orElseThrow()
            .state().id());
    }

    static final String HAND_OFF = "好的，我已经帮您转接值班民警，请稍等，民警会在这里直接回复您。"
        + "等待的时候，您可以把对方的电话号码、收款账号和聊天里的关键内容先记下来，民警问起时直接打字或粘贴发给我就行。"
        + "如果情况紧急，请直接拨打110。";
    /** The hand-off's queue place depends on who else waits in this shared server; everything around it is exact. */
    static final String QUEUE_PLACE = "现在您排在第\\d+位[^<\\n\"\\]]*";

    /** The answer without its queue-place sentence (which must be there). */
    static String withoutQueuePlace(String answer) {
        assertTrue(Pattern.compile(QUEUE_PLACE).matcher(answer).find(), answer);
        return answer.replaceAll("<Message>" + QUEUE_PLACE + "</Message>", "").replaceAll("\n\n" + QUEUE_PLACE, "");
    }

    @Test
    void aLongAnswerIsSplitIntoSeveralMessagesAtSentenceBoundaries() throws Exception {
        String text = "您好，我是XX市公安局民警，您的银行卡涉嫌洗钱，请将资金转入安全账户，此事需要保密，不要告诉家人，否则会被拘留";
        JsonObject web = server.chat(null, text);
        StringBuilder all = new StringBuilder();
        web.getJsonArray("replies").forEach(o -> all.append(new Reply(((JsonObject) o).getString("text"),
            ((JsonObject) o).getJsonArray("options").getList()).plainText()));
        String body = sms("+8613900000002", text, sid(201)).body();
        Matcher m = Pattern.compile("<Message>(.*?)</Message>", Pattern.DOTALL).matcher(body);
        StringBuilder joined = new StringBuilder();
        int count = 0;
        while (m.find()) {
            String part = m.group(1);
            assertTrue(part.length() <= 320, part);
            assertTrue(part.matches("(?s).*([。！？；;!?”]|\\d\\. .+|回复数字即可选择。)$"), "ends at a sentence: " + part);
            joined.append(part);
            count++;
        }
        assertTrue(count >= 2, body);
        assertEquals(all.toString().replaceAll("\\s", ""), joined.toString().replaceAll("\\s", ""));
        assertTrue(body.startsWith(XML + "<Response><Message>") && body.endsWith("</Message></Response>"), body);
    }

    @Test
    void aRetriedDeliveryStoresOneMessageAndGetsTheSameReply() throws Exception {
        HttpResponse<String> first = sms("+8613900000003", "转人工", sid(301));
        long afterFirst = stored("sms:+8613900000003");
        HttpResponse<String> retry = sms("+8613900000003", "转人工", sid(301));
        assertEquals(200, retry.statusCode());
        assertEquals(first.body(), retry.body());
        assertEquals(XML + "<Response><Message>" + HAND_OFF + "</Message></Response>", withoutQueuePlace(retry.body()));
        assertEquals(afterFirst, stored("sms:+8613900000003"));
        assertEquals(3, afterFirst);
    }

    @Test
    void aMissingOrWrongSignatureIsRefusedWith403() throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("MessageSid", sid(401));
        p.put("From", "+8613900000004");
        p.put("Body", "你好");
        String[] signatures = {null, Webhooks.twilioSignature("another-token", BASE + "/twilio/sms", p),
            Webhooks.twilioSignature(TOKEN, server.url("/twilio/sms"), p),
            Webhooks.twilioSignature(TOKEN, BASE + "/twilio/sms", Map.of("MessageSid", sid(401), "From", "+8613900000004",
                "Body", "别的内容"))};
        for (String signature : signatures) {
            HttpResponse<String> res = Webhooks.postForm(server, "/twilio/sms", p, signature);
            assertEquals(403, res.statusCode());
            assertEquals("invalid_signature", new JsonObject(res.body()).getJsonObject("error").getString("code"));
        }
        assertEquals(0, stored("sms:+8613900000004"));
        assertEquals(200, Webhooks.postForm(server, "/twilio/sms", p, Webhooks.twilioSignature(TOKEN, BASE + "/twilio/sms", p))
            .statusCode());
    }

    @Test
    void aSignedRequestPrefixedWithRepeatedParametersIsRefusedAndOptsNobodyOut() throws Exception {
        Map<String, String> captured = new LinkedHashMap<>();
        captured.put("MessageSid", sid(601));
        captured.put("AccountSid", ACCOUNT);
        captured.put("From", "+8613900000060");
        captured.put("To", "+15005550006");
        captured.put("Body", "你好");
        String signature = Webhooks.twilioSignature(TOKEN, BASE + "/twilio/sms", captured);
        String victim = "+8613900000061";
        for (String prefix : new String[] {"From=" + victim + "&Body=STOP&MessageSid=" + sid(602) + "&",
            "From=" + victim + "&Body=%E8%BD%AC%E4%BA%BA%E5%B7%A5&MessageSid=" + sid(603) + "&"}) {
            HttpResponse<String> res = Webhooks.postRawForm(server, "/twilio/sms", prefix + Webhooks.form(captured), signature);
            assertEquals(403, res.statusCode(), res.body());
            assertEquals("repeated_parameter", new JsonObject(res.body()).getJsonObject("error").getString("code"));
        }
        assertEquals(0, server.app().store().collection("sms_optouts").countDocuments(), "nobody was opted out");
        assertEquals(0, stored("sms:" + victim), "no forged escalation reached the queue");
        assertEquals(200, Webhooks.postForm(server, "/twilio/sms", captured, signature).statusCode(), "the genuine request passes");
    }

    @Test
    void aChineseSmsOfSixteenHundredCharactersIsAccepted() throws Exception {
        HttpResponse<String> res = sms("+8613900000062", "您好".repeat(800), sid(604));
        assertEquals(200, res.statusCode(), res.body());
        assertEquals(2, stored("sms:+8613900000062"));
    }

    @Test
    void stopIsRememberedUntilStartAndOfficerRepliesGoOutThroughTwilioWithTheStatusRecorded() throws Exception {
        String phone = "+8613900000005";
        sms(phone, "转人工", sid(501));
        Conversation c = server.app().router().store().openConversation("sms:" + phone).orElseThrow();
        twilio.clear();
        assertEquals(XML + "<Response><Message>您已退订反诈热线的短信，之后不会再收到我们的短信。需要恢复时，回复「订阅」或START即可。"
            + "遇到可疑情况请拨打反诈专线96110，紧急情况请拨打110。</Message></Response>", sms(phone, "退订", sid(502)).body());
        say(c, "这条不应该发出去。");
        assertEquals(XML + "<Response/>", sms(phone, "我还想问一下", sid(503)).body());
        assertEquals(XML + "<Response><Message>您已重新订阅反诈热线短信。收到可疑的短信、电话号码或链接，直接发给我，我帮您看看是不是诈骗。"
            + "</Message></Response>", sms(phone, "START", sid(504)).body());
        say(c, "您好，我是值班民警小王，请问您转账了吗？");

        StandInApi.Call call = twilio.next();
        assertEquals("POST", call.method());
        assertEquals("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json", call.path());
        assertEquals("Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)),
            call.headers().get("Authorization"));
        Map<String, String> form = formOf(call.body());
        assertEquals(phone, form.get("To"));
        assertEquals("+15005550006", form.get("From"));
        assertEquals("【反诈热线】您好，我是值班民警小王，请问您转账了吗？", form.get("Body"));
        assertEquals(BASE + "/twilio/sms/status", form.get("StatusCallback"));

        String sent = latestOutbound(phone).getString("_id");
        Map<String, String> status = new LinkedHashMap<>();
        status.put("MessageSid", sent);
        status.put("MessageStatus", "delivered");
        status.put("AccountSid", ACCOUNT);
        HttpResponse<String> res = Webhooks.postForm(server, "/twilio/sms/status", status,
            Webhooks.twilioSignature(TOKEN, BASE + "/twilio/sms/status", status));
        assertEquals(204, res.statusCode());
        assertEquals("delivered", latestOutbound(phone).getString("status"));
    }

    @Test
    void withNoOfficerLineACallerWhoAsksForAnOfficerIsOfferedARecordedMessageAndACallBack() throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("CallSid", "CA0000000000000000000000000000001");
        p.put("From", "+8613900000006");
        p.put("Digits", "0");
        HttpResponse<String> res = Webhooks.postForm(server, "/twilio/voice/gather", p,
            Webhooks.twilioSignature(TOKEN, BASE + "/twilio/voice/gather", p));
        // not hung up on: the caller may leave a recorded message with the call-back task (issue 14, item 7)
        assertTrue(res.body().contains("<Gather action=\"" + BASE + "/twilio/voice/gather\""), res.body());
        assertTrue(res.body().contains("值班民警现在都在忙，暂时接不了电话。想给民警留一段语音留言请按1，民警听了会给您回电；先接着和我说请按2；再听一遍请按9。"),
            res.body());
        assertFalse(res.body().contains("<Hangup/>"), res.body());
        Document task = server.app().store().collection("callbacks").find(new Document("sessionKey", "voice:+8613900000006")).first();
        assertEquals("+8613900000006", task.getString("phone"));
        assertEquals("open", task.getString("status"));
        assertEquals("waiting_officer", server.app().router().store().openConversation("voice:+8613900000006").orElseThrow()
            .state().id());
    }

    static void say(Conversation c, String text) throws Exception {
        server.app().router().say(c, Message.OFFICER, text).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The newest outbound SMS to a number, waiting for it to be recorded (the send finishes after Twilio answers). */
    static Document latestOutbound(String phone) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Document d = server.app().store().collection("sms_outbound").find(new Document("to", phone))
                .sort(new Document("createdAt", -1)).first();
            if (d != null) {
                return d;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no outbound SMS recorded for " + phone);
    }

    static Map<String, String> formOf(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }
}
