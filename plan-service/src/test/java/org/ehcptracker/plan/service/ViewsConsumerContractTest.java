package org.ehcptracker.plan.service;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.contracts.Topics;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/**
 * Consumer side of the contracts: the checked-in examples of assessment-service's and advice-service's
 * events, published to their topics with fresh ids, are read into plan-service's views, once.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class ViewsConsumerContractTest extends PlanServiceTestSupport {

    @Test
    void assessment_requested_starts_the_case_with_its_clock_at_the_received_date() {
        UUID caseId = UUID.randomUUID();
        publish(Topics.ASSESSMENT_EVENTS, example("AssessmentRequested", caseId, Map.of()));

        await().atMost(PATIENCE).until(() -> assessmentCase(caseId).isPresent());
        Row row = assessmentCase(caseId).orElseThrow();
        assertThat(row.getString("local_authority_code")).isEqualTo("839");
        assertThat(row.getLocalDate("clock_start")).isEqualTo(LocalDate.of(2025, 3, 3));
        assertThat(row.getString("status")).isEqualTo("REQUESTED");
    }

    @Test
    void assessment_decided_to_assess_makes_the_case_assessing() {
        UUID caseId = UUID.randomUUID();
        publish(Topics.ASSESSMENT_EVENTS,
                example("AssessmentRequested", caseId, Map.of()),
                example("AssessmentDecided", caseId, Map.of()));

        awaitCase(caseId, "ASSESSING");
        assertThat(assessmentCase(caseId).orElseThrow().getLocalDate("clock_start")).isEqualTo(LocalDate.of(2025, 3, 3));
    }

    @Test
    void request_withdrawn_makes_the_case_withdrawn() {
        UUID caseId = UUID.randomUUID();
        publish(Topics.ASSESSMENT_EVENTS,
                example("AssessmentRequested", caseId, Map.of()),
                example("RequestWithdrawn", caseId, Map.of()));

        awaitCase(caseId, "WITHDRAWN");
    }

    @Test
    void assessment_concluded_with_no_plan_closes_the_case_and_a_draft_is_refused() {
        UUID caseId = UUID.randomUUID();
        publish(Topics.ASSESSMENT_EVENTS,
                example("AssessmentRequested", caseId, Map.of()),
                example("AssessmentDecided", caseId, Map.of("decision", "ASSESS")),
                example("AssessmentConcluded", caseId, Map.of("outcome", "NO_PLAN")));

        awaitCase(caseId, "CONCLUDED_NO_PLAN");
        given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON).body(Map.of("issuedDate", "2025-06-09"))
                .post("/api/cases/{caseId}/draft-plan", caseId).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("the LA decided not to issue a plan for case " + caseId));
        given().header("Authorization", TestTokens.bearer(ACTOR)).get("/api/cases/{caseId}/plan", caseId).then().statusCode(404);
    }

    @Test
    void assessment_concluded_with_a_plan_to_issue_leaves_the_case_assessing() {
        UUID caseId = UUID.randomUUID();
        ObjectNode concluded = example("AssessmentConcluded", caseId, Map.of("outcome", "ISSUE_PLAN"));
        publish(Topics.ASSESSMENT_EVENTS,
                example("AssessmentRequested", caseId, Map.of()),
                example("AssessmentDecided", caseId, Map.of("decision", "ASSESS")),
                concluded);

        await().atMost(PATIENCE).until(() -> count("select count(*) from processed_event where event_id = $1",
                UUID.fromString(concluded.get("eventId").asText())) == 1);
        assertThat(assessmentCase(caseId).orElseThrow().getString("status")).isEqualTo("ASSESSING");
        given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON).body(Map.of("issuedDate", "2025-06-09"))
                .post("/api/cases/{caseId}/draft-plan", caseId).then()
                .statusCode(201);
    }

    @Test
    void responsibility_transferred_in_restarts_the_clock_and_the_plan_counts_from_it() {
        UUID caseId = UUID.randomUUID();
        publish(Topics.ASSESSMENT_EVENTS,
                example("AssessmentRequested", caseId, Map.of()),
                example("AssessmentDecided", caseId, Map.of()),
                example("ResponsibilityTransferredIn", caseId, Map.of()));

        await().atMost(PATIENCE).until(() -> assessmentCase(caseId)
                .map(r -> LocalDate.of(2025, 9, 8).equals(r.getLocalDate("clock_start"))).orElse(false));
        assertThat(assessmentCase(caseId).orElseThrow().getString("status")).isEqualTo("ASSESSING");

        given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON).body(Map.of("issuedDate", "2025-09-05"))
                .post("/api/cases/{caseId}/draft-plan", caseId).then()
                .statusCode(422).body("field", equalTo("issuedDate"));
        given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON).body(Map.of("issuedDate", "2025-11-03"))
                .post("/api/cases/{caseId}/draft-plan", caseId).then()
                .statusCode(201)
                .body("clockStart", equalTo("2025-09-08"))
                .body("finalPlanDue", equalTo("2026-01-26"));
    }

    @Test
    void advice_requested_and_submitted_are_read_into_the_case_advice_and_shown_with_the_plan() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        UUID submitted = UUID.randomUUID();
        UUID overdue = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        publish(Topics.ADVICE_EVENTS,
                example("AdviceRequested", caseId, Map.of("adviceRequestId", submitted.toString())),
                example("AdviceSubmitted", caseId, Map.of("adviceRequestId", submitted.toString())),
                example("AdviceRequested", caseId, Map.of("adviceRequestId", overdue.toString(),
                        "adviceType", "HEALTH", "agencyId", "NHS-DORSET")),
                example("AdviceRequested", caseId, Map.of("adviceRequestId", cancelled.toString())),
                example("AdviceRequestCancelled", caseId, Map.of("adviceRequestId", cancelled.toString())));

        await().atMost(PATIENCE).until(() -> caseAdvice(cancelled).map(r -> "CANCELLED".equals(r.getString("status")))
                .orElse(false));
        Row in = caseAdvice(submitted).orElseThrow();
        assertThat(in.getUUID("case_id")).isEqualTo(caseId);
        assertThat(in.getString("advice_type")).isEqualTo("EDUCATIONAL_PSYCHOLOGY");
        assertThat(in.getString("agency_id")).isEqualTo("839-EPS");
        assertThat(in.getLocalDate("due_date")).isEqualTo(LocalDate.of(2025, 5, 23));
        assertThat(in.getString("status")).isEqualTo("SUBMITTED");
        assertThat(in.getLocalDate("submitted_date")).isEqualTo(LocalDate.of(2025, 5, 20));
        Row awaited = caseAdvice(overdue).orElseThrow();
        assertThat(awaited.getString("status")).isEqualTo("REQUESTED");
        assertThat(awaited.getString("advice_type")).isEqualTo("HEALTH");
        assertThat(awaited.getLocalDate("submitted_date")).isNull();

        // due 2025-05-23, still awaited today: overdue; the cancelled one does not count
        given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON).body(Map.of("issuedDate", "2025-06-09"))
                .post("/api/cases/{caseId}/draft-plan", caseId).then()
                .statusCode(201)
                .body("advice.requested", equalTo(2))
                .body("advice.submitted", equalTo(1))
                .body("advice.overdue", equalTo(1));
    }

    @Test
    void a_redelivered_assessment_event_changes_the_view_once() {
        UUID caseId = UUID.randomUUID();
        ObjectNode decided = example("AssessmentDecided", caseId, Map.of());
        publish(Topics.ASSESSMENT_EVENTS,
                example("AssessmentRequested", caseId, Map.of()),
                decided,
                example("RequestWithdrawn", caseId, Map.of()));
        awaitCase(caseId, "WITHDRAWN");

        // the same AssessmentDecided again (same eventId), then a marker event behind it on the same partition
        publish(Topics.ASSESSMENT_EVENTS, decided,
                example("ResponsibilityTransferredIn", caseId, Map.of("businessDate", "2025-10-01")));
        await().atMost(PATIENCE).until(() -> assessmentCase(caseId)
                .map(r -> LocalDate.of(2025, 10, 1).equals(r.getLocalDate("clock_start"))).orElse(false));

        assertThat(assessmentCase(caseId).orElseThrow().getString("status")).isEqualTo("WITHDRAWN");
        assertThat(count("select count(*) from processed_event where event_id = $1",
                UUID.fromString(decided.get("eventId").asText()))).isEqualTo(1);
    }

    @Test
    void a_redelivered_advice_event_changes_the_view_once() {
        UUID caseId = UUID.randomUUID();
        UUID adviceRequestId = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        Map<String, String> request = Map.of("adviceRequestId", adviceRequestId.toString());
        ObjectNode submitted = example("AdviceSubmitted", caseId, request);
        publish(Topics.ADVICE_EVENTS,
                example("AdviceRequested", caseId, request),
                submitted,
                example("AdviceReturnedForRework", caseId, request));
        await().atMost(PATIENCE).until(() -> caseAdvice(adviceRequestId)
                .map(r -> "REQUESTED".equals(r.getString("status")) && r.getLocalDate("submitted_date") == null)
                .orElse(false));

        // the same AdviceSubmitted again (same eventId), then a marker event behind it on the same partition
        publish(Topics.ADVICE_EVENTS, submitted,
                example("AdviceRequested", caseId, Map.of("adviceRequestId", marker.toString())));
        await().atMost(PATIENCE).until(() -> caseAdvice(marker).isPresent());

        Row row = caseAdvice(adviceRequestId).orElseThrow();
        assertThat(row.getString("status")).isEqualTo("REQUESTED");
        assertThat(row.getLocalDate("submitted_date")).isNull();
    }
}
