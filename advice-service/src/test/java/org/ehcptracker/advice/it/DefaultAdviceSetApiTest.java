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
