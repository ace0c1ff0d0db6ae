package org.ehcptracker.history;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.Topics;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.contracts.assessment.AssessmentEvent;

/**
 * Writes events to the topic of their family, keyed by case id, as the relays of the command services do (the
 * same JSON through {@link EventJson}), so every consumer reads them as it reads live ones. Batched and
 * compressed for throughput; thread-safe (councils are written in parallel); idempotent producer, so a retried batch is never written twice.
 */
public final class KafkaHistoryWriter implements Consumer<IntegrationEvent>, AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final EventJson json = new EventJson();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final LongAdder written = new LongAdder();

    public KafkaHistoryWriter(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 * 1024));
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L * 1024 * 1024));
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(config);
    }

    static String topicOf(IntegrationEvent event) {
        if (event instanceof AssessmentEvent) {
            return Topics.ASSESSMENT_EVENTS;
        }
        return event instanceof AdviceEvent ? Topics.ADVICE_EVENTS : Topics.PLAN_EVENTS;
    }

    @Override
    public void accept(IntegrationEvent event) {
        Exception failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("writing the history failed", failed);
        }
        producer.send(new ProducerRecord<>(topicOf(event), event.caseId().toString(), json.write(event)), (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
        written.increment();
    }

    public long written() {
        return written.sum();
    }

    /** Waits until every record is acknowledged; fails if any was not. */
    @Override
    public void close() {
        producer.flush();
        producer.close();
        Exception failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("writing the history failed", failed);
        }
    }
}
