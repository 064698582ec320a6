package cn.antifraud.deploy;

import cn.antifraud.core.audit.AuditLog;
import cn.antifraud.core.officer.AccountStore;
import cn.antifraud.core.officer.OfficerAccess;
import cn.antifraud.core.officer.OfficerException;
import cn.antifraud.core.officer.SessionStore;
import cn.antifraud.core.storage.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;

/**
 * {@code admin reset-password USER} and {@code admin unlock USER}: for the operator at the machine, with the same
 * storage settings as {@code serve} (the way back in when the only admin has forgotten the password). Audited
 * as the actor {@code operator}.
 */
final class AdminCommand {
    static final String USAGE = """
        usage: java -jar antifraud.jar admin reset-password USER   (new password: first line of standard input,
                                                                   or a generated one printed when the input is empty)
               java -jar antifraud.jar admin unlock USER           (ends a login wait; also clears a lock set by an
                                                                   older version)
        Storage settings as for serve (DATA_DIR, MONGODB_URI, MONGODB_DATABASE). With the embedded store, stop
        the service first: its files are open while it runs.
        """;
    private static final String ACTOR = "operator";

    private AdminCommand() {
    }

    static int run(String[] args, java.util.Map<String, String> env, InputStream in, PrintStream out, PrintStream err) throws IOException {
        if (args.length == 0 || Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        if (args.length != 2 || !(args[0].equals("reset-password") || args[0].equals("unlock"))) {
            err.println("admin: expected 'reset-password USER' or 'unlock USER'");
            err.print(USAGE);
            return 2;
        }
        String user = args[1];
        String password = args[0].equals("reset-password") ? newPassword(in) : null;
        AppConfig config = AppConfig.fromEnvironment(env);
        try (Store store = Store.open(config.storage())) {
            Clock clock = Clock.systemUTC();
            OfficerAccess access = new OfficerAccess(new AccountStore(store), new SessionStore(store), new AuditLog(store, clock),
                clock, OfficerAccess.DEFAULT_IDLE);
            if (password == null) {
                access.unlock(ACTOR, user);
                out.println("unlocked " + user);
                return 0;
            }
            boolean generated = password.isEmpty();
            String chosen = generated ? OfficerAccess.generatePassword() : password;
            access.resetPassword(ACTOR, user, chosen);
            out.println(generated ? "new password for " + user + ": " + chosen + " (shown only this once)" : "password of " + user + " set");
            return 0;
        } catch (OfficerException e) {
            err.println("admin: " + e.getMessage());
            return 1;
        }
    }

    /** The first line of standard input; empty when there is none (a password is generated then). */
    private static String newPassword(InputStream in) throws IOException {
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line.strip();
    }
}
