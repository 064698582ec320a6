package cn.antifraud.channels.wechat;

import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * The Official Account's access token, shared by every node ({@code wechat_tokens}, one document per app id).
 * WeChat hands out one live token per account and a new fetch retires the old one within minutes, so nodes
 * fetching their own would keep invalidating each other: each node takes the stored token while it is fresh and
 * fetches (and stores) a new one only when it is due or WeChat refused it. Blocking calls.
 */
final class WeChatTokens {
    /** A stored token and when it is due for a refresh. */
    record Shared(String value, Instant refreshAt) {
    }

    private final MongoCollection<Document> collection;

    WeChatTokens(Store store) {
        this.collection = store.collection("wechat_tokens");
    }

    Optional<Shared> find(String appId) {
        Document d = collection.find(Filters.eq("_id", appId)).first();
        return d == null ? Optional.empty() : Optional.of(new Shared(d.getString("token"), d.getDate("refreshAt").toInstant()));
    }

    void save(String appId, Shared token) {
        collection.replaceOne(Filters.eq("_id", appId), new Document("_id", appId).append("token", token.value())
            .append("refreshAt", Date.from(token.refreshAt())).append("savedAt", new Date()), new ReplaceOptions().upsert(true));
    }
}
