package org.ehcptracker.reporting.rebuild.messaging;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.Config;

/**
 * Where another consumer group of this service's channels stands against the topics' ends, from the broker
 * (Kafka's Admin API: end offsets, committed offsets). Used for a rebuild's groups, which run in another process:
 * the committed offset is the one thing about them this process can know, and a committed offset means every
 * record before it is in the rebuild's tables (SmallRye commits a record only after its method's Uni completed).
 * Blocking: call it on a worker thread.
 */
@ApplicationScoped
public class ConsumerGroupPositions {

    private static final long TIMEOUT_SECONDS = 10;

    private final KafkaClientService clients;
    private final Config config;
    private volatile Admin admin;

    public ConsumerGroupPositions(KafkaClientService clients, Config config) {
        this.clients = clients;
        this.config = config;
    }

    /** This service's consumed channels and their topics, by channel name. */
    public Map<String, String> topicsByChannel() {
        Map<String, String> topics = new TreeMap<>();
        for (String channel : new TreeSet<>(clients.getConsumerChannels())) {
            topics.put(channel, config.getOptionalValue("mp.messaging.incoming." + channel + ".topic", String.class)
                    .orElse(channel));
        }
        return topics;
    }

    /** Every partition of every consumed topic, with the end offset and {@code groupOfChannel}'s committed offset. */
    public List<PartitionPosition> positions(Function<String, String> groupOfChannel) {
        Map<String, String> topics = topicsByChannel();
        try {
            Map<String, TopicDescription> described = new HashMap<>();
            var byName = admin().describeTopics(topics.values()).topicNameValues();
            for (var topic : byName.entrySet()) {
                try {
                    described.put(topic.getKey(), topic.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                    // nothing published on it yet: no partitions, nothing to catch up with
                }
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            described.values().forEach(d -> d.partitions()
                    .forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin().listOffsets(latest).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<PartitionPosition> positions = new ArrayList<>();
            for (var channel : topics.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin()
                        .listConsumerGroupOffsets(groupOfChannel.apply(channel.getKey()))
                        .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                ends.entrySet().stream().filter(e -> e.getKey().topic().equals(channel.getValue()))
                        .sorted(java.util.Comparator.comparingInt(e -> e.getKey().partition()))
                        .forEach(e -> {
                            OffsetAndMetadata c = committed.get(e.getKey());
                            positions.add(new PartitionPosition(channel.getKey(), channel.getValue(),
                                    e.getKey().partition(), e.getValue().offset(), c == null ? 0 : c.offset()));
                        });
            }
            return positions;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Kafka for offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer for offsets: " + e.getMessage(), e);
        }
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    Properties props = new Properties();
                    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                            config.getValue("kafka.bootstrap.servers", String.class));
                    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "reporting-read-model-switch");
                    admin = Admin.create(props);
                }
                current = admin;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
