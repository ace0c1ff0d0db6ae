package org.ehcptracker.reporting.rebuild;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.Topics;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.devinfra.TestInfra;
import org.ehcptracker.reporting.domain.Events;
import org.ehcptracker.testtokens.TestTokens;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The switch to a rebuilt set of read models (docs/reporting.md, "Rebuilding the read models") against real
 * PostgreSQL and Kafka. A rebuild process is this service's jar in another process, which a {@code @QuarkusTest}
 * cannot start: here the rebuilt schema is made as the process makes it (Flyway, the same scripts) and filled with
 * the live tables' rows, and its consumer groups' offsets set to the topics' ends, so that what is tested is the
 * switch itself: the gate on the offsets, the atomic swap, the guard that moves with the tables, the refusals. The
 * replay by a real rebuild process, under load, is system-tests' {@code RebuildSystemTest}.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class ReadModelSwitchTest {

    static final String LA = "890";
    static final String ADMIN = "admin:operator1";
    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final ObjectMapper JSON = EventJson.newObjectMapper();
    static final EventJson EVENTS = new EventJson();
    static final List<String> CHANNELS = List.of("advice-events", "assessment-events", "plan-events");

    static KafkaCompanion kafka;
    static Admin admin;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void connect() {
        kafka = new KafkaCompanion(TestInfra.get().kafkaBootstrapServers());
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers());
        admin = Admin.create(props);
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
        admin.close();
    }

    @Test
    void a_caught_up_rebuild_is_switched_in_at_once_the_board_unchanged_and_a_redelivered_event_not_counted_twice()
            throws Exception {
        // three cases of council 890: one issued (requested 2025-01-06, assess 2025-02-10, plan 2025-05-19 = day 133),
        // one open (requested 2025-03-03, advice asked 2025-03-10), one withdrawn (requested 2025-02-03, withdrawn 2025-03-10)
        Events issued = Events.forNewCase(LA);
        Events open = Events.forNewCase(LA);
        Events withdrawn = Events.forNewCase(LA);
        AssessmentRequested issuedRequest = issued.requested(LocalDate.of(2025, 1, 6));
        publish(List.of(issuedRequest, issued.decided(LocalDate.of(2025, 2, 10), AssessmentDecision.ASSESS),
                issued.finalPlan(LocalDate.of(2025, 5, 19), LocalDate.of(2025, 1, 6)),
                open.requested(LocalDate.of(2025, 3, 3)),
                open.adviceRequested(LocalDate.of(2025, 3, 10), AdviceType.values()[0], "ep-890"),
                withdrawn.requested(LocalDate.of(2025, 2, 3)), withdrawn.withdrawn(LocalDate.of(2025, 3, 10))));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(timeline(issued).size()).isEqualTo(3);
            assertThat(timeline(open).size()).isEqualTo(2);
            assertThat(timeline(withdrawn).size()).isEqualTo(2);
            assertThat(count("select count(*) from case_progress where case_id in ('%s', '%s', '%s') and status in"
                    .formatted(issued.caseId(), open.caseId(), withdrawn.caseId())
                    + " ('PLAN_ISSUED', 'OPEN', 'WITHDRAWN') and received_date is not null")).isEqualTo(3);
        });
        // every record on the topics (this class's and earlier classes') applied by the live service, so that the
        // copy below is the live tables' final state
        awaitLiveCaughtUp();
        JsonNode boardBefore = board();
        Map<String, List<String>> tablesBefore = dumps("public");

        buildRebuild("rebuild_11", true);
        long rebuiltTimeline = oid("rebuild_11.case_timeline");
        commitRebuildAtTheEnds(11);

        Response switched = switchTo("rebuild_11", ADMIN);
        assertThat(switched.statusCode()).as(switched.asString()).isEqualTo(200);
        JsonNode answer = JSON.readTree(switched.asString());
        assertThat(answer.get("schema").asText()).isEqualTo("rebuild_11");
        assertThat(answer.get("retired").asText()).isEqualTo("retired_11");
        List<String> moved = new ArrayList<>();
        answer.get("tables").forEach(t -> moved.add(t.asText()));
        assertThat(moved).contains("processed_event", "case_timeline", "case_progress")
                .doesNotContain("dead_letter", "flyway_schema_history");

        // the live tables are the rebuilt ones now; the old ones and the rebuild's schema are gone
        assertThat(oid("public.case_timeline")).isEqualTo(rebuiltTimeline);
        assertThat(count("select count(*) from information_schema.schemata where schema_name in"
                + " ('rebuild_11', 'retired_11')")).isZero();
        assertThat(count("select count(*) from information_schema.tables where table_schema = 'public'"
                + " and table_name in ('dead_letter', 'flyway_schema_history')")).isEqualTo(2);
        assertThat(board()).isEqualTo(boardBefore);
        assertThat(dumps("public")).isEqualTo(tablesBefore);

        // a redelivery of an event the rebuild applied, then a new event of the same case behind it (same key:
        // same partition, so once the new one is in, the redelivered one was handled): applied once
        var dispute = issued.mediation(LocalDate.of(2025, 6, 2));
        publish(List.of(issuedRequest, dispute));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(timeline(issued).size()).isEqualTo(4));
        List<String> types = new ArrayList<>();
        timeline(issued).forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).containsExactly("AssessmentRequested", "AssessmentDecided", "FinalPlanIssued",
                "MediationOrTribunalRecorded");
        // applied once: one timeline row (its own guard, decision 26) and one processed_event row (case_progress's)
        assertThat(count("select count(*) from case_timeline where event_id = '" + issuedRequest.eventId() + "'"))
                .as("case_timeline rows of the redelivered event").isEqualTo(1);
        assertThat(count("select count(*) from processed_event where event_id = '" + issuedRequest.eventId() + "'"))
                .as("processed_event rows of the redelivered event (progress)").isEqualTo(1);
    }

    @Test
    void refused_with_problem_details_for_a_bad_name_an_unknown_schema_a_rebuild_behind_and_a_non_administrator()
            throws Exception {
        assertProblem(switchTo("public", ADMIN), 400, "schema");
        assertProblem(switchTo("rebuild_0", ADMIN), 400, "schema");
        assertProblem(switchTo("pg_catalog", ADMIN), 400, "schema");
        assertProblem(switchTo("rebuild_404", ADMIN), 404, null);
        assertProblem(given().header("Authorization", TestTokens.bearer(ADMIN))
                .get("/api/admin/read-models/rebuilds/rebuild_404"), 404, null);
        assertProblem(switchTo("rebuild_404", "board:member1"), 403, null);
        assertProblem(switchTo("rebuild_404", "caseworker:cw1"), 403, null);

        // a rebuild whose groups have committed nothing while the topics hold records: not caught up
        publish(List.of(Events.forNewCase(LA).requested(LocalDate.of(2025, 4, 7))));
        buildRebuild("rebuild_12", false);
        Response progress = given().header("Authorization", TestTokens.bearer(ADMIN))
                .get("/api/admin/read-models/rebuilds/rebuild_12");
        assertThat(progress.statusCode()).as(progress.asString()).isEqualTo(200);
        JsonNode behind = JSON.readTree(progress.asString());
        assertThat(behind.get("committed").asLong()).isZero();
        assertThat(behind.get("lag").asLong()).isEqualTo(behind.get("onTopics").asLong()).isPositive();
        assertThat(behind.get("caughtUp").asBoolean()).isFalse();
        long liveTimeline = oid("public.case_timeline");
        assertProblem(switchTo("rebuild_12", ADMIN), 409, null);
        assertThat(oid("public.case_timeline")).as("nothing switched").isEqualTo(liveTimeline);
        assertThat(count("select count(*) from information_schema.schemata where schema_name = 'retired_12'")).isZero();
        execute("drop schema rebuild_12 cascade");
    }

    @Test
    void two_switches_at_once_one_wins_and_the_other_is_409() throws Exception {
        buildRebuild("rebuild_13", true);
        commitRebuildAtTheEnds(13);
        long rebuilt = oid("rebuild_13.case_timeline");
        CompletableFuture<Response> first;
        // a live projection's write in flight: the first switch waits for it while holding the switch
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (Statement st = writer.createStatement()) {
                st.execute("lock table public.case_timeline in row exclusive mode");
            }
            first = CompletableFuture.supplyAsync(() -> switchTo("rebuild_13", ADMIN));
            await().atMost(PATIENCE).until(() -> count("select count(*) from pg_locks where not granted"
                    + " and relation = 'public.case_timeline'::regclass") > 0);
            Response second = switchTo("rebuild_13", ADMIN);
            assertProblem(second, 409, null);
            assertThat(second.asString()).contains("already running");
            writer.rollback();
        }
        Response won = first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(won.statusCode()).as(won.asString()).isEqualTo(200);
        assertThat(oid("public.case_timeline")).isEqualTo(rebuilt);
    }

    // ---- the rebuild as its process would leave it ------------------------------------------------------------

    /** The schema migrated by the service's own scripts, as the rebuild process's Flyway does; filled if asked. */
    void buildRebuild(String schema, boolean withLiveRows) throws Exception {
        if (withLiveRows) {
            awaitLiveCaughtUp();
        }
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration", "classpath:db/consumer").load().migrate();
        if (withLiveRows) {
            for (String table : List.of("processed_event", "case_timeline", "case_progress")) {
                execute("insert into " + schema + "." + table + " select * from public." + table);
            }
        }
    }

    /** The live consumer groups have committed every record on the topics: the live tables hold them all. */
    void awaitLiveCaughtUp() {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String channel : CHANNELS) {
                var committed = admin.listConsumerGroupOffsets("reporting-service-" + channel)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                for (var end : ends(channel).entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    assertThat(at == null ? 0 : at.offset()).as("live %s on %s", channel, end.getKey())
                            .isEqualTo(end.getValue().offset());
                }
            }
        });
    }

    /** Each rebuild group's committed offsets at the topics' current ends: every record applied. */
    void commitRebuildAtTheEnds(int n) throws Exception {
        for (String channel : CHANNELS) {
            admin.alterConsumerGroupOffsets("reporting-rebuild-" + n + "-" + channel, ends(channel)).all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** The end offset of each partition of the channel's topic. */
    static Map<TopicPartition, OffsetAndMetadata> ends(String channel) throws Exception {
        String topic = Map.of("assessment-events", Topics.ASSESSMENT_EVENTS, "advice-events", Topics.ADVICE_EVENTS,
                "plan-events", Topics.PLAN_EVENTS).get(channel);
        org.apache.kafka.clients.admin.TopicDescription description;
        try {
            description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return Map.of(); // nothing published on it yet
            }
            throw e;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                .forEach((tp, info) -> ends.put(tp, new OffsetAndMetadata(info.offset())));
        return ends;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** No body; JSON as the content type, since a form post to reporting-service must carry the pages' CSRF token. */
    static Response switchTo(String schema, String who) {
        return given().header("Authorization", TestTokens.bearer(who)).contentType(io.restassured.http.ContentType.JSON)
                .post("/api/admin/read-models/rebuilds/{schema}/switch", schema);
    }

    static void assertProblem(Response answer, int status, String field) throws Exception {
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.asString());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(answer.asString()).contains(field);
        }
    }

    JsonNode board() throws Exception {
        return JSON.readTree(given().header("Authorization", TestTokens.bearer("board:member1"))
                .queryParam("from", "2025-01-01").queryParam("to", "2025-08-31")
                .get("/api/local-authorities/{la}/board", LA).then().statusCode(200).extract().asString());
    }

    static JsonNode timeline(Events c) throws Exception {
        return JSON.readTree(given().header("Authorization", TestTokens.bearer("caseworker:cw1"))
                .get("/api/cases/{id}/timeline", c.caseId()).then().statusCode(200).extract().asString());
    }

    /** Every row of each read-model table, as text, ordered. */
    Map<String, List<String>> dumps(String schema) throws SQLException {
        Map<String, List<String>> out = new HashMap<>();
        for (String table : List.of("processed_event", "case_timeline", "case_progress")) {
            List<String> rows = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select t::text from " + schema + "." + table + " t order by 1")) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            out.put(table, rows);
        }
        return out;
    }

    long oid(String table) throws SQLException {
        return count("select '" + table + "'::regclass::oid::bigint");
    }

    long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    void publish(List<IntegrationEvent> events) {
        List<ProducerRecord<String, String>> records = events.stream()
                .map(e -> new ProducerRecord<>(topicOf(e), e.caseId().toString(), EVENTS.write(e))).toList();
        kafka.produceStrings().fromRecords(records).awaitCompletion(PATIENCE);
    }

    static String topicOf(IntegrationEvent e) {
        if (e instanceof AssessmentEvent) {
            return Topics.ASSESSMENT_EVENTS;
        }
        return e instanceof PlanEvent ? Topics.PLAN_EVENTS : Topics.ADVICE_EVENTS;
    }
}
