package cn.antifraud.deploy;

import cn.antifraud.channels.http.EdgeConfig;
import cn.antifraud.channels.http.HttpConfig;
import cn.antifraud.channels.http.limit.TrustedProxies;
import cn.antifraud.channels.twilio.TwilioConfig;
import cn.antifraud.channels.wechat.WeChatConfig;
import cn.antifraud.core.storage.StorageConfig;
import cn.antifraud.core.tips.TipsConfig;
import cn.antifraud.deploy.cluster.ClusterConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * All settings, read once from the environment (names per the contract) into one record per concern.
 * Each record validates itself; the first invalid setting stops the start with one line.
 */
public record AppConfig(HttpConfig http, StorageConfig storage, TwilioConfig twilio, WeChatConfig wechat,
                        String adminUsername, String adminPassword, Path modelDir, TipsConfig tips, EdgeConfig edge,
                        int residentSessionDays, ClusterConfig cluster) {
    public static final int DEFAULT_RESIDENT_SESSION_DAYS = 30;


    /** Where trained models are cached: MODEL_DIR, else DATA_DIR/models with embedded storage, else memory only. */
    public Path modelCache() {
        if (modelDir != null) {
            return modelDir;
        }
        return storage.embedded() ? storage.dataDir().resolve("models") : null;
    }

    public static AppConfig fromEnvironment(Map<String, String> env) {
        try {
            int port = port(env.get("PORT"));
            Path dataDir = path(env.getOrDefault("DATA_DIR", "./data"));
            StorageConfig storage = new StorageConfig(opt(env, "MONGODB_URI"), env.getOrDefault("MONGODB_DATABASE", "antifraud"), dataDir);
            ClusterConfig cluster = ClusterConfig.parse(opt(env, "CLUSTER_MEMBERS"), opt(env, "CLUSTER_HOST"), opt(env, "CLUSTER_PORT"),
                opt(env, "CLUSTER_NAME"));
            if (cluster.enabled() && storage.embedded()) {
                throw new IllegalArgumentException("CLUSTER_MEMBERS is set but MONGODB_URI is not: clustered nodes share one "
                    + "MongoDB (a replica set, or `antifraud.jar store` for development); the embedded store belongs to one process");
            }
            return new AppConfig(
                new HttpConfig(port, opt(env, "PUBLIC_BASE_URL")),
                storage,
                new TwilioConfig(opt(env, "TWILIO_ACCOUNT_SID"), opt(env, "TWILIO_AUTH_TOKEN"), opt(env, "TWILIO_FROM_NUMBER"),
                    opt(env, "TWILIO_API_BASE_URL"), opt(env, "OFFICER_PHONE")),
                new WeChatConfig(opt(env, "WECHAT_TOKEN"), opt(env, "WECHAT_APP_ID"), opt(env, "WECHAT_APP_SECRET"),
                    opt(env, "WECHAT_AES_KEY"), opt(env, "WECHAT_API_BASE_URL"), passiveReplyMillis(opt(env, "WECHAT_PASSIVE_REPLY_MS")),
                    number(env, "WECHAT_MAX_SKEW_SECONDS", WeChatConfig.DEFAULT_MAX_SKEW_SECONDS, 1, 86_400)),
                adminUsername(env.getOrDefault("ADMIN_USERNAME", "admin")),
                adminPassword(opt(env, "ADMIN_PASSWORD")),
                opt(env, "MODEL_DIR") == null ? null : path(opt(env, "MODEL_DIR")),
                TipsConfig.parse(opt(env, "TIP_INTERVAL_SECONDS")),
                new EdgeConfig(number(env, "RATE_LIMIT_PER_MINUTE", EdgeConfig.DEFAULT_RATE_LIMIT, 0, 1_000_000),
                    TrustedProxies.parse(opt(env, "TRUSTED_PROXIES")), opt(env, "METRICS_TOKEN"),
                    number(env, "HTTP_IDLE_TIMEOUT_SECONDS", EdgeConfig.DEFAULT_IDLE_TIMEOUT, 1, 3600),
                    number(env, "HTTP_HEADER_TIMEOUT_SECONDS", EdgeConfig.DEFAULT_HEADER_TIMEOUT, 1, 600),
                    number(env, "MAX_CONNECTIONS", EdgeConfig.DEFAULT_MAX_CONNECTIONS, 1, 1_000_000)),
                number(env, "RESIDENT_SESSION_DAYS", DEFAULT_RESIDENT_SESSION_DAYS, 1, 3650),
                cluster);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static int port(String value) {
        if (value == null) {
            return 8080;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("PORT must be a number from 0 to 65535, got '" + value + "'");
    }

    /** A whole number setting within [min, max], or the default when unset. */
    private static int number(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = opt(env, name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", got '" + value + "'");
    }

    private static long passiveReplyMillis(String value) {
        if (value == null) {
            return WeChatConfig.DEFAULT_PASSIVE_REPLY_MILLIS;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("WECHAT_PASSIVE_REPLY_MS must be a number of milliseconds from 0 to 4500");
        }
    }

    private static Path path(String value) {
        try {
            if (value.isBlank()) {
                throw new IllegalArgumentException("DATA_DIR must be a directory path, got an empty value");
            }
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("DATA_DIR must be a directory path: " + e.getReason());
        }
    }

    private static String adminUsername(String value) {
        if (!value.matches("[A-Za-z0-9_.-]{3,32}")) {
            throw new IllegalArgumentException("ADMIN_USERNAME must be 3-32 letters, digits, '_', '.' or '-'");
        }
        return value;
    }

    private static String adminPassword(String value) {
        if (value != null && value.length() < 10) {
            throw new IllegalArgumentException("ADMIN_PASSWORD must be at least 10 characters");
        }
        return value;
    }

    /** A setting's value, or null when absent or empty (an empty variable counts as unset). */
    private static String opt(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
