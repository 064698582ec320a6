package cn.antifraud.core.analysis;

/** Risk levels from taxonomy.md, lowest first. */
public enum Risk {
    NONE, LOW, MEDIUM, HIGH;

    public String id() {
        return name().toLowerCase();
    }

    public Risk atLeast(Risk other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
