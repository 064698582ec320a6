package cn.antifraud.core.analysis;

/** A warning phrase found in a message and the kind of pressure it stands for (urgency, secrecy...). */
public record Signal(String category, String phrase) {
    public static final String MONEY_MOVED = "money_moved";
    public static final String MONEY_MOVING = "money_moving";
}
