package org.ehcptracker.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    private static final long T0 = System.nanoTime();

    static void log(String what) {
        System.err.printf("%6d ms %s%n", (System.nanoTime() - T0) / 1_000_000, what);
    }

    @Test
    void stoppedBrokerRefusesSendsAndRestartKeepsData(@TempDir Path dir) throws Exception {
        int port = FreePort.find();
        String topic = "outage";
        try (KafkaBroker broker = KafkaBroker.start(port, dir)) {
            assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + port);
            Clients.send(broker.bootstrapServers(), topic, "k", "before");

            log("sent before");
            broker.stop();
            log("stopped");
            assertThat(FreePort.isListening(port)).isFalse();
            try (KafkaProducer<String, String> p = Clients.producer(broker.bootstrapServers(), 1500, 3000)) {
                assertThatThrownBy(() -> p.send(new ProducerRecord<>(topic, "k", "during")).get(20, TimeUnit.SECONDS))
                    .isNotNull();
            }

            log("send failed");
            assertThat(broker.restart()).isSameAs(broker);
            log("restarted");
            assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + port);
            Clients.send(broker.bootstrapServers(), topic, "k", "after");
            List<ConsumerRecord<String, String>> got = Clients.readAll(broker.bootstrapServers(), topic, 2,
                Duration.ofSeconds(30));
            assertThat(got).extracting(ConsumerRecord::value).containsExactly("before", "after");
        }
        log("closed");
        // starting again from the same directory (a new object) keeps the data as well
        try (KafkaBroker again = KafkaBroker.start(port, dir)) {
            List<ConsumerRecord<String, String>> got = Clients.readAll(again.bootstrapServers(), topic, 2,
                Duration.ofSeconds(30));
            assertThat(got).extracting(ConsumerRecord::value).containsExactly("before", "after");
        }
    }
}
