package org.ehcptracker.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ehcptracker.eventstore.TestDatabase.TIMEOUT;

class ProcessedEventsTest {

    static TestDatabase db;
    static ProcessedEvents processed = new ProcessedEvents();

    @BeforeAll
    static void setUp() {
        db = TestDatabase.create("es_processed");
        db.execute("create table demo_counter (case_id uuid primary key, events int not null)");
    }

    @AfterAll
    static void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    /** A demo read-model consumer: counts events per case, once per event id. */
    static Boolean handle(String consumer, UUID eventId, UUID caseId) {
        return db.pool.withTransaction(tx -> processed.once(tx, consumer, eventId, () -> tx.preparedQuery(
                        "insert into demo_counter (case_id, events) values ($1, 1)"
                                + " on conflict (case_id) do update set events = demo_counter.events + 1")
                .execute(Tuple.of(caseId)))).await().atMost(TIMEOUT);
    }

    static long counter(UUID caseId) {
        return db.count("select coalesce((select events from demo_counter where case_id = '" + caseId + "'), 0)");
    }

    @Test
    void the_same_event_delivered_twice_changes_the_read_model_once() {
        UUID caseId = UUID.randomUUID();
        UUID e1 = UUID.randomUUID();
        UUID e2 = UUID.randomUUID();

        assertThat(handle("case-view", e1, caseId)).isTrue();
        assertThat(handle("case-view", e1, caseId)).isFalse();
        assertThat(handle("case-view", e2, caseId)).isTrue();
        assertThat(handle("case-view", e1, caseId)).isFalse();

        assertThat(counter(caseId)).isEqualTo(2);
    }

    @Test
    void each_consumer_processes_an_event_once() {
        UUID eventId = UUID.randomUUID();
        Boolean a = db.pool.withTransaction(tx -> processed.firstDelivery(tx, "consumer-a", eventId)).await().atMost(TIMEOUT);
        Boolean b = db.pool.withTransaction(tx -> processed.firstDelivery(tx, "consumer-b", eventId)).await().atMost(TIMEOUT);
        Boolean a2 = db.pool.withTransaction(tx -> processed.firstDelivery(tx, "consumer-a", eventId)).await().atMost(TIMEOUT);
        assertThat(List.of(a, b, a2)).containsExactly(true, true, false);
    }

    @Test
    void a_failed_change_rolls_back_the_mark_so_the_redelivery_applies_it() {
        UUID caseId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        assertThatThrownBy(() -> db.pool.withTransaction(tx -> processed.once(tx, "case-view", eventId,
                () -> Uni.createFrom().failure(new IllegalStateException("read model down")))).await().atMost(TIMEOUT))
                .hasMessage("read model down");

        assertThat(handle("case-view", eventId, caseId)).isTrue();
        assertThat(counter(caseId)).isEqualTo(1);
    }

    @Test
    void concurrent_redeliveries_apply_the_change_once() throws Exception {
        UUID caseId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        int deliveries = 8;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return handle("case-view", eventId, caseId);
                }));
            }
            go.countDown();
            int applied = 0;
            for (Future<Boolean> f : results) {
                if (f.get(60, TimeUnit.SECONDS)) {
                    applied++;
                }
            }
            assertThat(applied).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(counter(caseId)).isEqualTo(1);
    }
}
