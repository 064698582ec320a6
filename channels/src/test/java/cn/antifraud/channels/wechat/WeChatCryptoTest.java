package cn.antifraud.channels.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeChatCryptoTest {
    static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    @Test
    void theSignatureIsSha1OfTheSortedStrings() {
        // sorted: "1409304348", "xxxxxx", "yyyyyy" -> sha1("1409304348xxxxxxyyyyyy")
        assertEquals(WeChatCrypto.signature("1409304348", "xxxxxx", "yyyyyy"), WeChatCrypto.signature("yyyyyy", "1409304348", "xxxxxx"));
        assertEquals("da39a3ee5e6b4b0d3255bfef95601890afd80709", WeChatCrypto.signature(""));
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", WeChatCrypto.signature("c", "a", "b"));
    }

    @Test
    void aMessageEncryptedForTheAccountDecryptsBackAndPadsToWholeBlocks() {
        WeChatCrypto crypto = new WeChatCrypto(KEY, "wx0123456789abcdef");
        String message = "<xml><Content><![CDATA[我收到一条可疑短信]]></Content></xml>";
        String encrypted = crypto.encrypt(message);
        assertEquals(0, java.util.Base64.getDecoder().decode(encrypted).length % 32);
        assertEquals(message, crypto.decrypt(encrypted));
    }

    @Test
    void aMessageForAnotherAppIdIsRejected() {
        String encrypted = new WeChatCrypto(KEY, "wxAAAAAAAAAAAAAAAA").encrypt("hello");
        assertThrows(IllegalArgumentException.class, () -> new WeChatCrypto(KEY, "wx0123456789abcdef").decrypt(encrypted));
    }

    @Test
    void theParserReadsWeChatsFlatXmlAndRefusesDoctypes() {
        Map<String, String> m = WeChatXml.parse("<xml><FromUserName><![CDATA[oUser]]></FromUserName><MsgId>42</MsgId></xml>");
        assertEquals(Map.of("FromUserName", "oUser", "MsgId", "42"), m);
        assertThrows(IllegalArgumentException.class, () -> WeChatXml.parse("<!DOCTYPE xml [<!ENTITY a \"b\">]><xml><A>&a;</A></xml>"));
        assertThrows(IllegalArgumentException.class, () -> WeChatXml.parse("<xml><A>" + "x".repeat(40_000) + "</A></xml>"));
        assertThrows(IllegalArgumentException.class, () -> WeChatXml.parse("<html/>"));
    }

    @Test
    void cdataTerminatorsInsideATextCannotBreakOutOfTheReply() {
        String xml = WeChatXml.text("oUser", "gh_1", 1, "a]]><b>x</b>");
        assertTrue(xml.contains("<Content><![CDATA[a]]]]><![CDATA[><b>x</b>]]></Content>"), xml);
        assertEquals("a]]><b>x</b>", WeChatXml.parse(xml).get("Content"));
        assertEquals(12, "a]]><b>x</b>".getBytes(StandardCharsets.UTF_8).length);
    }
}
