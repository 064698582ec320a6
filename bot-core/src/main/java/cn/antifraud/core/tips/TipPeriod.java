package cn.antifraud.core.tips;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;

/** How often a subscriber gets a tip; a period's key names the day or ISO week in China time. */
public enum TipPeriod {
    DAILY("daily", "每天"), WEEKLY("weekly", "每周");

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final String id;
    private final String label;

    TipPeriod(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    /** 每天 / 每周. */
    public String label() {
        return label;
    }

    /** The period {@code at} falls in: 2026-11-23 (daily) or 2026-W48 (weekly). */
    public String key(Instant at) {
        LocalDate d = at.atZone(CHINA).toLocalDate();
        return this == DAILY ? d.toString()
            : d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static TipPeriod of(String id) {
        for (TipPeriod p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown tip period " + id);
    }
}
