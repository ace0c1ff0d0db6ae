package org.ehcptracker.advice.it;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.advice.it.Fixtures.caseAcceptedForAssessment;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/**
 * The inbox an agency polls (issue 8 item 3): filters, paging, soonest due first, days left and late,
 * ETags and the since cursor. Dates count back from today (Europe/London), so that some requests are
 * still open and not yet due.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "advice"))
class AgencyInboxApiTest {

    static final String CASEWORKER = "caseworker:jsmith";

    @Inject
    Pool pool;

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    static String request(Pool pool, String agency, LocalDate requestedDate) {
        UUID caseId = UUID.randomUUID();
        caseAcceptedForAssessment(pool, caseId);
        return given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(CASEWORKER))
                .body(Map.of("adviceType", "EDUCATIONAL_PSYCHOLOGY", "agencyId", agency, "requestedDate", requestedDate.toString()))
                .when().post("/api/cases/{caseId}/advice-requests", caseId).then()
                .statusCode(201).extract().path("adviceRequestId");
    }

    static ValidatableResponse inbox(String agency, Map<String, ?> query) {
        return given().header("Authorization", TestTokens.bearer("agency:" + agency)).queryParams(query)
                .when().get("/api/agencies/{agencyId}/inbox", agency).then();
    }

    static void submit(String id, String agency, LocalDate on) {
        given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer("agency:" + agency))
                .body(Map.of("submittedDate", on.toString()))
                .when().post("/api/advice-requests/{id}/submission", id).then().statusCode(200);
    }

    /**
     * Four requests, due 42 days after each was received (T = today):
     * overdue requested T-50, due T-8 (8 days late); submitted requested T-45, due T-3, submitted T-44 (in time);
     * dueSoon requested T-40, due T+2 (2 days left); later requested T-10, due T+32.
     */
    @Test
    void filters_paging_days_left_and_late_soonest_due_first() {
        String agency = "EPS-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate t = today();
        String overdue = request(pool, agency, t.minusDays(50));
        String submitted = request(pool, agency, t.minusDays(45));
        String dueSoon = request(pool, agency, t.minusDays(40));
        String later = request(pool, agency, t.minusDays(10));
        submit(submitted, agency, t.minusDays(44));

        inbox(agency, Map.of()).statusCode(200)
                .body("agencyId", equalTo(agency))
                .body("asOf", equalTo(t.toString()))
                .body("status", equalTo("all"))
                .body("total", equalTo(4))
                .body("items.adviceRequestId", equalTo(List.of(overdue, submitted, dueSoon, later)))
                .body("items[0].dueDate", equalTo(t.minusDays(8).toString()))
                .body("items[0].daysLate", equalTo(8))
                .body("items[0].daysLeft", nullValue())
                .body("items[1].daysLate", nullValue())
                .body("items[2].daysLeft", equalTo(2))
                .body("items[3].daysLeft", equalTo(32));

        inbox(agency, Map.of("status", "open")).statusCode(200)
                .body("items.adviceRequestId", equalTo(List.of(overdue, dueSoon, later)));
        inbox(agency, Map.of("status", "overdue")).statusCode(200)
                .body("items.adviceRequestId", equalTo(List.of(overdue)));
        inbox(agency, Map.of("status", "due-within", "days", 7)).statusCode(200)
                .body("items.adviceRequestId", equalTo(List.of(dueSoon)));
        inbox(agency, Map.of("status", "due-within", "days", 2)).statusCode(200)
                .body("items.adviceRequestId", equalTo(List.of(dueSoon)));
        inbox(agency, Map.of("status", "due-within", "days", 1)).statusCode(200)
                .body("total", equalTo(0));
        inbox(agency, Map.of("status", "submitted")).statusCode(200)
                .body("items.adviceRequestId", equalTo(List.of(submitted)));
        inbox(agency, Map.of("status", "returned-for-rework")).statusCode(200).body("total", equalTo(0));

        inbox(agency, Map.of("size", 2)).statusCode(200)
                .body("total", equalTo(4)).body("page", equalTo(0))
                .body("items.adviceRequestId", equalTo(List.of(overdue, submitted)));
        inbox(agency, Map.of("size", 2, "page", 1)).statusCode(200)
                .body("items.adviceRequestId", equalTo(List.of(dueSoon, later)));
        inbox(agency, Map.of("size", 2, "page", 2)).statusCode(200)
                .body("total", equalTo(4)).body("items", equalTo(List.of()));
    }

    @Test
    void an_unchanged_inbox_answers_304_and_since_gives_only_what_changed() {
        String agency = "EPS-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate t = today();
        String first = request(pool, agency, t.minusDays(20));
        String second = request(pool, agency, t.minusDays(10));

        var listing = inbox(agency, Map.of()).statusCode(200).extract();
        String etag = listing.header("ETag");
        String cursor = listing.path("cursor");
        assertThat(etag).isNotBlank();

        given().header("Authorization", TestTokens.bearer("agency:" + agency)).header("If-None-Match", etag)
                .when().get("/api/agencies/{agencyId}/inbox", agency).then().statusCode(304);
        inbox(agency, Map.of("since", cursor)).statusCode(200)
                .body("items", equalTo(List.of())).body("cursor", equalTo(cursor));

        submit(first, agency, t);

        given().header("Authorization", TestTokens.bearer("agency:" + agency)).header("If-None-Match", etag)
                .when().get("/api/agencies/{agencyId}/inbox", agency).then().statusCode(200);
        var changed = inbox(agency, Map.of("since", cursor)).statusCode(200)
                .body("items.adviceRequestId", equalTo(List.of(first)))
                .body("items[0].status", equalTo("SUBMITTED"))
                .extract();
        String next = changed.path("cursor");
        assertThat(Long.parseLong(next)).isGreaterThan(Long.parseLong(cursor));
        inbox(agency, Map.of("since", next)).statusCode(200).body("items", equalTo(List.of()));

        // one request: its ETag changes with the request
        var one = given().header("Authorization", TestTokens.bearer("agency:" + agency)).when().get("/api/advice-requests/{id}", second).then()
                .statusCode(200).extract();
        given().header("Authorization", TestTokens.bearer("agency:" + agency)).header("If-None-Match", one.header("ETag"))
                .when().get("/api/advice-requests/{id}", second).then().statusCode(304);
        submit(second, agency, t);
        given().header("Authorization", TestTokens.bearer("agency:" + agency)).header("If-None-Match", one.header("ETag"))
                .when().get("/api/advice-requests/{id}", second).then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void an_agency_reads_only_its_own_inbox() {
        given().header("Authorization", TestTokens.bearer("agency:839-HEALTH")).when().get("/api/agencies/{agencyId}/inbox", "839-EPS").then()
                .statusCode(403)
                .contentType(containsString("application/problem+json"))
                .body("field", equalTo("agencyId"))
                .body("detail", containsString("may read only its own inbox"));
        given().header("Authorization", TestTokens.bearer(CASEWORKER)).when().get("/api/agencies/{agencyId}/inbox", "839-EPS").then()
                .statusCode(200);
    }

    @Test
    void bad_parameters_are_400_naming_them() {
        inbox("839-EPS", Map.of("status", "lost")).statusCode(400).body("field", equalTo("status"))
                .body("detail", containsString("due-within"));
        inbox("839-EPS", Map.of("status", "due-within")).statusCode(400).body("field", equalTo("days"));
        inbox("839-EPS", Map.of("status", "open", "days", 3)).statusCode(400).body("field", equalTo("days"));
        inbox("839-EPS", Map.of("size", 0)).statusCode(400).body("field", equalTo("size"));
        inbox("839-EPS", Map.of("size", 101)).statusCode(400).body("field", equalTo("size"));
        inbox("839-EPS", Map.of("page", -1)).statusCode(400).body("field", equalTo("page"));
        inbox("839-EPS", Map.of("since", "yesterday")).statusCode(400).body("field", equalTo("since"));
        given().when().get("/api/agencies/{agencyId}/inbox", "839-EPS").then().statusCode(401).contentType("application/problem+json");
    }
}
