package org.ehcptracker.advice.it;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/** Agency performance (issue 8 item 9), on council 867's own cases (no other class uses 867). */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "advice"))
class AgencyPerformanceApiTest {

    static final String COUNCIL = "867";
    static final String CASEWORKER = "caseworker:jsmith";

    @Inject
    Pool pool;

    String request(String agency, String type, String date) {
        UUID caseId = UUID.randomUUID();
        Fixtures.caseAcceptedForAssessment(pool, caseId, COUNCIL);
        return given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(CASEWORKER))
                .body(Map.of("adviceType", type, "agencyId", agency, "requestedDate", date))
                .when().post("/api/cases/{caseId}/advice-requests", caseId).then()
                .statusCode(201).extract().path("adviceRequestId");
    }

    static void post(String path, String id, String actor, Map<String, String> body) {
        given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(actor)).body(body)
                .when().post("/api/advice-requests/{id}/" + path, id).then().statusCode(200);
    }

    /**
     * EP requests of 11 April 2025 (due 23 May): one answered 20 May (in time, 39 days), one 30 May (late,
     * 49 days), one still open (overdue), one requested 5 days ago (open, not due), one cancelled (not counted).
     * Health: answered 20 May, returned 22 May, answered again 30 May: in time by its first answer, 49 days.
     */
    @Test
    void per_agency_and_type_requests_in_time_average_days_open_and_overdue() {
        String a = "867-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "867-" + UUID.randomUUID().toString().substring(0, 8);
        String recent = LocalDate.now(ZoneId.of("Europe/London")).minusDays(5).toString();
        post("submission", request(a, "EDUCATIONAL_PSYCHOLOGY", "2025-04-11"), CASEWORKER, Map.of("submittedDate", "2025-05-20"));
        post("submission", request(a, "EDUCATIONAL_PSYCHOLOGY", "2025-04-11"), CASEWORKER, Map.of("submittedDate", "2025-05-30"));
        request(a, "EDUCATIONAL_PSYCHOLOGY", "2025-04-11");
        request(a, "EDUCATIONAL_PSYCHOLOGY", recent);
        post("cancellation", request(a, "EDUCATIONAL_PSYCHOLOGY", "2025-04-11"), CASEWORKER, Map.of("reason", "EXISTING_ADVICE_REUSED"));
        String health = request(a, "HEALTH", "2025-04-11");
        post("submission", health, CASEWORKER, Map.of("submittedDate", "2025-05-20"));
        post("rework", health, CASEWORKER, Map.of("reason", "INCOMPLETE", "returnedDate", "2025-05-22"));
        post("submission", health, CASEWORKER, Map.of("submittedDate", "2025-05-30"));
        request(other, "SOCIAL_CARE", "2025-04-11");

        given().header("Authorization", TestTokens.bearer(CASEWORKER)).queryParam("agencyId", a)
                .when().get("/api/councils/{la}/advice-performance", COUNCIL).then()
                .statusCode(200)
                .body("localAuthorityCode", equalTo(COUNCIL))
                .body("lines", hasSize(2))
                .body("lines[0].adviceType", equalTo("EDUCATIONAL_PSYCHOLOGY"))
                .body("lines[0].requests", equalTo(4))
                .body("lines[0].returnedWithinSixWeeks", equalTo(1))
                .body("lines[0].submitted", equalTo(2))
                .body("lines[0].averageDays", equalTo(44.0f))
                .body("lines[0].openNow", equalTo(2))
                .body("lines[0].overdueNow", equalTo(1))
                .body("lines[1].adviceType", equalTo("HEALTH"))
                .body("lines[1].requests", equalTo(1))
                .body("lines[1].returnedWithinSixWeeks", equalTo(1))
                .body("lines[1].averageDays", equalTo(49.0f))
                .body("lines[1].openNow", equalTo(0));

        // an agency sees its own lines only, and not another agency's
        given().header("Authorization", TestTokens.bearer("agency:" + a)).when().get("/api/councils/{la}/advice-performance", COUNCIL).then()
                .statusCode(200).body("lines", hasSize(2)).body("lines[0].agencyId", equalTo(a));
        given().header("Authorization", TestTokens.bearer("agency:" + a)).queryParam("agencyId", other)
                .when().get("/api/councils/{la}/advice-performance", COUNCIL).then()
                .statusCode(403).body("field", equalTo("agencyId"));
        given().header("Authorization", TestTokens.bearer(CASEWORKER)).when().get("/api/councils/{la}/advice-performance", "8x7").then()
                .statusCode(400).body("field", equalTo("localAuthorityCode"));
    }
}
