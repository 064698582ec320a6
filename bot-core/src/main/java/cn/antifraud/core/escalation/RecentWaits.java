package cn.antifraud.core.escalation;

import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * How long residents waited for an officer lately: from the escalation to the first claim, as the officers' handling
 * records ({@code officer_handling}) keep them. A resident is told a wait only when there are enough recent claims to
 * say it honestly; otherwise nothing (the queue place still is).
 *
 * <p>Asked on every escalating turn, so it answers from a small summary in memory instead of a query: a range on
 * {@code escalatedAt}, which the embedded store answers by reading every handling record ever stored. The summary is
 * read from the store once at start, and the code that records a first claim ({@code HandlingStore.claimed}) adds it
 * here at once, so this node tells the wait right after its own claims. Clustered, a claim made on another node
 * reaches this summary only with the next re-read, at most {@code reread} after the last one (a few seconds): a
 * resident may hear a typical wait that leaves out the last few seconds' claims of other nodes, never a wrong
 * one. Blocking (the reads); safe from any thread.
 */
public final class RecentWaits {
    /** Only claims of escalations raised within this window count: the desk at 3 a.m. is not the desk at noon. */
    static final Duration WINDOW = Duration.ofHours(3);
    /** Fewer recent claims than this say nothing worth telling a worried person. */
    static final int MIN_CLAIMS = 5;
    /** At most this many claims are kept (those of the latest escalations); the median of 500 says all there is. */
    static final int MAX_CLAIMS = 500;
    /** Clustered: how old the last read of other nodes' claims may get. */
    public static final Duration CLUSTER_REREAD = Duration.ofSeconds(5);

    private final MongoCollection<Document> handling;
    private final Clock clock;
    private final Duration reread;
    /** Conversation id to its first claim: the store's record and this node's own claims agree on each. */
    private final Map<String, Claim> claims = new HashMap<>();
    private Instant readAt;

    private record Claim(Instant escalatedAt, long waitMs) {
    }

    /** Alone: every claim is recorded by this node, so the store is read once, at start. */
    public RecentWaits(Store store, Clock clock) {
        this(store, clock, null);
    }

    /** {@code reread}: clustered, read the other nodes' claims again once the last read is this old (null: never). */
    public RecentWaits(Store store, Clock clock, Duration reread) {
        this.handling = store.collection("officer_handling");
        this.clock = clock;
        this.reread = reread;
        this.readAt = clock.instant();
        read();
    }

    /** A first claim, just recorded in the store: counted from now on. */
    public synchronized void claimed(String conversationId, Instant escalatedAt, Instant claimedAt) {
        long ms = claimedAt.toEpochMilli() - escalatedAt.toEpochMilli();
        if (ms >= 0) {
            claims.put(conversationId, new Claim(escalatedAt, ms));
            trim(clock.instant());
        }
    }

    /** The median wait of recent claims, if there were at least {@link #MIN_CLAIMS} of them. */
    public Optional<Duration> typical() {
        if (due()) {
            read();
        }
        List<Long> waits = new ArrayList<>();
        synchronized (this) {
            trim(clock.instant());
            claims.values().forEach(c -> waits.add(c.waitMs()));
        }
        if (waits.size() < MIN_CLAIMS) {
            return Optional.empty();
        }
        waits.sort(null);
        return Optional.of(Duration.ofMillis(waits.get(waits.size() / 2)));
    }

    /** Whether a re-read is due; the caller that finds it due does it, the others go on with the summary they have. */
    private synchronized boolean due() {
        Instant now = clock.instant();
        if (reread == null || now.isBefore(readAt.plus(reread))) {
            return false;
        }
        readAt = now;
        return true;
    }

    /** Adds the store's recent claims (those of other nodes among them) to the summary. */
    private void read() {
        Instant now = clock.instant();
        Document filter = new Document("escalatedAt", new Document("$gte", Date.from(now.minus(WINDOW))))
            .append("claimedAt", new Document("$exists", true));
        Map<String, Claim> found = new HashMap<>();
        for (Document d : handling.find(filter).limit(MAX_CLAIMS)) {
            Instant escalated = d.getDate("escalatedAt").toInstant();
            long ms = d.getDate("claimedAt").getTime() - escalated.toEpochMilli();
            if (ms >= 0) {
                found.put(d.getString("_id"), new Claim(escalated, ms));
            }
        }
        synchronized (this) {
            claims.putAll(found);
            trim(now);
        }
    }

    /** Drops claims of escalations older than the window, then the oldest beyond {@link #MAX_CLAIMS}. */
    private void trim(Instant now) {
        Instant from = now.minus(WINDOW);
        claims.values().removeIf(c -> c.escalatedAt().isBefore(from));
        if (claims.size() > MAX_CLAIMS) {
            List<Map.Entry<String, Claim>> oldest = new ArrayList<>(claims.entrySet());
            oldest.sort(Comparator.comparing(e -> e.getValue().escalatedAt()));
            oldest.subList(0, claims.size() - MAX_CLAIMS).forEach(e -> claims.remove(e.getKey()));
        }
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
