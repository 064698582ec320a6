package cn.antifraud.channels.http.limit;

import io.vertx.core.http.HttpServerRequest;

/**
 * The client's address for limits: the TCP peer, or, when the peer is a trusted proxy, the right-most
 * X-Forwarded-For entry that is not itself a trusted proxy (entries further left are whatever the client wrote).
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String of(HttpServerRequest request, TrustedProxies proxies) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        if (!proxies.trusts(peer)) {
            return peer;
        }
        String forwarded = request.headers().get("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) {
                continue;
            }
            if (!proxies.trusts(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return peer;
    }
}
