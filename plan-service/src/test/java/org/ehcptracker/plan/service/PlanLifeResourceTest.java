package org.ehcptracker.plan.service;


import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/** A plan in force (by planId) through its annual reviews (by reviewId), amendments and cessation. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class PlanLifeResourceTest extends PlanServiceTestSupport {

    static ValidatableResponse post(String path, Object body, Object... params) {
        return postJson(path, body, params);
    }

    static ValidatableResponse get(String path, Object... params) {
        return getJson(path, params);
    }

    /** A case with its final plan issued on 18 July 2025; the planId. */
    String planIssued(UUID caseId) {
        post("/api/cases/{caseId}/draft-plan", Map.of("issuedDate", "2025-06-09"), caseId).statusCode(201);
        return post("/api/cases/{caseId}/final-plan", Map.of("issuedDate", "2025-07-18", "settingType", "MSS"), caseId)
                .statusCode(200).extract().path("planId");
    }

    String meeting(String planId, String date) {
        return post("/api/plans/{planId}/reviews", Map.of("meetingDate", date), planId)
                .statusCode(201).extract().path("reviewId");
    }

    @Test
    void a_plan_is_reviewed_amended_and_published_each_step_and_its_next_review_moves() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        String planId = planIssued(caseId);

        get("/api/plans/{planId}", planId).statusCode(200)
                .body("status", equalTo("IN_FORCE"))
                .body("issuedDate", equalTo("2025-07-18"))
                .body("reviewDue", equalTo("2026-07-18"))
                .body("reviews", hasSize(0));

        String reviewId = post("/api/plans/{planId}/reviews", Map.of("meetingDate", "2026-06-30"), planId)
                .statusCode(201)
                .header("Location", containsString("/api/reviews/"))
                .body("status", equalTo("AWAITING_DECISION"))
                .body("decisionDue", equalTo("2026-07-28"))
                .extract().path("reviewId");
        get("/api/plans/{planId}", planId).statusCode(200)
                .body("lastReviewMeeting", equalTo("2026-06-30"))
                .body("reviewDue", equalTo("2027-06-30"))
                .body("openReviewId", equalTo(reviewId));

        post("/api/reviews/{reviewId}/decision", Map.of("decidedDate", "2026-07-21", "outcome", "AMEND"), reviewId)
                .statusCode(200)
                .body("status", equalTo("AWAITING_AMENDED_PLAN"))
                .body("amendmentCommentsEnd", equalTo("2026-08-05"))
                .body("amendedPlanDue", equalTo("2026-09-15"))
                .body("decisionLate", equalTo(false));
        post("/api/reviews/{reviewId}/amended-plan", Map.of("issuedDate", "2026-09-08", "namedSettingUrn", "139021"),
                reviewId)
                .statusCode(200)
                .body("status", equalTo("AMENDED"))
                .body("amendedIssuedDate", equalTo("2026-09-08"))
                .body("amendmentLate", equalTo(false));

        get("/api/reviews/{reviewId}", reviewId).statusCode(200).body("namedSettingUrn", equalTo("139021"));
        get("/api/plans/{planId}", planId).statusCode(200)
                .body("openReviewId", nullValue())
                .body("reviews", hasSize(1))
                .body("reviews[0].status", equalTo("AMENDED"));

        List<JsonNode> events = planEvents(caseId, 5);
        JsonNode held = planEvent(caseId, 5, "AnnualReviewMeetingHeld");
        assertThat(held.get("reviewId").asText()).isEqualTo(reviewId);
        assertThat(held.get("reviewDecisionDue").asText()).isEqualTo("2026-07-28");
        JsonNode decided = planEvent(caseId, 5, "AnnualReviewDecided");
        assertThat(decided.get("outcome").asText()).isEqualTo("AMEND");
        assertThat(decided.get("amendedPlanDue").asText()).isEqualTo("2026-09-15");
        assertThat(planEvent(caseId, 5, "AmendedPlanIssued").get("planId").asText()).isEqualTo(planId);
        assertThat(events).extracting(e -> e.get("planId").asText()).containsOnly(planId);
        assertThat(count("select count(*) from event where stream_id = $1", UUID.fromString(reviewId))).isEqualTo(3);
    }

    @Test
    void wrong_order_is_unprocessable_naming_the_field() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        String planId = planIssued(caseId);
        String reviewId = meeting(planId, "2026-06-30");

        post("/api/reviews/{reviewId}/decision", Map.of("decidedDate", "2026-06-29", "outcome", "KEEP"), reviewId)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("field", equalTo("decidedDate"));
        post("/api/reviews/{reviewId}/amended-plan", Map.of("issuedDate", "2026-09-08"), reviewId)
                .statusCode(422)
                .body("field", equalTo("reviewId"))
                .body("detail", containsString("needs the LA's decision to amend"));
        // the previous review is still open
        post("/api/plans/{planId}/reviews", Map.of("meetingDate", "2026-07-01"), planId)
                .statusCode(409)
                .body("detail", containsString("is still open"));

        post("/api/reviews/{reviewId}/decision", Map.of("decidedDate", "2026-07-01", "outcome", "KEEP"), reviewId)
                .statusCode(200);
        post("/api/reviews/{reviewId}/decision", Map.of("decidedDate", "2026-07-02", "outcome", "CEASE"), reviewId)
                .statusCode(409);
        post("/api/reviews/{reviewId}/amended-plan", Map.of("issuedDate", "2026-09-08"), reviewId)
                .statusCode(422)
                .body("field", equalTo("reviewId"));
        // a second review after the first was decided
        meeting(planId, "2026-11-02");
    }

    @Test
    void a_ceased_plan_has_no_more_reviews_and_ceases_once() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        String planId = planIssued(caseId);

        post("/api/plans/{planId}/cessation", Map.of("ceasedDate", "2026-10-31", "reason", "MOVED_TO_ANOTHER_LA"), planId)
                .statusCode(200)
                .body("status", equalTo("CEASED"))
                .body("ceasedDate", equalTo("2026-10-31"))
                .body("ceaseReason", equalTo("MOVED_TO_ANOTHER_LA"));
        assertThat(planEvent(caseId, 3, "PlanCeased").get("reason").asText()).isEqualTo("MOVED_TO_ANOTHER_LA");

        post("/api/plans/{planId}/reviews", Map.of("meetingDate", "2026-11-02"), planId)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("field", equalTo("planId"))
                .body("detail", containsString("ceased on 2026-10-31"));
        post("/api/plans/{planId}/cessation", Map.of("ceasedDate", "2026-11-01", "reason", "OTHER"), planId)
                .statusCode(409);
    }

    static ValidatableResponse put(String path, Object body, Object... params) {
        return io.restassured.RestAssured.given().header("Authorization", org.ehcptracker.testtokens.TestTokens.bearer(ACTOR))
                .contentType(io.restassured.http.ContentType.JSON).body(body).when().put(path, params).then();
    }

    /*
     * The plan issued Fri 18 Jul 2025 describes ASD then SLCN; a repeat changes nothing; corrected to SEMH from Tue 2 Jun
     * 2026. Published as codes only (the topic's third and fourth records of the case: draft, final, two recordings).
     */
    @Test
    void the_sen_needs_are_recorded_primary_first_published_as_codes_and_a_repeat_changes_nothing() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        String planId = planIssued(caseId);

        put("/api/plans/{planId}/sen-needs", Map.of("effectiveDate", "2025-07-18", "needs", List.of("ASD", "SLCN")), planId)
                .statusCode(200)
                .body("planId", equalTo(planId))
                .body("effectiveDate", equalTo("2025-07-18"))
                .body("needs", org.hamcrest.Matchers.contains("ASD", "SLCN"));
        put("/api/plans/{planId}/sen-needs", Map.of("effectiveDate", "2025-07-18", "needs", List.of("ASD", "SLCN")), planId)
                .statusCode(200).body("needs", org.hamcrest.Matchers.contains("ASD", "SLCN"));
        put("/api/plans/{planId}/sen-needs", Map.of("effectiveDate", "2026-06-02", "needs", List.of("SEMH")), planId)
                .statusCode(200).body("effectiveDate", equalTo("2026-06-02")).body("needs", org.hamcrest.Matchers.contains("SEMH"));

        assertThat(count("select count(*) from event where stream_id = $1 and type = 'SenNeedsRecorded'",
                UUID.fromString(planId))).isEqualTo(2);
        List<JsonNode> recorded = planEvents(caseId, 4).stream()
                .filter(e -> "SenNeedsRecorded".equals(e.get("type").asText())).toList();
        assertThat(recorded).hasSize(2);
        assertThat(recorded.get(0).get("needs").toString()).isEqualTo("[\"ASD\",\"SLCN\"]");
        assertThat(recorded.get(0).get("planId").asText()).isEqualTo(planId);
        assertThat(recorded.get(1).get("businessDate").asText()).isEqualTo("2026-06-02");
    }

    @Test
    void sen_needs_off_the_list_twice_none_or_out_of_time_are_refused_naming_the_field() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        String planId = planIssued(caseId);

        put("/api/plans/{planId}/sen-needs", Map.of("effectiveDate", "2025-07-18", "needs", List.of("ASD", "Autism")), planId)
                .statusCode(400).contentType("application/problem+json").body("field", containsString("needs"));
        put("/api/plans/{planId}/sen-needs", Map.of("effectiveDate", "2025-07-18", "needs", List.of(3)), planId)
                .statusCode(400).contentType("application/problem+json").body("field", containsString("needs"));
        put("/api/plans/{planId}/sen-needs", Map.of("effectiveDate", "2025-07-18", "needs", List.of("ASD", "HI", "ASD")), planId)
                .statusCode(400).body("field", equalTo("needs[2]")).body("detail", containsString("ASD is named twice"));
        put("/api/plans/{planId}/sen-needs", Map.of("effectiveDate", "2025-07-18", "needs", List.of()), planId)
                .statusCode(400).body("field", equalTo("needs"));
        put("/api/plans/{planId}/sen-needs", Map.of("effectiveDate", "2025-07-18", "needs", "ASD"), planId)
                .statusCode(400).contentType("application/problem+json").body("field", containsString("needs"));
        put("/api/plans/{planId}/sen-needs", Map.of("needs", List.of("ASD")), planId)
                .statusCode(400).body("violations[0].field", containsString("effectiveDate"));
        put("/api/plans/{planId}/sen-needs", Map.of("effectiveDate", 20250718, "needs", List.of("ASD")), planId)
                .statusCode(400).contentType("application/problem+json").body("field", containsString("effectiveDate"));
        put("/api/plans/{planId}/sen-needs", Map.of("effectiveDate", "2025-07-17", "needs", List.of("ASD")), planId)
                .statusCode(422).body("field", equalTo("effectiveDate")).body("detail", containsString("before the plan was issued"));
        put("/api/plans/{planId}/sen-needs", Map.of("effectiveDate", "2025-07-18", "needs", List.of("ASD")), UUID.randomUUID())
                .statusCode(404).contentType("application/problem+json");
        assertThat(count("select count(*) from event where stream_id = $1 and type = 'SenNeedsRecorded'",
                UUID.fromString(planId))).isZero();
    }

    @Test
    void unknown_plans_and_reviews_are_not_found() {
        UUID unknown = UUID.randomUUID();
        post("/api/plans/{planId}/reviews", Map.of("meetingDate", "2026-06-30"), unknown)
                .statusCode(404).contentType("application/problem+json");
        post("/api/plans/{planId}/cessation", Map.of("ceasedDate", "2026-06-30", "reason", "OTHER"), unknown)
                .statusCode(404);
        get("/api/plans/{planId}", unknown).statusCode(404);
        get("/api/reviews/{reviewId}", unknown).statusCode(404);
        post("/api/reviews/{reviewId}/decision", Map.of("decidedDate", "2026-07-01", "outcome", "KEEP"), unknown)
                .statusCode(404);
    }

    @Test
    void bad_input_is_a_bad_request_naming_the_field() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        String planId = planIssued(caseId);
        String reviewId = meeting(planId, "2026-06-30");

        post("/api/reviews/{reviewId}/decision", Map.of("decidedDate", "2026-07-01", "outcome", "MAYBE"), reviewId)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("outcome"));
        post("/api/plans/{planId}/cessation", Map.of("ceasedDate", "2026-07-01", "reason", "Moved to Leeds"), planId)
                .statusCode(400)
                .body("field", equalTo("reason"));
        post("/api/plans/{planId}/reviews", Map.of("meetingDate", "2013-01-01"), planId)
                .statusCode(400)
                .body("violations[0].field", containsString("meetingDate"));
        post("/api/reviews/{reviewId}/decision", Map.of("outcome", "KEEP"), reviewId)
                .statusCode(400)
                .body("violations[0].field", containsString("decidedDate"));
    }

    @Test
    void of_two_concurrent_review_decisions_one_wins() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        String planId = planIssued(caseId);
        String reviewId = meeting(planId, "2026-06-30");

        List<Integer> statuses = PlanMakingResourceTest.concurrently(() -> post("/api/reviews/{reviewId}/decision",
                Map.of("decidedDate", "2026-07-10", "outcome", "KEEP"), reviewId).extract().statusCode());

        assertThat(statuses).containsExactly(200, 409);
        assertThat(count("select count(*) from event where stream_id = $1 and type = 'AnnualReviewDecided'",
                UUID.fromString(reviewId))).isEqualTo(1);
    }

    @Test
    void a_meeting_racing_a_cessation_of_the_same_plan_leaves_one_of_them() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        String planId = planIssued(caseId);
        java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();

        List<Integer> statuses = PlanMakingResourceTest.concurrently(() -> turn.getAndIncrement() == 0
                ? post("/api/plans/{planId}/reviews", Map.of("meetingDate", "2026-06-30"), planId).extract().statusCode()
                : post("/api/plans/{planId}/cessation", Map.of("ceasedDate", "2026-06-30", "reason", "OTHER"), planId)
                        .extract().statusCode());

        // the meeting first (201, then the cessation 200), or the cessation first (200, the meeting 409 or 422)
        long meetings = count("select count(*) from event where type = 'AnnualReviewMeetingHeld' and case_id = $1", caseId);
        long cessations = count("select count(*) from event where type = 'PlanCeased' and case_id = $1", caseId);
        assertThat(cessations).isEqualTo(1);
        if (meetings == 1) {
            assertThat(statuses).containsExactly(200, 201);
        } else {
            assertThat(statuses).contains(200).hasSize(2).doesNotContain(201, 500);
        }
        get("/api/plans/{planId}", planId).statusCode(200).body("status", equalTo("CEASED"))
                .body("openReviewId", nullValue());
    }
}
