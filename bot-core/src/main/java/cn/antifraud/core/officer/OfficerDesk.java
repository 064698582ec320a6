package cn.antifraud.core.officer;

import cn.antifraud.core.audit.AuditLog;
import cn.antifraud.core.conversation.Conversation;
import cn.antifraud.core.conversation.ConversationRouter;
import cn.antifraud.core.conversation.ConversationState;
import cn.antifraud.core.conversation.Events;
import cn.antifraud.core.conversation.Message;
import cn.antifraud.core.conversation.Reply;
import cn.antifraud.core.conversation.ReplyKind;
import cn.antifraud.core.dialogue.Options;
import cn.antifraud.core.escalation.ConversationLifecycle;
import cn.antifraud.core.escalation.RecentWaits;
import cn.antifraud.core.followup.FollowUpPlan;
import cn.antifraud.core.followup.FollowUpStore;
import cn.antifraud.core.storage.Store;
import cn.antifraud.kb.KnowledgeBase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * What an officer does with an escalated conversation: see the queue, open one (audited), claim it (one
 * winner), reply through the resident's own channel, note, transfer, hand back to the bot, close with a
 * disposition (which plans the follow-ups). State changes go through {@link ConversationLifecycle}.
 */
public final class OfficerDesk {
    public static final List<String> DISPOSITIONS = List.of("劝阻成功", "已报案", FollowUpPlan.NOT_FRAUD, "联系不上", "其他");
    static final String CLOSING = "民警已结束本次对话。以后再遇到可疑的电话、短信或链接，随时发给我；紧急情况请直接拨打110。";
    /** What a resident can do once an officer has closed: no dead end. */
    static final List<String> AFTER_CLOSING = List.of(Options.CASE_STATUS, Options.CHECK_MORE, Options.LEARN);
    static final String HANDED_BACK = "民警已把对话交回给反诈助手，您可以继续把可疑信息发给我。";

    private final Vertx vertx;
    private final ConversationRouter router;
    private final ConversationLifecycle lifecycle;
    private final HandlingStore handling;
    private final NoteStore notes;
    private final FollowUpStore followups;
    private final AuditLog audit;
    private final AccountStore accounts;
    private final ConversationViews views;
    private final Clock clock;

    /** {@code waits}: the recent-waits summary the router tells residents from; each first claim here is added to it. */
    public OfficerDesk(Vertx vertx, Store store, ConversationRouter router, ConversationLifecycle lifecycle, KnowledgeBase kb,
                       FollowUpStore followups, AuditLog audit, AccountStore accounts, Clock clock, RecentWaits waits) {
        this.vertx = vertx;
        this.router = router;
        this.lifecycle = lifecycle;
        this.handling = new HandlingStore(store, waits);
        this.notes = new NoteStore(store);
        this.followups = followups;
        this.audit = audit;
        this.accounts = accounts;
        this.views = new ConversationViews(kb);
        this.clock = clock;
    }

    /** Records when each escalation was raised (the queue's waiting time starts there). */
    public void listen() {
        // Local: the node that raised the escalation records it once; consoles on every node still hear it.
        vertx.eventBus().<JsonObject>localConsumer(Events.ESCALATION_RAISED, msg -> {
            JsonObject e = msg.body();
            Instant at = clock.instant();
            blocking(() -> {
                handling.escalated(e.getString("conversationId"), at, e.getBoolean("urgent", false), e.getString("reason"),
                    e.getString("channel"));
                return null;
            });
        });
    }

    public HandlingStore handling() {
        return handling;
    }

    /** Whether a conversation is the officers' business (waiting for or held by one): only those reach the console live. */
    public Future<Boolean> inConsole(String conversationId) {
        return blocking(() -> router.store().find(conversationId).map(c -> officers(c.state())).orElse(false));
    }

    /**
     * The same for a message event: a turn's messages carry the state the turn saved ({@code state}, the id), which
     * answers without a read; an event without it (an officer's or the system's message) reads the conversation.
     */
    public Future<Boolean> inConsole(String conversationId, String state) {
        return state == null ? inConsole(conversationId) : Future.succeededFuture(officers(ConversationState.of(state)));
    }

    private static boolean officers(ConversationState state) {
        return state == ConversationState.WAITING_OFFICER || state == ConversationState.OFFICER;
    }

    /** Waiting conversations first by urgency (stop-payment, priority, risk), then the longest wait; then held ones. */
    public Future<JsonArray> queue() {
        return blocking(() -> {
            List<JsonObject> items = new ArrayList<>();
            for (Conversation c : router.store().inStates(List.of(ConversationState.WAITING_OFFICER, ConversationState.OFFICER), 300)) {
                items.add(views.queueItem(c, router.store().conversationMessages(c.id()), handling.find(c.id()).orElse(null)));
            }
            items.sort(Comparator.<JsonObject, Boolean>comparing(i -> !i.getBoolean("stopPayment"))
                .thenComparing(i -> !"waiting_officer".equals(i.getString("state")))
                .thenComparingInt(i -> i.getInteger("priority"))
                .thenComparingInt(i -> ConversationViews.riskRank(i.getString("risk")))
                .thenComparing(i -> i.getString("waitingSince")));
            return new JsonArray(new ArrayList<>(items));
        });
    }

    /** Scam type ids to their Chinese names, so the console never shows an id. */
    public JsonObject scamTypeNames() {
        return views.typeNames();
    }

    /** The whole conversation with the bot's analysis, notes and suggestions; recorded as a view of personal data. */
    public Future<JsonObject> view(String id, OfficerSession s) {
        return blocking(() -> {
            Conversation c = conversation(id);
            List<Message> messages = router.store().conversationMessages(id);
            JsonArray transcript = new JsonArray();
            messages.forEach(m -> transcript.add(m.toJson()));
            JsonObject json = views.queueItem(c, messages, handling.find(id).orElse(null)).put("scamTypes", views.typeNames())
                .put("address", openedAddress(c)).put("messages", transcript).put("notes", notes.list(id))
                .put("suggestions", views.suggestions(c, messages)).put("mine", s.username().equals(c.officer()));
            JsonArray planned = new JsonArray();
            followups.forConversation(id).forEach(f -> planned.add(f.toJson(clock.instant())));
            json.put("followups", planned);
            // reading a colleague's conversation is allowed (cover, supervision) and recorded as such
            boolean colleagues = c.state() == ConversationState.OFFICER && c.officer() != null && !s.username().equals(c.officer());
            audit.record(s.username(), "conversation.view", "conversation:" + id,
                colleagues ? new JsonObject().put("heldBy", c.officer()) : null);
            return json;
        });
    }

    /** Takes a waiting conversation; exactly one of several officers claiming at once wins, the others get a conflict. */
    public Future<JsonObject> claim(String id, OfficerSession s) {
        return this.<Claimed>blocking(() -> {
            for (int attempt = 0; attempt < 3; attempt++) {
                Conversation c = conversation(id);
                if (c.state() == ConversationState.OFFICER || c.state() == ConversationState.CLOSED) {
                    throw OfficerException.conflict("already_claimed", c.state() == ConversationState.CLOSED ? "这个对话已经结束"
                        : "已被 " + c.officer() + " 接手");
                }
                Optional<Conversation> won = lifecycle.claim(c, s.username());
                if (won.isPresent()) {
                    handling.claimed(id, s.username(), clock.instant(), c.channel());
                    audit.record(s.username(), "conversation.claim", "conversation:" + id, null);
                    return new Claimed(won.get(), won.get().toJson().put("officer", s.username()));
                }
            }
            throw OfficerException.conflict("already_claimed", "这个对话刚刚被别人接手了");
        }).compose(claimed -> router.say(claimed.conversation(), Message.SYSTEM, joined(s.username()))
            // The claim stands even if the notice could not be stored; the officer's first words will follow.
            .map(m -> claimed.json()).recover(e -> Future.succeededFuture(claimed.json())));
    }

    private record Claimed(Conversation conversation, JsonObject json) {
    }

    /** 「民警X已接入」: the waiting resident learns that a person now reads along. */
    static Reply joined(String officer) {
        return Reply.of("值班民警" + officer + "已接入，接下来由民警在这里直接和您对话。").as(ReplyKind.HANDOFF);
    }

    /** Sends the officer's text to the resident on their own channel (the channels deliver MESSAGE_ADDED). */
    public Future<JsonObject> reply(String id, OfficerSession s, String text) {
        return blocking(() -> held(id, s)).compose(c -> router.say(c, Message.OFFICER, text)).map(m -> {
            blocking(() -> {
                audit.record(s.username(), "conversation.reply", "conversation:" + id, new JsonObject().put("seq", m.seq()));
                return null;
            });
            return m.toJson();
        });
    }

    public Future<JsonObject> note(String id, OfficerSession s, String text) {
        return blocking(() -> {
            mayWrite(conversation(id), s);
            JsonObject n = notes.add(id, s.username(), text, clock.instant());
            audit.record(s.username(), "conversation.note", "conversation:" + id, null);
            return n;
        });
    }

    public Future<JsonObject> transfer(String id, OfficerSession s, String to) {
        return blocking(() -> {
            Conversation c = held(id, s);
            Account target = accounts.find(to == null ? "" : to)
                .orElseThrow(() -> OfficerException.notFound("unknown_account", "找不到同事 " + to));
            if (target.disabled() || target.username().equals(c.officer())) {
                throw OfficerException.invalid("invalid_transfer", "不能转给这个账号");
            }
            Conversation saved = lifecycle.transfer(c, target.username());
            handling.holder(id, target.username());
            audit.record(s.username(), "conversation.transfer", "conversation:" + id, new JsonObject().put("to", target.username()));
            return saved.toJson().put("officer", saved.officer());
        });
    }

    public Future<JsonObject> handBack(String id, OfficerSession s) {
        return blocking(() -> {
            Conversation saved = lifecycle.handBack(held(id, s));
            handling.holder(id, null);
            audit.record(s.username(), "conversation.handback", "conversation:" + id, null);
            return saved;
        }).compose(c -> router.say(c, Message.BOT, new Reply(HANDED_BACK, List.of(Options.CHECK_MORE, Options.LEARN, Options.OFFICER),
            ReplyKind.SYSTEM, null)).map(m -> c.toJson()));
    }

    /** Closes with a disposition and plans the follow-ups by the conversation's risk. */
    public Future<JsonObject> close(String id, OfficerSession s, String disposition, double amountSaved) {
        if (!DISPOSITIONS.contains(disposition)) {
            return Future.failedFuture(OfficerException.invalid("invalid_disposition", "处置结果只能是：" + String.join("、", DISPOSITIONS)));
        }
        return blocking(() -> {
            Conversation c = held(id, s);
            Conversation saved = lifecycle.close(c);
            Instant now = clock.instant();
            String risk = ConversationViews.peakRisk(c, router.store().conversationMessages(id));
            handling.closed(id, s.username(), now, disposition, amountSaved, c.lastScamType(), risk);
            var planned = followups.plan(id, c.caseNo(), c.channel(), risk, c.lastScamType(), FollowUpPlan.days(risk, disposition), now);
            audit.record(s.username(), "conversation.close", "conversation:" + id, new JsonObject().put("disposition", disposition)
                .put("amountSaved", amountSaved).put("followups", planned.size()));
            return new Closed(saved, saved.toJson().put("disposition", disposition).put("followups", planned.size()));
        }).compose(closed -> router.say(closed.conversation(), Message.BOT, new Reply(CLOSING, AFTER_CLOSING, ReplyKind.SYSTEM, null))
            .map(m -> closed.json()));
    }

    /** The full contact on an audited open; a web session id is the resident's bearer token and is never shown. */
    private static String openedAddress(Conversation c) {
        return cn.antifraud.core.conversation.InboundMessage.WEB.equals(c.channel())
            ? ConversationViews.contact(c.channel(), c.address()) : c.address();
    }

    private record Closed(Conversation conversation, JsonObject json) {
    }

    /** The conversation the officer holds (supervisors may act on any held by someone). */
    private Conversation held(String id, OfficerSession s) {
        Conversation c = conversation(id);
        if (c.state() != ConversationState.OFFICER) {
            throw OfficerException.conflict("not_claimed", "请先接手这个对话");
        }
        if (!s.username().equals(c.officer()) && !s.role().atLeast(Role.SUPERVISOR)) {
            throw OfficerException.forbidden("not_holder", "这个对话由 " + c.officer() + " 处理，您不能操作");
        }
        return c;
    }

    /** A conversation an officer holds takes writes from that officer or a supervisor only. */
    static void mayWrite(Conversation c, OfficerSession s) {
        if (c.state() == ConversationState.OFFICER && c.officer() != null && !s.username().equals(c.officer())
            && !s.role().atLeast(Role.SUPERVISOR)) {
            throw OfficerException.forbidden("not_holder", "这个对话由 " + c.officer() + " 处理，您不能操作");
        }
    }

    private Conversation conversation(String id) {
        return router.store().find(id).orElseThrow(() -> OfficerException.notFound("unknown_conversation", "找不到这个对话"));
    }

    private <T> Future<T> blocking(Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }
}
