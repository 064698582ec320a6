package cn.antifraud.deploy.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A victim files a whole report on the phone: the menu's 「1」, then the report flow's questions answered by
 * voice and keypad (numbers read back and confirmed, the caller's own number offered as contact phone), up
 * to the case number, which is then confirmed by SMS. The caller answers whatever the flow asks, so the test
 * follows the flow's wording without copying it.
 */
class VoiceReportTest {
    static final String ACCOUNT = VoiceChannelTest.ACCOUNT;
    static final String TOKEN = "twilio-report-test-token";
    static final String BASE = "https://hotline.example.cn";
    static final String FROM = "+8613900000031";

    @TempDir
    static Path dataDir;
    static TestServer server;
    static StandInApi twilio;

    @BeforeAll
    static void start() throws Exception {
        twilio = new StandInApi(call -> new StandInApi.Answer(201, "{\"sid\":\"SM0000000000000000000000000000abcd\",\"status\":\"queued\"}"));
        server = TestServer.start(dataDir, Map.of("TWILIO_ACCOUNT_SID", ACCOUNT, "TWILIO_AUTH_TOKEN", TOKEN,
            "TWILIO_FROM_NUMBER", "+15005550006", "TWILIO_API_BASE_URL", twilio.url(), "PUBLIC_BASE_URL", BASE));
    }

    @AfterAll
    static void stop() {
        server.close();
        twilio.close();
    }

    static String post(String path, String digits, String speech) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("CallSid", "CA0000000000000000000000000000031");
        p.put("From", FROM);
        if (digits != null) {
            p.put("Digits", digits);
        }
        if (speech != null) {
            p.put("SpeechResult", speech);
        }
        HttpResponse<String> res = Webhooks.postForm(server, path, p, Webhooks.twilioSignature(TOKEN, BASE + path, p));
        assertEquals(200, res.statusCode(), res.body());
        return res.body();
    }

    static String spoken(String twiml) {
        StringBuilder sb = new StringBuilder();
        Matcher m = Pattern.compile("<Say[^>]*>(.*?)</Say>", Pattern.DOTALL).matcher(twiml);
        while (m.find()) {
            sb.append(m.group(1));
        }
        return sb.toString();
    }

    /** The key to press for an option the prompt offers ("…请按3"), or null. */
    static String key(String prompt, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "请按(\\d)").matcher(prompt);
        return m.find() ? "D:" + m.group(1) : null;
    }

    /**
     * What a caller who was cheated last month answers to the question at the end of the prompt (speech
     * {@code S:} or keypad {@code D:}), preferring the keypad options the line offers.
     */
    static String answer(String prompt) {
        String question = prompt.substring(Math.max(0, prompt.lastIndexOf('。', prompt.length() - 2) - 60));
        String[][] preferred = {{"您说的是", "对的"}, {"", "确认提交"}, {"", "就用我现在这个号码"}, {"", "是的"}, {"", "跳过"}};
        for (String[] p : preferred) {
            if (question.contains(p[0]) && key(question, p[1]) != null) {
                return key(question, p[1]);
            }
        }
        if (question.contains("您说的是")) {
            return "D:1";
        }
        if (question.matches("(?s).*(什么时候|哪天).*")) {
            return "S:上个月十号下午";
        }
        if (question.matches("(?s).*(多少钱|金额).*")) {
            return "S:两万元";
        }
        if (question.matches("(?s).*(什么方式|怎么转|怎么付).*")) {
            return key(question, "银行转账") != null ? key(question, "银行转账") : "S:银行转账";
        }
        if (question.matches("(?s).*(收款|账号|卡号).*")) {
            return "D:6222021234567890128";
        }
        if (question.matches("(?s).*(称呼|姓名|哪个区|住在).*")) {
            return "S:跳过";
        }
        return "S:上个月有人冒充快递客服说我的包裹丢了要理赔，让我下载了一个软件，我按他说的转了两万元到他给的银行卡";
    }

    @Test
    void aFullReportIsFiledByVoiceFromTheMenuToTheCaseNumber() throws Exception {
        List<String> transcript = new ArrayList<>();
        String twiml = post("/twilio/voice", null, null);
        twiml = post("/twilio/voice/gather", "1", null);
        String caseNo = null;
        for (int turn = 0; turn < 25 && caseNo == null; turn++) {
            String prompt = spoken(twiml);
            transcript.add("bot: " + prompt);
            assertTrue(twiml.contains("<Gather"), "the call goes on until the case is filed: " + transcript);
            String a = answer(prompt);
            transcript.add("caller: " + a);
            twiml = a.startsWith("D:") ? post("/twilio/voice/gather", a.substring(2), null) : post("/twilio/voice/gather", null, a.substring(2));
            caseNo = server.app().router().store().openConversation("voice:" + FROM).map(c -> c.caseNo()).orElse(null);
        }
        assertNotNull(caseNo, "no case number after " + transcript);
        assertTrue(caseNo.matches("FZ-\\d{8}-\\d{6}"), caseNo);
        String digits = caseNo.replaceAll("\\D", "");
        assertTrue(spoken(twiml).replaceAll("\\D", "").contains(digits), "the case number is read out: " + twiml);
        Map<String, String> sms = SmsChannelTest.formOf(twilio.next().body());
        assertEquals(FROM, sms.get("To"));
        assertTrue(sms.get("Body").contains(caseNo), sms.get("Body"));
        assertTrue(server.app().people().byPhone(FROM).orElseThrow().getJsonArray("caseNos").contains(caseNo));
    }

    @Test
    void aReportFiledInTheWebChatAndTextsFromItsContactPhoneAreOnePerson() throws Exception {
        String session = null;
        String caseNo = null;
        for (String text : List.of("我要报案", "对方自称是刷单平台的客服，让我先垫付做任务，说完成后返佣金，结果一直不给提现", "上个月",
            "不确定", "5w", "支付宝", "对方收款的卡号 6222021234567890128", "13900000032", "跳过", "跳过", "确认提交")) {
            var answer = server.chat(session, text);
            session = answer.getString("sessionId");
            caseNo = answer.getString("caseNo");
        }
        assertNotNull(caseNo);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("MessageSid", "SM0000000000000000000000000000032");
        p.put("From", "+8613900000032");
        p.put("Body", "我刚才在网上报了案，想补充一下");
        assertEquals(200, Webhooks.postForm(server, "/twilio/sms", p, Webhooks.twilioSignature(TOKEN, BASE + "/twilio/sms", p))
            .statusCode());
        var person = server.app().people().byPhone("+86 139 0000 0032").orElseThrow();
        assertEquals("13900000032", person.getString("phone"));
        assertEquals(List.of(caseNo), person.getJsonArray("caseNos").getList());
        assertEquals(java.util.Set.of("sms:+8613900000032", "web:" + session), new java.util.HashSet<>(person.getJsonArray("sessionKeys")
            .getList()));
        assertEquals(person, server.app().people().bySession("web:" + session).orElseThrow());
    }
}
