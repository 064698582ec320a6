package cn.antifraud.channels.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Socket limits the idle timeout does not give: a connection must finish its first request's headers within
 * the header timeout (a client dripping one byte at a time never goes idle), and at most {@code max}
 * connections are open at once; the next ones are closed at once.
 */
final class ConnectionGuard {
    private static final Logger LOG = Logger.getLogger(ConnectionGuard.class.getName());

    private final Vertx vertx;
    private final long headerTimeoutMillis;
    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<HttpConnection, Long> awaitingHeaders = new ConcurrentHashMap<>();

    ConnectionGuard(Vertx vertx, int headerTimeoutSeconds, int max) {
        this.vertx = vertx;
        this.headerTimeoutMillis = headerTimeoutSeconds * 1000L;
        this.max = max;
    }

    void attach(HttpServer server) {
        server.connectionHandler(this::opened);
    }

    /** Called for every request: its headers have arrived. */
    void headersArrived(HttpConnection connection) {
        Long timer = awaitingHeaders.remove(connection);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    private void opened(HttpConnection connection) {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            LOG.warning("connection refused: " + max + " connections already open");
            connection.close();
            return;
        }
        connection.closeHandler(v -> {
            open.decrementAndGet();
            Long timer = awaitingHeaders.remove(connection);
            if (timer != null) {
                vertx.cancelTimer(timer);
            }
        });
        long timer = vertx.setTimer(headerTimeoutMillis, t -> {
            if (awaitingHeaders.remove(connection) != null) {
                connection.close();
            }
        });
        awaitingHeaders.put(connection, timer);
    }
}
