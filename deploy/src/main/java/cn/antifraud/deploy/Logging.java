package cn.antifraud.deploy;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** One-line log records on standard error; noisy libraries turned down. Messages never carry personal data. */
final class Logging {
    /** JUL holds loggers weakly; keeping them here keeps their levels. */
    private static final Logger[] QUIET = {
        Logger.getLogger("org.mongodb.driver"), Logger.getLogger("de.bwaldvogel"), Logger.getLogger("io.netty"),
        Logger.getLogger("org.h2"), Logger.getLogger("opennlp"), Logger.getLogger("com.hankcs"), Logger.getLogger("HanLP")};
    /** Hazelcast's warnings (a member left, a split) matter to an operator; its INFO chatter does not. */
    private static final Logger HAZELCAST = Logger.getLogger("com.hazelcast");

    private Logging() {
    }

    static void configure() {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        ConsoleHandler handler = new ConsoleHandler();
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                String thrown = r.getThrown() == null ? "" : " " + r.getThrown();
                return String.format("%1$tF %1$tT %2$s %3$s: %4$s%5$s%n", r.getMillis(), r.getLevel(),
                    r.getLoggerName().substring(r.getLoggerName().lastIndexOf('.') + 1), formatMessage(r), thrown);
            }
        });
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        for (Logger logger : QUIET) {
            logger.setLevel(Level.SEVERE);
        }
        HAZELCAST.setLevel(Level.WARNING);
    }
}
