package org.ehcptracker.plan.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.contracts.Topics;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/**
 * A case whose plan ceased makes a new one (issue 9 item 2): a new draft with a new planId, its own family's
 * response and consultations, its own final plan and plan-in-force stream; the ceased plan stays as history and the
 * case's plan view shows both. Council 880.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class NewPlanAfterCessationResourceTest extends PlanServiceTestSupport {

    static ValidatableResponse post(String path, Object body, Object... params) {
        return postJson(path, body, params);
    }

    static ValidatableResponse get(String path, Object... params) {
        return getJson(path, params);
    }

    /** A case of council 880, received Monday 3 March 2025 and accepted for assessment. */
    UUID caseOf880() {
        UUID caseId = UUID.randomUUID();
        publish(Topics.ASSESSMENT_EVENTS,
                example("AssessmentRequested", caseId, Map.of("businessDate", "2025-03-03", "localAuthorityCode", "880")),
                example("AssessmentDecided", caseId, Map.of("decision", "ASSESS", "localAuthorityCode", "880")));
        awaitCase(caseId, "ASSESSING");
        return caseId;
    }

    /**
     * The first plan: draft Monday 9 June 2025, the family's response Friday 20 June, setting 139021 consulted Monday
     * 23 June, final plan Friday 18 July; ceased Friday 3 October 2025. Its planId.
     */
    String firstPlanIssuedAndCeased(UUID caseId) {
        String planId = post("/api/cases/{caseId}/draft-plan", Map.of("issuedDate", "2025-06-09"), caseId)
                .statusCode(201).extract().path("planId");
        post("/api/cases/{caseId}/parent-response", Map.of("receivedDate", "2025-06-20", "comments", "first plan: 139021"),
                caseId).statusCode(200);
        post("/api/cases/{caseId}/consultations", Map.of("settingUrn", "139021", "consultedDate", "2025-06-23"), caseId)
                .statusCode(200);
        post("/api/cases/{caseId}/final-plan", Map.of("issuedDate", "2025-07-18", "settingType", "MSS"), caseId)
                .statusCode(200).body("planId", equalTo(planId));
        post("/api/plans/{planId}/cessation", Map.of("ceasedDate", "2025-10-03", "reason", "MOVED_TO_ANOTHER_LA"), planId)
                .statusCode(200).body("status", equalTo("CEASED"));
        return planId;
    }

    @Test
    void after_its_plan_ceased_a_case_makes_a_second_plan_with_its_own_id_stream_and_rows() {
        UUID caseId = caseOf880();
        String first = firstPlanIssuedAndCeased(caseId);

        // a draft dated before the cessation would overlap the ceased plan
        post("/api/cases/{caseId}/draft-plan", Map.of("issuedDate", "2025-10-02"), caseId)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("field", equalTo("issuedDate"))
                .body("detail", containsString("before plan " + first + " ceased (2025-10-03)"));

        String second = post("/api/cases/{caseId}/draft-plan", Map.of("issuedDate", "2025-11-10"), caseId)
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("planId", not(equalTo(first)))
                .body("parentCommentPeriodEnds", equalTo("2025-11-25"))
                .body("parentResponse", nullValue())
                .body("consultations", hasSize(0))
                .body("earlierPlans", hasSize(1))
                .body("earlierPlans[0].planId", equalTo(first))
                .body("earlierPlans[0].finalIssuedDate", equalTo("2025-07-18"))
                .body("earlierPlans[0].ceasedDate", equalTo("2025-10-03"))
                .body("earlierPlans[0].ceaseReason", equalTo("MOVED_TO_ANOTHER_LA"))
                .extract().path("planId");

        // the same setting consulted again, and the family's response, for the new plan: rows of its own
        post("/api/cases/{caseId}/parent-response", Map.of("receivedDate", "2025-11-14", "comments", "second plan"),
                caseId).statusCode(200).body("parentResponse.comments", equalTo("second plan"));
        post("/api/cases/{caseId}/consultations", Map.of("settingUrn", "139021", "consultedDate", "2025-11-12"), caseId)
                .statusCode(200)
                .body("consultations", hasSize(1))
                .body("consultations[0].answerDue", equalTo("2025-11-27"));
        post("/api/cases/{caseId}/final-plan", Map.of("issuedDate", "2025-11-26", "namedSettingUrn", "139021"), caseId)
                .statusCode(200)
                .body("status", equalTo("FINAL"))
                .body("planId", equalTo(second))
                .body("finalIssuedDate", equalTo("2025-11-26"))
                .body("earlierPlans", hasSize(1));

        get("/api/cases/{caseId}/plan", caseId).statusCode(200)
                .body("planId", equalTo(second))
                .body("parentResponse.comments", equalTo("second plan"))
                .body("earlierPlans[0].planId", equalTo(first));
        get("/api/plans/{planId}", first).statusCode(200).body("status", equalTo("CEASED"));
        get("/api/plans/{planId}", second).statusCode(200)
                .body("status", equalTo("IN_FORCE"))
                .body("issuedDate", equalTo("2025-11-26"))
                .body("reviewDue", equalTo("2026-11-26"));

        // while the second plan is in force, no third
        post("/api/cases/{caseId}/draft-plan", Map.of("issuedDate", "2025-11-27"), caseId)
                .statusCode(409)
                .body("detail", containsString("is in force: a new plan can be drafted only after it ceases"));

        // first plan: draft, response, consultation, final, cessation; second: draft, response, consultation, final
        List<JsonNode> events = planEvents(caseId, 9);
        assertThat(events).filteredOn(e -> "DraftPlanIssued".equals(e.get("type").asText()))
                .extracting(e -> e.get("planId").asText()).containsExactly(first, second);
        assertThat(events).filteredOn(e -> "FinalPlanIssued".equals(e.get("type").asText()))
                .extracting(e -> e.get("planId").asText()).containsExactly(first, second);
        assertThat(events).filteredOn(e -> "SettingConsulted".equals(e.get("type").asText()))
                .extracting(e -> e.get("planId").asText()).containsExactly(first, second);
        assertThat(events).filteredOn(e -> "PlanCeased".equals(e.get("type").asText()))
                .extracting(e -> e.get("planId").asText()).containsExactly(first);
        assertThat(events).extracting(e -> e.get("localAuthorityCode").asText()).containsOnly("880");

        // the making of both plans is in the case's stream; each plan in force has its own
        assertThat(count("select count(*) from event where stream_id = $1", caseId)).isEqualTo(8);
        assertThat(count("select count(*) from event where stream_id = $1", UUID.fromString(first))).isEqualTo(1);
        assertThat(count("select count(*) from plan_in_force where case_id = $1", caseId)).isEqualTo(2);
        assertThat(count("select count(*) from draft_in_progress where case_id = $1", caseId)).isEqualTo(2);
        assertThat(count("select count(*) from setting_consultation where case_id = $1", caseId)).isEqualTo(2);
        assertThat(one("select comments from parent_response where plan_id = $1", UUID.fromString(first)).orElseThrow()
                .getString("comments")).isEqualTo("first plan: 139021");
    }

    @Test
    void of_two_concurrent_new_drafts_after_a_cessation_one_is_issued_and_the_other_is_a_conflict() {
        UUID caseId = caseOf880();
        firstPlanIssuedAndCeased(caseId);

        List<Integer> statuses = concurrently(() -> post("/api/cases/{caseId}/draft-plan",
                Map.of("issuedDate", "2025-11-10"), caseId).extract().statusCode());
        assertThat(statuses).containsExactly(201, 409);
        assertThat(count("select count(*) from event where stream_id = $1 and type = 'DraftPlanIssued'", caseId))
                .isEqualTo(2);
        assertThat(count("select count(*) from draft_in_progress where case_id = $1", caseId)).isEqualTo(2);
    }

    @Test
    void a_new_draft_while_the_plan_is_in_force_is_a_conflict_and_appends_nothing() {
        UUID caseId = caseOf880();
        post("/api/cases/{caseId}/draft-plan", Map.of("issuedDate", "2025-06-09"), caseId).statusCode(201);
        String planId = post("/api/cases/{caseId}/final-plan", Map.of("issuedDate", "2025-07-18", "settingType", "MSS"),
                caseId).statusCode(200).extract().path("planId");

        post("/api/cases/{caseId}/draft-plan", Map.of("issuedDate", "2025-11-10"), caseId)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("final plan " + planId + " (issued 2025-07-18) is in force"));
        assertThat(count("select count(*) from event where stream_id = $1", caseId)).isEqualTo(2);
    }
}
