package cn.antifraud.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorExtractorTest {
    private final IndicatorExtractor extractor = new IndicatorExtractor();

    private List<String> values(String text, String type) {
        return extractor.extract(text).stream().map(IndicatorExtractor.Found::indicator)
            .filter(i -> i.type().equals(type)).map(Indicator::value).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "请拨打13812345678联系我 | 13812345678",
        "电话 +86 138 1234 5678 | 13812345678",
        "电话+8613812345678 | 13812345678",
        "打 86-138-1234-5678 | 13812345678",
        "138-1234-5678 | 13812345678",
        "客服热线400-123-4567 | 4001234567",
        "客服4001234567 | 4001234567",
        "请回电010-12345678 | 01012345678",
        "座机0755 8765 4321 | 075587654321",
        "官方客服95588 | 95588",
        "工行客服95588，招行95555 | 95588",
    })
    void phoneNumbersAreFoundAndNormalisedToDigits(String text, String expected) {
        assertEquals(expected, values(text, Indicator.PHONE).get(0));
    }

    @Test
    void phoneNumbersNeedTheRightShape() {
        assertTrue(values("订单号123456789012已发货", Indicator.PHONE).isEmpty());
        assertTrue(values("价格12345678元", Indicator.PHONE).isEmpty());
        assertTrue(values("号码12812345678不对", Indicator.PHONE).isEmpty());
    }

    @Test
    void urlsAndBareDomainsAreFound() {
        assertEquals(List.of("http://icbc-vip.top/login"), values("点击http://icbc-vip.top/login领取", Indicator.URL));
        assertEquals(List.of("www.abc123.cn"), values("登录www.abc123.cn办理", Indicator.URL));
        assertEquals(List.of("tb-refund.xyz/a?b=1"), values("退款地址tb-refund.xyz/a?b=1，", Indicator.URL));
        assertTrue(values("版本1.2.3已经更新", Indicator.URL).isEmpty());
    }

    @Test
    void lookAlikeDomainsOfBanksAndPlatformsAreFlaggedAndRealOnesAreNot() {
        Indicator fake = extractor.extract("登录 www.icbc-pay.top 验证").get(0).indicator();
        assertFalse(fake.note().isEmpty());
        Indicator real = extractor.extract("登录 www.icbc.com.cn 查询").get(0).indicator();
        assertEquals("", real.note());
        assertFalse(extractor.extract("打开 taobao-tuikuan.com").get(0).indicator().note().isEmpty());
        assertEquals("", extractor.extract("见 www.gov.cn").get(0).indicator().note());
    }

    @Test
    void bankCardsMustPassTheLuhnCheck() {
        assertEquals(List.of("6222021234567890128"), values("转到卡号6222021234567890128", Indicator.BANK_CARD));
        assertEquals(List.of("6217000012345678907"), values("卡号 6217 0000 1234 5678 907", Indicator.BANK_CARD));
        assertEquals(List.of("6225880011223345"), values("6225-8800-1122-3345", Indicator.BANK_CARD));
        assertTrue(values("卡号6222021234567890123", Indicator.BANK_CARD).isEmpty());
    }

    @Test
    void idCardNumbersNeedAValidChecksumAndAreMaskedForDisplay() {
        List<String> ids = values("身份证11010519491231002x", Indicator.ID_CARD);
        assertEquals(List.of("11010519491231002X"), ids);
        assertEquals("110105********002X", new Indicator(Indicator.ID_CARD, ids.get(0)).masked());
        assertTrue(values("身份证110105194912310021", Indicator.ID_CARD).isEmpty());
        assertEquals(List.of("440306199003071232"), values("我的身份证是440306199003071232", Indicator.ID_CARD));
    }

    @Test
    void imAndPaymentIdsAreFound() {
        assertEquals(List.of("12345678"), values("加qq 12345678 详聊", Indicator.QQ));
        assertEquals(List.of("987654321"), values("qq群:987654321", Indicator.QQ));
        assertEquals(List.of("abc_8888"), values("加微信abc_8888备注兼职", Indicator.WECHAT));
        assertEquals(List.of("dz8868a"), values("有意加微信 dz8868a 备注", Indicator.WECHAT));
        assertEquals(List.of("13900001111"), values("支付宝账号:13900001111", Indicator.ALIPAY));
        assertEquals(List.of("pay@example.com"), values("支付宝 pay@example.com", Indicator.ALIPAY));
    }

    @Test
    void appNamesFollowingDownloadAreFound() {
        assertEquals(List.of("星辰任务"), values("先下载一个“星辰任务”app", Indicator.APP));
        assertEquals(List.of("安全防护"), values("请安装安全防护软件", Indicator.APP));
        assertEquals(List.of("云会议"), values("下载云会议app共享屏幕", Indicator.APP));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "转了两万三 | 23000",
        "先交5w保证金 | 50000",
        "贷款1.2万元 | 12000",
        "只要3k | 3000",
        "共计2,800元 | 2800",
        "¥499 | 499",
        "两千块 | 2000",
        "三千五百元 | 3500",
        "被骗了八万 | 80000",
        "转了12万 | 120000",
        "五百块钱 | 500",
        "128.50元 | 128.5",
    })
    void amountsAreNormalisedToYuan(String text, String yuan) {
        assertEquals(List.of(yuan), values(text, Indicator.AMOUNT));
    }

    @Test
    void everydayChineseNumeralsAreNotMoney() {
        assertTrue(values("千万别相信，一个人去，十分重要", Indicator.AMOUNT).isEmpty());
        assertTrue(values("走了一万步，三百多人参加", Indicator.AMOUNT).isEmpty());
    }

    @Test
    void aRunOfDigitsIsClaimedOnce() {
        List<IndicatorExtractor.Found> found = extractor.extract("卡号6222021234567890128");
        assertEquals(1, found.size());
        assertEquals(Indicator.BANK_CARD, found.get(0).indicator().type());
    }
}
