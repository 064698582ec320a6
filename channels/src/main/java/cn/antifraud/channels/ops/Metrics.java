package cn.antifraud.channels.ops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters and a latency histogram rendered in Prometheus text format. Labels never carry personal data. */
public final class Metrics {
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<String, LongAdder[]> histograms = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> sums = new ConcurrentHashMap<>();

    /** Increments {@code name{labels}}; labels as "k=\"v\"" pairs. */
    public void inc(String name, String labels) {
        counters.computeIfAbsent(key(name, labels), k -> new LongAdder()).increment();
    }

    public void observe(String name, String labels, double seconds) {
        String key = key(name, labels);
        LongAdder[] b = histograms.computeIfAbsent(key, k -> {
            LongAdder[] a = new LongAdder[BUCKETS.length + 1];
            for (int i = 0; i < a.length; i++) {
                a[i] = new LongAdder();
            }
            return a;
        });
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                b[i].increment();
            }
        }
        b[BUCKETS.length].increment();
        sums.computeIfAbsent(key, k -> new LongAdder()).add((long) (seconds * 1_000_000));
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        counters.keySet().stream().map(Metrics::baseName).distinct().sorted()
            .forEach(n -> sb.append("# TYPE ").append(n).append(" counter\n"));
        counters.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(e -> sb.append(e.getKey()).append(' ').append(e.getValue().sum()).append('\n'));
        histograms.keySet().stream().map(Metrics::baseName).distinct().sorted()
            .forEach(n -> sb.append("# TYPE ").append(n).append(" histogram\n"));
        histograms.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String base = baseName(e.getKey());
            String labels = e.getKey().contains("{") ? e.getKey().substring(e.getKey().indexOf('{') + 1, e.getKey().length() - 1) : "";
            String sep = labels.isEmpty() ? "" : labels + ",";
            for (int i = 0; i < BUCKETS.length; i++) {
                sb.append(base).append("_bucket{").append(sep).append("le=\"").append(BUCKETS[i]).append("\"} ")
                    .append(e.getValue()[i].sum()).append('\n');
            }
            long count = e.getValue()[BUCKETS.length].sum();
            sb.append(base).append("_bucket{").append(sep).append("le=\"+Inf\"} ").append(count).append('\n');
            String lbl = labels.isEmpty() ? "" : "{" + labels + "}";
            sb.append(base).append("_sum").append(lbl).append(' ').append(sums.get(e.getKey()).sum() / 1e6).append('\n');
            sb.append(base).append("_count").append(lbl).append(' ').append(count).append('\n');
        });
        return sb.toString();
    }

    private static String key(String name, String labels) {
        return labels == null || labels.isEmpty() ? name : name + "{" + labels + "}";
    }

    private static String baseName(String key) {
        int i = key.indexOf('{');
        return i < 0 ? key : key.substring(0, i);
    }
}
