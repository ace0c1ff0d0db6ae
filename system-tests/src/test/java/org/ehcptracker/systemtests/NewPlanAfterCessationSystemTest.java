package org.ehcptracker.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A new plan after a cessation, end to end (council 885): plan-service makes the case's second plan (a new planId)
 * once the first ceased, and reporting-service's board counts each plan on its own while the 20-week measure counts
 * the first only (docs/reporting.md, "A case's plans"):
 * <pre>
 *   request received Mon 2024-01-08, decision to assess 2024-02-12 (day 35)
 *   draft 2024-04-22; final plan 1 2024-05-20 (Jan 8 -> May 8 31+29+31+30 = 121, +12 = day 133: within)
 *   plan 1 ceased 2024-09-02 (NO_LONGER_NECESSARY): its review due 2025-05-20 is not due
 *   new draft 2024-11-04; final plan 2 2024-12-09 (review due 2025-12-09)
 *   plan 2's review meeting held early, 2025-01-20; KEEP 2025-02-10 (21 days: within 4 weeks)
 * </pre>
 * Board 2024-01-01 to 2025-12-31: 20 weeks 1 plan, within; reviews due 1 (plan 2's), held on time 1; meetings 1;
 * decided 1, within 1; ceased NO_LONGER_NECESSARY 1; in force on 2025-12-31 1 (plan 2).
 */
@ExtendWith(SystemStack.Shared.class)
class NewPlanAfterCessationSystemTest {

    private static final String LA = "885";
    private static SystemStack stack;
    private static CaseSteps steps;

    @BeforeAll
    static void stack(SystemStack shared) {
        stack = shared;
        steps = new CaseSteps(shared);
    }

    private static io.restassured.response.ValidatableResponse post(String path, Object body, Object... params) {
        return given().baseUri(stack.plan.baseUrl()).header("Authorization", SystemStack.bearer(CaseSteps.CASEWORKER))
                .contentType(ContentType.JSON).body(body).post(path, params).then();
    }

    @Test
    void the_second_plan_counts_on_its_own_and_the_20_week_measure_counts_the_first() {
        String caseId = steps.requestAssessment(LA, "2024-01-08", "C-SYS-885");
        steps.decideToAssess(caseId, "2024-02-12");
        steps.issueDraft(caseId, "2024-04-22");
        String firstPlan = post("/api/cases/{id}/final-plan", Map.of("issuedDate", "2024-05-20", "settingType", "MSS"),
                caseId).statusCode(200).extract().path("planId");
        post("/api/plans/{planId}/cessation", Map.of("ceasedDate", "2024-09-02", "reason", "NO_LONGER_NECESSARY"),
                firstPlan).statusCode(200).body("status", equalTo("CEASED"));
        steps.issueDraft(caseId, "2024-11-04");
        String secondPlan = post("/api/cases/{id}/final-plan", Map.of("issuedDate", "2024-12-09", "settingType", "MSS"),
                caseId).statusCode(200).extract().path("planId");
        assertThat(secondPlan).isNotEqualTo(firstPlan);
        String reviewId = post("/api/plans/{planId}/reviews", Map.of("meetingDate", "2025-01-20"), secondPlan)
                .statusCode(201).extract().path("reviewId");
        post("/api/reviews/{id}/decision", Map.of("decidedDate", "2025-02-10", "outcome", "KEEP"), reviewId)
                .statusCode(200);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath board = given().baseUri(stack.reporting.baseUrl())
                    .header("Authorization", SystemStack.bearer(CaseSteps.BOARD))
                    .queryParam("from", "2024-01-01").queryParam("to", "2025-12-31")
                    .get("/api/local-authorities/{la}/board", LA)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(board.getInt("twentyWeeks.includingExceptions.plansIssued")).isEqualTo(1);
            assertThat(board.getInt("twentyWeeks.includingExceptions.issuedWithin20Weeks")).isEqualTo(1);
            assertThat(board.getDouble("twentyWeeks.includingExceptions.averageWeeksToIssue")).isEqualTo(19.0);
            assertThat(board.getInt("annualReviews.reviewsDue")).isEqualTo(1);
            assertThat(board.getInt("annualReviews.dueHeldOnTime")).isEqualTo(1);
            assertThat(board.getInt("annualReviews.meetingsHeld")).isEqualTo(1);
            assertThat(board.getInt("annualReviews.decided")).isEqualTo(1);
            assertThat(board.getInt("annualReviews.decidedWithin4Weeks")).isEqualTo(1);
            assertThat(board.getList("annualReviews.ceasedByReason.key")).containsExactly("NO_LONGER_NECESSARY");
            assertThat(board.getList("annualReviews.ceasedByReason.ceased")).containsExactly(1);
            assertThat(board.getInt("annualReviews.plansInForce")).isEqualTo(1);
        });
    }
}
