package org.ehcptracker.eventstore;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.devinfra.TestInfra;
import org.ehcptracker.devinfra.VertxContexts;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * A Quarkus app with this jar: the beans are discovered, Flyway runs the scripts, the relay starts from
 * config, and an append through the Hibernate Reactive session shares the transaction of the entities.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "es_quarkus"))
class QuarkusWiringTest {

    static final String TOPIC = "ehcp.event-store.wiring-test";

    @Inject
    EventStore store;

    @Inject
    EventRelayLifecycle lifecycle;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Test
    void the_injected_store_appends_and_the_configured_relay_publishes() {
        assertThat(lifecycle.relay()).isPresent();
        await().atMost(Duration.ofSeconds(30)).until(() -> lifecycle.status().orElseThrow().active());

        UUID stream = UUID.randomUUID();
        NewEvent event = NewEvent.of(UUID.randomUUID(), "WiringChecked", 1, "{\"ok\":true}");
        assertThat(store.append(stream, 0, List.of(event)).await().atMost(Duration.ofSeconds(30))).hasSize(1);

        await().atMost(Duration.ofSeconds(60)).until(() -> TestKafka.readAll(TestInfra.get().kafkaBootstrapServers(),
                        TOPIC, 1, Duration.ofSeconds(5), Duration.ZERO).stream().map(TestKafka::eventId)
                .anyMatch(event.eventId()::equals));
    }

    @Test
    @RunOnVertxContext
    void an_append_through_the_session_commits_with_the_entity_written_after_it(UniAsserter asserter) {
        UUID stream = UUID.randomUUID();
        NewEvent event = NewEvent.of(UUID.randomUUID(), "Committed", 1, "{}");
        asserter.assertThat(() -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> store.append(session, stream, 0, List.of(event)))
                        .call(() -> WiringNote.of(stream, "written with the append").persist())),
                stored -> assertThat(stored).singleElement().satisfies(e -> assertThat(e.eventId()).isEqualTo(event.eventId())));
        asserter.assertThat(() -> Panache.withSession(() -> WiringNote.<WiringNote>findById(stream)),
                note -> assertThat(note.note).isEqualTo("written with the append"));
        asserter.assertThat(() -> Panache.withSession(() -> Panache.getSession().chain(session -> store.load(session, stream))),
                events -> assertThat(events).extracting(StoredEvent::eventId).containsExactly(event.eventId()));
    }

    @Test
    @RunOnVertxContext
    void when_a_later_write_fails_the_entity_and_the_appended_events_roll_back_together(UniAsserter asserter) {
        UUID stream = UUID.randomUUID();
        NewEvent event = NewEvent.of(UUID.randomUUID(), "RolledBack", 1, "{}");
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> store.append(session, stream, 0, List.of(event)))
                        .call(() -> WiringNote.of(stream, "written with the append").persist())
                        .call(() -> Panache.getSession().chain(Mutinies::flush))
                        // a second row with the same key: the transaction fails after both writes reached the database
                        .call(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "insert into wiring_note (id, note) values (?1, 'again')").setParameter(1, stream)
                                .executeUpdate()))),
                failure -> assertThat(failure).hasStackTraceContaining("wiring_note_pkey"));
        asserter.assertThat(() -> Panache.withSession(() -> WiringNote.<WiringNote>findById(stream)),
                note -> assertThat(note).isNull());
        asserter.assertThat(() -> Panache.withSession(() -> Panache.getSession()
                        .chain(session -> store.load(session, stream))),
                events -> assertThat(events).isEmpty());
    }

    @Test
    @RunOnVertxContext
    void an_entity_written_before_the_append_is_refused_so_the_append_stays_the_first_write(UniAsserter asserter) {
        UUID stream = UUID.randomUUID();
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> WiringNote.of(stream, "too early").persist()
                        .call(() -> Panache.getSession().chain(Mutinies::flush))
                        .chain(() -> Panache.getSession())
                        .chain(session -> store.append(session, stream, 0,
                                List.of(NewEvent.of(UUID.randomUUID(), "TooLate", 1, "{}"))))),
                failure -> assertThat(failure).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("first write"));
        asserter.assertThat(() -> Panache.withSession(() -> WiringNote.<WiringNote>findById(stream)),
                note -> assertThat(note).isNull());
    }

    @Test
    void two_concurrent_appends_through_sessions_at_one_version_one_wins_the_other_is_a_concurrency_conflict() {
        UUID stream = UUID.randomUUID();
        CompletableFuture<Void> release = new CompletableFuture<>();
        // A appends version 1 and keeps its transaction open until released
        CompletableFuture<List<StoredEvent>> a = VertxContexts.onNewContext(() -> Panache.withTransaction(() ->
                Panache.getSession().chain(s -> store.append(s, stream, 0, List.of(NewEvent.of(UUID.randomUUID(), "A", 1, "{}"))))
                        .call(() -> resumedOnThisContext(release))));
        await().atMost(Duration.ofSeconds(30)).until(() -> idleInTransaction() == 1);
        // B saw no events either: its insert waits on A's key, then breaks it once A commits
        CompletableFuture<List<StoredEvent>> b = VertxContexts.onNewContext(() -> Panache.withTransaction(() ->
                Panache.getSession().chain(s -> store.append(s, stream, 0, List.of(NewEvent.of(UUID.randomUUID(), "B", 1, "{}"))))));
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLock() >= 1);
        release.complete(null);

        assertThat(a).succeedsWithin(Duration.ofSeconds(30));
        assertThat(b).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                .havingCause().isInstanceOf(ConcurrencyConflict.class);
        assertThat(store.load(stream).await().atMost(Duration.ofSeconds(30))).extracting(StoredEvent::type).containsExactly("A");
    }

    /**
     * The snapshot horizon is cluster-wide: one transaction left open in ANOTHER database of the cluster holds every
     * relay back. Readiness and the metrics must say so within seconds, and recover when it ends.
     */
    @Test
    void a_transaction_left_open_elsewhere_in_the_cluster_shows_in_readiness_and_metrics_until_it_ends() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        TestInfra infra = TestInfra.get();
        try (java.sql.Connection other = java.sql.DriverManager.getConnection(infra.jdbcUrl("postgres"), infra.username(),
                infra.password())) {
            other.setAutoCommit(false);
            try (var statement = other.createStatement()) {
                statement.execute("select pg_current_xact_id()");
            }
            NewEvent event = NewEvent.of(UUID.randomUUID(), "HeldBack", 1, "{}");
            store.append(UUID.randomUUID(), 0, List.of(event)).await().atMost(Duration.ofSeconds(30));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'event relay' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'event relay' }.data.heldBack", equalTo(true))
                    .body("checks.find { it.name == 'event relay' }.data.lag", greaterThanOrEqualTo(1)));
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).containsPattern("ehcp_relay_held_back\\{[^}]*relay=\"" + TOPIC + "\"[^}]*} 1\\.0")
                    .containsPattern("ehcp_relay_lag\\{[^}]*} [1-9]")
                    .containsPattern("ehcp_relay_oldest_unpublished_age_seconds\\{[^}]*} [1-9]");
            // liveness is not affected: restarting would not help
            given().get("/q/health/live").then().statusCode(200);
            other.rollback();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'event relay' }.data.lag", equalTo(0)));
    }

    /** Waits for {@code release}, then goes on on the caller's Vert.x context, where its session lives. */
    private static Uni<Void> resumedOnThisContext(CompletableFuture<Void> release) {
        return Uni.createFrom().emitter(emitter -> {
            io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
            release.thenRun(() -> context.runOnContext(ignored -> emitter.complete(null)));
        });
    }

    /** Transactions of this database left open between statements: A's, while it waits to be released. */
    private long idleInTransaction() {
        return count("select count(*) from pg_stat_activity where state = 'idle in transaction' and datname = current_database()");
    }

    private long waitingOnLock() {
        return count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()");
    }

    private long count(String sql) {
        return pool.query(sql).execute().await().atMost(Duration.ofSeconds(30)).iterator().next().getLong(0);
    }

    /** Session.flush as a Uni of anything, for {@code .call}. */
    static final class Mutinies {
        static Uni<Void> flush(org.hibernate.reactive.mutiny.Mutiny.Session session) {
            return session.flush();
        }
    }
}
