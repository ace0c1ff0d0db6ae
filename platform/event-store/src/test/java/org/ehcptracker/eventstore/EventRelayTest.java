package org.ehcptracker.eventstore;

import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ehcptracker.devinfra.TestInfra;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ehcptracker.eventstore.TestDatabase.TIMEOUT;
import static org.ehcptracker.eventstore.TestKafka.eventId;
import static org.ehcptracker.eventstore.TestKafka.header;

class EventRelayTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    TestDatabase db;
    EventStore store;
    String bootstrap;
    String topic;
    final List<EventRelay> relays = new ArrayList<>();

    @BeforeEach
    void setUp() {
        db = TestDatabase.create("es_relay");
        store = new EventStore(db.pool);
        bootstrap = TestInfra.get().kafkaBootstrapServers();
        topic = TestKafka.createTopic(bootstrap, "relay-test", 3);
    }

    @AfterEach
    void tearDown() {
        relays.forEach(EventRelay::stop);
        if (db != null) {
            db.close();
        }
    }

    EventRelay relay(RelaySettings settings) {
        EventRelay r = new EventRelay(db.pool, settings, TestKafka.producerConfig(bootstrap));
        relays.add(r);
        return r;
    }

    RelaySettings settings() {
        return RelaySettings.forTopic(topic)
                .withPollInterval(Duration.ofMillis(500))
                .withLockRetryInterval(Duration.ofMillis(200))
                .withMaxBackoff(Duration.ofSeconds(2));
    }

    static NewEvent event(UUID caseId, String type, String payload) {
        return new NewEvent(UUID.randomUUID(), caseId, type, 3, payload, "{\"actor\":\"test\"}", Instant.now());
    }

    List<StoredEvent> appendOne(UUID stream, int expected, UUID caseId) {
        return store.append(stream, expected, List.of(event(caseId, "Thing", "{\"v\":" + (expected + 1) + "}")))
                .await().atMost(TIMEOUT);
    }

    List<ConsumerRecord<String, String>> topicContent(int atLeast, Duration settle) {
        return TestKafka.readAll(bootstrap, topic, atLeast, WAIT, settle);
    }

    @Test
    void publishes_each_event_keyed_by_case_id_with_the_payload_and_headers() {
        EventRelay relay = relay(settings());
        relay.start();
        UUID stream = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        NewEvent e = new NewEvent(UUID.randomUUID(), caseId, "AssessmentRequested", 2,
                "{\"caseId\":\"" + caseId + "\",\"requestDate\":\"2025-03-01\"}", "{\"actor\":\"caseworker:jsmith\"}",
                Instant.now());
        StoredEvent stored = store.append(stream, 0, List.of(e)).await().atMost(TIMEOUT).get(0);

        List<ConsumerRecord<String, String>> records = topicContent(1, Duration.ofMillis(500));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> r = records.get(0);
        assertThat(r.key()).isEqualTo(caseId.toString());
        assertThat(r.value()).isEqualTo(stored.payloadJson());
        assertThat(header(r, "ehcp-event-id")).isEqualTo(e.eventId().toString());
        assertThat(header(r, "ehcp-event-type")).isEqualTo("AssessmentRequested");
        assertThat(header(r, "ehcp-schema-version")).isEqualTo("2");
        assertThat(header(r, "ehcp-stream-id")).isEqualTo(stream.toString());
        assertThat(header(r, "ehcp-stream-version")).isEqualTo("1");

        await().atMost(WAIT).until(() -> relay.status().lastPublishedPosition() == stored.position());
        RelayStatus status = relay.status();
        assertThat(status.active()).isTrue();
        assertThat(status.relay()).isEqualTo(topic);
        await().atMost(WAIT).until(() -> relay.status().lag() == 0);
        assertThat(db.count("select position from relay_checkpoint where relay = '" + topic + "'"))
                .isEqualTo(stored.position());
    }

    @Test
    void a_transaction_that_commits_after_a_later_one_is_not_skipped_and_holds_the_later_one_back() throws Exception {
        EventRelay relay = relay(settings());
        relay.start();
        await().atMost(WAIT).until(() -> relay.status().active());

        // two streams of the same case: same key, same partition, so the topic shows the relay's order
        UUID caseId = UUID.randomUUID();
        UUID streamA = UUID.randomUUID();
        UUID streamB = UUID.randomUUID();

        SqlConnection a = db.pool.getConnection().await().atMost(TIMEOUT);
        List<StoredEvent> eventsA;
        List<StoredEvent> eventsB;
        try {
            Transaction txA = a.begin().await().atMost(TIMEOUT);
            eventsA = store.append(a, streamA, 0, List.of(event(caseId, "A1", "{}"), event(caseId, "A2", "{}")))
                    .await().atMost(TIMEOUT);
            eventsB = store.append(streamB, 0, List.of(event(caseId, "B1", "{}"))).await().atMost(TIMEOUT); // commits
            assertThat(eventsB.get(0).position()).isGreaterThan(eventsA.get(1).position());

            // B is committed and visible, but A (older) is still open: the relay must wait
            await().atMost(WAIT).until(() -> relay.status().heldBack());
            Thread.sleep(1_500); // a few more rounds (poll 500 ms)
            assertThat(relay.status().lastPublishedPosition()).isEqualTo(-1);
            assertThat(TestKafka.readAll(bootstrap, topic, 1, Duration.ofSeconds(2), Duration.ZERO)).isEmpty();

            txA.commit().await().atMost(TIMEOUT);
        } finally {
            a.close().await().atMost(TIMEOUT);
        }

        List<ConsumerRecord<String, String>> records = topicContent(3, Duration.ofSeconds(1));
        assertThat(records).extracting(r -> header(r, "ehcp-event-type")).containsExactly("A1", "A2", "B1");
        assertThat(records).extracting(TestKafka::eventId).containsExactly(
                eventsA.get(0).eventId(), eventsA.get(1).eventId(), eventsB.get(0).eventId());
        await().atMost(WAIT).until(() -> !relay.status().heldBack() && relay.status().lag() == 0);
    }

    @Test
    void racing_writers_events_reach_kafka_once_each_and_in_version_order_per_stream() throws Exception {
        EventRelay relay = relay(settings().withBatchSize(7)); // several rounds per drain
        relay.start();

        int streams = 5;
        List<UUID> streamIds = IntStream.range(0, streams).mapToObj(i -> UUID.randomUUID()).toList();
        Map<UUID, UUID> caseOf = new HashMap<>();
        // streams 0 and 1 share a case (and so a partition); the others have their own
        UUID shared = UUID.randomUUID();
        for (int i = 0; i < streams; i++) {
            caseOf.put(streamIds.get(i), i < 2 ? shared : UUID.randomUUID());
        }
        int writers = 6;
        int appendsEach = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    int written = 0;
                    for (int i = 0; i < appendsEach; i++) {
                        UUID stream = streamIds.get(ThreadLocalRandom.current().nextInt(streams));
                        int n = 1 + ThreadLocalRandom.current().nextInt(3);
                        while (true) {
                            int version = store.load(stream).await().atMost(TIMEOUT).size();
                            List<NewEvent> batch = new ArrayList<>();
                            for (int k = 0; k < n; k++) {
                                batch.add(event(caseOf.get(stream), "Thing", "{\"k\":" + k + "}"));
                            }
                            try {
                                store.append(stream, version, batch).await().atMost(TIMEOUT);
                                written += n;
                                break;
                            } catch (ConcurrencyConflict retry) {
                                // reload and try again
                            }
                        }
                    }
                    return written;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get(120, TimeUnit.SECONDS);
            }

            awaitPublished(relay, total);
            List<ConsumerRecord<String, String>> records = topicContent(total, Duration.ofSeconds(2));
            assertThat(records).hasSize(total);
            assertThat(records.stream().map(TestKafka::eventId).collect(Collectors.toSet())).hasSize(total);

            Map<String, List<Integer>> versionsPerStream = new HashMap<>();
            records.stream()
                    .sorted((x, y) -> x.partition() != y.partition() ? Integer.compare(x.partition(), y.partition())
                            : Long.compare(x.offset(), y.offset()))
                    .forEach(r -> versionsPerStream.computeIfAbsent(header(r, "ehcp-stream-id"), k -> new ArrayList<>())
                            .add(Integer.parseInt(header(r, "ehcp-stream-version"))));
            for (UUID s : streamIds) {
                int n = store.load(s).await().atMost(TIMEOUT).size();
                assertThat(versionsPerStream.getOrDefault(s.toString(), List.of()))
                        .as("versions of stream %s in topic order", s)
                        .containsExactlyElementsOf(IntStream.rangeClosed(1, n).boxed().toList());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void publishes_in_numeric_transaction_id_order_across_digit_boundaries() {
        // rows written with explicit transaction ids far below the horizon (a fresh cluster is past xid 700),
        // positions not in transaction order; as text, "100" < "11" < "9" < "99"
        String[] txIds = {"100", "10", "99", "9", "11"};
        UUID caseId = UUID.randomUUID();
        for (int i = 0; i < txIds.length; i++) {
            db.execute("insert into event (tx_id, event_id, stream_id, stream_version, case_id, type, schema_version,"
                    + " payload, metadata, occurred_at) values ('" + txIds[i] + "'::xid8, '" + UUID.randomUUID() + "', '"
                    + UUID.randomUUID() + "', 1, '" + caseId + "', 'tx" + txIds[i] + "', 1, '{}', '{}', now())");
        }
        EventRelay relay = relay(settings().withBatchSize(2));
        relay.start();
        List<ConsumerRecord<String, String>> records = topicContent(5, Duration.ofSeconds(1));
        assertThat(records).extracting(r -> header(r, "ehcp-event-type"))
                .containsExactly("tx9", "tx10", "tx11", "tx99", "tx100");
    }

    @Test
    void a_new_relay_resumes_from_the_checkpoint_without_republishing() {
        EventRelay first = relay(settings());
        first.start();
        UUID stream = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        for (int v = 0; v < 5; v++) {
            appendOne(stream, v, caseId);
        }
        assertThat(topicContent(5, Duration.ZERO)).hasSize(5);
        await().atMost(WAIT).until(() -> first.status().publishedTotal() == 5);
        first.stop();
        assertThat(first.status().running()).isFalse();
        assertThat(first.status().active()).isFalse();

        for (int v = 5; v < 10; v++) {
            appendOne(stream, v, caseId);
        }
        EventRelay second = relay(settings());
        second.start();
        List<ConsumerRecord<String, String>> records = topicContent(10, Duration.ofSeconds(2));
        assertThat(records).extracting(r -> header(r, "ehcp-stream-version"))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(second.status().publishedTotal()).isEqualTo(5);
    }

    @Test
    void of_two_relays_on_one_database_only_one_publishes_and_the_other_takes_over_when_it_stops() {
        EventRelay one = relay(settings());
        EventRelay two = relay(settings());
        one.start();
        two.start();
        await().atMost(WAIT).until(() -> one.status().active() || two.status().active());
        sleepQuietly(600); // several lock retries of the standby
        assertThat(one.status().active() && two.status().active()).isFalse();

        UUID caseId = UUID.randomUUID();
        List<UUID> streams = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Map<UUID, Integer> versions = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            UUID s = streams.get(i % 3);
            int v = versions.getOrDefault(s, 0);
            appendOne(s, v, caseId);
            versions.put(s, v + 1);
        }
        assertThat(topicContent(30, Duration.ofSeconds(1))).hasSize(30);
        EventRelay active = one.status().active() ? one : two;
        EventRelay standby = active == one ? two : one;
        await().atMost(WAIT).until(() -> active.status().publishedTotal() == 30);
        assertThat(standby.status().publishedTotal()).isZero();
        assertThat(standby.status().active()).isFalse();

        active.stop();
        await().atMost(WAIT).until(() -> standby.status().active());
        for (int i = 0; i < 30; i++) {
            UUID s = streams.get(i % 3);
            int v = versions.get(s);
            appendOne(s, v, caseId);
            versions.put(s, v + 1);
        }
        List<ConsumerRecord<String, String>> records = topicContent(60, Duration.ofSeconds(2));
        assertThat(records).hasSize(60);
        assertThat(records.stream().map(TestKafka::eventId).collect(Collectors.toSet())).hasSize(60);
        assertThat(standby.status().publishedTotal()).isEqualTo(30);
    }

    @Test
    void a_relay_whose_database_connection_is_killed_takes_the_lock_again_and_carries_on() {
        EventRelay relay = relay(settings());
        relay.start();
        UUID stream = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        appendOne(stream, 0, caseId);
        await().atMost(WAIT).until(() -> relay.status().publishedTotal() == 1);

        assertThat(db.count("select count(pg_terminate_backend(pid)) from pg_locks where locktype = 'advisory'"
                + " and database = (select oid from pg_database where datname = current_database())")).isOne();
        for (int v = 1; v < 5; v++) {
            appendOne(stream, v, caseId);
        }
        List<ConsumerRecord<String, String>> records = topicContent(5, Duration.ofSeconds(1));
        assertThat(records).extracting(r -> header(r, "ehcp-stream-version")).containsExactly("1", "2", "3", "4", "5");
        await().atMost(WAIT).until(() -> relay.status().active() && relay.status().lag() == 0);
    }

    @Test
    void stopping_after_a_final_pass_publishes_every_committed_event_even_one_held_back_by_an_open_transaction()
            throws Exception {
        EventRelay relay = activeRelay();
        UUID caseId = UUID.randomUUID();
        UUID stream = UUID.randomUUID();

        SqlConnection older = db.pool.getConnection().await().atMost(TIMEOUT);
        ExecutorService stopper = Executors.newSingleThreadExecutor();
        List<StoredEvent> committed;
        Future<Boolean> stopped;
        try {
            Transaction tx = holdingTheHorizon(older);
            committed = store.append(stream, 0, List.of(event(caseId, "S1", "{}"), event(caseId, "S2", "{}")))
                    .await().atMost(TIMEOUT);
            await().atMost(WAIT).until(() -> relay.status().heldBack());

            // the service stops: the final pass must wait for the older transaction, not give up on the events
            stopped = stopper.submit(() -> relay.stopAfterFinalPass(WAIT));
            await().atMost(WAIT).until(relay::finalPassRequested);
            assertThat(relay.status().publishedTotal()).isZero();
            tx.rollback().await().atMost(TIMEOUT);
        } finally {
            older.close().await().atMost(TIMEOUT);
            stopper.shutdown();
        }

        assertThat(stopped.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the final pass completed").isTrue();
        assertThat(relay.status().running()).isFalse();
        assertThat(relay.status().publishedTotal()).isEqualTo(2);
        List<ConsumerRecord<String, String>> records = topicContent(2, Duration.ofSeconds(1));
        assertThat(records).extracting(TestKafka::eventId)
                .containsExactly(committed.get(0).eventId(), committed.get(1).eventId());
        assertThat(db.count("select position from relay_checkpoint where relay = '" + topic + "'"))
                .isEqualTo(committed.get(1).position());
    }

    @Test
    void the_final_pass_is_bounded_by_its_timeout_and_leaves_what_it_could_not_publish_to_the_next_relay() {
        EventRelay relay = activeRelay();
        UUID caseId = UUID.randomUUID();
        UUID stream = UUID.randomUUID();

        SqlConnection older = db.pool.getConnection().await().atMost(TIMEOUT);
        try {
            Transaction tx = holdingTheHorizon(older);
            appendOne(stream, 0, caseId);
            await().atMost(WAIT).until(() -> relay.status().heldBack());

            // the older transaction outlives the pass: stop gives up after the timeout, publishing nothing
            assertThat(relay.stopAfterFinalPass(Duration.ofMillis(300))).isFalse();
            assertThat(relay.status().running()).isFalse();
            assertThat(relay.status().publishedTotal()).isZero();
            tx.rollback().await().atMost(TIMEOUT);
        } finally {
            older.close().await().atMost(TIMEOUT);
        }

        EventRelay next = relay(settings());
        next.start();
        assertThat(topicContent(1, Duration.ofSeconds(1))).extracting(r -> header(r, "ehcp-stream-version"))
                .containsExactly("1");
        await().atMost(WAIT).until(() -> next.status().publishedTotal() == 1);
    }

    EventRelay activeRelay() {
        EventRelay relay = relay(settings());
        relay.start();
        await().atMost(WAIT).until(() -> relay.status().active());
        return relay;
    }

    /** An open transaction with an xid: the relay publishes nothing committed after it until it ends. */
    static Transaction holdingTheHorizon(SqlConnection connection) {
        Transaction tx = connection.begin().await().atMost(TIMEOUT);
        connection.query("select pg_current_xact_id()").execute().await().atMost(TIMEOUT);
        return tx;
    }

    /** Waits until the relay published {@code total} events; on timeout, says why (relay status, open transactions). */
    void awaitPublished(EventRelay relay, long total) {
        try {
            await().atMost(WAIT).until(() -> relay.status().publishedTotal() >= total && relay.status().lag() == 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            StringBuilder open = new StringBuilder();
            db.pool.query("select pid, datname, state, backend_xid::text, backend_xmin::text, xact_start, left(query, 120) as q"
                    + " from pg_stat_activity where backend_xid is not null or backend_xmin is not null").execute()
                    .await().atMost(TIMEOUT).forEach(r -> open.append('\n').append(r.toJson()));
            db.pool.query("select (select count(*) from event) as events, (select count(distinct tx_id) from event) as txs,"
                    + " c.tx_id::text as cp_tx, c.position as cp_pos,"
                    + " (select count(*) from event e where (e.tx_id, e.position) <= (c.tx_id, c.position)) as upto_cp,"
                    + " (select count(*) from event e where e.position > c.position) as pos_after_cp,"
                    + " (select string_agg(e.position || '@' || e.tx_id::text, ',' order by e.position) from event e"
                    + "   where e.position > c.position - 20) as tail,"
                    + " (select string_agg(e.position || '@' || e.tx_id::text, ',' order by e.position) from event e"
                    + "   where e.position < 200) as head"
                    + " from relay_checkpoint c").execute()
                    .await().atMost(TIMEOUT).forEach(r -> open.append("\nDB: ").append(r.toJson()));
            StringBuilder stacks = new StringBuilder();
            Thread.getAllStackTraces().forEach((t, st) -> {
                if (t.getName().startsWith("ehcp-relay") || t.getName().startsWith("vert.x-eventloop")) {
                    stacks.append("\n--- ").append(t.getName()).append(' ').append(t.getState());
                    for (StackTraceElement el : st) {
                        stacks.append("\n    at ").append(el);
                    }
                }
            });
            throw new AssertionError("relay did not publish " + total + " events: " + relay.status()
                    + "\nsessions with an xid or xmin:" + open + "\nthreads:" + stacks, e);
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
