package cn.antifraud.core.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.antifraud.core.conversation.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationViewsTest {
    @Test
    void theQueueSummaryMasksCardNumbersPhonesAndIdNumbersWhetherOrNotTheAnalysisFoundThem() {
        JsonObject analysis = new JsonObject().put("indicators", new JsonArray()
            .add(new JsonObject().put("type", "phone").put("value", "13812345678"))
            .add(new JsonObject().put("type", "amount").put("value", "5000")));
        Message m = new Message("m1", "web:x", "c1", 1, Message.RESIDENT,
            "转了5000元到6222020200112233445，对方电话13812345678，身份证11010519491231002X", List.of(), analysis, Instant.now());
        assertEquals("转了5000元到622************3445，对方电话138****5678，身份证110***********002X", ConversationViews.maskText(m));
    }
}
