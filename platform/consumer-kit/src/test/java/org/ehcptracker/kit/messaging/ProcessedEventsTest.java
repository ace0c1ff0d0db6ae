package org.ehcptracker.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.ehcptracker.contracts.ContractExamples;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.devinfra.VertxContexts;
import org.ehcptracker.kit.persistence.Transactions;
import org.junit.jupiter.api.Test;

/**
 * The idempotent-consumer guard and {@link IdempotentConsumer} on Hibernate Reactive, against a real
 * PostgreSQL: a redelivered event changes nothing, a failed change leaves no mark, concurrent
 * redeliveries apply once, a lasting failure or an unreadable record is parked.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "consumer_kit"))
class ProcessedEventsTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final EventJson JSON = new EventJson();

    @Inject
    ProcessedEvents processed;

    @Inject
    IdempotentConsumer consumer;

    /** An example event from the contracts with a fresh event id and case id. */
    static IntegrationEvent freshEvent(UUID eventId, UUID caseId) {
        String json = ContractExamples.json("AssessmentRequested")
                .replaceFirst("\"eventId\"\\s*:\\s*\"[^\"]+\"", "\"eventId\":\"" + eventId + "\"")
                .replaceFirst("\"caseId\"\\s*:\\s*\"[^\"]+\"", "\"caseId\":\"" + caseId + "\"");
        return JSON.read(json);
    }

    /** The demo consumer: counts the case's events with a Panache entity, once per event id. */
    Uni<Void> count(String name, IntegrationEvent event) {
        return consumer.once(name, event, session -> DemoCounter.countOne(event.caseId()));
    }

    int counter(UUID caseId) {
        DemoCounter c = onVertx(() -> Transactions.inSession(s -> DemoCounter.<DemoCounter>findById(caseId))).join();
        return c == null ? 0 : c.events;
    }

    @Test
    void the_same_event_delivered_twice_changes_the_read_model_once() {
        UUID caseId = UUID.randomUUID();
        IntegrationEvent e1 = freshEvent(UUID.randomUUID(), caseId);
        IntegrationEvent e2 = freshEvent(UUID.randomUUID(), caseId);
        for (IntegrationEvent e : List.of(e1, e1, e2, e1)) {
            onVertx(() -> count("case-view", e)).join();
        }
        assertThat(counter(caseId)).isEqualTo(2);
    }

    @Test
    void each_consumer_processes_an_event_once() {
        UUID eventId = UUID.randomUUID();
        List<Boolean> firsts = new ArrayList<>();
        for (String name : List.of("consumer-a", "consumer-b", "consumer-a")) {
            firsts.add(onVertx(() -> Transactions.inTransaction(s -> processed.firstDelivery(s, name, eventId))).join());
        }
        assertThat(firsts).containsExactly(true, true, false);
    }

    @Test
    void a_failed_change_rolls_back_the_mark_so_the_redelivery_applies_it() {
        UUID caseId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        CompletableFuture<Boolean> failed = onVertx(() -> Transactions.inTransaction(s -> processed.once(s, "case-view",
                eventId, () -> Uni.createFrom().failure(new IllegalStateException("read model down")))));
        assertThat(failed).failsWithin(TIMEOUT).withThrowableThat().withMessageContaining("read model down");

        onVertx(() -> count("case-view", freshEvent(eventId, caseId))).join();
        assertThat(counter(caseId)).isEqualTo(1);
    }

    @Test
    void concurrent_redeliveries_apply_the_change_once() {
        UUID caseId = UUID.randomUUID();
        IntegrationEvent event = freshEvent(UUID.randomUUID(), caseId);
        // each delivery on its own Vert.x context, as Kafka records are
        List<CompletableFuture<Void>> deliveries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            deliveries.add(onVertx(() -> count("case-view", event)));
        }
        CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new)).join();
        assertThat(counter(caseId)).isEqualTo(1);
    }

    @Test
    void a_change_that_can_never_succeed_is_parked_with_its_error_and_the_consumer_goes_on() {
        IntegrationEvent event = freshEvent(UUID.randomUUID(), UUID.randomUUID());
        onVertx(() -> consumer.once("parking", event, s -> Uni.createFrom().failure(
                new IllegalArgumentException("a value the table cannot hold")))).join();
        Object[] parked = parked("parking", event.eventId());
        assertThat(parked[0]).isEqualTo("AssessmentRequested");
        assertThat((String) parked[1]).contains("a value the table cannot hold");
    }

    @Test
    void a_record_of_a_type_this_version_cannot_read_is_parked_with_its_payload() {
        UUID eventId = UUID.randomUUID();
        String json = "{\"type\":\"FromTheFuture\",\"eventId\":\"" + eventId + "\",\"x\":1}";
        onVertx(() -> consumer.consume("parking", json, (s, e) -> Uni.createFrom().voidItem())).join();
        Object[] parked = parked("parking", eventId);
        assertThat(parked[0]).isEqualTo("FromTheFuture");
        assertThat((String) parked[2]).contains("\"x\":1");
    }

    @Test
    void a_failure_while_the_service_stops_is_the_shutdown_s_so_the_event_is_neither_parked_nor_marked_processed() {
        IntegrationEvent event = freshEvent(UUID.randomUUID(), UUID.randomUUID());
        consumer.stopping(true);
        try {
            // what the pool answers once Quarkus has begun closing it
            CompletableFuture<Void> attempt = onVertx(() -> consumer.once("stopping", event,
                    s -> Uni.createFrom().failure(new IllegalStateException("Pool closed"))));
            assertThat(attempt).failsWithin(TIMEOUT).withThrowableThat().withMessageContaining("the service is stopping");
        } finally {
            consumer.stopping(false);
        }
        assertThat(onVertx(() -> Transactions.inSession(s -> s.createNativeQuery(
                "select count(*) from dead_letter where consumer = 'stopping' and event_id = ?1", Long.class)
                .setParameter(1, event.eventId()).getSingleResult())).join()).isZero();
        // redelivered after the restart: applied
        UUID caseId = event.caseId();
        onVertx(() -> count("stopping", event)).join();
        assertThat(counter(caseId)).isEqualTo(1);
    }

    private Object[] parked(String name, UUID eventId) {
        return onVertx(() -> Transactions.inSession(s -> s.createNativeQuery(
                        "select type, error, payload from dead_letter where consumer = ?1 and event_id = ?2")
                .setParameter(1, name).setParameter(2, eventId).getSingleResult()))
                .thenApply(row -> (Object[]) row).join();
    }

    static <T> CompletableFuture<T> onVertx(Supplier<Uni<T>> work) {
        return VertxContexts.onNewContext(work);
    }
}
