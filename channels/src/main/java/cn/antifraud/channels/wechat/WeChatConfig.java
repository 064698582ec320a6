package cn.antifraud.channels.wechat;

/** WeChat Official Account: callback token, app credentials, optional AES key (safe mode), API base URL. */
public record WeChatConfig(String token, String appId, String appSecret, String aesKey, String apiBaseUrl) {
    public static final String DEFAULT_API = "https://api.weixin.qq.com";

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
        if (apiBaseUrl == null) {
            apiBaseUrl = DEFAULT_API;
        } else if (!apiBaseUrl.matches("https?://[^\\s]+")) {
            throw new IllegalArgumentException("WECHAT_API_BASE_URL must be an http(s) URL");
        }
    }

    public boolean verifiesSignatures() {
        return token != null;
    }

    public boolean canSend() {
        return appId != null && appSecret != null;
    }
}
