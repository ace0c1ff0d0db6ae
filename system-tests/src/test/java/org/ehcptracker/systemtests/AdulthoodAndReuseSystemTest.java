package org.ehcptracker.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8, the rest of item 2, across the services: a request recorded in assessment-service with the young person
 * in Year 9 travels on AssessmentRequested v3, and the decision to assess raises council 883's default
 * preparation-for-adulthood request in advice-service (a Year 8 case gets none); then existing social care advice is
 * reused (Reg 6(4)) without any request to the agency. Council 883 is this class's own.
 */
@ExtendWith(SystemStack.Shared.class)
class AdulthoodAndReuseSystemTest {

    static final String COUNCIL = "883";
    static final String CASEWORKER = CaseSteps.CASEWORKER;
    static final String ADMIN = "admin:system-test";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void year_9_gets_adulthood_advice_by_default_and_existing_advice_is_reused_without_a_request(SystemStack stack) {
        CaseSteps steps = new CaseSteps(stack);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String eps = "eps-883-" + suffix;
        String pfa = "pfa-883-" + suffix;
        String sc = "sc-883-" + suffix;
        addAgency(stack, eps, "EDUCATIONAL_PSYCHOLOGY");
        addAgency(stack, pfa, "PREPARATION_FOR_ADULTHOOD");
        addAgency(stack, sc, "SOCIAL_CARE");
        given().baseUri(stack.advice.baseUrl()).header("Authorization", SystemStack.bearer(ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("entries", List.of(Map.of("adviceType", "EDUCATIONAL_PSYCHOLOGY", "agencyId", eps),
                        Map.of("adviceType", "PREPARATION_FOR_ADULTHOOD", "agencyId", pfa))))
                .put("/api/councils/{la}/default-advice", COUNCIL).then().statusCode(200);

        // received 6 January 2025, decided 10 February 2025: the same school year, so the year group on receipt holds
        String year9 = request(stack, "Y9", "C-8Y9A1B");
        String year8 = request(stack, "Y8", "C-8Y8A1B");
        steps.decideToAssess(year9, "2025-02-10");
        steps.decideToAssess(year8, "2025-02-10");

        await(() -> given().baseUri(stack.advice.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER))
                .get("/api/cases/{id}/advice-requests", year9).then().statusCode(200)
                .body("adviceType", containsInAnyOrder("EDUCATIONAL_PSYCHOLOGY", "PREPARATION_FOR_ADULTHOOD"))
                .body("find { it.adviceType == 'PREPARATION_FOR_ADULTHOOD' }.agencyId", equalTo(pfa))
                .body("find { it.adviceType == 'PREPARATION_FOR_ADULTHOOD' }.dueDate", equalTo("2025-03-24")));
        // the Year 8 case's set is raised in the same way (EP request in), without the adulthood entry (the service test
        // DefaultAdviceSetApiTest waits for the set to be marked raised before it checks the absence; here the EP request
        // is what can be seen)
        await(() -> given().baseUri(stack.advice.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER))
                .get("/api/cases/{id}/advice-requests", year8).then().statusCode(200)
                .body("adviceType", equalTo(List.of("EDUCATIONAL_PSYCHOLOGY"))));

        // Reg 6(4): the social care advice of 15 November 2024 is used instead of a new request
        given().baseUri(stack.advice.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER)).contentType(ContentType.JSON)
                .body(Map.of("adviceType", "SOCIAL_CARE", "agencyId", sc, "adviceDate", "2024-11-15",
                        "familyAgreed", true, "adviserAgreed", true, "note", "still current"))
                .post("/api/cases/{id}/advice-reuses", year9).then().statusCode(201)
                .body("adviceType", equalTo("SOCIAL_CARE"));
        given().baseUri(stack.advice.baseUrl()).header("Authorization", SystemStack.bearer("agency:" + sc))
                .get("/api/agencies/{a}/inbox", sc).then().statusCode(200).body("total", equalTo(0));
        given().baseUri(stack.advice.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER))
                .get("/api/cases/{id}/advice-reuses", year9).then().statusCode(200)
                .body("agencyId", equalTo(List.of(sc)));
    }

    private static void addAgency(SystemStack stack, String id, String type) {
        given().baseUri(stack.advice.baseUrl()).header("Authorization", SystemStack.bearer(ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("agencyId", id, "name", "Agency " + id, "adviceTypes", List.of(type),
                        "contactEmail", "agency@council883.example"))
                .post("/api/councils/{la}/agencies", COUNCIL).then().statusCode(201);
    }

    private static String request(SystemStack stack, String yearGroup, String childRef) {
        String caseId = UUID.randomUUID().toString();
        var body = new HashMap<String, Object>(Map.of("caseId", caseId, "localAuthorityCode", COUNCIL,
                "receivedDate", "2025-01-06", "requestedBy", "PARENT", "childRef", childRef, "yearGroup", yearGroup));
        given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER)).contentType(ContentType.JSON)
                .body(body).post("/api/cases").then().statusCode(201);
        return caseId;
    }

    private static void await(org.awaitility.core.ThrowingRunnable assertion) {
        org.awaitility.Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(assertion);
    }
}
