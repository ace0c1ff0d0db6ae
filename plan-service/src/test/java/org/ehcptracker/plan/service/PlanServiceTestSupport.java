package org.ehcptracker.plan.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.ehcptracker.contracts.ContractExamples;
import org.ehcptracker.contracts.Topics;
import org.ehcptracker.devinfra.TestInfra;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the service tests share: publishing the contract examples (with fresh ids) to the upstream
 * topics, reading plan-service's topic, and looking at its local views. All @QuarkusTest classes of
 * this module use the same test resource, so Quarkus boots once.
 */
abstract class PlanServiceTestSupport {

    static final String ACTOR = "caseworker:jsmith";
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    static KafkaCompanion kafka;

    @Inject
    Pool pool;

    @BeforeAll
    static void startCompanion() {
        kafka = new KafkaCompanion(TestInfra.get().kafkaBootstrapServers());
    }

    @AfterAll
    static void closeCompanion() {
        kafka.close();
    }

    /**
     * The checked-in example of {@code type} with a new eventId, the given caseId and the given field
     * overrides (e.g. businessDate, adviceRequestId).
     */
    static ObjectNode example(String type, UUID caseId, Map<String, String> overrides) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(ContractExamples.json(type));
            node.put("eventId", UUID.randomUUID().toString());
            node.put("caseId", caseId.toString());
            overrides.forEach(node::put);
            return node;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs a JSON body as a caseworker with every council. */
    static ValidatableResponse postJson(String path, Object body, Object... params) {
        return given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON).body(body)
                .when().post(path, params)
                .then();
    }

    /** GETs as a caseworker with every council. */
    static ValidatableResponse getJson(String path, Object... params) {
        return given().header("Authorization", TestTokens.bearer(ACTOR)).when().get(path, params).then();
    }

    /** Runs {@code call} twice at once (both released together) and returns the two statuses, sorted. */
    static List<Integer> concurrently(Supplier<Integer> call) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return call.get();
                }))
                .toList();
        start.countDown();
        return calls.stream().map(c -> {
            try {
                return c.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).sorted().toList();
    }

    /** Publishes events to a topic keyed by their caseId, as the upstream relay does, and waits for the acks. */
    static void publish(String topic, JsonNode... events) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (JsonNode e : events) {
            records.add(new ProducerRecord<>(topic, e.get("caseId").asText(), e.toString()));
        }
        kafka.produceStrings().fromRecords(records).awaitCompletion(PATIENCE);
    }

    /** Publishes AssessmentRequested (received on {@code received}) and AssessmentDecided(ASSESS), then waits for the view. */
    UUID caseAcceptedForAssessment(String received) {
        UUID caseId = UUID.randomUUID();
        publish(Topics.ASSESSMENT_EVENTS,
                example("AssessmentRequested", caseId, Map.of("businessDate", received)),
                example("AssessmentDecided", caseId, Map.of("decision", "ASSESS")));
        awaitCase(caseId, "ASSESSING");
        return caseId;
    }

    void awaitCase(UUID caseId, String status) {
        await().atMost(PATIENCE).until(() -> assessmentCase(caseId).map(r -> status.equals(r.getString("status")))
                .orElse(false));
    }

    Optional<Row> assessmentCase(UUID caseId) {
        return one("select * from assessment_case where case_id = $1", caseId);
    }

    Optional<Row> caseAdvice(UUID adviceRequestId) {
        return one("select * from case_advice where advice_request_id = $1", adviceRequestId);
    }

    long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(java.util.Arrays.asList(params))).await().atMost(Duration.ofSeconds(30))
                .iterator().next().getLong(0);
    }

    Optional<Row> one(String sql, Object... params) {
        var it = pool.preparedQuery(sql).execute(Tuple.from(java.util.Arrays.asList(params))).await().atMost(Duration.ofSeconds(30)).iterator();
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }

    /** Waits until {@code n} records keyed by {@code caseId} are on ehcp.plan.events and returns them as JSON. */
    static List<JsonNode> planEvents(UUID caseId, int n) {
        try (var task = kafka.consumeStrings()
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(Topics.PLAN_EVENTS, records -> records.filter(r -> caseId.toString().equals(r.key())))) {
            List<JsonNode> events = new ArrayList<>();
            for (ConsumerRecord<String, String> r : task.awaitRecords(n, PATIENCE).getRecords()) {
                events.add(JSON.readTree(r.value()));
            }
            return events;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single record of {@code type} for {@code caseId}, once {@code n} records of the case are on the topic. */
    static JsonNode planEvent(UUID caseId, int n, String type) {
        List<JsonNode> ofType = planEvents(caseId, n).stream().filter(e -> type.equals(e.get("type").asText())).toList();
        if (ofType.size() != 1) {
            throw new AssertionError("expected one " + type + " for case " + caseId + " but found " + ofType);
        }
        return ofType.get(0);
    }
}
