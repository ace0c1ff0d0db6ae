package org.ehcptracker.systemtests;


import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One plan of council 867 through the making of it and its first annual review with an amendment, driven only
 * through plan-service's (and assessment-service's) HTTP APIs:
 * <pre>
 *   request received 2025-03-03, decision to assess 2025-04-07
 *   draft 2025-06-09 (the family's 15 days end 2025-06-24); family responds 2025-06-20 asking for URN 139021
 *   139021 consulted 2025-06-23 (answer due 2025-07-08), answers 2025-07-04: can meet the needs
 *   final plan 2025-07-18 naming 139021: day 137, within 20 weeks; first review due 2026-07-18
 *   review meeting 2026-06-30: decision due 2026-07-28; next review due 2027-06-30
 *   decision to amend 2026-07-21: family's 15 days to 2026-08-05; amended plan due 2026-09-15
 *     (8 weeks from the proposal, before 12 weeks from the meeting, 2026-09-22)
 *   amended plan 2026-09-08: in time
 * </pre>
 */
@ExtendWith(SystemStack.Shared.class)
class PlanLifeSystemTest {

    private static final String LA = "867";
    private static final String CASEWORKER = CaseSteps.CASEWORKER;
    private static SystemStack stack;
    private static CaseSteps steps;

    @BeforeAll
    static void stack(SystemStack shared) {
        stack = shared;
        steps = new CaseSteps(shared);
    }

    private static io.restassured.response.ValidatableResponse post(String path, Object body, Object... params) {
        return given().baseUri(stack.plan.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER)).contentType(ContentType.JSON)
                .body(body).post(path, params).then();
    }

    private static io.restassured.response.ValidatableResponse get(String path, Object... params) {
        return given().baseUri(stack.plan.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER)).get(path, params).then();
    }

    @Test
    void onePlanThroughItsFirstAnnualReviewAndAnAmendment() {
        String caseId = steps.requestAssessment(LA, "2025-03-03", "C-SYS-867");
        steps.decideToAssess(caseId, "2025-04-07");
        steps.issueDraft(caseId, "2025-06-09");

        post("/api/cases/{id}/parent-response", Map.of("receivedDate", "2025-06-20", "requestedSettingUrn", "139021",
                "comments", "We would like our son to go to the school he visited."), caseId)
                .statusCode(200)
                .body("heldUpBy[0].reason", equalTo("LOCAL_AUTHORITY"));
        post("/api/cases/{id}/consultations", Map.of("settingUrn", "139021", "consultedDate", "2025-06-23"), caseId)
                .statusCode(200)
                .body("consultations[0].answerDue", equalTo("2025-07-08"));
        post("/api/cases/{id}/consultations/139021/answer", Map.of("answeredDate", "2025-07-04", "canMeetNeeds", true),
                caseId)
                .statusCode(200);
        String planId = post("/api/cases/{id}/final-plan", Map.of("issuedDate", "2025-07-18", "namedSettingUrn", "139021"),
                caseId)
                .statusCode(200)
                .body("issuedWithin20Weeks", equalTo(true))
                .extract().path("planId");

        get("/api/plans/{planId}", planId).statusCode(200)
                .body("localAuthorityCode", equalTo(LA))
                .body("reviewDue", equalTo("2026-07-18"));

        String reviewId = post("/api/plans/{planId}/reviews", Map.of("meetingDate", "2026-06-30"), planId)
                .statusCode(201)
                .body("decisionDue", equalTo("2026-07-28"))
                .extract().path("reviewId");
        post("/api/reviews/{id}/decision", Map.of("decidedDate", "2026-07-21", "outcome", "AMEND"), reviewId)
                .statusCode(200)
                .body("amendmentCommentsEnd", equalTo("2026-08-05"))
                .body("amendedPlanDue", equalTo("2026-09-15"))
                .body("decisionLate", equalTo(false));
        post("/api/reviews/{id}/amended-plan", Map.of("issuedDate", "2026-09-08"), reviewId)
                .statusCode(200)
                .body("status", equalTo("AMENDED"))
                .body("amendmentLate", equalTo(false));

        get("/api/plans/{planId}", planId).statusCode(200)
                .body("status", equalTo("IN_FORCE"))
                .body("lastReviewMeeting", equalTo("2026-06-30"))
                .body("reviewDue", equalTo("2027-06-30"))
                .body("openReviewId", nullValue())
                .body("reviews", hasSize(1))
                .body("reviews[0].status", equalTo("AMENDED"));
    }
}
