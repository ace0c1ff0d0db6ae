package org.ehcptracker.plan.service;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.contracts.Topics;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/** The making of the plan between draft and final: the family's response, consultations, what holds a case up. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class PlanMakingResourceTest extends PlanServiceTestSupport {

    static ValidatableResponse post(UUID caseId, String step, Object body) {
        return given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON).body(body)
                .when().post("/api/cases/{caseId}/" + step, caseId)
                .then();
    }

    UUID drafted(String draftDate) {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        post(caseId, "draft-plan", Map.of("issuedDate", draftDate)).statusCode(201);
        return caseId;
    }

    @Test
    void the_familys_response_is_recorded_its_comments_kept_here_and_the_final_plan_may_then_come_early() {
        UUID caseId = drafted("2025-06-09");

        post(caseId, "parent-response", Map.of("receivedDate", "2025-06-12", "requestedSettingType", "MSS",
                "comments", "We agree with the draft.\nPlease name a special school."))
                .statusCode(200)
                .body("parentResponse.receivedDate", equalTo("2025-06-12"))
                .body("parentResponse.requestedSettingType", equalTo("MSS"))
                .body("parentResponse.comments", containsString("special school"));

        JsonNode published = planEvent(caseId, 2, "ParentResponseReceived");
        assertThat(published.get("requestedSettingType").asText()).isEqualTo("MSS");
        assertThat(published.get("requestedSetting").isNull()).isTrue();
        assertThat(published.toString()).doesNotContain("special school");
        assertThat(one("select comments from parent_response where case_id = $1", caseId).orElseThrow()
                .getString("comments")).contains("special school");

        // 13 June is inside the 15 days (to 24 June): allowed, as the family has responded
        post(caseId, "final-plan", Map.of("issuedDate", "2025-06-13", "settingType", "MSS")).statusCode(200);
    }

    @Test
    void PersonalDetailsErased_erases_the_familys_comments_and_keeps_the_response_date_and_setting() {
        UUID caseId = drafted("2025-06-09");
        UUID otherCase = drafted("2025-06-09");
        post(caseId, "parent-response", Map.of("receivedDate", "2025-06-12", "requestedSettingType", "MSS",
                "comments", "Sam Example needs a special school.")).statusCode(200);
        post(otherCase, "parent-response", Map.of("receivedDate", "2025-06-12", "comments", "Alex Example agrees.")).statusCode(200);

        JsonNode erased = example("PersonalDetailsErased", caseId, Map.of());
        JsonNode repeated = example("PersonalDetailsErased", caseId, Map.of());
        publish(Topics.ASSESSMENT_EVENTS, erased, repeated);

        for (JsonNode e : List.of(erased, repeated)) {
            await().atMost(PATIENCE).until(() -> count("select count(*) from processed_event where event_id = $1",
                    UUID.fromString(e.get("eventId").asText())) == 1);
        }
        var row = one("select comments, received_date from parent_response where case_id = $1", caseId).orElseThrow();
        assertThat(row.getString("comments")).isNull();
        assertThat(row.getLocalDate("received_date")).isEqualTo(LocalDate.of(2025, 6, 12));
        assertThat(one("select comments from parent_response where case_id = $1", otherCase).orElseThrow()
                .getString("comments")).contains("Alex Example");
        // the case goes on: the response still counts, so the final plan may come inside the 15 days
        post(caseId, "final-plan", Map.of("issuedDate", "2025-06-13", "settingType", "MSS")).statusCode(200);
        assertThat(count("select count(*) from dead_letter where event_id = $1",
                UUID.fromString(erased.get("eventId").asText()))).isZero();
    }

    @Test
    void a_final_plan_inside_the_15_days_without_the_familys_response_is_unprocessable_on_issued_date() {
        UUID caseId = drafted("2025-06-09");

        post(caseId, "final-plan", Map.of("issuedDate", "2025-06-24", "settingType", "MSS"))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("field", equalTo("issuedDate"))
                .body("detail", containsString("within the family's 15 days"));
        post(caseId, "final-plan", Map.of("issuedDate", "2025-06-25", "settingType", "MSS")).statusCode(200);
    }

    @Test
    void a_second_response_is_a_conflict_and_one_before_the_draft_unprocessable() {
        UUID early = caseAcceptedForAssessment("2025-03-03");
        post(early, "parent-response", Map.of("receivedDate", "2025-06-12"))
                .statusCode(422)
                .body("detail", containsString("needs the draft plan first"));

        UUID caseId = drafted("2025-06-09");
        post(caseId, "parent-response", Map.of("receivedDate", "2025-06-12")).statusCode(200);
        post(caseId, "parent-response", Map.of("receivedDate", "2025-06-13"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already recorded"));
    }

    @Test
    void a_response_asking_for_both_a_setting_and_a_type_is_unprocessable_naming_the_field() {
        UUID caseId = drafted("2025-06-09");
        post(caseId, "parent-response", Map.of("receivedDate", "2025-06-12", "requestedSettingUrn", "139021",
                "requestedSettingType", "MSS"))
                .statusCode(422)
                .body("field", equalTo("requestedSettingUrn"));
    }

    @Test
    void comments_with_a_NUL_character_are_a_bad_request_naming_the_field() {
        UUID caseId = drafted("2025-06-09");
        post(caseId, "parent-response", Map.of("receivedDate", "2025-06-12", "comments", "a\u0000b"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("comments"));
        assertThat(count("select count(*) from event where stream_id = $1", caseId)).isEqualTo(1);
    }

    @Test
    void bad_input_is_a_bad_request_naming_the_field() {
        UUID caseId = drafted("2025-06-09");
        post(caseId, "consultations", Map.of("settingUrn", "12ab", "consultedDate", "2025-06-23"))
                .statusCode(400)
                .body("violations[0].field", containsString("settingUrn"));
        post(caseId, "parent-response", Map.of("receivedDate", "2013-06-12"))
                .statusCode(400)
                .body("violations[0].field", containsString("receivedDate"));
        post(caseId, "consultations/139021/answer", Map.of("answeredDate", "2025-07-01"))
                .statusCode(400)
                .body("violations[0].field", containsString("canMeetNeeds"));
        // settingType is published: a code, never free text such as a name typed by mistake
        post(caseId, "final-plan", Map.of("issuedDate", "2025-07-18", "settingType", "Sam Example"))
                .statusCode(400)
                .body("violations[0].field", containsString("settingType"));
        post(caseId, "parent-response", Map.of("receivedDate", LocalDate.now().plusDays(2).toString()))
                .statusCode(422)
                .body("field", equalTo("receivedDate"));
    }

    @Test
    void consultations_are_published_answered_and_show_what_holds_the_case_up() {
        UUID caseId = drafted("2025-06-09");
        post(caseId, "consultations", Map.of("settingUrn", "139021", "consultedDate", "2025-06-23"))
                .statusCode(200)
                .body("consultations", hasSize(1))
                .body("consultations[0].answerDue", equalTo("2025-07-08"))
                .body("consultations[0].overdue", equalTo(true)) // today is long after 8 July 2025
                .body("heldUpBy[0].reason", equalTo("CONSULTATION_ANSWER"))
                .body("heldUpBy[0].settingUrn", equalTo("139021"))
                .body("heldUpBy[0].overdue", equalTo(true));
        assertThat(planEvent(caseId, 2, "SettingConsulted").get("consultationDueDate").asText()).isEqualTo("2025-07-08");

        post(caseId, "consultations", Map.of("settingUrn", "139021", "consultedDate", "2025-06-24"))
                .statusCode(409)
                .body("detail", containsString("already consulted"));
        post(caseId, "consultations/100000/answer", Map.of("answeredDate", "2025-07-01", "canMeetNeeds", true))
                .statusCode(404)
                .contentType("application/problem+json");
        post(caseId, "consultations/139021/answer", Map.of("answeredDate", "2025-06-22", "canMeetNeeds", true))
                .statusCode(422)
                .body("field", equalTo("answeredDate"));

        post(caseId, "consultations/139021/answer", Map.of("answeredDate", "2025-07-01", "canMeetNeeds", false))
                .statusCode(200)
                .body("consultations[0].canMeetNeeds", equalTo(false))
                .body("heldUpBy", hasSize(1))
                .body("heldUpBy[0].reason", equalTo("LOCAL_AUTHORITY"))
                .body("heldUpBy[0].since", equalTo("2025-07-01"));
        JsonNode answered = planEvent(caseId, 3, "ConsultationAnswered");
        assertThat(answered.get("canMeetNeeds").asBoolean()).isFalse();
        post(caseId, "consultations/139021/answer", Map.of("answeredDate", "2025-07-02", "canMeetNeeds", true))
                .statusCode(409);
    }

    @Test
    void a_final_plan_with_advice_outstanding_is_issued_and_flagged() {
        UUID caseId = drafted("2025-06-09");
        UUID adviceRequestId = UUID.randomUUID();
        publish(Topics.ADVICE_EVENTS, example("AdviceRequested", caseId, Map.of("adviceRequestId",
                adviceRequestId.toString())));
        await().atMost(PATIENCE).until(() -> caseAdvice(adviceRequestId).isPresent());

        post(caseId, "final-plan", Map.of("issuedDate", "2025-07-18", "settingType", "MSS"))
                .statusCode(200)
                .body("adviceOutstandingAtIssue", equalTo(true))
                .body("heldUpBy", hasSize(0));

        UUID other = drafted("2025-06-09");
        post(other, "final-plan", Map.of("issuedDate", "2025-07-18", "settingType", "MSS"))
                .statusCode(200)
                .body("adviceOutstandingAtIssue", equalTo(false));
        given().header("Authorization", TestTokens.bearer(ACTOR)).get("/api/cases/{caseId}/plan", other).then()
                .statusCode(200)
                .body("adviceOutstandingAtIssue", equalTo(false))
                .body("parentResponse", nullValue());
    }

    @Test
    void of_two_concurrent_responses_one_is_recorded_and_the_other_is_a_conflict() {
        UUID caseId = drafted("2025-06-09");
        List<Integer> statuses = concurrently(() -> post(caseId, "parent-response",
                Map.of("receivedDate", "2025-06-12")).extract().statusCode());
        assertThat(statuses).containsExactly(200, 409);
        assertThat(count("select count(*) from event where stream_id = $1 and type = 'ParentResponseReceived'", caseId))
                .isEqualTo(1);
        assertThat(count("select count(*) from parent_response where case_id = $1", caseId)).isEqualTo(1);
    }
}
