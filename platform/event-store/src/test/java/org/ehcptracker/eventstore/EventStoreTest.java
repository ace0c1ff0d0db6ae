package org.ehcptracker.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ehcptracker.eventstore.TestDatabase.TIMEOUT;

class EventStoreTest {

    static TestDatabase db;
    static EventStore store;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.create("es_store");
        db.execute("create table demo_note (id uuid primary key, note text not null)");
        store = new EventStore(db.pool);
    }

    @AfterAll
    static void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    static NewEvent event(UUID caseId, String type, String payload) {
        return new NewEvent(UUID.randomUUID(), caseId, type, 1, payload,
                "{\"actor\":\"caseworker:jsmith\",\"correlationId\":\"" + UUID.randomUUID() + "\"}", Instant.now());
    }

    static List<NewEvent> events(UUID caseId, int n) {
        List<NewEvent> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(event(caseId, "Thing" + i, "{\"n\":" + i + "}"));
        }
        return list;
    }

    @Test
    void append_stores_a_batch_as_consecutive_versions_and_load_returns_them_in_version_order() {
        UUID stream = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        Instant occurred = Instant.parse("2025-03-04T10:15:30.123456789Z");
        NewEvent first = new NewEvent(UUID.randomUUID(), caseId, "AssessmentRequested", 2,
                "{\"caseId\":\"" + caseId + "\",\"requestDate\":\"2025-03-01\",\"localAuthority\":\"E09000033\"}",
                "{\"actor\":\"caseworker:jsmith\"}", occurred);

        List<StoredEvent> appended = store.append(stream, EventStore.NO_STREAM, List.of(first, event(caseId, "B", "{}"),
                event(caseId, "C", "{\"x\":[1,2]}"))).await().atMost(TIMEOUT);
        List<StoredEvent> more = store.append(stream, 3, events(caseId, 2)).await().atMost(TIMEOUT);

        assertThat(appended).extracting(StoredEvent::streamVersion).containsExactly(1, 2, 3);
        assertThat(more).extracting(StoredEvent::streamVersion).containsExactly(4, 5);
        // within a batch, positions follow versions (the relay orders a transaction's events by position)
        assertThat(appended).extracting(StoredEvent::position).isSorted().doesNotHaveDuplicates();
        assertThat(more.get(0).position()).isGreaterThan(appended.get(2).position());

        List<StoredEvent> loaded = store.load(stream).await().atMost(TIMEOUT);
        assertThat(loaded).extracting(StoredEvent::streamVersion).containsExactly(1, 2, 3, 4, 5);
        List<StoredEvent> all = new ArrayList<>(appended);
        all.addAll(more);
        assertThat(loaded).isEqualTo(all);

        StoredEvent e = loaded.get(0);
        assertThat(e.eventId()).isEqualTo(first.eventId());
        assertThat(e.streamId()).isEqualTo(stream);
        assertThat(e.caseId()).isEqualTo(caseId);
        assertThat(e.type()).isEqualTo("AssessmentRequested");
        assertThat(e.schemaVersion()).isEqualTo(2);
        assertThat(e.payloadJson()).contains("\"requestDate\": \"2025-03-01\"").contains("E09000033");
        assertThat(e.metadataJson()).isEqualTo("{\"actor\": \"caseworker:jsmith\"}");
        assertThat(e.occurredAt()).isEqualTo(occurred.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void load_of_an_unknown_stream_is_empty_and_an_empty_append_is_a_no_op() {
        UUID stream = UUID.randomUUID();
        assertThat(store.load(stream).await().atMost(TIMEOUT)).isEmpty();
        assertThat(store.append(stream, 0, List.of()).await().atMost(TIMEOUT)).isEmpty();
        assertThat(store.load(stream).await().atMost(TIMEOUT)).isEmpty();
    }

    @Test
    void a_stale_expected_version_is_a_concurrency_conflict_with_the_actual_version() {
        UUID stream = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        store.append(stream, 0, events(caseId, 2)).await().atMost(TIMEOUT);

        assertThatThrownBy(() -> store.append(stream, 1, events(caseId, 1)).await().atMost(TIMEOUT))
                .isInstanceOfSatisfying(ConcurrencyConflict.class, c -> {
                    assertThat(c.streamId()).isEqualTo(stream);
                    assertThat(c.expectedVersion()).isEqualTo(1);
                    assertThat(c.actualVersion()).contains(2);
                });
        assertThatThrownBy(() -> store.append(stream, 3, events(caseId, 1)).await().atMost(TIMEOUT))
                .isInstanceOf(ConcurrencyConflict.class);
        assertThat(store.load(stream).await().atMost(TIMEOUT)).hasSize(2);
    }

    @Test
    void two_concurrent_appends_at_the_same_version_one_wins_the_other_gets_a_conflict_from_the_unique_constraint() {
        UUID stream = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        store.append(stream, 0, events(caseId, 1)).await().atMost(TIMEOUT);

        // A appends version 2 and stays open; B checks (sees version 1), inserts version 2, and blocks on A's key
        SqlConnection a = db.pool.getConnection().await().atMost(TIMEOUT);
        try {
            Transaction txA = a.begin().await().atMost(TIMEOUT);
            store.append(a, stream, 1, events(caseId, 2)).await().atMost(TIMEOUT);

            CompletableFuture<List<StoredEvent>> b = store.append(stream, 1, events(caseId, 1)).subscribeAsCompletionStage();
            sleep(300);
            assertThat(b).isNotDone();

            txA.commit().await().atMost(TIMEOUT);
            assertThatThrownBy(() -> b.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ConcurrencyConflict.class)
                    .cause().satisfies(c -> assertThat(((ConcurrencyConflict) c).actualVersion()).isEmpty());
        } finally {
            a.close().await().atMost(TIMEOUT);
        }
        assertThat(store.load(stream).await().atMost(TIMEOUT)).extracting(StoredEvent::streamVersion)
                .containsExactly(1, 2, 3);
    }

    @Test
    void of_many_racing_appends_at_the_same_version_exactly_one_succeeds() throws Exception {
        UUID stream = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        return store.append(stream, 0, events(caseId, 3)).await().atMost(TIMEOUT);
                    } catch (ConcurrencyConflict c) {
                        return c;
                    }
                }));
            }
            go.countDown();
            int won = 0;
            int conflicts = 0;
            for (Future<Object> f : results) {
                Object r = f.get(60, TimeUnit.SECONDS);
                if (r instanceof ConcurrencyConflict) {
                    conflicts++;
                } else {
                    won++;
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(conflicts).isEqualTo(racers - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.load(stream).await().atMost(TIMEOUT)).extracting(StoredEvent::streamVersion)
                .containsExactly(1, 2, 3);
    }

    @Test
    void writers_that_reload_and_retry_on_conflict_leave_a_stream_without_gaps_or_duplicates() throws Exception {
        UUID stream = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        int writers = 6;
        int appendsEach = 10;
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < appendsEach; i++) {
                        while (true) {
                            int version = store.load(stream).await().atMost(TIMEOUT).size();
                            try {
                                store.append(stream, version, events(caseId, 1 + (i % 2))).await().atMost(TIMEOUT);
                                break;
                            } catch (ConcurrencyConflict c) {
                                conflicts.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        int expected = writers * (appendsEach / 2 * 3);
        List<StoredEvent> loaded = store.load(stream).await().atMost(TIMEOUT);
        assertThat(loaded).extracting(StoredEvent::streamVersion)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, expected).boxed().toList());
        assertThat(conflicts.get()).as("the writers did race").isPositive();
    }

    @Test
    void append_after_another_write_in_the_same_transaction_fails_and_the_transaction_writes_nothing() {
        UUID stream = UUID.randomUUID();
        UUID note = UUID.randomUUID();
        assertThatThrownBy(() -> db.pool.withTransaction(tx -> tx
                        .query("insert into demo_note values ('" + note + "', 'written before the append')").execute()
                        .flatMap(x -> store.append(tx, stream, 0, events(UUID.randomUUID(), 2))))
                .await().atMost(TIMEOUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("append must be the first write in its transaction");

        assertThat(store.load(stream).await().atMost(TIMEOUT)).isEmpty();
        assertThat(db.count("select count(*) from demo_note where id = '" + note + "'")).isZero();
    }

    @Test
    void a_second_append_in_the_same_transaction_is_refused_too() {
        UUID stream = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        assertThatThrownBy(() -> db.pool.withTransaction(tx -> store.append(tx, stream, 0, events(UUID.randomUUID(), 1))
                        .flatMap(x -> store.append(tx, other, 0, events(UUID.randomUUID(), 1))))
                .await().atMost(TIMEOUT))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.load(stream).await().atMost(TIMEOUT)).isEmpty();
    }

    @Test
    void reads_before_the_append_and_writes_after_it_share_the_transaction() {
        UUID stream = UUID.randomUUID();
        UUID note = UUID.randomUUID();
        List<StoredEvent> stored = db.pool.withTransaction(tx -> tx.query("select count(*) from demo_note").execute()
                        .flatMap(x -> store.load(tx, stream))
                        .flatMap(history -> store.append(tx, stream, history.size(), events(UUID.randomUUID(), 1)))
                        .call(x -> tx.query("insert into demo_note values ('" + note + "', 'after the append')").execute()))
                .await().atMost(TIMEOUT);
        assertThat(stored).hasSize(1);
        assertThat(db.count("select count(*) from demo_note where id = '" + note + "'")).isOne();

        // and a rolled-back transaction leaves neither
        UUID stream2 = UUID.randomUUID();
        assertThatThrownBy(() -> db.pool.withTransaction(tx -> store.append(tx, stream2, 0, events(UUID.randomUUID(), 1))
                .flatMap(x -> Uni.createFrom().failure(new RuntimeException("boom")))).await().atMost(TIMEOUT))
                .hasMessage("boom");
        assertThat(store.load(stream2).await().atMost(TIMEOUT)).isEmpty();
    }

    @Test
    void a_payload_or_metadata_that_is_not_exactly_one_json_object_is_refused_and_nothing_is_stored() {
        UUID stream = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        // each would, pasted into the batch, close its object early and add a key or a row of its own
        for (String bad : List.of("{\"a\":1},\"ord\":9", "{\"a\":1}}", "{\"a\":\"}\"}, {\"b\":2}", "[1]", "{\"a\":[1}")) {
            assertThatThrownBy(() -> store.append(stream, 0, List.of(event(caseId, "T", bad))).await().atMost(TIMEOUT))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payloadJson");
            assertThatThrownBy(() -> store.append(stream, 0, List.of(new NewEvent(UUID.randomUUID(), caseId, "T", 1, "{}",
                    bad, Instant.now()))).await().atMost(TIMEOUT))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadataJson");
        }
        // not JSON at all, but one object by its braces: PostgreSQL refuses the batch
        assertThatThrownBy(() -> store.append(stream, 0, List.of(event(caseId, "T", "{nope}"))).await().atMost(TIMEOUT))
                .isInstanceOf(io.vertx.pgclient.PgException.class);
        // braces and quotes inside strings are text, escaped quotes included
        String tricky = "{\"a\": \"} ] \\\" {\", \"b\": [{\"c\": \"]\"}]}  ";
        List<StoredEvent> stored = store.append(stream, 0, List.of(event(caseId, "T", tricky))).await().atMost(TIMEOUT);
        assertThat(new io.vertx.core.json.JsonObject(stored.get(0).payloadJson()))
                .isEqualTo(new io.vertx.core.json.JsonObject(tricky));
        assertThat(store.load(stream).await().atMost(TIMEOUT)).hasSize(1);
    }

    @Test
    void rejects_bad_arguments() {
        assertThatThrownBy(() -> store.append(UUID.randomUUID(), -1, events(UUID.randomUUID(), 1)).await().atMost(TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NewEvent(UUID.randomUUID(), UUID.randomUUID(), "T", 0, "{}", "{}", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(NewEvent.of(UUID.randomUUID(), "T", 1, "{}").metadataJson()).isEqualTo("{}");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
