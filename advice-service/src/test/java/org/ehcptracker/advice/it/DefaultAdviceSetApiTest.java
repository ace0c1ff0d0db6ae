package org.ehcptracker.advice.it;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ehcptracker.advice.it.Fixtures.WAIT;
import static org.ehcptracker.advice.it.Fixtures.example;
import static org.ehcptracker.advice.it.Fixtures.publishAssessmentEvent;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/** The default advice set (issue 8 item 2), on council 868's cases (no other class uses 868). */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "advice"))
class DefaultAdviceSetApiTest {

    static final String COUNCIL = "868";
    static final String ADMIN = "admin:directory-admin";
    /** the directory and the set are the administrator's; a case's requests are the caseworker's to read */
    static final String CASEWORKER = "caseworker:jsmith";

    @Inject
    Pool pool;

    static String addAgency(String type) {
        String id = "868-" + type.substring(0, 3) + "-" + UUID.randomUUID().toString().substring(0, 6);
        given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(ADMIN))
                .body(Map.of("agencyId", id, "name", "Agency " + id, "adviceTypes", List.of(type), "contactEmail", "a@b.example"))
                .when().post("/api/councils/{la}/agencies", COUNCIL).then().statusCode(201);
        return id;
    }

    static io.restassured.response.ValidatableResponse putSet(Object entries) {
        return given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(ADMIN)).body(Map.of("entries", entries))
                .when().put("/api/councils/{la}/default-advice", COUNCIL).then();
    }

    @Test
    void a_decision_to_assess_raises_the_default_set_dated_the_decision_date_once() {
        String eps = addAgency("EDUCATIONAL_PSYCHOLOGY");
        String health = addAgency("HEALTH");
        putSet(List.of(Map.of("adviceType", "EDUCATIONAL_PSYCHOLOGY", "agencyId", eps),
                Map.of("adviceType", "HEALTH", "agencyId", health)))
                .statusCode(200);
        given().header("Authorization", TestTokens.bearer(ADMIN)).when().get("/api/councils/{la}/default-advice", COUNCIL).then()
                .statusCode(200).body("entries.agencyId", equalTo(List.of(eps, health)));

        UUID caseId = UUID.randomUUID();
        publishAssessmentEvent(example("AssessmentRequested", caseId, Map.of("localAuthorityCode", COUNCIL)));
        var decided = example("AssessmentDecided", caseId, Map.of("localAuthorityCode", COUNCIL));   // 2025-04-10
        publishAssessmentEvent(decided);

        await().atMost(WAIT).until(() -> given().header("Authorization", TestTokens.bearer(CASEWORKER)).when()
                .get("/api/cases/{caseId}/advice-requests", caseId).then().extract().jsonPath().getList("").size() == 2);
        given().header("Authorization", TestTokens.bearer(CASEWORKER)).when().get("/api/cases/{caseId}/advice-requests", caseId).then()
                // same requested date: the list's order is then by id, which is derived from case and type
                .body("agencyId", containsInAnyOrder(eps, health))
                .body("requestedDate", equalTo(List.of("2025-04-10", "2025-04-10")))
                // 10 April + 42 days = 22 May
                .body("dueDate", equalTo(List.of("2025-05-22", "2025-05-22")));
        var actor = pool.preparedQuery("select metadata->>'actor' as actor from event where case_id = $1 and type = 'AdviceRequested'")
                .execute(Tuple.of(caseId)).await().atMost(WAIT).iterator().next().getString("actor");
        assertThat(actor).isEqualTo("system:advice-service");

        // the decision delivered again raises nothing more
        publishAssessmentEvent(decided);
        await().atMost(WAIT).until(() -> pool.preparedQuery("select count(*) as n from processed_event where event_id = $1")
                .execute(Tuple.of(UUID.fromString(decided.get("eventId").asText()))).await().atMost(WAIT)
                .iterator().next().getLong("n") == 1);
        long requests = pool.preparedQuery("select count(*) as n from event where case_id = $1 and type = 'AdviceRequested'")
                .execute(Tuple.of(caseId)).await().atMost(WAIT).iterator().next().getLong("n");
        assertThat(requests).isEqualTo(2);
    }

    /**
     * Preparation-for-adulthood advice from Year 9 on the decision date (received 3 March 2025, decided 10 April 2025:
     * the same school year, so the year group on receipt holds): Year 9 gets the set's PfA entry, Year 8 and a request
     * without a year group (AssessmentRequested v2, upcast with none) get the rest of the set only.
     */
    @Test
    void the_adulthood_entry_is_raised_from_year_9_only() {
        String eps = addAgency("EDUCATIONAL_PSYCHOLOGY");
        String pfa = addAgency("PREPARATION_FOR_ADULTHOOD");
        putSet(List.of(Map.of("adviceType", "EDUCATIONAL_PSYCHOLOGY", "agencyId", eps),
                Map.of("adviceType", "PREPARATION_FOR_ADULTHOOD", "agencyId", pfa)))
                .statusCode(200);

        UUID year9 = decidedCase(Map.of("localAuthorityCode", COUNCIL, "yearGroup", "Y9"));
        UUID year8 = decidedCase(Map.of("localAuthorityCode", COUNCIL, "yearGroup", "Y8"));
        var v2 = example("AssessmentRequested", UUID.randomUUID(), Map.of("localAuthorityCode", COUNCIL, "schemaVersion", 2));
        v2.remove("yearGroup");
        UUID noYearGroup = UUID.fromString(v2.get("caseId").asText());
        publishAssessmentEvent(v2);
        publishAssessmentEvent(example("AssessmentDecided", noYearGroup, Map.of("localAuthorityCode", COUNCIL)));

        for (UUID caseId : List.of(year9, year8, noYearGroup)) {
            // the follow-up marks the set raised after its last request: every request of the case is in by then
            await().atMost(WAIT).until(() -> Boolean.TRUE.equals(Fixtures.caseRow(pool, caseId) == null ? null
                    : Fixtures.caseRow(pool, caseId).getBoolean("default_set_raised")));
        }
        assertThat(Fixtures.caseRow(pool, year9).getString("year_group")).isEqualTo("Y9");
        assertThat(Fixtures.caseRow(pool, noYearGroup).getString("year_group")).isNull();
        given().header("Authorization", TestTokens.bearer(CASEWORKER)).when().get("/api/cases/{caseId}/advice-requests", year9).then()
                .statusCode(200)
                .body("adviceType", containsInAnyOrder("EDUCATIONAL_PSYCHOLOGY", "PREPARATION_FOR_ADULTHOOD"))
                .body("find { it.adviceType == 'PREPARATION_FOR_ADULTHOOD' }.agencyId", equalTo(pfa))
                .body("find { it.adviceType == 'PREPARATION_FOR_ADULTHOOD' }.requestedDate", equalTo("2025-04-10"))
                .body("find { it.adviceType == 'PREPARATION_FOR_ADULTHOOD' }.dueDate", equalTo("2025-05-22"));
        for (UUID caseId : List.of(year8, noYearGroup)) {
            given().header("Authorization", TestTokens.bearer(CASEWORKER)).when().get("/api/cases/{caseId}/advice-requests", caseId)
                    .then().statusCode(200).body("adviceType", equalTo(List.of("EDUCATIONAL_PSYCHOLOGY")));
        }

        // on the topic: the Year 9 case's AdviceRequested of type PREPARATION_FOR_ADULTHOOD, to the set's agency
        var records = Fixtures.adviceEventsOf(year9);
        try {
            await().atMost(WAIT).untilAsserted(() -> assertThat(records.getRecords().stream()
                    .map(r -> Fixtures.read(r.value()))
                    .filter(e -> "AdviceRequested".equals(e.get("type").asText())
                            && "PREPARATION_FOR_ADULTHOOD".equals(e.get("adviceType").asText())
                            && pfa.equals(e.get("agencyId").asText()) && "2025-04-10".equals(e.get("businessDate").asText()))
                    .count()).isEqualTo(1));
        } finally {
            records.close();
        }
    }

    private static UUID decidedCase(Map<String, Object> requestFields) {
        UUID caseId = UUID.randomUUID();
        publishAssessmentEvent(example("AssessmentRequested", caseId, requestFields));
        publishAssessmentEvent(example("AssessmentDecided", caseId, Map.of("localAuthorityCode", COUNCIL)));
        return caseId;
    }

    @Test
    void a_set_naming_an_agency_that_cannot_be_asked_or_a_type_twice_is_refused() {
        String health = addAgency("HEALTH");
        putSet(List.of(Map.of("adviceType", "EDUCATIONAL_PSYCHOLOGY", "agencyId", health)))
                .statusCode(422).body("field", equalTo("agencyId")).body("detail", containsString("does not give"));
        putSet(List.of(Map.of("adviceType", "HEALTH", "agencyId", health), Map.of("adviceType", "HEALTH", "agencyId", health)))
                .statusCode(400).body("field", equalTo("entries"));
        putSet(List.of(Map.of("adviceType", "ASTROLOGY", "agencyId", health))).statusCode(400);
    }
}
