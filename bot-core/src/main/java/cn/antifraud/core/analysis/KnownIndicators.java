package cn.antifraud.core.analysis;

import java.util.Optional;

/** Look-up of indicators already tied to fraud (seeded from the knowledge base, fed by reports). */
public interface KnownIndicators {
    /** What the registry knows about one indicator. */
    record Entry(String type, String value, String scamType, int reportCount, String note) {
    }

    Optional<Entry> find(String type, String value);

    KnownIndicators NONE = (type, value) -> Optional.empty();
}
