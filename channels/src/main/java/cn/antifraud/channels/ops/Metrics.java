package cn.antifraud.channels.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The service's own series on a Micrometer Prometheus registry, which Vert.x (event loops, worker pools, HTTP
 * server), the JVM and the MongoDB driver report into as well; {@code GET /metrics} renders it. Names are
 * dotted here and come out as Prometheus names ({@code antifraud.messages} counts as
 * {@code antifraud_messages_total}). Tags never carry personal data.
 */
public final class Metrics {
    private final PrometheusMeterRegistry registry;

    public Metrics() {
        this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    public Metrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Counts one event: {@code name} dotted, {@code tags} as key, value pairs. */
    public void count(String name, String... tags) {
        Counter.builder(name).tags(tags).register(registry).increment();
    }

    /**
     * One chat turn's latency on a channel: {@code antifraud_turn_seconds}, a histogram (aggregatable across nodes
     * with {@code histogram_quantile}), and {@code antifraud_turn_latency_seconds{quantile="0.5"|"0.99"}}, this
     * node's p50 and p99 computed here (Prometheus shows a meter either as histogram or as summary, not both).
     */
    public void turn(String channel, long nanos) {
        Timer.builder("antifraud.turn").description("time from a resident's message to the bot's answer")
            .tag("channel", channel).publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        Timer.builder("antifraud.turn.latency").description("p50 and p99 of the turn time on this node")
            .tag("channel", channel).publishPercentiles(0.5, 0.99)
            .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Prometheus text format. */
    public String render() {
        return registry.scrape();
    }
}
