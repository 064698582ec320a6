package cn.antifraud.deploy.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.core.conversation.Message;
import cn.antifraud.deploy.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeChatChannelTest {
    static final String TOKEN = "wechatTestToken";
    static final String APP_ID = "wx0123456789abcdef";
    static final String SECRET = "wechat-app-secret";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String ACCOUNT = "gh_0123456789ab";
    static final String HAND_OFF = SmsChannelTest.HAND_OFF;

    @TempDir
    static Path dataDir;
    static TestServer server;
    static StandInApi wechat;
    static final AtomicInteger TOKENS = new AtomicInteger();
    static final AtomicBoolean EXPIRE_NEXT = new AtomicBoolean();

    @BeforeAll
    static void start() throws Exception {
        wechat = new StandInApi(WeChatChannelTest::answer);
        server = TestServer.start(dataDir, Map.of("WECHAT_TOKEN", TOKEN, "WECHAT_APP_ID", APP_ID, "WECHAT_APP_SECRET", SECRET,
            "WECHAT_AES_KEY", AES_KEY, "WECHAT_API_BASE_URL", wechat.url()));
        server.chat(null, "您好，我是快递客服，您的包裹丢了，我们要给您理赔");  // first analysis warms the pipeline up
    }

    /** WeChat's API as the stand-in plays it: tokens ACCESS_1, ACCESS_2...; a send may be told the token expired. */
    static StandInApi.Answer answer(StandInApi.Call call) {
        if (call.path().equals("/cgi-bin/token")) {
            boolean ok = "client_credential".equals(call.query().get("grant_type")) && APP_ID.equals(call.query().get("appid"))
                && SECRET.equals(call.query().get("secret"));
            return ok ? new StandInApi.Answer(200, "{\"access_token\":\"ACCESS_" + TOKENS.incrementAndGet() + "\",\"expires_in\":7200}")
                : new StandInApi.Answer(200, "{\"errcode\":40013,\"errmsg\":\"invalid appid\"}");
        }
        if (call.path().equals("/cgi-bin/message/custom/send")) {
            if (call.body().contains("【民警回复】") && EXPIRE_NEXT.getAndSet(false)) {
                return new StandInApi.Answer(200, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
            }
            boolean current = ("ACCESS_" + TOKENS.get()).equals(call.query().get("access_token"));
            return new StandInApi.Answer(200, current ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{\"errcode\":40001}");
        }
        return new StandInApi.Answer(404, "{}");
    }

    @AfterAll
    static void stop() {
        server.close();
        wechat.close();
    }

    /** A signed query with the current time (callbacks further than WECHAT_MAX_SKEW_SECONDS from now are refused). */
    static String query(String nonce) throws Exception {
        return query(String.valueOf(System.currentTimeMillis() / 1000), nonce);
    }

    static String query(String timestamp, String nonce) throws Exception {
        return "/wechat?signature=" + Webhooks.wechatSignature(TOKEN, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce;
    }

    static String textXml(String user, String content, String msgId, long createTime) {
        return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + user + "]]></FromUserName>"
            + "<CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content
            + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    /** The passive reply WeChat expects, with the CreateTime the server chose (checked to be now). */
    static void assertPassiveText(String user, String content, String body, long before) {
        Matcher m = Pattern.compile("<CreateTime>(\\d+)</CreateTime>").matcher(body);
        assertTrue(m.find(), body);
        long created = Long.parseLong(m.group(1));
        assertTrue(created >= before && created <= System.currentTimeMillis() / 1000 + 1, body);
        assertEquals("<xml><ToUserName><![CDATA[" + user + "]]></ToUserName><FromUserName><![CDATA[" + ACCOUNT
            + "]]></FromUserName><CreateTime>" + created + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
            + content + "]]></Content></xml>", body);
    }

    @Test
    void urlVerificationEchoesOnlyWhenTheSignatureIsRight() throws Exception {
        HttpResponse<String> ok = server.get(query("n1") + "&echostr=echo-12345");
        assertEquals(200, ok.statusCode());
        assertEquals("echo-12345", ok.body());
        HttpResponse<String> bad = server.get("/wechat?signature=0000&timestamp=1700000000&nonce=n1&echostr=echo-12345");
        assertEquals(403, bad.statusCode());
        assertEquals("invalid_signature", new JsonObject(bad.body()).getJsonObject("error").getString("code"));
        assertEquals(403, server.get("/wechat?timestamp=1700000000&nonce=n1&echostr=x").statusCode());
    }

    @Test
    void aTextMessageGetsAPassiveReplyAndARetryGetsTheSameReplyWithNothingStoredTwice() throws Exception {
        long before = System.currentTimeMillis() / 1000;
        String xml = textXml("oUser001", "转人工", "10000000000000001", before);
        HttpResponse<String> first = Webhooks.postXml(server, query("n2"), xml);
        assertEquals(200, first.statusCode());
        assertPassiveText("oUser001", HAND_OFF, SmsChannelTest.withoutQueuePlace(first.body()), before);
        long stored = messages("wechat:oUser001");
        HttpResponse<String> retry = Webhooks.postXml(server, query("n3"), xml);
        assertEquals(first.body(), retry.body());
        assertEquals(3, stored);
        assertEquals(stored, messages("wechat:oUser001"));
    }

    @Test
    void aMessageWithAMissingOrWrongSignatureIsRefused() throws Exception {
        String xml = textXml("oUser002", "你好", "10000000000000002", 1700000000);
        assertEquals(403, Webhooks.postXml(server, "/wechat?timestamp=1&nonce=2", xml).statusCode());
        assertEquals(403, Webhooks.postXml(server, "/wechat?signature=" + Webhooks.wechatSignature("otherToken", "1", "2")
            + "&timestamp=1&nonce=2", xml).statusCode());
        assertEquals(0, messages("wechat:oUser002"));
    }

    @Test
    void aStaleTimestampIsRefusedEvenWithAValidSignature() throws Exception {
        String xml = textXml("oUser010", "转人工", "10000000000000010", 1);
        for (String ts : new String[] {"1", String.valueOf(System.currentTimeMillis() / 1000 - 301),
            String.valueOf(System.currentTimeMillis() / 1000 + 301)}) {
            HttpResponse<String> res = Webhooks.postXml(server, query(ts, "stale" + ts), xml);
            assertEquals(403, res.statusCode(), res.body());
            assertEquals("stale_timestamp", new JsonObject(res.body()).getJsonObject("error").getString("code"));
        }
        assertEquals(0, messages("wechat:oUser010"));
    }

    @Test
    void aSignedQueryUsedOnceCannotCarryAnotherBody() throws Exception {
        String q = query("replay1");
        assertEquals("echo-1", server.get(q + "&echostr=echo-1").body());
        HttpResponse<String> forged = Webhooks.postXml(server, q, textXml("oUser011", "转人工", "10000000000000011", 1));
        assertEquals(403, forged.statusCode(), "the query of a GET verification carries no message");
        assertEquals("replayed_request", new JsonObject(forged.body()).getJsonObject("error").getString("code"));

        String q2 = query("replay2");
        String xml = textXml("oUser012", "你好", "10000000000000012", System.currentTimeMillis() / 1000);
        HttpResponse<String> first = Webhooks.postXml(server, q2, xml);
        assertEquals(200, first.statusCode());
        assertEquals(first.body(), Webhooks.postXml(server, q2, xml).body(), "WeChat's own retry repeats the request byte for byte");
        HttpResponse<String> other = Webhooks.postXml(server, q2, textXml("oUser013", "转人工", "10000000000000013", 1));
        assertEquals(403, other.statusCode());
        assertEquals(0, messages("wechat:oUser011"));
        assertEquals(0, messages("wechat:oUser013"));
    }

    @Test
    void aDoctypeOrExternalEntityIsRejectedBeforeAnythingIsRead() throws Exception {
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<xml><ToUserName>a</ToUserName><FromUserName>oUser003</FromUserName><MsgType>text</MsgType>"
            + "<Content>&x;</Content><MsgId>3</MsgId></xml>";
        HttpResponse<String> res = Webhooks.postXml(server, query("n4"), evil);
        assertEquals(400, res.statusCode());
        assertEquals("malformed_xml", new JsonObject(res.body()).getJsonObject("error").getString("code"));
        assertFalse(res.body().contains("root:"));
        assertEquals(0, messages("wechat:oUser003"));
        String huge = textXml("oUser003", "骗".repeat(12000), "4", 1700000000);
        assertEquals(413, Webhooks.postXml(server, query("n4b"), huge).statusCode());
    }

    @Test
    void aSubscribeEventIsWelcomedOnceEvenWhenRetried() throws Exception {
        long before = System.currentTimeMillis() / 1000;
        String xml = "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[oUser004]]></FromUserName>"
            + "<CreateTime>1700000100</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>";
        HttpResponse<String> first = Webhooks.postXml(server, query("n5"), xml);
        assertPassiveText("oUser004", WELCOME, first.body(), before);
        assertEquals(first.body(), Webhooks.postXml(server, query("n6"), xml).body());
        assertEquals(1, server.app().store().collection("inbound_deliveries").countDocuments(
            new Document("_id", "wechat:oUser004:1700000100")));
    }

    static final String WELCOME = "您好，欢迎关注反诈助手！我可以帮您：\n1. 辨别诈骗：把可疑的短信、聊天记录、电话号码或链接直接发给我；\n"
        + "2. 报案：被骗了请回复「我要报案」，我一步步帮您登记；\n3. 找民警：回复「转人工」，值班民警会在这里回复您；\n"
        + "4. 学防骗知识：回复「学习防骗知识」。\n如果刚刚转了账，请马上拨打110或96110。";

    @Test
    void safeModeDecryptsTheMessageAndEncryptsAndSignsTheReply() throws Exception {
        WeChatCipher cipher = new WeChatCipher(AES_KEY, APP_ID);
        long before = System.currentTimeMillis() / 1000;
        String encrypt = cipher.encrypt(textXml("oUser005", "转人工", "10000000000000005", before));
        String envelope = "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        String nonce = "n7";
        String q = query(ts, nonce) + "&encrypt_type=aes&msg_signature=" + Webhooks.wechatSignature(TOKEN, ts, nonce, encrypt);
        HttpResponse<String> res = Webhooks.postXml(server, q, envelope);
        assertEquals(200, res.statusCode());
        Matcher m = Pattern.compile("<xml><Encrypt><!\\[CDATA\\[(.+?)]]></Encrypt><MsgSignature><!\\[CDATA\\[([0-9a-f]{40})]]>"
            + "</MsgSignature><TimeStamp>" + ts + "</TimeStamp><Nonce><!\\[CDATA\\[" + nonce + "]]></Nonce></xml>").matcher(res.body());
        assertTrue(m.matches(), res.body());
        assertEquals(Webhooks.wechatSignature(TOKEN, ts, nonce, m.group(1)), m.group(2));
        String[] inner = cipher.decrypt(m.group(1));
        assertEquals(APP_ID, inner[1]);
        assertPassiveText("oUser005", HAND_OFF, SmsChannelTest.withoutQueuePlace(inner[0]), before);

        String wrong = query(ts, "n7b") + "&encrypt_type=aes&msg_signature=" + Webhooks.wechatSignature(TOKEN, ts, "n7b", "other");
        assertEquals(403, Webhooks.postXml(server, wrong, envelope).statusCode());
    }

    @Test
    void officerRepliesGoOutAsCustomerServiceMessagesWithARefreshedAccessToken() throws Exception {
        Webhooks.postXml(server, query("n8"), textXml("oUser006", "转人工", "10000000000000006", 1700000300));
        var conversation = server.app().router().store().openConversation("wechat:oUser006").orElseThrow();
        server.app().router().say(conversation, Message.OFFICER, "您好，我是值班民警，请问对方让您转账了吗？")
            .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        StandInApi.Call send = nextOfficerSend();
        assertTrue(TOKENS.get() >= 1, "a token was fetched from /cgi-bin/token");
        assertTrue(send.query().get("access_token").matches("ACCESS_[1-" + TOKENS.get() + "]"), send.query().toString());
        assertEquals(new JsonObject().put("touser", "oUser006").put("msgtype", "text")
            .put("text", new JsonObject().put("content", "【民警回复】您好，我是值班民警，请问对方让您转账了吗？")), new JsonObject(send.body()));

        EXPIRE_NEXT.set(true);
        server.app().router().say(conversation, Message.OFFICER, "请把对方的账号发给我。")
            .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        StandInApi.Call rejected = nextOfficerSend();
        assertEquals("【民警回复】请把对方的账号发给我。", new JsonObject(rejected.body()).getJsonObject("text").getString("content"),
            wechat.history());
        StandInApi.Call refresh = wechat.next();
        while (!refresh.path().equals("/cgi-bin/token")) {
            refresh = wechat.next();
        }
        StandInApi.Call again = nextOfficerSend();
        assertEquals(rejected.body(), again.body());
        assertEquals("ACCESS_" + TOKENS.get(), again.query().get("access_token"));
        assertTrue(!rejected.query().get("access_token").equals(again.query().get("access_token")), "sent again with a new token");
    }

    /**
     * The next officer message sent, skipping other customer-service messages (an answer that missed the
     * passive window on a slow machine goes that way too).
     */
    static StandInApi.Call nextOfficerSend() throws InterruptedException {
        while (true) {
            StandInApi.Call c = wechat.next();
            if (c.path().equals("/cgi-bin/message/custom/send") && c.body().contains("【民警回复】")) {
                return c;
            }
        }
    }

    static long messages(String sessionKey) {
        return server.app().store().collection("messages").countDocuments(new Document("sessionKey", sessionKey));
    }
}
