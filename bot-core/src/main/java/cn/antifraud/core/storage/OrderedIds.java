package cn.antifraud.core.storage;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Document ids that sort by creation time (the UUID version 7 layout: 48 bits of milliseconds, then 74 random
 * bits), in the usual UUID text form. The embedded store keeps a collection as a B-tree keyed by {@code _id} and
 * rewrites every page a commit touches: random ids put each new document on a random page, so every turn rewrote
 * several whole pages and the file grew by hundreds of kilobytes a turn. Ids that grow with time land on the
 * last pages, which a commit rewrites once for all the documents it adds. The random part keeps them unguessable.
 */
public final class OrderedIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private OrderedIds() {
    }

    public static String next() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0fffL);
        long low = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
