package org.ehcptracker.plan.service;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ehcptracker.contracts.Topics;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class PlanResourceTest extends PlanServiceTestSupport {

    static ValidatableResponse post(UUID caseId, String step, Object body) {
        return given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON).body(body)
                .when().post("/api/cases/{caseId}/" + step, caseId)
                .then();
    }

    static ValidatableResponse draft(UUID caseId, String issuedDate) {
        return post(caseId, "draft-plan", Map.of("issuedDate", issuedDate));
    }

    static ValidatableResponse finalWithType(UUID caseId, String issuedDate, String settingType) {
        return post(caseId, "final-plan", Map.of("issuedDate", issuedDate, "settingType", settingType));
    }

    @Test
    void draft_then_final_plan_are_issued_published_and_shown() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");

        String planId = draft(caseId, "2025-06-09")
                .statusCode(201)
                .header("Location", endsWith("/api/cases/" + caseId + "/plan"))
                .body("caseId", equalTo(caseId.toString()))
                .body("planId", notNullValue())
                .body("status", equalTo("DRAFT"))
                .body("clockStart", equalTo("2025-03-03"))
                .body("finalPlanDue", equalTo("2025-07-21"))
                .body("draftIssuedDate", equalTo("2025-06-09"))
                .body("parentCommentPeriodEnds", equalTo("2025-06-24"))
                .body("finalIssuedDate", nullValue())
                .body("issuedWithin20Weeks", nullValue())
                .body("advice.requested", equalTo(0))
                .extract().path("planId");

        JsonNode drafted = planEvent(caseId, 1, "DraftPlanIssued");
        assertThat(drafted.get("planId").asText()).isEqualTo(planId);
        assertThat(drafted.get("businessDate").asText()).isEqualTo("2025-06-09");
        assertThat(drafted.get("localAuthorityCode").asText()).isEqualTo("839");

        finalWithType(caseId, "2025-07-18", "MSS")
                .statusCode(200)
                .body("status", equalTo("FINAL"))
                .body("planId", equalTo(planId))
                .body("finalIssuedDate", equalTo("2025-07-18"))
                .body("settingType", equalTo("MSS"))
                .body("namedSettingUrn", nullValue())
                .body("issuedWithin20Weeks", equalTo(true))
                .body("weeksToIssue", equalTo(137 / 7.0f));

        JsonNode issued = planEvent(caseId, 2, "FinalPlanIssued");
        assertThat(issued.get("planId").asText()).isEqualTo(planId);
        assertThat(issued.get("requestReceivedDate").asText()).isEqualTo("2025-03-03");
        assertThat(issued.get("settingType").asText()).isEqualTo("MSS");
        assertThat(issued.get("namedSettingUrn").isNull()).isTrue();
        assertThat(issued.get("businessDate").asText()).isEqualTo("2025-07-18");

        given().header("Authorization", TestTokens.bearer(ACTOR)).get("/api/cases/{caseId}/plan", caseId).then()
                .statusCode(200)
                .body("status", equalTo("FINAL"))
                .body("draftIssuedDate", equalTo("2025-06-09"))
                .body("finalIssuedDate", equalTo("2025-07-18"));
    }

    @Test
    void a_second_final_plan_is_a_conflict() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        draft(caseId, "2025-06-09").statusCode(201);
        finalWithType(caseId, "2025-07-18", "MSS").statusCode(200);

        finalWithType(caseId, "2025-07-19", "MSS")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already issued on 2025-07-18"));
    }

    @Test
    void a_final_plan_before_the_draft_is_unprocessable() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");

        finalWithType(caseId, "2025-07-18", "MSS")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo("a final plan needs a draft plan first: no draft issued for case " + caseId));
    }

    @Test
    void no_plan_for_a_case_the_LA_refused_to_assess() {
        UUID caseId = UUID.randomUUID();
        publish(Topics.ASSESSMENT_EVENTS,
                example("AssessmentRequested", caseId, Map.of()),
                example("AssessmentDecided", caseId, Map.of("decision", "REFUSE", "refusalReason", "NEEDS_MET_FROM_AVAILABLE_RESOURCES")));
        awaitCase(caseId, "REFUSED");

        finalWithType(caseId, "2025-07-18", "MSS")
                .statusCode(422)
                .body("detail", containsString("the LA refused to assess case " + caseId));
        draft(caseId, "2025-06-09")
                .statusCode(422)
                .body("detail", equalTo("the LA refused to assess case " + caseId + "; no plan can be drafted"));
    }

    @Test
    void naming_both_a_setting_and_a_setting_type_is_unprocessable_and_names_the_field() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        draft(caseId, "2025-06-09").statusCode(201);

        post(caseId, "final-plan", Map.of("issuedDate", "2025-07-18", "namedSettingUrn", "139021", "settingType", "MSS"))
                .statusCode(422)
                .body("field", equalTo("namedSettingUrn"))
                .body("detail", containsString("not both"));
    }

    @Test
    void a_draft_for_a_case_plan_service_has_not_seen_is_unprocessable() {
        UUID unknown = UUID.randomUUID();

        draft(unknown, "2025-06-09")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo("plan-service has not seen case " + unknown + " accepted for assessment"));
    }

    @Test
    void a_draft_dated_before_the_clock_start_is_unprocessable_on_issued_date() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");

        draft(caseId, "2025-03-02").statusCode(422).body("field", equalTo("issuedDate"));
    }

    @Test
    void a_request_without_a_token_is_refused() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");

        given().contentType(ContentType.JSON).body(Map.of("issuedDate", "2025-06-09"))
                .post("/api/cases/{caseId}/draft-plan", caseId).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("title", equalTo("Sign-in required"));
        assertThat(count("select count(*) from event where stream_id = $1", caseId)).isZero();
    }

    @Test
    void a_malformed_date_is_a_bad_request_naming_the_field() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");

        draft(caseId, "09/06/2025")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("issuedDate"));
    }

    @Test
    void a_missing_date_is_a_bad_request_naming_the_field() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");

        post(caseId, "draft-plan", Map.of())
                .statusCode(400)
                .body("violations[0].field", containsString("issuedDate"));
    }

    @Test
    void there_is_no_plan_before_a_draft() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");

        given().header("Authorization", TestTokens.bearer(ACTOR)).get("/api/cases/{caseId}/plan", caseId).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("case " + caseId + " has no plan"));
    }

    @Test
    void of_two_concurrent_final_plans_one_is_issued_and_the_other_is_a_conflict() throws Exception {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        draft(caseId, "2025-06-09").statusCode(201);

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = List.of("MSS", "OTH").stream()
                .map(type -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return finalWithType(caseId, "2025-07-18", type).extract().statusCode();
                }))
                .toList();
        start.countDown();

        List<Integer> statuses = calls.stream().map(c -> {
            try {
                return c.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).sorted().toList();
        assertThat(statuses).containsExactly(200, 409);
        assertThat(count("select count(*) from event where stream_id = $1 and type = 'FinalPlanIssued'", caseId))
                .isEqualTo(1);
    }
}
