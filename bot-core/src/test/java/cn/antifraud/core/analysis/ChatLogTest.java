package cn.antifraud.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts as a pasted conversation, and how it splits into turns. */
class ChatLogTest {
    private static List<String> speakers(String text) {
        return ChatLog.turns(text).orElseThrow().stream().map(ChatLog.Turn::speaker).toList();
    }

    @Test
    void labelledLinesAreTurns() {
        String log = "客服：您好，您的订单出现异常\n我：怎么了？\n客服：需要您开启屏幕共享，我来帮您退款\n我：好的";
        assertEquals(List.of("客服", "我", "客服", "我"), speakers(log));
        assertEquals("需要您开启屏幕共享，我来帮您退款", ChatLog.turns(log).orElseThrow().get(2).text());
    }

    @Test
    void timestampsAndLiteralLineBreaksAreUnderstood() {
        assertEquals(List.of("张三", "李四"), speakers("[10:21] 张三：在吗\\n[10:22] 李四：在的，什么事"));
        assertEquals(List.of("王总", "我"), speakers("王总 10:21\n小刘，帮我转五万给合作方\n我 10:23\n好的王总"));
    }

    @Test
    void speakersOnOneLineAreTurns() {
        assertEquals(List.of("A", "B", "A"), speakers("A：你好，我是平台客服 B：有什么事吗 A：您的账户需要认证"));
    }

    @Test
    void aNoticeWithFieldLabelsIsNotAConversation() {
        for (String text : List.of("【工商银行】验证码：482913，您正在进行网上银行登录，请勿泄露。",
            "取件码：3-2-1001\n地址：幸福路8号驿站\n时间：9:00-21:00", "妈，周末我回家吃饭", "")) {
            assertTrue(ChatLog.turns(text).isEmpty(), text);
        }
    }
}
