package cn.antifraud.channels.http;

import cn.antifraud.channels.http.limit.TrustedProxies;

/**
 * How the HTTP edge defends itself: requests per minute per client address on the residents' API and the
 * officer login (0: off), whose X-Forwarded-For is believed, the bearer token /metrics needs (null: open),
 * and the socket limits (idle timeout, time to send the first request's headers, most open connections).
 */
public record EdgeConfig(int rateLimitPerMinute, TrustedProxies trustedProxies, String metricsToken, int idleTimeoutSeconds,
                         int headerTimeoutSeconds, int maxConnections) {
    public static final int DEFAULT_RATE_LIMIT = 60;
    public static final int DEFAULT_IDLE_TIMEOUT = 30;
    public static final int DEFAULT_HEADER_TIMEOUT = 10;
    public static final int DEFAULT_MAX_CONNECTIONS = 2000;

    public EdgeConfig {
        if (rateLimitPerMinute < 0 || rateLimitPerMinute > 1_000_000) {
            throw new IllegalArgumentException("RATE_LIMIT_PER_MINUTE must be a number from 0 (off) to 1000000");
        }
        if (metricsToken != null && metricsToken.length() < 16) {
            throw new IllegalArgumentException("METRICS_TOKEN must be at least 16 characters");
        }
        if (idleTimeoutSeconds < 1 || idleTimeoutSeconds > 3600) {
            throw new IllegalArgumentException("HTTP_IDLE_TIMEOUT_SECONDS must be a number of seconds from 1 to 3600");
        }
        if (headerTimeoutSeconds < 1 || headerTimeoutSeconds > 600) {
            throw new IllegalArgumentException("HTTP_HEADER_TIMEOUT_SECONDS must be a number of seconds from 1 to 600");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("MAX_CONNECTIONS must be a positive number");
        }
        trustedProxies = trustedProxies == null ? TrustedProxies.NONE : trustedProxies;
    }

    /** The defaults (what an unset environment gives). */
    public static EdgeConfig defaults() {
        return new EdgeConfig(DEFAULT_RATE_LIMIT, TrustedProxies.NONE, null, DEFAULT_IDLE_TIMEOUT, DEFAULT_HEADER_TIMEOUT,
            DEFAULT_MAX_CONNECTIONS);
    }
}
