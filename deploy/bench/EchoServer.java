import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;

/**
 * The HTTP ceiling of this machine for the load test: a bare Vert.x server that answers a JSON POST with its body,
 * on as many event loops as the service uses. Run with the service's jar on the class path:
 * {@code java -cp deploy/target/antifraud.jar deploy/bench/EchoServer.java PORT}.
 */
public final class EchoServer {
    private EchoServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx(new VertxOptions());
        int loops = 2 * Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < loops; i++) {
            vertx.createHttpServer(new HttpServerOptions().setPort(port).setHost("127.0.0.1"))
                .requestHandler(req -> req.body().onSuccess(body -> req.response()
                    .putHeader("Content-Type", "application/json").end(body)))
                .listen().toCompletionStage().toCompletableFuture().join();
        }
        System.err.println("echo listening on " + port);
    }
}
