package cn.antifraud.core.escalation;

import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * How long residents waited for an officer lately: from the escalation to the first claim, as the officers' handling
 * records ({@code officer_handling}) keep them. A resident is told a wait only when there are enough recent claims to
 * say it honestly; otherwise nothing (the queue place still is). Blocking.
 */
public final class RecentWaits {
    /** Only claims of escalations raised within this window count: the desk at 3 a.m. is not the desk at noon. */
    static final Duration WINDOW = Duration.ofHours(3);
    /** Fewer recent claims than this say nothing worth telling a worried person. */
    static final int MIN_CLAIMS = 5;

    private final MongoCollection<Document> handling;
    private final Clock clock;

    public RecentWaits(Store store, Clock clock) {
        this.handling = store.collection("officer_handling");
        this.clock = clock;
    }

    /** The median wait of recent claims, if there were at least {@link #MIN_CLAIMS} of them. */
    public Optional<Duration> typical() {
        Instant now = clock.instant();
        Document filter = new Document("escalatedAt", new Document("$gte", Date.from(now.minus(WINDOW))))
            .append("claimedAt", new Document("$exists", true));
        List<Long> waits = new ArrayList<>();
        for (Document d : handling.find(filter).limit(500)) {
            long ms = d.getDate("claimedAt").getTime() - d.getDate("escalatedAt").getTime();
            if (ms >= 0) {
                waits.add(ms);
            }
        }
        if (waits.size() < MIN_CLAIMS) {
            return Optional.empty();
        }
        waits.sort(null);
        return Optional.of(Duration.ofMillis(waits.get(waits.size() / 2)));
    }

    /** The typical wait as a sentence for the hand-off notice, or empty. */
    public String sentence() {
        return typical().map(RecentWaits::words).orElse("");
    }

    static String words(Duration wait) {
        long minutes = (wait.toSeconds() + 59) / 60;
        return minutes <= 1 ? "按最近的情况，民警一般1分钟之内就会接手。"
            : "按最近的情况，民警一般" + minutes + "分钟左右接手，具体要看前面的情况处理得快慢。";
    }
}
