package cn.antifraud.channels.twilio;

import cn.antifraud.core.people.PeopleDirectory;
import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Date;
import java.util.Locale;
import java.util.Set;
import org.bson.Document;

/**
 * Numbers that texted 「退订」/STOP: no SMS goes to them until they text START/「订阅」. Kept in the
 * {@code sms_optouts} collection so the choice survives restarts. Blocking: call from worker threads.
 */
final class SmsOptOuts {
    static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "退订", "TD", "取消订阅");
    static final Set<String> START = Set.of("START", "UNSTOP", "YES", "订阅", "重新订阅");

    private final Store store;
    private final MongoCollection<Document> optouts;

    SmsOptOuts(Store store) {
        this.store = store;
        this.optouts = store.collection("sms_optouts");
    }

    static boolean isStop(String body) {
        return STOP.contains(keyword(body));
    }

    static boolean isStart(String body) {
        return START.contains(keyword(body));
    }

    private static String keyword(String body) {
        return body == null ? "" : body.strip().replaceAll("[。.!！]+$", "").toUpperCase(Locale.ROOT);
    }

    void optOut(String phone) {
        optouts.replaceOne(new Document("_id", key(phone)), new Document("_id", key(phone)).append("at", new Date()),
            new ReplaceOptions().upsert(true));
    }

    void optIn(String phone) {
        optouts.deleteOne(new Document("_id", key(phone)));
    }

    boolean isOptedOut(String phone) {
        return optouts.find(new Document("_id", key(phone))).first() != null;
    }

    private static String key(String phone) {
        String n = PeopleDirectory.normalise(phone);
        return n != null ? n : phone;
    }
}
