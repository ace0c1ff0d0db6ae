package org.ehcptracker.systemtests;


import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A partner agency's workflow across the services (issue 8), as the README shows it: council 866's agency
 * directory and default advice set, a decision to assess in assessment-service raising the EP request by
 * itself, the EP polling its inbox and submitting with an Idempotency-Key, and a withdrawal cancelling an
 * open request. Council 866 is this class's own.
 */
@ExtendWith(SystemStack.Shared.class)
class AdviceAgencySystemTest {

    static final String COUNCIL = "866";
    static final String CASEWORKER = CaseSteps.CASEWORKER;
    static final String ADMIN = "admin:system-test";

    @Test
    void an_agency_is_asked_by_default_polls_its_inbox_and_submits_once(SystemStack stack) {
        CaseSteps steps = new CaseSteps(stack);
        String eps = "eps-866-" + UUID.randomUUID().toString().substring(0, 6);
        // the directory and the default advice set are the council administrator's
        given().baseUri(stack.advice.baseUrl()).header("Authorization", SystemStack.bearer(ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("agencyId", eps, "name", "EP Service 866", "adviceTypes", List.of("EDUCATIONAL_PSYCHOLOGY"),
                        "contactEmail", "eps@council866.example"))
                .post("/api/councils/{la}/agencies", COUNCIL).then().statusCode(201);
        given().baseUri(stack.advice.baseUrl()).header("Authorization", SystemStack.bearer(ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("entries", List.of(Map.of("adviceType", "EDUCATIONAL_PSYCHOLOGY", "agencyId", eps))))
                .put("/api/councils/{la}/default-advice", COUNCIL).then().statusCode(200);

        String answered = steps.requestAssessment(COUNCIL, "2025-01-06", "C-8S6T1Q");
        steps.decideToAssess(answered, "2025-02-10");
        String withdrawn = steps.requestAssessment(COUNCIL, "2025-01-07", "C-8S6T2R");
        steps.decideToAssess(withdrawn, "2025-02-11");

        // the default set raised each EP request, dated the decision, due 6 weeks later
        String[] request = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                request[0] = given().baseUri(stack.advice.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER))
                        .get("/api/cases/{id}/advice-requests", answered).then().statusCode(200)
                        .body("[0].agencyId", equalTo(eps))
                        .body("[0].requestedDate", equalTo("2025-02-10"))
                        .body("[0].dueDate", equalTo("2025-03-24"))
                        .extract().path("[0].adviceRequestId"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().baseUri(stack.advice.baseUrl()).header("Authorization", SystemStack.bearer("agency:" + eps))
                        .queryParam("status", "open").get("/api/agencies/{a}/inbox", eps).then().statusCode(200)
                        .body("total", equalTo(2)));
        var inbox = given().baseUri(stack.advice.baseUrl()).header("Authorization", SystemStack.bearer("agency:" + eps))
                .queryParam("status", "open").get("/api/agencies/{a}/inbox", eps).then().statusCode(200)
                .body("items[0].adviceRequestId", equalTo(request[0])).extract();
        String cursor = inbox.path("cursor");

        String key = UUID.randomUUID().toString();
        for (String replayed : List.of("false", "true")) {
            given().baseUri(stack.advice.baseUrl()).header("Authorization", SystemStack.bearer("agency:" + eps)).header("Idempotency-Key", key)
                    .contentType(ContentType.JSON).body(Map.of("submittedDate", "2025-03-20", "summary", "EP advice"))
                    .post("/api/advice-requests/{id}/submission", request[0]).then()
                    .statusCode(200).header("Idempotent-Replayed", replayed).body("status", equalTo("SUBMITTED"));
        }
        given().baseUri(stack.advice.baseUrl()).header("Authorization", SystemStack.bearer("agency:" + eps)).queryParam("since", cursor)
                .get("/api/agencies/{a}/inbox", eps).then().statusCode(200)
                .body("items.adviceRequestId", equalTo(List.of(request[0])));

        // the other case is withdrawn in assessment-service: its open EP request is cancelled
        given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER)).contentType(ContentType.JSON)
                .body(Map.of("withdrawnDate", "2025-02-20")).post("/api/cases/{id}/withdrawal", withdrawn)
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().baseUri(stack.advice.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER))
                        .get("/api/cases/{id}/advice-requests", withdrawn).then().statusCode(200)
                        .body("[0].status", equalTo("CANCELLED"))
                        .body("[0].cancelledDate", equalTo("2025-02-20")));

        var figures = given().baseUri(stack.advice.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER))
                .queryParam("agencyId", eps).get("/api/councils/{la}/advice-performance", COUNCIL).then()
                .statusCode(200).extract().jsonPath();
        assertThat(figures.getInt("lines[0].requests")).isEqualTo(1);
        assertThat(figures.getInt("lines[0].returnedWithinSixWeeks")).isEqualTo(1);
    }
}
