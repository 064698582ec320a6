package cn.antifraud.deploy;

import cn.antifraud.core.analysis.KnownIndicators;
import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.SeedIndicator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The knowledge base's seed indicators in memory, for commands that run without the database. */
final class SeedOnlyIndicators implements KnownIndicators {
    private final Map<String, Entry> entries = new HashMap<>();

    SeedOnlyIndicators(KnowledgeBase kb) {
        for (SeedIndicator s : kb.seedIndicators()) {
            entries.put(s.type() + ":" + s.value().toLowerCase(), new Entry(s.type(), s.value(), s.scamType(), 0, s.note()));
        }
    }

    @Override
    public Optional<Entry> find(String type, String value) {
        return Optional.ofNullable(entries.get(type + ":" + value.toLowerCase()));
    }
}
