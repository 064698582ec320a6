package cn.antifraud.core.officer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the officer tests move by hand: lock-outs, idle expiry and recent waits depend on time passing. */
final class MutableClock extends Clock {
    private Instant now;

    MutableClock() {
        this(Instant.parse("2026-11-23T08:00:00Z"));
    }

    MutableClock(Instant start) {
        this.now = start;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
