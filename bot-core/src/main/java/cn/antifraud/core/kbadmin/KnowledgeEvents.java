package cn.antifraud.core.kbadmin;

/**
 * Event-bus addresses for the knowledge base as it changes; published cluster-wide as JSON so every node drops
 * its cached copy at once instead of polling.
 */
public final class KnowledgeEvents {
    /** Supervisors changed something: {what: "content" (kb_overrides) | "indicators" (known_indicators)}. */
    public static final String CHANGED = "knowledge.changed";
    /** A new model went live (retrained or restored): {model}. */
    public static final String MODEL_SWAPPED = "model.swapped";

    private KnowledgeEvents() {
    }
}
