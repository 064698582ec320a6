package cn.antifraud.deploy.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.antifraud.deploy.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the answer misses the passive window (here shrunk to 1 ms), WeChat gets "success" and the answer follows. */
class WeChatLateAnswerTest {
    @TempDir
    static Path dataDir;
    static TestServer server;
    static StandInApi wechat;

    @BeforeAll
    static void start() throws Exception {
        wechat = new StandInApi(call -> call.path().equals("/cgi-bin/token")
            ? new StandInApi.Answer(200, "{\"access_token\":\"LATE_TOKEN\",\"expires_in\":7200}")
            : new StandInApi.Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"));
        server = TestServer.start(dataDir, Map.of("WECHAT_TOKEN", WeChatChannelTest.TOKEN, "WECHAT_APP_ID", WeChatChannelTest.APP_ID,
            "WECHAT_APP_SECRET", WeChatChannelTest.SECRET, "WECHAT_API_BASE_URL", wechat.url(), "WECHAT_PASSIVE_REPLY_MS", "0"));
    }

    @AfterAll
    static void stop() {
        server.close();
        wechat.close();
    }

    @Test
    void anAnswerThatMissesThePassiveWindowArrivesAsACustomerServiceMessage() throws Exception {
        String xml = WeChatChannelTest.textXml("oLate001", "转人工", "20000000000000001", 1700000000);
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        String query = "/wechat?signature=" + Webhooks.wechatSignature(WeChatChannelTest.TOKEN, ts, "late")
            + "&timestamp=" + ts + "&nonce=late";
        HttpResponse<String> res = Webhooks.postXml(server, query, xml);
        assertEquals(200, res.statusCode());
        assertEquals("success", res.body());
        StandInApi.Call token = wechat.next();
        assertEquals("/cgi-bin/token", token.path());
        assertEquals(WeChatChannelTest.SECRET, token.query().get("secret"));
        StandInApi.Call send = wechat.next();
        assertEquals("LATE_TOKEN", send.query().get("access_token"));
        JsonObject sent = new JsonObject(send.body());
        JsonObject text = sent.getJsonObject("text");
        text.put("content", SmsChannelTest.withoutQueuePlace(text.getString("content")));
        assertEquals(new JsonObject().put("touser", "oLate001").put("msgtype", "text")
            .put("text", new JsonObject().put("content", SmsChannelTest.HAND_OFF)), sent);

        assertEquals("success", Webhooks.postXml(server, query, xml).body());
        assertEquals(3, server.app().store().collection("messages").countDocuments(new Document("sessionKey", "wechat:oLate001")));
    }
}
