package cn.antifraud.core.tips;

/** How often the tip scheduler looks for due tips (TIP_INTERVAL_SECONDS); a tip still goes out once per period. */
public record TipsConfig(long intervalSeconds) {
    public static final long DEFAULT_INTERVAL = 600;

    public TipsConfig {
        if (intervalSeconds < 1 || intervalSeconds > 86_400) {
            throw new IllegalArgumentException("TIP_INTERVAL_SECONDS must be a number of seconds from 1 to 86400");
        }
    }

    public static TipsConfig parse(String value) {
        if (value == null) {
            return new TipsConfig(DEFAULT_INTERVAL);
        }
        try {
            return new TipsConfig(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("TIP_INTERVAL_SECONDS must be a number of seconds from 1 to 86400, got '" + value + "'");
        }
    }
}
