package cn.antifraud.core.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.kb.KnowledgeBase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cue features from the knowledge base's cues.tsv: claims, asks, pressure, bait, their pairs, and warnings. */
class CuesTest {
    private final Cues cues = new Cues(KnowledgeBase.load().cues());

    @Test
    void aClaimAndAnAskMakeAPair() {
        List<String> t = cues.tokens("我是公安局的警官，你马上把钱转到安全账户，不要告诉家人");
        for (String expected : List.of("cue:claim_police", "cue:ask_transfer", "cue:pressure_secrecy", "cue:pressure_urgency",
            "cue:claim_police+ask_transfer", "cue:pressure_secrecy+ask_transfer", "cue:groups3")) {
            assertTrue(t.contains(expected), expected + " in " + t);
        }
    }

    @Test
    void aWarningIsNotAnAsk() {
        List<String> t = cues.tokens("公安机关不会要求您转账到安全账户");
        assertTrue(t.contains("cue:not_ask_transfer"), t.toString());
        assertFalse(t.contains("cue:ask_transfer"), t.toString());
    }

    @Test
    void aNewsStoryOrAPublicWarningSaysWhoIsSpeaking() {
        List<String> news = cues.tokens("据报道，市民王女士接到自称客服的电话，按对方要求开启屏幕共享，被转走8万元");
        assertTrue(news.contains("cue:warn_news"), news.toString());
        List<String> advice = cues.tokens("警方提醒：凡是要求屏幕共享的都是诈骗");
        assertTrue(advice.contains("cue:warn_advice"), advice.toString());
        // a scam script says neither
        List<String> scam = cues.tokens("我是京东客服，请您下载会议软件开启屏幕共享");
        assertFalse(scam.stream().anyMatch(x -> x.startsWith("cue:warn_")), scam.toString());
    }

    @Test
    void anOrdinaryNoticeSaysItsChannelAndAGenericAskInsideItDoesNotCount() {
        List<String> app = cues.tokens("【某商城】您的积分月底到期，可在官方app内兑换礼品");
        assertTrue(app.contains("cue:safe_official_channel"), app.toString());
        assertFalse(app.contains("cue:ask_download"), app.toString());
        List<String> code = cues.tokens("【某银行】您的验证码为6021，用于登录手机银行");
        assertTrue(code.contains("cue:safe_code_delivery"), code.toString());
        assertFalse(code.contains("cue:ask_code"), code.toString());
        // asking for the code is still the ask
        List<String> ask = cues.tokens("你手机上收到的验证码是多少，念给我听一下");
        assertTrue(ask.contains("cue:ask_code"), ask.toString());
        assertFalse(ask.contains("cue:safe_code_delivery"), ask.toString());
        // a download request stays one
        List<String> download = cues.tokens("请您下载这个app开启屏幕共享");
        assertTrue(download.contains("cue:ask_download"), download.toString());
    }
}
