package org.ehcptracker.plan.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.contracts.Topics;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * What plan-service knows of a case from assessment-service's events beyond its status (issue 9 item 6): the
 * conclusion, each exception (recorded, corrected, withdrawn) and each dispute (registered, resolved), read from
 * Kafka into its local view and shown with the case's plan; a final plan while advice is outstanding is allowed
 * and flagged. Council 882.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class CaseHistoryViewResourceTest extends PlanServiceTestSupport {

    static ValidatableResponse post(String path, Object body, Object... params) {
        return postJson(path, body, params);
    }

    static ObjectNode of882(String type, UUID caseId, Map<String, String> fields) {
        ObjectNode node = example(type, caseId, fields);
        node.put("localAuthorityCode", "882");
        return node;
    }

    @Test
    void exceptions_disputes_and_the_conclusion_reach_the_plan_view_and_advice_outstanding_is_flagged() {
        UUID caseId = UUID.randomUUID();
        UUID corrected = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        UUID dispute = UUID.randomUUID();
        UUID adviceRequestId = UUID.randomUUID();
        ObjectNode recorded = of882("ExceptionRecorded", caseId, Map.of("exceptionId", corrected.toString(),
                "businessDate", "2025-05-14", "startDate", "2025-05-12"));
        publish(Topics.ASSESSMENT_EVENTS,
                of882("AssessmentRequested", caseId, Map.of("businessDate", "2025-03-03")),
                of882("AssessmentDecided", caseId, Map.of("decision", "ASSESS")),
                recorded,
                of882("ExceptionCorrected", caseId, Map.of("exceptionId", corrected.toString(),
                        "businessDate", "2025-06-23", "endDate", "2025-06-20")),
                // the same event again (a redelivery): changes nothing, the correction stands
                recorded,
                of882("ExceptionRecorded", caseId, Map.of("exceptionId", withdrawn.toString(),
                        "businessDate", "2025-05-20", "startDate", "2025-05-19", "limit", "DECISION_6_WEEKS",
                        "reason", "EXCEPTIONAL_PERSONAL_CIRCUMSTANCES")),
                of882("ExceptionWithdrawn", caseId, Map.of("exceptionId", withdrawn.toString(),
                        "businessDate", "2025-05-21")),
                of882("MediationOrTribunalRecorded", caseId, Map.of("disputeId", dispute.toString(),
                        "businessDate", "2025-06-16", "kind", "MEDIATION", "stage", "REFUSAL_TO_ASSESS")),
                of882("DisputeResolved", caseId, Map.of("disputeId", dispute.toString(),
                        "businessDate", "2025-07-01", "outcome", "DECISION_CHANGED")),
                of882("AssessmentConcluded", caseId, Map.of("businessDate", "2025-06-02", "outcome", "ISSUE_PLAN")));
        publish(Topics.ADVICE_EVENTS, of882("AdviceRequested", caseId,
                Map.of("adviceRequestId", adviceRequestId.toString())));
        awaitCase(caseId, "ASSESSING");
        await().atMost(PATIENCE).until(() -> caseAdvice(adviceRequestId).isPresent());

        post("/api/cases/{caseId}/draft-plan", Map.of("issuedDate", "2025-06-09"), caseId).statusCode(201);
        // advice still awaited: allowed, and flagged on the plan and its row
        post("/api/cases/{caseId}/final-plan", Map.of("issuedDate", "2025-07-18", "settingType", "MSS"), caseId)
                .statusCode(200)
                .body("adviceOutstandingAtIssue", equalTo(true))
                .body("advice.requested", equalTo(1))
                .body("advice.submitted", equalTo(0));

        // the conclusion is the last assessment event of the case's partition: once it shows, all before it were read
        await().atMost(PATIENCE).untilAsserted(() -> {
            given().header("Authorization", TestTokens.bearer(ACTOR))
                .when().get("/api/cases/{caseId}/plan", caseId).then()
                .statusCode(200)
                .body("assessment.concludedDate", equalTo("2025-06-02"))
                .body("assessment.outcome", equalTo("ISSUE_PLAN"))
                .body("assessment.exceptions", hasSize(2))
                .body("assessment.exceptions[0].exceptionId", equalTo(corrected.toString()))
                .body("assessment.exceptions[0].limit", equalTo("FINAL_PLAN_20_WEEKS"))
                .body("assessment.exceptions[0].reason", equalTo("EXCEPTIONAL_PERSONAL_CIRCUMSTANCES"))
                .body("assessment.exceptions[0].recordedDate", equalTo("2025-05-14"))
                .body("assessment.exceptions[0].startDate", equalTo("2025-05-12"))
                .body("assessment.exceptions[0].endDate", equalTo("2025-06-20"))
                .body("assessment.exceptions[0].withdrawn", equalTo(false))
                .body("assessment.exceptions[1].exceptionId", equalTo(withdrawn.toString()))
                .body("assessment.exceptions[1].limit", equalTo("DECISION_6_WEEKS"))
                .body("assessment.exceptions[1].withdrawn", equalTo(true))
                .body("assessment.finalPlanExceptionApplies", equalTo(true))
                .body("assessment.disputes", hasSize(1))
                .body("assessment.disputes[0].disputeId", equalTo(dispute.toString()))
                .body("assessment.disputes[0].kind", equalTo("MEDIATION"))
                .body("assessment.disputes[0].stage", equalTo("REFUSAL_TO_ASSESS"))
                .body("assessment.disputes[0].registeredDate", equalTo("2025-06-16"))
                .body("assessment.disputes[0].outcome", equalTo("DECISION_CHANGED"))
                .body("assessment.disputes[0].resolvedDate", equalTo("2025-07-01"))
                .body("assessment.wentToMediationOrTribunal", equalTo(true))
                // ISSUE_PLAN keeps the case open to plans
                .body("status", equalTo("FINAL"));
            assertThat(count("select count(*) from case_exception where case_id = $1", caseId)).isEqualTo(2);
            assertThat(assessmentCase(caseId)).hasValueSatisfying(row ->
                    assertThat(row.getString("status")).isEqualTo("ASSESSING"));
        });
        assertThat(one("select advice_outstanding_at_issue from plan_in_force where case_id = $1", caseId).orElseThrow()
                .getBoolean("advice_outstanding_at_issue")).isTrue();
    }

    @Test
    void a_case_with_no_exception_dispute_or_conclusion_shows_empty_lists() {
        UUID caseId = UUID.randomUUID();
        publish(Topics.ASSESSMENT_EVENTS,
                of882("AssessmentRequested", caseId, Map.of("businessDate", "2025-03-03")),
                of882("AssessmentDecided", caseId, Map.of("decision", "ASSESS")));
        awaitCase(caseId, "ASSESSING");

        post("/api/cases/{caseId}/draft-plan", Map.of("issuedDate", "2025-06-09"), caseId)
                .statusCode(201)
                .body("assessment.concludedDate", nullValue())
                .body("assessment.outcome", nullValue())
                .body("assessment.exceptions", hasSize(0))
                .body("assessment.disputes", hasSize(0))
                .body("assessment.finalPlanExceptionApplies", equalTo(false))
                .body("assessment.wentToMediationOrTribunal", equalTo(false))
                .body("adviceOutstandingAtIssue", nullValue());
    }

    @Test
    void a_conclusion_with_no_plan_is_kept_and_closes_the_case_to_plans() {
        UUID caseId = UUID.randomUUID();
        publish(Topics.ASSESSMENT_EVENTS,
                of882("AssessmentRequested", caseId, Map.of("businessDate", "2025-03-03")),
                of882("AssessmentDecided", caseId, Map.of("decision", "ASSESS")),
                of882("AssessmentConcluded", caseId, Map.of("businessDate", "2025-06-16", "outcome", "NO_PLAN")));

        // an assertion, not orElseThrow: the await retries only on assertion failures
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(assessmentCase(caseId)).hasValueSatisfying(row -> {
            assertThat(row.getString("status")).isEqualTo("CONCLUDED_NO_PLAN");
            assertThat(row.getString("assessment_outcome")).isEqualTo("NO_PLAN");
            assertThat(row.getLocalDate("concluded_date")).isEqualTo(java.time.LocalDate.of(2025, 6, 16));
        }));
        post("/api/cases/{caseId}/draft-plan", Map.of("issuedDate", "2025-06-20"), caseId).statusCode(422);
    }
}
