package cn.antifraud.deploy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.deploy.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportConversationTest {
    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonObject caseRecord(String caseNo) throws Exception {
        return server.app().services().cases().find(caseNo).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
            .orElseThrow(() -> new AssertionError("no case " + caseNo));
    }

    @Test
    void aVictimIsTakenThroughTheReportOneQuestionAtATimeAndGetsACaseNumber() throws Exception {
        Victim v = new Victim(server);
        String card = Victim.card("622202123456789012");
        assertTrue(v.say("我要报案").contains("发生了什么"), v.transcript());
        assertTrue(v.say("有人冒充淘宝客服给我打电话，说我买的衣服有质量问题要给我退款，让我开了屏幕共享，然后让我转账").contains("什么时候"),
            v.transcript());
        assertTrue(v.say("三天前").contains("对吗"), v.transcript());
        assertTrue(v.say("是的").contains("多少钱"), v.transcript());
        assertTrue(v.say("两万三千元").contains("什么方式"), v.transcript());
        assertTrue(v.options().contains("支付宝"), v.transcript());
        assertTrue(v.say("银行转账").contains("账号"), v.transcript());
        assertTrue(v.say("对方的卡号是" + card).contains("手机号"), v.transcript());
        assertTrue(v.say("13812345678").contains("称呼"), v.transcript());
        assertTrue(v.say("张三").contains("哪个区"), v.transcript());
        String readBack = v.say("朝阳区");
        assertTrue(readBack.contains("23,000元") && readBack.contains(card) && readBack.contains("13812345678")
            && readBack.contains("冒充电商物流客服") && readBack.contains("银行转账") && readBack.contains("张三"), v.transcript());
        assertNull(v.last.getString("caseNo"));
        assertEquals("bot", v.state());

        String filed = v.say("确认提交");
        String caseNo = v.last.getString("caseNo");
        assertNotNull(caseNo, v.transcript());
        assertTrue(caseNo.matches("FZ-\\d{8}-\\d{6}"), caseNo);
        assertTrue(filed.contains(caseNo) && filed.contains("追回损失"), v.transcript());

        JsonObject c = caseRecord(caseNo);
        assertEquals("fake_customer_service", c.getString("scamType"));
        assertEquals("23000", c.getString("amount"));
        assertEquals("bank_transfer", c.getString("method"));
        assertEquals(card, c.getJsonArray("receivers").getJsonObject(0).getString("value"));
        assertEquals("13812345678", c.getJsonObject("contact").getString("phone"));
        assertEquals("张三", c.getJsonObject("contact").getString("name"));
        assertEquals("new", c.getString("status"));
        assertFalse(c.getBoolean("urgent"));
        assertEquals(v.conversationId(), c.getString("conversationId"));
        assertEquals("filed", c.getJsonArray("history").getJsonObject(0).getString("action"));

        assertTrue(v.say("确认提交").contains("已经提交过了"), v.transcript());
        assertEquals(1L, server.app().services().cases().store().countByConversation(v.conversationId()));
    }

    @Test
    void detailsVolunteeredInTheFirstMessageAreNotAskedAgain() throws Exception {
        Victim v = new Victim(server);
        String card = Victim.card("621700123456789012");
        String first = v.say("我被骗了，三天前被冒充客服骗了两万，转到了" + card);
        assertTrue(first.contains("对吗") || first.contains("哪一类"), v.transcript());
        String all = first + v.say("是的");
        assertTrue(all.contains("什么方式"), v.transcript());
        all += v.say("网银转账");
        all += v.say("13900001111");
        all += v.say("跳过");
        String readBack = v.say("跳过");
        assertFalse(all.contains("多少钱") || all.contains("什么时候") || all.contains("转到了对方的哪个账号"), v.transcript());
        assertTrue(readBack.contains("20,000元") && readBack.contains(card) && readBack.contains("“三天前”"), v.transcript());
    }

    /** Answers the questions of a non-urgent report up to the read-back; returns the read-back. */
    static String fillToReadBack(Victim v, String card, String phone) throws Exception {
        v.say("我要报案");
        v.say("对方自称是刷单平台的客服，让我先垫付做任务，说完成后返佣金，结果一直不给提现");
        v.say("上个月");
        v.say("不确定");
        v.say("5w");
        v.say("支付宝");
        v.say("对方收款的卡号 " + card);
        v.say(phone);
        v.say("跳过");
        return v.say("跳过");
    }

    @Test
    void anyAnswerCanBeCorrectedAndTheReadBackShowsTheNewValue() throws Exception {
        Victim v = new Victim(server);
        String readBack = fillToReadBack(v, Victim.card("622848001122334455"), "13700001111");
        assertTrue(readBack.contains("50,000元") && readBack.contains("待民警认定") && readBack.contains("支付宝"), v.transcript());
        String fixed = v.say("金额填错了，是三万");
        assertTrue(fixed.contains("已经改过来了") && fixed.contains("30,000元") && !fixed.contains("50,000元"), v.transcript());
        fixed = v.say("不对，付款方式应该是微信支付");
        assertTrue(fixed.contains("微信支付") && fixed.contains("请您核对"), v.transcript());
        fixed = v.say("电话写错了，是13700002222");
        assertTrue(fixed.contains("13700002222") && !fixed.contains("13700001111"), v.transcript());
        String which = v.say("修改");
        assertTrue(which.contains("想改哪一项") && v.options().contains("姓名"), v.transcript());
        assertTrue(v.say("姓名").contains("称呼"), v.transcript());
        assertTrue(v.say("李四").contains("李四"), v.transcript());
        v.say("确认提交");
        JsonObject c = caseRecord(v.last.getString("caseNo"));
        assertEquals("30000", c.getString("amount"));
        assertEquals("wechat_pay", c.getString("method"));
        assertEquals("13700002222", c.getJsonObject("contact").getString("phone"));
        assertEquals("李四", c.getJsonObject("contact").getString("name"));
    }

    @Test
    void optionalQuestionsCanBeSkippedAndAQuestionExplained() throws Exception {
        Victim v = new Victim(server);
        v.say("我要报案");
        v.say("网上认识的男朋友带我在一个平台投资，说稳赚不赔，现在提不了现");
        String explained = v.say("这是什么意思？");
        assertTrue(explained.contains("24小时") && explained.contains("什么时候"), v.transcript());
        String readBack = fillRest(v);
        assertTrue(readBack.contains("姓名：未填写") && readBack.contains("所在区：未填写"), v.transcript());
        v.say("确认提交");
        JsonObject c = caseRecord(v.last.getString("caseNo"));
        assertEquals("", c.getJsonObject("contact").getString("name"));
    }

    private static String fillRest(Victim v) throws Exception {
        v.say("11月1日晚上");
        v.say("是的");
        v.say("1.2万");
        v.say("虚拟币");
        v.say("不知道");
        v.say("13600001234");
        v.say("跳过");
        return v.say("算了");
    }

    @Test
    void aVictimCanCancelAtAnyPointAndNothingIsFiled() throws Exception {
        Victim v = new Victim(server);
        v.say("我要报案");
        v.say("有人冒充我领导让我转钱给合作方");
        String cancelled = v.say("取消");
        assertTrue(cancelled.contains("已经取消") && cancelled.contains("追回损失"), v.transcript());
        assertNull(v.last.getString("caseNo"));
        assertEquals(0L, server.app().services().cases().store().countByConversation(v.conversationId()));
        String after = v.say("你好");
        assertFalse(after.contains("什么时候"), v.transcript());
    }

    @Test
    void askingForAnOfficerMidFormQueuesTheConversationAndTheFormGoesOn() throws Exception {
        Victim v = new Victim(server);
        v.say("我要报案");
        v.say("有人冒充我领导让我转钱给合作方，我转了");
        String handed = v.say("我要找民警");
        assertEquals("waiting_officer", v.state(), v.transcript());
        assertTrue(handed.contains("转接值班民警") && handed.contains("什么时候"), v.transcript());
        assertTrue(v.say("三天前").contains("对吗"), v.transcript());
        assertEquals("waiting_officer", v.state());
    }

    @Test
    void detailsGivenInALaterAnswerAreTakenToo() throws Exception {
        Victim v = new Victim(server);
        String card = Victim.card("622609876543210987");
        v.say("我要报案");
        v.say("网上认识的男朋友带我在一个平台投资，说稳赚不赔，现在提不了现");
        String next = v.say("三天前，用支付宝转了3万到他给的卡号" + card);
        String rest = next + v.say("是的");
        assertFalse(rest.contains("多少钱") || rest.contains("什么方式") || rest.contains("哪个账号"), v.transcript());
        assertTrue(rest.contains("手机号"), v.transcript());
    }
}
