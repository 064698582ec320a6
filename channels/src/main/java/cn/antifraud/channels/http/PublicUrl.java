package cn.antifraud.channels.http;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The URL Twilio and WeChat call us at: PUBLIC_BASE_URL, else http://localhost:PORT once the server knows
 * its port. Webhook signatures and the absolute URLs in TwiML are built from it.
 */
public final class PublicUrl {
    private final HttpConfig config;
    private final AtomicInteger port;

    public PublicUrl(HttpConfig config) {
        this.config = config;
        this.port = new AtomicInteger(config.port());
    }

    /** Called by the launcher once the HTTP server listens (PORT=0 picks the port then). */
    public void bind(int actualPort) {
        port.set(actualPort);
    }

    public String base() {
        return config.publicBaseUrl(port.get());
    }

    /** The public URL of a path on this service, e.g. {@code of("/twilio/voice/gather")}. */
    public String of(String path) {
        return base() + path;
    }
}
