package cn.antifraud.deploy.channels;

import cn.antifraud.deploy.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator for the voice line (not a test): starts the real server with embedded storage and signed
 * webhooks, then runs many concurrent scripted calls (greeting, menu, number typed and read back, confirm ->
 * the NLP pipeline, a spoken story -> the NLP pipeline) and prints latency percentiles per step.
 * Run: see docs/benchmarks-voice.md. Arguments: concurrent callers (20), measured calls (300), think time in ms
 * between a caller's steps (0: back to back; real callers take several seconds to speak).
 */
public final class VoiceLoad {
    static final String TOKEN = "load-test-token";
    static final String[][] SCRIPT = {
        {"start", "/twilio/voice", null, null},
        {"menu choice", "/twilio/voice/gather", "2", null},
        {"number read-back", "/twilio/voice/gather", "17012345678", null},
        {"confirm -> bot", "/twilio/voice/gather", "1", null},
        {"speech -> bot", "/twilio/voice/gather", null, "我收到一条短信说我的快递丢了，客服让我加QQ办理理赔"},
        {"silence reprompt", "/twilio/voice/gather", "", ""},
    };

    private VoiceLoad() {
    }

    public static void main(String[] args) throws Exception {
        int callers = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        long think = args.length > 2 ? Long.parseLong(args[2]) : 0;
        Path dir = Files.createTempDirectory("voice-load");
        try (TestServer server = TestServer.start(dir, Map.of("TWILIO_AUTH_TOKEN", TOKEN))) {
            String base = "http://localhost:" + server.port();
            run(server, base, callers, Math.max(callers, 20), 0, new ConcurrentHashMap<>());
            Map<String, List<Long>> timings = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            int failures = run(server, base, callers, calls, think, timings);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Long> all = new ArrayList<>();
            timings.values().forEach(all::addAll);
            System.out.printf("%d callers, %d calls, think time %d ms, %d requests in %.1f s (%.0f requests/s), %d failed%n%n",
                callers, calls, think, all.size(), seconds, all.size() / seconds, failures);
            System.out.println("| step | requests | p50 ms | p90 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|---|---|");
            for (String[] step : SCRIPT) {
                row(step[0], timings.get(step[0]));
            }
            row("all", all);
        }
        System.exit(0);
    }

    private static int run(TestServer server, String base, int callers, int calls, long think,
                           Map<String, List<Long>> timings) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger ids = new AtomicInteger();
        for (int i = 0; i < calls; i++) {
            pool.submit(() -> {
                int n = ids.incrementAndGet();
                String callSid = "CA" + System.nanoTime() + "x" + n;
                String from = "+86139" + String.format("%08d", n % 100_000_000);
                for (String[] step : SCRIPT) {
                    try {
                        if (think > 0) {
                            Thread.sleep(think / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(think));
                        }
                        Map<String, String> p = new LinkedHashMap<>();
                        p.put("CallSid", callSid);
                        p.put("From", from);
                        if (step[2] != null) {
                            p.put("Digits", step[2]);
                        }
                        if (step[3] != null) {
                            p.put("SpeechResult", step[3]);
                        }
                        long t0 = System.nanoTime();
                        var res = Webhooks.postForm(server, step[1], p, Webhooks.twilioSignature(TOKEN, base + step[1], p));
                        long micros = (System.nanoTime() - t0) / 1000;
                        if (res.statusCode() != 200 || !res.body().startsWith("<?xml")) {
                            failures.incrementAndGet();
                        }
                        timings.computeIfAbsent(step[0], k -> new CopyOnWriteArrayList<>()).add(micros);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        return failures.get();
    }

    private static void row(String name, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", name, sorted.size(), pct(sorted, 50), pct(sorted, 90),
            pct(sorted, 99), sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static double pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1000.0;
    }
}
