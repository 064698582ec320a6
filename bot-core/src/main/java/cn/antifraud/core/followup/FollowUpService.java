package cn.antifraud.core.followup;

import cn.antifraud.core.audit.AuditLog;
import cn.antifraud.core.conversation.Conversation;
import cn.antifraud.core.conversation.ConversationRouter;
import cn.antifraud.core.conversation.Message;
import cn.antifraud.core.officer.OfficerException;
import cn.antifraud.core.officer.OfficerSession;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The officers' follow-up (回访) work: the due list, a one-click follow-up message sent on the resident's own
 * channel (SMS residents get it by SMS: the SMS channel delivers every officer message), and marking done.
 */
public final class FollowUpService {
    /** The due list looks this far ahead, so tomorrow's calls can be planned today. */
    public static final Duration HORIZON = Duration.ofDays(7);

    private final Vertx vertx;
    private final FollowUpStore store;
    private final ConversationRouter router;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, String> typeNames;

    public FollowUpService(Vertx vertx, FollowUpStore store, ConversationRouter router, AuditLog audit, Clock clock,
                           Map<String, String> typeNames) {
        this.typeNames = Map.copyOf(typeNames);
        this.vertx = vertx;
        this.store = store;
        this.router = router;
        this.audit = audit;
        this.clock = clock;
    }

    public Future<JsonArray> due() {
        return vertx.executeBlocking(() -> {
            Instant now = clock.instant();
            JsonArray out = new JsonArray();
            store.due(now.plus(HORIZON), 500).forEach(f -> out.add(f.toJson(now)
                .put("scamTypeName", f.scamType() == null ? "未识别" : typeNames.getOrDefault(f.scamType(), "未识别"))
                .put("hasPhone", "sms".equals(f.channel()) || "voice".equals(f.channel()))));
            return out;
        }, false);
    }

    /** Sends the follow-up message on the conversation's channel and marks the follow-up sent. */
    public Future<JsonObject> send(String id, OfficerSession s) {
        return vertx.executeBlocking(() -> {
            FollowUp f = open(id);
            var c = router.store().find(f.conversationId())
                .orElseThrow(() -> OfficerException.notFound("unknown_conversation", "找不到这个对话"));
            return new Target(f, c);
        }, false).compose(target -> {
            FollowUp f = target.followUp();
            return router.say(target.conversation(), Message.OFFICER, text(f)).compose(m ->
                vertx.executeBlocking(() -> {
                    store.mark(f.id(), FollowUp.SENT, s.username(), clock.instant(), "已发送回访短信");
                    audit.record(s.username(), "followup.send", "conversation:" + f.conversationId(),
                        new JsonObject().put("followup", f.id()).put("day", f.day()));
                    return new JsonObject().put("id", f.id()).put("status", FollowUp.SENT).put("seq", m.seq());
                }, false));
        });
    }

    public Future<JsonObject> done(String id, OfficerSession s, String outcome) {
        return vertx.executeBlocking(() -> {
            FollowUp f = open(id);
            store.mark(f.id(), FollowUp.DONE, s.username(), clock.instant(), outcome == null ? "" : outcome);
            audit.record(s.username(), "followup.done", "conversation:" + f.conversationId(), new JsonObject().put("followup", f.id()));
            return new JsonObject().put("id", f.id()).put("status", FollowUp.DONE);
        }, false);
    }

    private record Target(FollowUp followUp, Conversation conversation) {
    }

    static String text(FollowUp f) {
        return "您好，这里是反诈中心回访。" + f.day() + "天前您反映的情况现在怎么样了？如果对方又联系您，让您转账、"
            + "交钱或者说验证码，请不要理会，直接回复这条消息或拨打110、96110。祝您生活平安！";
    }

    private FollowUp open(String id) {
        FollowUp f = store.find(id == null ? "" : id)
            .orElseThrow(() -> OfficerException.notFound("unknown_followup", "找不到这条回访"));
        if (FollowUp.DONE.equals(f.status())) {
            throw OfficerException.conflict("followup_done", "这条回访已经完成");
        }
        return f;
    }
}
