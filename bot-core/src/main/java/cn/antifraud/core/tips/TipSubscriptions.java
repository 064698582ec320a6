package cn.antifraud.core.tips;

import cn.antifraud.core.conversation.Conversation;
import cn.antifraud.core.storage.Store;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Tip subscriptions ({@code tip_subscriptions}, one per channel address) and deliveries ({@code tip_deliveries},
 * unique on subscriber + period). A delivery is claimed by inserting its record before the tip is sent, so two
 * instances, or two runs, never send one period's tip twice. Blocking: call from worker threads.
 */
public final class TipSubscriptions {
    private final Store store;
    private final MongoCollection<Document> subscriptions;
    private final MongoCollection<Document> deliveries;

    /** An active or cancelled subscription. {@code sent} counts the tips delivered so far. */
    public record Subscription(String subscriber, String channel, String address, String conversationId, TipPeriod period,
                               boolean active, int sent) {
    }

    public TipSubscriptions(Store store) {
        this.store = store;
        this.subscriptions = store.collection("tip_subscriptions");
        this.deliveries = store.collection("tip_deliveries");
        subscriptions.createIndex(Indexes.ascending("active"));
        deliveries.createIndex(Indexes.ascending("subscriber", "period"), new IndexOptions().unique(true));
    }

    /** Subscribes (or changes the period of) the conversation's channel address. */
    public Subscription subscribe(Conversation c, TipPeriod period) {
        Document existing = subscriptions.find(new Document("_id", c.sessionKey())).first();
        int sent = existing == null ? 0 : existing.getInteger("sent", 0);
        Document d = new Document("_id", c.sessionKey()).append("channel", c.channel()).append("address", c.address())
            .append("conversationId", c.id()).append("period", period.id()).append("active", true).append("sent", sent)
            .append("subscribedAt", new Date());
        subscriptions.replaceOne(new Document("_id", c.sessionKey()), d, new ReplaceOptions().upsert(true));
        return toSubscription(d);
    }

    /** Cancels at once; true when there was an active subscription. */
    public boolean unsubscribe(String subscriber) {
        var result = subscriptions.updateOne(new Document("_id", subscriber).append("active", true),
            Updates.combine(Updates.set("active", false), Updates.set("unsubscribedAt", new Date())));
        return result.getModifiedCount() > 0;
    }

    public Optional<Subscription> find(String subscriber) {
        return Optional.ofNullable(subscriptions.find(new Document("_id", subscriber)).first()).map(TipSubscriptions::toSubscription);
    }

    public List<Subscription> active() {
        List<Subscription> out = new ArrayList<>();
        for (Document d : subscriptions.find(new Document("active", true))) {
            out.add(toSubscription(d));
        }
        return out;
    }

    /**
     * Claims this period's tip for a subscriber who is still subscribed: true exactly once per subscriber and
     * period, whichever instance asks first. Also advances the subscriber's tip counter; returns the tip number.
     */
    public Optional<Integer> claim(Subscription s, String periodKey) {
        if (!find(s.subscriber()).map(Subscription::active).orElse(false)) {
            return Optional.empty();
        }
        try {
            deliveries.insertOne(new Document("_id", s.subscriber() + "|" + periodKey).append("subscriber", s.subscriber())
                .append("period", periodKey).append("at", new Date()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
        Document after = subscriptions.findOneAndUpdate(new Document("_id", s.subscriber()), Updates.inc("sent", 1));
        return Optional.of(after == null ? 0 : after.getInteger("sent", 0));
    }

    public long deliveries(String subscriber) {
        return deliveries.countDocuments(new Document("subscriber", subscriber));
    }

    private static Subscription toSubscription(Document d) {
        return new Subscription(d.getString("_id"), d.getString("channel"), d.getString("address"),
            d.getString("conversationId"), TipPeriod.of(d.getString("period")), d.getBoolean("active", false),
            d.getInteger("sent", 0));
    }
}
