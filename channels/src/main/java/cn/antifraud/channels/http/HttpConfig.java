package cn.antifraud.channels.http;

/** The HTTP edge: port (0 picks a free one) and the public URL webhooks are signed against. */
public record HttpConfig(int port, String publicBaseUrl) {
    public HttpConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("PORT must be a number from 0 to 65535");
        }
        if (publicBaseUrl != null && !publicBaseUrl.matches("https?://[^\\s/]+(/[^\\s]*)?")) {
            throw new IllegalArgumentException("PUBLIC_BASE_URL must be an http(s) URL such as https://hotline.example.cn");
        }
        if (publicBaseUrl != null && publicBaseUrl.endsWith("/")) {
            publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
        }
    }

    /** The public base URL, defaulting to http://localhost:PORT once the real port is known. */
    public String publicBaseUrl(int actualPort) {
        return publicBaseUrl != null ? publicBaseUrl : "http://localhost:" + actualPort;
    }
}
