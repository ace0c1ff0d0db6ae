package org.ehcptracker.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Splits each sampled freshness into its two legs: from the 201 to the record's timestamp on the topic (the relay:
 * NOTIFY, the snapshot horizon, its rechecks, the send; {@code CreateTime} is set by the relay's producer) and from
 * there to the first 200 of reporting's timeline (the broker, reporting's consumer and its transaction). Reads the
 * assessment topic with a plain consumer of its own, keyed by case id, as the relay publishes it. Wall-clock
 * milliseconds on one machine, so each leg is exact to about a millisecond plus the timeline's poll interval.
 */
final class FreshnessLegs implements AutoCloseable {

    /**
     * One sampled case: when the 201 came, when the timeline first answered 200 (epoch ms), and how long that one
     * successful GET took (a read stalled on a loaded host shows as freshness too).
     */
    record Sample(String caseId, long acceptedMs, long visibleMs, long readMs) {
    }

    private final Map<String, Long> onTopicMs = new ConcurrentHashMap<>();
    private final List<Sample> samples = new ArrayList<>();
    private final Thread reader;
    private volatile boolean running = true;

    FreshnessLegs(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        reader = new Thread(() -> {
            try (consumer) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                while (running) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        onTopicMs.putIfAbsent(r.key(), r.timestamp());
                    }
                }
            }
        }, "freshness-legs");
        reader.setDaemon(true);
        reader.start();
    }

    void sampled(String caseId, long acceptedMs, long visibleMs, long readMs) {
        synchronized (samples) {
            samples.add(new Sample(caseId, acceptedMs, visibleMs, readMs));
        }
    }

    /** Drops the samples so far (the warm-up's), so that {@link #print} reads only the hold's. */
    void forget() {
        synchronized (samples) {
            samples.clear();
        }
    }

    /** Prints both legs' percentiles, and every sample over {@code slowMs} with its legs. */
    void print(long slowMs) throws InterruptedException {
        List<Sample> all;
        synchronized (samples) {
            all = List.copyOf(samples);
            samples.clear();
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && !all.stream().allMatch(s -> onTopicMs.containsKey(s.caseId()))) {
            Thread.sleep(100);
        }
        Histogram relay = new Histogram(3_600_000L, 3);
        Histogram downstream = new Histogram(3_600_000L, 3);
        Histogram read = new Histogram(3_600_000L, 3);
        List<String> slow = new ArrayList<>();
        int missing = 0;
        for (Sample s : all) {
            Long topicMs = onTopicMs.get(s.caseId());
            if (topicMs == null) {
                missing++;
                continue;
            }
            long toTopic = Math.max(0, topicMs - s.acceptedMs());
            long toVisible = Math.max(0, s.visibleMs() - topicMs);
            relay.recordValue(toTopic);
            downstream.recordValue(toVisible);
            read.recordValue(s.readMs());
            if (s.visibleMs() - s.acceptedMs() > slowMs) {
                slow.add(String.format(Locale.ROOT, "%d ms = %d to the topic + %d to reporting (of which %d the"
                        + " successful GET itself)", s.visibleMs() - s.acceptedMs(), toTopic, toVisible, s.readMs()));
            }
        }
        System.out.println("| freshness leg (ms) | count | p50 | p90 | p99 | max |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.println(row("201 -> record on the topic (relay)", relay));
        System.out.println(row("record on the topic -> timeline 200 (Kafka, reporting)", downstream));
        System.out.println(row("of which the successful GET's own round trip", read));
        System.out.printf(Locale.ROOT, "samples over %d ms: %d %s; samples whose record was not seen: %d%n", slowMs,
                slow.size(), slow, missing);
    }

    private static String row(String name, Histogram h) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d |", name, h.getTotalCount(),
                h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getMaxValue());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(5_000);
    }
}
