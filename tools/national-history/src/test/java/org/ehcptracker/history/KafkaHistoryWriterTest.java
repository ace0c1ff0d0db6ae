package org.ehcptracker.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.Topics;
import org.ehcptracker.devinfra.FreePort;
import org.ehcptracker.devinfra.KafkaBroker;
import org.junit.jupiter.api.Test;

/** Against a real broker: every generated event arrives once, on its family's topic, keyed by case, in each case's order. */
class KafkaHistoryWriterTest {

    @Test
    void rutlandsHistoryArrivesOnTheThreeTopicsExactlyOnceAndInEachCasesOrder() throws Exception {
        Path data = Files.createTempDirectory("history-kafka");
        try (KafkaBroker broker = KafkaBroker.start(FreePort.find(), data)) {
            List<IntegrationEvent> generated = Collections.synchronizedList(new ArrayList<>());
            long count;
            try (KafkaHistoryWriter writer = new KafkaHistoryWriter(broker.bootstrapServers())) {
                count = new NationalHistory(PublishedFigures.load(), 2025).generate(Set.of("857"), writer.andThen(generated::add));
                assertThat(writer.written()).isEqualTo(count);
            }

            EventJson json = new EventJson();
            Map<String, List<String>> receivedByCase = new HashMap<>();
            Map<String, Integer> perTopic = new HashMap<>();
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            config.put(ConsumerConfig.GROUP_ID_CONFIG, "history-test");
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
                consumer.subscribe(List.of(Topics.ASSESSMENT_EVENTS, Topics.ADVICE_EVENTS, Topics.PLAN_EVENTS));
                long received = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (received < count && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        IntegrationEvent event = json.read(record.value());
                        assertThat(record.key()).isEqualTo(event.caseId().toString());
                        assertThat(record.topic()).isEqualTo(KafkaHistoryWriter.topicOf(event));
                        receivedByCase.computeIfAbsent(record.topic() + "/" + record.key(), k -> new ArrayList<>()).add(event.eventId().toString());
                        perTopic.merge(record.topic(), 1, Integer::sum);
                        received++;
                    }
                }
                assertThat(received).isEqualTo(count);
                assertThat(consumer.poll(Duration.ofSeconds(1))).as("nothing twice").isEmpty();
            }
            assertThat(perTopic).containsOnlyKeys(Topics.ASSESSMENT_EVENTS, Topics.ADVICE_EVENTS, Topics.PLAN_EVENTS);
            Map<String, List<String>> generatedByCase = new HashMap<>();
            for (IntegrationEvent event : generated) {
                generatedByCase.computeIfAbsent(KafkaHistoryWriter.topicOf(event) + "/" + event.caseId(), k -> new ArrayList<>())
                        .add(event.eventId().toString());
            }
            assertThat(receivedByCase).isEqualTo(generatedByCase);
        }
    }
}
