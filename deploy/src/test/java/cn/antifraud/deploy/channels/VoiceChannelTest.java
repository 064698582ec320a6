package cn.antifraud.deploy.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.core.conversation.Message;
import cn.antifraud.deploy.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceChannelTest {
    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "twilio-voice-test-token";
    static final String BASE = "https://hotline.example.cn";

    @TempDir
    static Path dataDir;
    static TestServer server;
    static StandInApi twilio;

    @BeforeAll
    static void start() throws Exception {
        twilio = new StandInApi(call -> new StandInApi.Answer(201, "{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"status\":\"queued\"}"));
        server = TestServer.start(dataDir, Map.of("TWILIO_ACCOUNT_SID", ACCOUNT, "TWILIO_AUTH_TOKEN", TOKEN,
            "TWILIO_FROM_NUMBER", "+15005550006", "TWILIO_API_BASE_URL", twilio.url(), "PUBLIC_BASE_URL", BASE,
            "OFFICER_PHONE", "+8610110"));
    }

    @AfterAll
    static void stop() {
        server.close();
        twilio.close();
    }

    static HttpResponse<String> voice(String path, String callSid, String from, String digits, String speech) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("CallSid", callSid);
        p.put("AccountSid", ACCOUNT);
        p.put("From", from);
        p.put("To", "+15005550006");
        if (digits != null) {
            p.put("Digits", digits);
        }
        if (speech != null) {
            p.put("SpeechResult", speech);
            p.put("Confidence", "0.9");
        }
        return Webhooks.postForm(server, path, p, Webhooks.twilioSignature(TOKEN, BASE + path, p));
    }

    static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>";
    static final String GATHER = "<Gather action=\"https://hotline.example.cn/twilio/voice/gather\" actionOnEmptyResult=\"true\" "
        + "hints=\"报案,被骗,转账,汇款,民警,转人工,人工,警察,核实,可疑电话,可疑短信,冒充公检法,安全账户,刷单,返利,网络贷款,验证码,"
        + "银行卡,客服,退款,投资理财,杀猪盘,止付,支付宝,微信,对,不对,是的,重复\" input=\"speech dtmf\" language=\"cmn-Hans-CN\" "
        + "method=\"POST\"";
    static final String MENU = "报案请按1，或者说“报案”；核实可疑的电话或短信请按2；找民警请按0；再听一遍请按9。";

    /** A keypad-choice gather (one digit) around the prompt. */
    static String choice(String prompt) {
        return HEAD + GATHER + " numDigits=\"1\" speechTimeout=\"auto\" timeout=\"6\">" + say(prompt) + "</Gather></Response>";
    }

    /** A free-answer gather (speech, or digits ending with #) around the prompt. */
    static String free(String prompt) {
        return HEAD + GATHER.replace("actionOnEmptyResult=\"true\" ", "actionOnEmptyResult=\"true\" finishOnKey=\"#\" ")
            + " speechTimeout=\"auto\" timeout=\"6\">" + say(prompt) + "</Gather></Response>";
    }

    static String say(String text) {
        return "<Say language=\"cmn-CN\" voice=\"Polly.Zhiyu-Neural\">" + text + "</Say>";
    }

    static String transfer(String before) {
        return HEAD + before + say("正在为您转接值班民警，请不要挂机。") + "<Dial timeout=\"30\">+8610110</Dial>"
            + say("民警暂时没有接通，我们已经记下您的电话，会尽快给您回电。紧急情况请直接拨打110。再见。") + "<Hangup/></Response>";
    }

    static String gather(String call, String from, String digits, String speech) throws Exception {
        HttpResponse<String> res = voice("/twilio/voice/gather", call, from, digits, speech);
        assertEquals(200, res.statusCode(), res.body());
        assertEquals("text/xml; charset=utf-8", res.headers().firstValue("Content-Type").orElseThrow());
        return res.body();
    }

    @Test
    void theCallIsGreetedInMandarinWithAMenuForSpeechOrKeypadAndNineRepeatsIt() throws Exception {
        HttpResponse<String> res = voice("/twilio/voice", "CA01", "+8613900000011", null, null);
        assertEquals(200, res.statusCode());
        assertEquals(choice("您好，这里是反诈热线，我是智能助理。" + MENU), res.body());
        assertEquals(choice(MENU), gather("CA01", "+8613900000011", "9", null));
        assertEquals(choice(MENU), gather("CA01", "+8613900000011", null, "再说一遍"));
        assertEquals(choice("抱歉，没有这个选项。" + MENU), gather("CA01", "+8613900000011", "7", null));
    }

    @Test
    void silenceIsRepromptedTwiceThenTheOfficerIsOfferedThenTheCallerHearsGoodbyeWithTheHotline() throws Exception {
        voice("/twilio/voice", "CA02", "+8613900000012", null, null);
        assertEquals(choice("抱歉，我没有听清楚。" + MENU), gather("CA02", "+8613900000012", "", ""));
        assertEquals(choice("抱歉，我没有听清楚。" + MENU), gather("CA02", "+8613900000012", null, null));
        assertEquals(choice("还是没有听到您的声音。需要民警帮助，请按0，或者说“转人工”；没有其他事情的话，可以直接挂机。再听一遍请按9。"),
            gather("CA02", "+8613900000012", "", ""));
        assertEquals(HEAD + say("感谢您的来电，再见。如需帮助，请随时拨打反诈专线96110，紧急情况请拨打110。") + "<Hangup/></Response>",
            gather("CA02", "+8613900000012", "", ""));
    }

    @Test
    void aNumberIsReadBackDigitByDigitAndCheckedOnlyOnceConfirmed() throws Exception {
        String call = "CA03";
        String from = "+8613900000013";
        voice("/twilio/voice", call, from, null, null);
        assertEquals(free("好的。请说出对方的电话号码，或者说说对方跟您讲了什么。用按键输入号码的话，输完请按井号键。再听一遍请按9。"),
            gather(call, from, "2", null));
        assertEquals(choice("您说的是：1 7 0 1 2 3 4 5 6 7 8。对的请按1，或者说“对”；要重新输入请按2。再听一遍请按9。"),
            gather(call, from, "17012345678", null));
        assertEquals(free("好的，请重新说一遍，或者用按键输入，输完请按井号键。再听一遍请按9。"), gather(call, from, null, "不对"));
        assertEquals(0, messages("voice:" + from));
        assertEquals(choice("您说的是：1 7 0 1 2 3 4 5 6 7 9。对的请按1，或者说“对”；要重新输入请按2。再听一遍请按9。"),
            gather(call, from, null, "17012345679"));
        String verdict = gather(call, from, null, "对的");
        assertTrue(verdict.startsWith(free("").substring(0, free("").indexOf("<Say"))), verdict);
        assertTrue(verdict.contains("请按1"), verdict);
        Document resident = server.app().store().collection("messages").find(new Document("sessionKey", "voice:" + from)
            .append("sender", "resident")).first();
        assertEquals("17012345679", resident.getString("text"));
    }

    @Test
    void askingForAnOfficerTransfersTheCallAndRaisesTheEscalationWithTheTranscript() throws Exception {
        String call = "CA04";
        String from = "+8613900000014";
        voice("/twilio/voice", call, from, null, null);
        assertEquals(transfer(""), gather(call, from, null, "转人工"));
        var conversation = server.app().router().store().openConversation("voice:" + from).orElseThrow();
        assertEquals("waiting_officer", conversation.state().id());
        List<String> transcript = List.of();
        for (int i = 0; i < 50 && !transcript.contains("system:来电已转接值班民警。"); i++) {
            Thread.sleep(100);  // the transfer note is stored after the TwiML is answered
            transcript = server.app().router().store().conversationMessages(conversation.id()).stream()
                .map(m -> m.sender() + ":" + m.text()).toList();
        }
        assertEquals("resident:转人工", transcript.get(0));
        assertTrue(transcript.contains("system:来电已转接值班民警。"), transcript.toString());
    }

    @Test
    void aCallerWhoseMoneyHasJustGoneIsTransferredBeforeAnythingElse() throws Exception {
        String call = "CA05";
        String from = "+8613900000015";
        voice("/twilio/voice", call, from, null, null);
        assertEquals(transfer(""), gather(call, from, null, "我刚刚被骗了，已经给对方转了五万块钱"));
        var conversation = server.app().router().store().openConversation("voice:" + from).orElseThrow();
        assertTrue(conversation.stopPayment());
    }

    @Test
    void anUnsignedCallIsRefused() throws Exception {
        HttpResponse<String> res = Webhooks.postForm(server, "/twilio/voice", Map.of("CallSid", "CA06", "From", "+8613900000016"),
            Webhooks.twilioSignature("wrong", BASE + "/twilio/voice", Map.of("CallSid", "CA06", "From", "+8613900000016")));
        assertEquals(403, res.statusCode());
        assertEquals("invalid_signature", new JsonObject(res.body()).getJsonObject("error").getString("code"));
    }

    @Test
    void theSamePhoneOnTheVoiceLineAndBySmsIsOnePersonAndOfficerRepliesReachTheCallerBySms() throws Exception {
        String from = "+8613900000017";
        voice("/twilio/voice", "CA07", from, null, null);
        gather("CA07", from, "0", null);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("MessageSid", "SM07000000000000000000000000000001");
        p.put("From", from);
        p.put("Body", "我刚才打过电话");
        Webhooks.postForm(server, "/twilio/sms", p, Webhooks.twilioSignature(TOKEN, BASE + "/twilio/sms", p));
        JsonObject person = server.app().people().byPhone("13900000017").orElseThrow();
        for (int i = 0; i < 50 && person.getJsonArray("sessionKeys").size() < 2; i++) {
            Thread.sleep(100);  // the caller is linked right after the greeting is answered
            person = server.app().people().byPhone("13900000017").orElseThrow();
        }
        assertEquals(java.util.Set.of("voice:" + from, "sms:" + from), new java.util.HashSet<>(person.getJsonArray("sessionKeys").getList()));

        twilio.clear();
        var conversation = server.app().router().store().openConversation("voice:" + from).orElseThrow();
        server.app().router().say(conversation, Message.OFFICER, "您好，我是民警，马上给您回电。")
            .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Map<String, String> form = SmsChannelTest.formOf(twilio.next().body());
        assertEquals(from, form.get("To"));
        assertEquals("【反诈热线】关于您刚才的来电，民警回复：您好，我是民警，马上给您回电。", form.get("Body"));
    }

    static long messages(String sessionKey) {
        return server.app().store().collection("messages").countDocuments(new Document("sessionKey", sessionKey));
    }
}
