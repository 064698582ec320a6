package cn.antifraud.core.kbadmin;

/**
 * Event-bus addresses for the knowledge base as it changes; published cluster-wide as JSON so every node drops
 * its cached copy at once instead of polling.
 */
public final class KnowledgeEvents {
    /**
     * Something cached changed: {what: "content"} (supervisors' kb_overrides) or {what: "indicators", type, value}
     * (one known indicator, added by hand or counted by a filed report).
     */
    public static final String CHANGED = "knowledge.changed";
    /** A new model went live (retrained or restored): {model}. */
    public static final String MODEL_SWAPPED = "model.swapped";

    private KnowledgeEvents() {
    }
}
