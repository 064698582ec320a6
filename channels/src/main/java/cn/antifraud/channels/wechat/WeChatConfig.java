package cn.antifraud.channels.wechat;

/**
 * WeChat Official Account: callback token, app credentials, optional AES key (safe mode), API base URL, and
 * how long a text message may take before the answer goes by customer-service message instead of the
 * passive reply (WeChat waits 5 seconds).
 */
public record WeChatConfig(String token, String appId, String appSecret, String aesKey, String apiBaseUrl,
                           long passiveReplyMillis, int maxSkewSeconds) {
    public static final String DEFAULT_API = "https://api.weixin.qq.com";
    public static final long DEFAULT_PASSIVE_REPLY_MILLIS = 4000;
    public static final int DEFAULT_MAX_SKEW_SECONDS = 300;

    public WeChatConfig {
        if (token != null && !token.matches("[A-Za-z0-9]{3,32}")) {
            throw new IllegalArgumentException("WECHAT_TOKEN must be 3-32 letters or digits");
        }
        if (aesKey != null && !aesKey.matches("[A-Za-z0-9]{43}")) {
            throw new IllegalArgumentException("WECHAT_AES_KEY must be the 43-character EncodingAESKey");
        }
        if (aesKey != null && appId == null) {
            throw new IllegalArgumentException("WECHAT_APP_ID is required when WECHAT_AES_KEY is set");
        }
        if (aesKey != null && token == null) {
            throw new IllegalArgumentException("WECHAT_TOKEN is required when WECHAT_AES_KEY is set");
        }
        if (apiBaseUrl == null) {
            apiBaseUrl = DEFAULT_API;
        } else if (!apiBaseUrl.matches("https?://[^\\s]+")) {
            throw new IllegalArgumentException("WECHAT_API_BASE_URL must be an http(s) URL");
        }
        if (passiveReplyMillis < 0 || passiveReplyMillis > 4500) {
            throw new IllegalArgumentException("WECHAT_PASSIVE_REPLY_MS must be a number of milliseconds from 0 to 4500");
        }
        if (maxSkewSeconds < 1 || maxSkewSeconds > 86_400) {
            throw new IllegalArgumentException("WECHAT_MAX_SKEW_SECONDS must be a number of seconds from 1 to 86400");
        }
    }

    public WeChatConfig(String token, String appId, String appSecret, String aesKey, String apiBaseUrl) {
        this(token, appId, appSecret, aesKey, apiBaseUrl, DEFAULT_PASSIVE_REPLY_MILLIS, DEFAULT_MAX_SKEW_SECONDS);
    }

    public boolean verifiesSignatures() {
        return token != null;
    }

    public boolean canSend() {
        return appId != null && appSecret != null;
    }
}
