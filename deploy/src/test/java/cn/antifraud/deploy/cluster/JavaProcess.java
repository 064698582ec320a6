package cn.antifraud.deploy.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The launcher ({@code cn.antifraud.deploy.Main}) in a JVM of its own, on the classes this build compiled, with a
 * small heap and the environment an operator would set. Standard error is kept (and copied to
 * {@code target/cluster-logs}) so tests can wait for a line and a failure shows the node's own log.
 */
final class JavaProcess implements AutoCloseable {
    static final Path LOGS = Path.of("target", "cluster-logs").toAbsolutePath();

    private final String name;
    private final Process process;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();
    private final List<Thread> readers = new CopyOnWriteArrayList<>();

    private JavaProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    static JavaProcess start(String name, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
            // What the jar's manifest grants Hazelcast (Add-Opens), here on a class path.
            "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED", "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
            "cn.antifraud.deploy.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("CLUSTER_") || k.startsWith("MONGODB_") || k.startsWith("STORE_"));
        builder.environment().putAll(env);
        JavaProcess p = new JavaProcess(name, builder.start());
        Files.createDirectories(LOGS);
        p.drain(p.process.getInputStream(), p.out, null);
        p.drain(p.process.getErrorStream(), p.err, LOGS.resolve(name + ".log"));
        return p;
    }

    private void drain(java.io.InputStream stream, List<String> lines, Path copy) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
                 PrintWriter log = copy == null ? null : new PrintWriter(Files.newBufferedWriter(copy, StandardCharsets.UTF_8), true)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                    if (log != null) {
                        log.println(line);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, name + "-output");
        t.setDaemon(true);
        readers.add(t);
        t.start();
    }

    /** The first line (standard output or error) that matches, waiting up to {@code seconds}; fails with the log. */
    String awaitLine(boolean stdout, Predicate<String> match, long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> lines = stdout ? out : err;
        while (System.nanoTime() < end) {
            for (String line : lines) {
                if (match.test(line)) {
                    return line;
                }
            }
            if (!process.isAlive() && System.nanoTime() < end) {
                Thread.sleep(200);
                return lines.stream().filter(match).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " exited with " + process.exitValue() + ":\n" + String.join("\n", err)));
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " printed no matching line in " + seconds + " s:\n" + String.join("\n", err));
    }

    List<String> stderr() {
        return List.copyOf(err);
    }

    List<String> stdout() {
        return List.copyOf(out);
    }

    /** Waits for the process to end by itself and answers its exit status. */
    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not exit within " + seconds + " s");
        }
        for (Thread t : readers) {
            t.join(TimeUnit.SECONDS.toMillis(seconds)); // the last lines, up to the end of the streams
        }
        return process.exitValue();
    }

    /** SIGTERM, as systemd or Kubernetes would stop it; answers the exit status. */
    int terminate(long seconds) throws InterruptedException {
        // Through the handle: Process.destroy() would also close our ends of its output, losing its last lines.
        process.toHandle().destroy();
        return waitFor(seconds);
    }

    /** kill -9: no shutdown hook, no goodbye to the cluster. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.toHandle().destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
