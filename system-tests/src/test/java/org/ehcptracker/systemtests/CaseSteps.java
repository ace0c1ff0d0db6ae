package org.ehcptracker.systemtests;


import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The statutory steps every system test drives through the public APIs, as a caseworker would. */
public final class CaseSteps {

    public static final String CASEWORKER = "caseworker:system-test";
    public static final String BOARD = "board:system-test";

    private final SystemStack stack;

    public CaseSteps(SystemStack stack) {
        this.stack = stack;
    }

    public String requestAssessment(String la, String receivedDate, String childRef) {
        return requestAssessment(la, receivedDate, childRef, null);
    }

    /** A request to {@code la}; with {@code transferredIn} ({fromLocalAuthorityCode, transferDate}) a case that starts as a transfer. */
    public String requestAssessment(String la, String receivedDate, String childRef, Map<String, String> transferredIn) {
        String caseId = UUID.randomUUID().toString();
        var body = new HashMap<String, Object>(Map.of("caseId", caseId, "localAuthorityCode", la,
                "receivedDate", receivedDate, "requestedBy", "PARENT", "childRef", childRef));
        if (transferredIn != null) {
            body.put("transferredIn", transferredIn);
        }
        given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER)).contentType(ContentType.JSON)
                .body(body)
                .post("/api/cases")
                .then().statusCode(201).body("caseId", equalTo(caseId));
        return caseId;
    }

    public void decideToAssess(String caseId, String date) {
        given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER)).contentType(ContentType.JSON)
                .body(Map.of("decision", "ASSESS", "decisionDate", date))
                .post("/api/cases/{id}/decision", caseId)
                .then().statusCode(200);
    }

    /** advice-service learns of the decision from Kafka: until then it answers 422, and nothing is written. */
    public String requestAdvice(String caseId, String type, String agency, String date) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                id[0] = given().baseUri(stack.advice.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER)).contentType(ContentType.JSON)
                        .body(Map.of("adviceType", type, "agencyId", agency, "requestedDate", date))
                        .post("/api/cases/{id}/advice-requests", caseId)
                        .then().statusCode(201).extract().path("adviceRequestId"));
        return id[0];
    }

    /** plan-service learns of the decision from Kafka: until then it answers 422. */
    public void issueDraft(String caseId, String date) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().baseUri(stack.plan.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER)).contentType(ContentType.JSON)
                        .body(Map.of("issuedDate", date))
                        .post("/api/cases/{id}/draft-plan", caseId)
                        .then().statusCode(201));
    }

    /** Issues the final plan; its planId. */
    public String issueFinal(String caseId, String date, Map<String, String> setting) {
        var body = new HashMap<String, String>(setting);
        body.put("issuedDate", date);
        return given().baseUri(stack.plan.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER)).contentType(ContentType.JSON)
                .body(body)
                .post("/api/cases/{id}/final-plan", caseId)
                .then().statusCode(200).extract().path("planId");
    }

    /** The board's figures for {@code la} over a period, as reporting-service serves them now. */
    public JsonPath figures(String la, String from, String to) {
        return given().baseUri(stack.reporting.baseUrl()).header("Authorization", SystemStack.bearer(BOARD))
                .queryParam("from", from).queryParam("to", to)
                .get("/api/local-authorities/{la}/figures", la)
                .then().statusCode(200).extract().jsonPath();
    }
}
