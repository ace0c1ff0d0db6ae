package org.ehcptracker.assessment.messaging;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.ehcptracker.contracts.ContractExamples;
import org.ehcptracker.contracts.Topics;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.devinfra.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Consumer side of plan-service's contract: the checked-in {@code FinalPlanIssued} example, published to
 * ehcp.plan.events with this test's ids, reaches the local view {@code final_plan_issued}; the case leaves the
 * worklist's due steps (shown with its issue date) and an exception or transfer in after the issue date is refused
 * with 422. Council 961 is this test's own.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
class PlanEventsConsumerTest {

    static final String LA = "961";
    static final String ACTOR = "caseworker:teamlead";
    /** corrections of the record are the team manager's (issue 11) */
    static final String MANAGER = "team-manager:teamlead";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
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

    static RequestSpecification manager() {
        return given().header("Authorization", TestTokens.bearer(MANAGER)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static RequestSpecification api() {
        return given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A case of council 961 received {@code received}, assessed 30 days later, concluded ISSUE_PLAN 100 days later. */
    static UUID concludedToIssueAPlan(LocalDate received) {
        UUID caseId = UUID.randomUUID();
        api().body(Map.of("caseId", caseId.toString(), "localAuthorityCode", LA, "receivedDate", received.toString(),
                "requestedBy", "PARENT", "childRef", "P-" + caseId.toString().substring(0, 8).toUpperCase()))
                .post("/api/cases").then().statusCode(201);
        api().body(Map.of("decision", "ASSESS", "decisionDate", received.plusDays(30).toString()))
                .post("/api/cases/{id}/decision", caseId).then().statusCode(200);
        api().body(Map.of("outcome", "ISSUE_PLAN", "conclusionDate", received.plusDays(100).toString()))
                .post("/api/cases/{id}/conclusion", caseId).then().statusCode(200);
        return caseId;
    }

    /** plan-service's contract example of {@code type}, with a new eventId and planId, this case and these fields. */
    static ObjectNode planEvent(String type, UUID caseId, Map<String, String> overrides) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(ContractExamples.json(type));
        node.put("eventId", UUID.randomUUID().toString());
        node.put("caseId", caseId.toString());
        node.put("localAuthorityCode", LA);
        node.put("planId", UUID.randomUUID().toString());
        overrides.forEach(node::put);
        return node;
    }

    /** Publishes to ehcp.plan.events keyed by caseId, as plan-service's relay does. */
    static void publish(ObjectNode... events) {
        kafka.produceStrings().fromRecords(java.util.Arrays.stream(events)
                        .map(e -> new ProducerRecord<>(Topics.PLAN_EVENTS, e.get("caseId").asText(), e.toString())).toList())
                .awaitCompletion(PATIENCE);
    }

    Optional<Row> view(UUID caseId) {
        var it = pool.preparedQuery("select * from final_plan_issued where case_id = $1").execute(Tuple.of(caseId))
                .await().atMost(Duration.ofSeconds(30)).iterator();
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }

    static JsonPath worklist(String query) {
        return api().get("/api/worklist?la=" + LA + query).then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> exception(String limit, LocalDate start) {
        Map<String, Object> body = new HashMap<>();
        body.put("exceptionId", UUID.randomUUID().toString());
        body.put("limit", limit);
        body.put("reason", "SCHOOL_CLOSURE");
        body.put("startDate", start.toString());
        return body;
    }

    @Test
    void a_final_plan_issued_ends_the_case_on_the_worklist_and_refuses_what_comes_after_it() throws Exception {
        // received 160 days ago: the final plan was due 20 days ago (day 140), so the case is overdue
        LocalDate received = TODAY.minusDays(160);
        LocalDate issued = TODAY.minusDays(5);
        UUID caseId = concludedToIssueAPlan(received);
        JsonPath before = worklist("&overdue=true");
        assertThat(before.getList("cases.caseId", String.class)).contains(caseId.toString());
        assertThat(before.getString("cases.find { it.caseId == '" + caseId + "' }.nextStep")).isEqualTo("FINAL_PLAN_20_WEEKS");

        ObjectNode finalPlan = planEvent("FinalPlanIssued", caseId,
                Map.of("businessDate", issued.toString(), "requestReceivedDate", received.toString()));
        // a draft first, as plan-service publishes it: marked processed, nothing kept
        publish(planEvent("DraftPlanIssued", caseId, Map.of("businessDate", issued.minusDays(20).toString())), finalPlan);
        await().atMost(PATIENCE).until(() -> view(caseId).isPresent());
        Row row = view(caseId).orElseThrow();
        assertThat(row.getUUID("plan_id")).isEqualTo(UUID.fromString(finalPlan.get("planId").asText()));
        assertThat(row.getLocalDate("issued_date")).isEqualTo(issued);

        // no next step any more: not among the due or overdue cases; listed by its status with the issue date
        assertThat(worklist("").getList("cases.caseId", String.class)).doesNotContain(caseId.toString());
        assertThat(worklist("&overdue=true").getList("cases.caseId", String.class)).doesNotContain(caseId.toString());
        api().get("/api/worklist?la=" + LA + "&status=CONCLUDED_ISSUE_PLAN").then().statusCode(200)
                .body("cases.find { it.caseId == '" + caseId + "' }.nextStep", nullValue())
                .body("cases.find { it.caseId == '" + caseId + "' }.dueDate", nullValue())
                .body("cases.find { it.caseId == '" + caseId + "' }.daysLeft", nullValue())
                .body("cases.find { it.caseId == '" + caseId + "' }.finalPlanIssuedDate", equalTo(issued.toString()));

        // an exception starting after the final plan: 422 naming the field and the issue date
        api().body(exception("FINAL_PLAN_20_WEEKS", issued.plusDays(1))).post("/api/cases/{id}/exceptions", caseId).then()
                .statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("startDate"))
                .body("detail", containsString(issued.toString()))
                .body("detail", containsString("final plan"));
        // a transfer after the final plan: 422
        api().body(Map.of("fromLocalAuthorityCode", "850", "transferDate", issued.plusDays(2).toString()))
                .post("/api/cases/{id}/transfer-in", caseId).then()
                .statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("transferDate"))
                .body("detail", containsString("transfer after the final plan"));
        // an exception of the weeks before the plan, recorded late, is still recorded; the case stays without a step
        Map<String, Object> late = exception("FINAL_PLAN_20_WEEKS", issued.minusDays(10));
        api().body(late).post("/api/cases/{id}/exceptions", caseId)
                .then().statusCode(201);
        assertThat(worklist("").getList("cases.caseId", String.class)).doesNotContain(caseId.toString());
        // its end corrected to a day after the final plan: 422 naming endDate; to the issue day itself: recorded
        manager().body(Map.of("endDate", issued.plusDays(1).toString()))
                .post("/api/cases/{id}/exceptions/{x}/correction", caseId, late.get("exceptionId")).then()
                .statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("endDate"))
                .body("detail", containsString(issued.toString()));
        manager().body(Map.of("endDate", issued.toString()))
                .post("/api/cases/{id}/exceptions/{x}/correction", caseId, late.get("exceptionId")).then().statusCode(200);
        // a withdrawal dated after the final plan: 422 naming withdrawnDate
        api().body(Map.of("withdrawnDate", issued.plusDays(1).toString())).post("/api/cases/{id}/withdrawal", caseId).then()
                .statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("withdrawnDate"))
                .body("detail", containsString("final plan"));
    }

    @Test
    void a_second_final_plan_issued_for_the_case_keeps_the_first_issue_date() throws Exception {
        LocalDate received = TODAY.minusDays(150);
        UUID caseId = concludedToIssueAPlan(received);
        ObjectNode first = planEvent("FinalPlanIssued", caseId,
                Map.of("businessDate", TODAY.minusDays(8).toString(), "requestReceivedDate", received.toString()));
        ObjectNode second = planEvent("FinalPlanIssued", caseId,
                Map.of("businessDate", TODAY.minusDays(1).toString(), "requestReceivedDate", received.toString()));
        // the first again (redelivered, same eventId), then another one
        publish(first, first, second);
        await().atMost(PATIENCE).until(() -> view(caseId).isPresent());
        assertThat(view(caseId).orElseThrow().getLocalDate("issued_date")).isEqualTo(TODAY.minusDays(8));
        await().atMost(PATIENCE).until(() -> processed(second.get("eventId").asText()));
        assertThat(view(caseId).orElseThrow().getLocalDate("issued_date")).isEqualTo(TODAY.minusDays(8));
        api().get("/api/worklist?la=" + LA + "&status=CONCLUDED_ISSUE_PLAN").then().statusCode(200)
                .body("cases.find { it.caseId == '" + caseId + "' }.finalPlanIssuedDate",
                        equalTo(TODAY.minusDays(8).toString()));
        List<String> due = worklist("").getList("cases.caseId", String.class);
        assertThat(due).doesNotContain(caseId.toString());
    }

    boolean processed(String eventId) {
        var it = pool.preparedQuery("select count(*) from processed_event where event_id = $1::uuid")
                .execute(Tuple.of(eventId)).await().atMost(Duration.ofSeconds(30)).iterator();
        return it.next().getLong(0) > 0;
    }
}
