package cn.antifraud.channels.twilio;

import cn.antifraud.channels.http.PublicUrl;
import cn.antifraud.channels.text.TextChunks;
import cn.antifraud.core.analysis.Masking;
import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.logging.Logger;
import org.bson.Document;

/**
 * Outbound SMS (officers' replies, case confirmations, follow-ups) through the Twilio SDK's REST client,
 * pointed at TWILIO_API_BASE_URL. Never texts a number that opted out. Every message sent is recorded in
 * {@code sms_outbound} with its Twilio SID; the status callback ({@code POST /twilio/sms/status}) updates it.
 */
public final class SmsSender {
    /** Characters per outbound message: Twilio accepts 1,600; shorter parts read better on a phone. */
    static final int MAX_PART = 600;
    private static final Logger LOG = Logger.getLogger(SmsSender.class.getName());

    private final Vertx vertx;
    private final TwilioConfig config;
    private final Store store;
    private final SmsOptOuts optOuts;
    private final PublicUrl publicUrl;
    private final MongoCollection<Document> outbound;
    private final TwilioRestClient client;

    public SmsSender(Vertx vertx, TwilioConfig config, Store store, PublicUrl publicUrl) {
        this.vertx = vertx;
        this.config = config;
        this.store = store;
        this.optOuts = new SmsOptOuts(store);
        this.publicUrl = publicUrl;
        this.outbound = store.collection("sms_outbound");
        this.client = config.canSend() ? new TwilioRestClient.Builder(config.accountSid(), config.authToken())
            .accountSid(config.accountSid()).httpClient(new RebasedHttpClient(config.apiBaseUrl())).build() : null;
    }

    public boolean canSend() {
        return client != null;
    }

    SmsOptOuts optOuts() {
        return optOuts;
    }

    /**
     * Texts {@code to}; the answer lists the Twilio SIDs of the parts sent (empty when the number opted out or
     * Twilio is not configured).
     */
    public Future<List<String>> send(String to, String text, String purpose, String sessionKey) {
        if (client == null) {
            LOG.info("SMS to " + Masking.keepEnds(to, 3, 4) + " not sent: Twilio is not configured");
            return Future.succeededFuture(List.of());
        }
        return vertx.executeBlocking(() -> sendBlocking(to, text, purpose, sessionKey), false);
    }

    private List<String> sendBlocking(String to, String text, String purpose, String sessionKey) {
        if (optOuts.isOptedOut(to)) {
            LOG.info("SMS to " + Masking.keepEnds(to, 3, 4) + " suppressed: the number opted out");
            return List.of();
        }
        List<String> sids = new ArrayList<>();
        for (String part : TextChunks.split(text, MAX_PART)) {
            Message m = Message.creator(new PhoneNumber(to), new PhoneNumber(config.fromNumber()), part)
                .setStatusCallback(publicUrl.of("/twilio/sms/status")).create(client);
            outbound.insertOne(new Document("_id", m.getSid()).append("to", to).append("sessionKey", sessionKey)
                .append("purpose", purpose).append("status", m.getStatus() == null ? "queued" : m.getStatus().toString())
                .append("createdAt", new Date()));
            sids.add(m.getSid());
        }
        return sids;
    }

    /** Twilio's status callback: queued, sent, delivered, undelivered, failed (with an error code). */
    void recordStatus(String sid, String status, String errorCode) {
        var result = outbound.updateOne(new Document("_id", sid), Updates.combine(Updates.set("status", status),
            Updates.set("errorCode", errorCode), Updates.set("statusAt", new Date()),
            Updates.push("statuses", new Document("status", status).append("at", new Date()))));
        if ("21610".equals(errorCode)) {
            Document d = outbound.find(new Document("_id", sid)).first();
            if (d != null) {
                optOuts.optOut(d.getString("to"));
            }
        }
        if (result.getMatchedCount() == 0) {
            LOG.info("status callback for an unknown message " + sid);
        }
    }

    /** The stored record of an outbound message (for tests and the console). */
    public Future<Document> outboundRecord(String sid) {
        return vertx.executeBlocking(() -> outbound.find(new Document("_id", sid)).first(), false);
    }

    static String describe(Throwable e) {
        return e instanceof ApiException api ? "Twilio error " + api.getCode() + " (HTTP " + api.getStatusCode() + ")"
            : e.getClass().getSimpleName();
    }
}
