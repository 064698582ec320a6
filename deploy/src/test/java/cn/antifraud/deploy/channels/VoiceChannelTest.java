package cn.antifraud.deploy.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.antifraud.deploy.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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

    @Test
    void explore() throws Exception {
        String call = "CA00000000000000000000000000000001";
        String from = "+8613900000011";
        for (String[] step : new String[][] {{"/twilio/voice", null, null}, {"/twilio/voice/gather", "", ""},
            {"/twilio/voice/gather", "2", null}, {"/twilio/voice/gather", "13800138000", null},
            {"/twilio/voice/gather", "1", null}, {"/twilio/voice/gather", null, "转人工"}}) {
            HttpResponse<String> res = voice(step[0], call, from, step[1], step[2]);
            System.out.println(res.statusCode() + " " + res.body());
        }
    }
}
