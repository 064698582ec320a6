package cn.antifraud.deploy;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * {@code java -jar antifraud.jar [serve|classify|eval|store|admin] [--help]}. Logs go to standard error; standard
 * output carries only a command's results.
 */
public final class Main {
    private static final String USAGE = """
        usage: java -jar antifraud.jar [command]

        commands:
          serve      start the service (default); ready when GET /health answers 200
          classify   read messages from standard input, one per line; write one JSON analysis per line
          eval       k-fold cross-validation on the corpus and scores on the held-out file
          store      run the embedded store alone for several nodes on one machine; prints its mongodb:// URI
          admin      reset-password USER | unlock USER, for the operator at the machine
        Each command takes --help. Configuration comes from the environment (see README.md).
        """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Logging.configure();
        String command = args.length == 0 ? "serve" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        int status;
        try {
            status = switch (command) {
                case "serve" -> serve(rest);
                case "classify" -> ClassifyCommand.run(rest, System.in, System.out, System.err);
                case "eval" -> EvalCommand.run(rest, System.out, System.err);
                case "store" -> StoreCommand.run(rest, System.getenv(), System.out, System.err);
                case "admin" -> AdminCommand.run(rest, System.getenv(), System.in, System.out, System.err);
                case "--help", "-h", "help" -> {
                    System.out.print(USAGE);
                    yield 0;
                }
                default -> {
                    System.err.println("unknown command '" + command + "'");
                    System.err.print(USAGE);
                    yield 2;
                }
            };
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            status = 2;
        }
        if (!command.equals("serve") || status != 0) {
            System.exit(status);
        }
    }

    private static int serve(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println("usage: java -jar antifraud.jar serve\nStarts the service; configuration from the environment "
                + "(PORT, DATA_DIR, MONGODB_URI, ...; see README.md).");
            return 0;
        }
        AppConfig config = AppConfig.fromEnvironment(System.getenv());
        Application app;
        try {
            app = Application.start(config);
        } catch (Exception e) {
            // The exception's kind too: a timeout or a bug says nothing in its message.
            Logger.getLogger(Main.class.getName()).severe("could not start: " + (e.getMessage() == null ? e.toString()
                : e.getClass().getSimpleName() + ": " + e.getMessage()));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "shutdown"));
        System.err.println("antifraud hotline ready on port " + app.port());
        return 0;
    }
}
