package org.ehcptracker.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ehcptracker.contracts.Topics;
import org.ehcptracker.devinfra.ServiceProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14, a poison record on a topic: a record no consumer can read, written to the assessment topic under a case's
 * key (so on the same partition as the case's next events). Every consumer of the topic parks it in its own
 * {@code dead_letter} and goes on: the case's next event reaches reporting-service after it. An operator sees it
 * through {@code /api/operations/dead-letters} and a replay before the fix leaves it parked with its error (the fix,
 * a version that reads the type, is consumer-kit's {@code DeadLetterReplayTest}). Council 884 is this class's own.
 */
@ExtendWith(SystemStack.Shared.class)
class PoisonRecordSystemTest {

    static final String LA = "884";
    static final String ADMIN = "admin:system-test";
    static final Duration PATIENCE = Duration.ofSeconds(90);

    static SystemStack stack;
    static CaseSteps steps;

    @BeforeAll
    static void stack(SystemStack s) {
        stack = s;
        steps = new CaseSteps(s);
    }

    static List<String> timelineTypes(String caseId) {
        var response = given().baseUri(stack.reporting.baseUrl())
                .header("Authorization", SystemStack.bearer(CaseSteps.CASEWORKER))
                .get("/api/cases/{id}/timeline", caseId);
        return response.statusCode() == 404 ? List.of() : response.jsonPath().getList("type");
    }

    static JsonPath deadLetters(ServiceProcess service) {
        return given().baseUri(service.baseUrl()).header("Authorization", SystemStack.bearer(ADMIN))
                .get("/api/operations/dead-letters").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void every_consumer_parks_the_poison_record_goes_on_with_the_partition_and_an_operator_sees_it() throws Exception {
        String caseId = steps.requestAssessment(LA, "2025-03-03", "POISON-1");
        String poisonId = UUID.randomUUID().toString();
        String poison = "{\"type\":\"AssessmentFromTheFuture\",\"eventId\":\"" + poisonId + "\",\"caseId\":\"" + caseId
                + "\",\"localAuthorityCode\":\"" + LA + "\",\"businessDate\":\"2025-03-04\"}";
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().address(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ASSESSMENT_EVENTS, caseId, poison)).get();
        }
        // the case's next event, on the same partition after the poison record
        steps.decideToAssess(caseId, "2025-03-10");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(timelineTypes(caseId)).contains("AssessmentRequested", "AssessmentDecided");
            for (ServiceProcess service : List.of(stack.reporting, stack.advice, stack.plan)) {
                JsonPath parked = deadLetters(service);
                assertThat(parked.getList("findAll { it.eventId == '" + poisonId + "' }.type"))
                        .as("parked by %s", service.baseUrl()).containsOnly("AssessmentFromTheFuture");
                assertThat(parked.getString("find { it.eventId == '" + poisonId + "' }.localAuthorityCode")).isEqualTo(LA);
            }
        });

        // replayed before the fix: still unreadable, still parked, the answer says why
        String consumer = deadLetters(stack.reporting).getString("find { it.eventId == '" + poisonId + "' }.consumer");
        // no body; JSON as the content type, since a form post to reporting-service must carry the pages' CSRF token
        given().baseUri(stack.reporting.baseUrl()).header("Authorization", SystemStack.bearer(ADMIN))
                .contentType(io.restassured.http.ContentType.JSON)
                .post("/api/operations/dead-letters/{consumer}/{eventId}/replay", consumer, poisonId)
                .then().log().ifValidationFails().statusCode(200).body("applied", equalTo(false)).body("error", containsString("AssessmentFromTheFuture"));
        assertThat(deadLetters(stack.reporting).getList("eventId")).contains(poisonId);
        // the timeline took nothing of it
        assertThat(timelineTypes(caseId)).doesNotContain("AssessmentFromTheFuture");
    }
}
