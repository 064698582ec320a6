package cn.antifraud.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.kb.KnowledgeBase;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole analysis step on realistic messages and on bad input. Models are cached under target/ between runs. */
class AnalyzerTest {
    static Analyzer analyzer;

    @BeforeAll
    static void build() {
        KnowledgeBase kb = KnowledgeBase.load();
        KnownIndicators known = (type, value) -> type.equals(Indicator.PHONE) && value.equals("17012345678")
            ? Optional.of(new KnownIndicators.Entry(type, value, "impersonate_police", 4, "冒充公安")) : Optional.empty();
        analyzer = AnalysisPipeline.analyzer(kb, Path.of("target", "model-cache"), known);
    }

    private static List<String> phrases(Analysis a) {
        return a.signals().stream().map(Signal::phrase).toList();
    }

    @Test
    void aFakePoliceCallIsAHighRiskPoliceImpersonation() {
        Analysis a = analyzer.analyze("我是市公安局刑侦支队的王警官，你的身份证涉嫌一起洗钱案件，现在需要把资金转到安全账户配合调查，不要告诉家人");
        assertEquals("impersonate_police", a.scamType());
        assertEquals(Risk.HIGH, a.risk());
        assertTrue(phrases(a).contains("安全账户"), phrases(a).toString());
    }

    @Test
    void aCourierClaimAskingForScreenSharingIsFakeCustomerService() {
        Analysis a = analyzer.analyze("您好，我是快递理赔专员，您的包裹在运输中丢失了，我们给您三倍赔偿，请下载“云会议”app开启屏幕共享");
        assertEquals("fake_customer_service", a.scamType());
        assertTrue(a.risk().compareTo(Risk.MEDIUM) >= 0, a.risk().id());
        assertTrue(a.indicators().stream().anyMatch(i -> i.type().equals(Indicator.APP) && i.value().equals("云会议")));
    }

    @Test
    void aRealBankCodeNoticeStaysBelowMedium() {
        Analysis a = analyzer.analyze("【工商银行】您的验证码为583920，您正在进行网上支付，请勿泄露给他人。");
        assertEquals(KnowledgeBase.NONE, a.scamType());
        assertTrue(a.risk().compareTo(Risk.LOW) <= 0, a.risk().id());
    }

    @Test
    void anOrdinaryChatAboutMoneyIsNotAScam() {
        Analysis a = analyzer.analyze("妈，这个月的生活费收到了，周末我回家吃饭");
        assertEquals(KnowledgeBase.NONE, a.scamType());
        assertEquals(Risk.NONE, a.risk());
    }

    @Test
    void aResidentWhoAlreadyPaidIsHighWithTheAmountInYuan() {
        Analysis a = analyzer.analyze("我刚刚给那个刷单的导师转了两万三，现在他把我拉黑了");
        assertEquals(Risk.HIGH, a.risk());
        assertTrue(a.moneyMoved());
        assertTrue(a.indicators().stream().anyMatch(i -> i.type().equals(Indicator.AMOUNT) && i.value().equals("23000")));
    }

    @Test
    void aKnownBadNumberRaisesAnInnocentLookingMessageToAtLeastMedium() {
        Analysis a = analyzer.analyze("有空回个电话 170-1234-5678");
        assertTrue(a.hasKnownBad());
        assertTrue(a.risk().compareTo(Risk.MEDIUM) >= 0, a.risk().id());
        assertEquals("impersonate_police", a.scamType());
    }

    @Test
    void obfuscatedWritingIsSeenThrough() {
        Analysis a = analyzer.analyze("兼職刷單，動動手指一單返傭金，加薇✨信 dz8868a，先墊付後返還");
        assertEquals("brushing_rebate", a.scamType());
        assertTrue(a.indicators().stream().anyMatch(i -> i.type().equals(Indicator.WECHAT)));
    }

    @Test
    void emptyAndEmojiOnlyTextGiveAQuietAnswer() {
        for (String text : List.of("", "   ", "😀😀😀🙏", "\u200b\u200b")) {
            Analysis a = analyzer.analyze(text);
            assertEquals(Risk.NONE, a.risk(), text);
            assertEquals(List.of(), a.indicators(), text);
        }
    }

    @Test
    void hugeTextIsAnalysedOnAPrefixAndFlagged() {
        String text = "请立即把钱转到安全账户。".repeat(10_000);
        Analysis a = analyzer.analyze(text);
        assertTrue(a.truncated());
        assertEquals(Boolean.TRUE, a.toJson().getBoolean("truncated"));
        assertFalse(analyzer.analyze("你好").truncated());
    }

    @Test
    void binaryJunkDoesNotThrow() {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        for (String text : List.of(new String(bytes, StandardCharsets.ISO_8859_1), new String(bytes, StandardCharsets.UTF_8),
            "\u0000\u0001\uFFFF\uD800", "\uDC00abc\uD83D")) {
            assertNotNull(analyzer.analyze(text).toJson().encode());
        }
    }

    @Test
    void mixedChineseAndEnglishIsAnalysed() {
        Analysis a = analyzer.analyze("Hi 我是你们公司的HR, urgent! 请马上transfer 5w到这个account 6222021234567890128, 别告诉别人");
        assertTrue(a.indicators().stream().anyMatch(i -> i.type().equals(Indicator.BANK_CARD)));
        assertTrue(a.indicators().stream().anyMatch(i -> i.type().equals(Indicator.AMOUNT) && i.value().equals("50000")));
        assertTrue(a.risk().compareTo(Risk.LOW) >= 0);
    }

    @Test
    void theJsonKeepsTheContractFieldsAndMasksIdNumbers() {
        JsonObject json = analyzer.analyze("我的身份证号11010519491231002X被他拿走了").toJson();
        for (String field : List.of("intent", "scamType", "risk", "confidence", "indicators")) {
            assertTrue(json.containsKey(field), field);
        }
        assertFalse(json.encode().contains("11010519491231002X"));
        assertTrue(json.encode().contains("110105********002X"));
    }

    @Test
    void aSenderTagWithACheapLinkIsPhishingThatNamesItsSignals() {
        Analysis a = analyzer.analyze("【中国邮政】您的包裹因地址不详无法派送，请在24小时内点击 http://chinapost-cn.top/u 更新地址并支付1.5元补派费");
        List<String> categories = a.signals().stream().map(Signal::category).toList();
        assertTrue(categories.containsAll(List.of(PhishingSignals.SENDER_LINK, PhishingSignals.CHEAP_TLD, PhishingSignals.BRAND_DOMAIN)),
            categories.toString());
        assertTrue(phrases(a).contains("【中国邮政】") && phrases(a).contains(".top"), phrases(a).toString());
        assertTrue(a.risk().compareTo(Risk.MEDIUM) >= 0, a.risk().id());
    }

    @Test
    void aPlatformsOwnNoticeWithItsOwnLinkIsNoAlarm() {
        Analysis own = analyzer.analyze("【抖音】你关注的主播正在直播，点击 v.douyin.com/iAbCdE 进入直播间");
        assertTrue(own.risk().compareTo(Risk.LOW) <= 0, own.risk().id());
        // the same tag with a stranger's link and a number to add is judged on its wording again
        Analysis other = analyzer.analyze("【抖音】你关注的主播正在直播，点赞关注就返佣金，日赚300，加QQ 2938475612 领任务，点击 dy-task.top/a");
        assertTrue(other.risk().compareTo(Risk.MEDIUM) >= 0, other.risk().id());
    }

    @Test
    void theOfficialLinkOfTheTaggedSenderIsNoPhishingSignal() {
        Analysis a = analyzer.analyze("【中国移动】您本月账单已出，详情请登录 https://www.10086.cn 查询。");
        assertTrue(a.signals().stream().noneMatch(s -> s.category().equals(PhishingSignals.SENDER_LINK)), a.signals().toString());
        assertEquals(KnowledgeBase.NONE, a.scamType());
    }

    @Test
    void aPastedScamConversationIsJudgedByItsMostDangerousTurn() {
        Analysis a = analyzer.analyze("客服：您好，我是淘宝客服，您购买的商品有质量问题\n我：是吗\n客服：我们给您双倍退款，请下载会议软件开启屏幕共享\n我：好的");
        assertEquals("fake_customer_service", a.scamType());
        assertTrue(a.risk().compareTo(Risk.MEDIUM) >= 0, a.risk().id());
    }

    @Test
    void anOrdinaryFamilyConversationIsNotFlagged() {
        Analysis a = analyzer.analyze("妈：周末回来吃饭吗\n我：回，想吃红烧肉\n妈：好，给你做，路上注意安全");
        assertTrue(a.risk().compareTo(Risk.LOW) <= 0, a.risk().id());
    }

    @Test
    void aFamilyChatThatRetellsOneScamLineFromTheNewsIsNotFlagged() {
        Analysis a = analyzer.analyze("妈：你看今天的新闻没，有人接到电话说自己涉嫌洗钱，要把钱转到安全账户配合调查\n"
            + "我：看到了，那都是骗子，公安不会打电话让人转账\n妈：对，我跟你爸也说了\n我：嗯，有陌生电话先问我");
        assertTrue(a.risk().compareTo(Risk.LOW) <= 0, a.risk().id() + " " + a.scamProbability());
    }

    @Test
    void aTemplateWithBlanksIsReadLikeTheFilledInScript() {
        Analysis a = analyzer.analyze("您好！我是XX公司的客服代表，您在我平台开通的会员即将自动扣费每月DIGIT元，如需取消请下载APP并开启屏幕共享，由我协助您操作。");
        assertEquals("fake_customer_service", a.scamType());
        assertTrue(a.risk().compareTo(Risk.MEDIUM) >= 0, a.risk().id());
    }

    @Test
    void aPoliceWarningThatQuotesAScamScriptIsNotFlagged() {
        Analysis a = analyzer.analyze("【××区公安分局】警方提醒：近期有骗子自称“快递理赔专员”，以包裹丢失双倍赔偿为由，让您下载会议软件开启屏幕共享，"
            + "再把备用金转到“退款账户”。凡是这样的都是诈骗，请拨打96110咨询。");
        assertTrue(a.risk().compareTo(Risk.LOW) <= 0, a.risk().id() + " " + a.scamProbability());
    }

    @Test
    void aScriptThatBorrowsAWarningsWordsIsStillFlagged() {
        Analysis a = analyzer.analyze("警方提醒您：您的身份证涉嫌一起洗钱案件，账户即将冻结，请立即把名下存款转到安全账户配合调查，不要告诉家人");
        assertTrue(a.risk().compareTo(Risk.MEDIUM) >= 0, a.risk().id() + " " + a.scamProbability());
    }

    @Test
    void aResidentWhoLearnsFromTheNewsThatTheyPaidAScammerIsStillFlagged() {
        Analysis a = analyzer.analyze("看了新闻才知道我也被骗了，那个理赔客服让我开屏幕共享，我已经转了三万到他说的账户");
        assertTrue(a.risk().compareTo(Risk.MEDIUM) >= 0, a.risk().id() + " " + a.scamProbability());
    }

    @Test
    void aReceiptForADoneTransferHasNoTransferSignal() {
        Analysis a = analyzer.analyze("【建设银行】您尾号5678的账户12月02日14:20转账成功，金额300.00元，收款人李华。如非本人操作请致电95533。");
        assertFalse(a.signals().stream().anyMatch(s -> s.category().equals("transfer")), a.signals().toString());
        assertTrue(a.risk().compareTo(Risk.LOW) <= 0, a.risk().id() + " " + a.scamProbability());
    }

    @Test
    void aRequestToTransferIsStillATransferSignal() {
        Analysis a = analyzer.analyze("你的账户涉嫌洗钱，马上转账到这个安全账户，转账成功后把截图发我");
        assertTrue(a.signals().stream().anyMatch(s -> s.category().equals("transfer")), a.signals().toString());
        assertTrue(a.risk().compareTo(Risk.MEDIUM) >= 0, a.risk().id());
    }
}
