package org.ehcptracker.advice.it;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.advice.it.Fixtures.caseAcceptedForAssessment;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/**
 * The agency directory (issue 8 item 1) against real PostgreSQL and Kafka. Council 866 is this class's
 * own (the other classes' cases are council 839's, which has no directory and so is not checked).
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "advice"))
class AgencyDirectoryApiTest {

    static final String COUNCIL = "866";
    static final String ADMIN = "admin:directory-admin";

    @Inject
    Pool pool;

    static String newAgencyId() {
        return "866-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> agencyBody(String agencyId, List<String> types, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("agencyId", agencyId);
        body.put("name", "Swindon Educational Psychology Service");
        body.put("adviceTypes", types);
        body.put("contactEmail", email);
        return body;
    }

    static ValidatableResponse addAgency(String council, Object body) {
        return given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(ADMIN)).body(body)
                .when().post("/api/councils/{la}/agencies", council).then();
    }

    /** Adds an active EP agency to council 866's directory; returns its id. */
    static String registeredEps() {
        String id = newAgencyId();
        addAgency(COUNCIL, agencyBody(id, List.of("EDUCATIONAL_PSYCHOLOGY"), "eps@swindon.example")).statusCode(201);
        return id;
    }

    static ValidatableResponse requestAdvice(UUID caseId, String type, String agencyId) {
        return given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer("caseworker:jsmith"))
                .body(Map.of("adviceType", type, "agencyId", agencyId, "requestedDate", "2025-04-11"))
                .when().post("/api/cases/{caseId}/advice-requests", caseId).then();
    }

    @Test
    void an_agency_is_added_read_listed_changed_and_deactivated() {
        String id = newAgencyId();
        var added = addAgency(COUNCIL, agencyBody(id, List.of("EDUCATIONAL_PSYCHOLOGY", "OTHER"), "eps@swindon.example"))
                .statusCode(201)
                .body("agencyId", equalTo(id))
                .body("localAuthorityCode", equalTo(COUNCIL))
                .body("adviceTypes", equalTo(List.of("EDUCATIONAL_PSYCHOLOGY", "OTHER")))
                .body("active", equalTo(true))
                .extract();
        assertThat(added.header("Location")).endsWith("/api/agencies/" + id);

        given().header("Authorization", TestTokens.bearer(ADMIN)).when().get("/api/agencies/{id}", id).then()
                .statusCode(200).body("contactEmail", equalTo("eps@swindon.example"));
        given().header("Authorization", TestTokens.bearer(ADMIN)).when().get("/api/councils/{la}/agencies", COUNCIL).then()
                .statusCode(200).body("agencyId", hasItem(id));

        given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(ADMIN))
                .body(Map.of("name", "Swindon EPS", "adviceTypes", List.of("HEALTH"), "contactEmail", "health@swindon.example"))
                .when().put("/api/agencies/{id}", id).then()
                .statusCode(200)
                .body("name", equalTo("Swindon EPS"))
                .body("adviceTypes", equalTo(List.of("HEALTH")))
                .body("contactEmail", equalTo("health@swindon.example"));

        given().header("Authorization", TestTokens.bearer(ADMIN)).when().post("/api/agencies/{id}/deactivation", id).then()
                .statusCode(200).body("active", equalTo(false));
        given().header("Authorization", TestTokens.bearer(ADMIN)).when().post("/api/agencies/{id}/deactivation", id).then()
                .statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("already deactivated"));

        // the directory is audited: who changed it last
        var row = pool.preparedQuery("select changed_by from agency where agency_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(id)).await().indefinitely().iterator().next();
        assertThat(row.getString("changed_by")).isEqualTo(ADMIN);
    }

    @Test
    void an_agency_id_already_in_a_directory_is_409() {
        String id = registeredEps();
        addAgency("867", agencyBody(id, List.of("HEALTH"), "x@y.example"))
                .statusCode(409)
                .body("detail", containsString("already exists"));
    }

    @Test
    void unknown_agencies_are_404() {
        String unknown = newAgencyId();
        given().header("Authorization", TestTokens.bearer(ADMIN)).when().get("/api/agencies/{id}", unknown).then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(ADMIN)).when().post("/api/agencies/{id}/deactivation", unknown).then().statusCode(404);
        given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(ADMIN))
                .body(Map.of("name", "X", "adviceTypes", List.of("HEALTH"), "contactEmail", "x@y.example"))
                .when().put("/api/agencies/{id}", unknown).then()
                .statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void bad_input_is_400_naming_the_field() {
        addAgency(COUNCIL, agencyBody(newAgencyId(), List.of("EDUCATIONAL_PSYCHOLOGY"), "not an address"))
                .statusCode(400).body("violations.field", hasItem(containsString("contactEmail")));
        Map<String, Object> nul = agencyBody(newAgencyId(), List.of("EDUCATIONAL_PSYCHOLOGY"), "eps@swindon.example");
        nul.put("name", "Swindon\u0000EPS");
        addAgency(COUNCIL, nul).statusCode(400).body("violations.field", hasItem(containsString("name")));
        addAgency(COUNCIL, agencyBody(newAgencyId(), List.of(), "eps@swindon.example"))
                .statusCode(400).body("violations.field", hasItem(containsString("adviceTypes")));
        addAgency(COUNCIL, agencyBody(newAgencyId(), List.of("ASTROLOGY"), "eps@swindon.example"))
                .statusCode(400).contentType(containsString("application/problem+json"));
        addAgency(COUNCIL, agencyBody("no spaces allowed", List.of("HEALTH"), "eps@swindon.example"))
                .statusCode(400).body("violations.field", hasItem(containsString("agencyId")));
        addAgency("86", agencyBody(newAgencyId(), List.of("HEALTH"), "eps@swindon.example"))
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("field", equalTo("localAuthorityCode"));
        given().contentType(ContentType.JSON).body(agencyBody(newAgencyId(), List.of("HEALTH"), "eps@swindon.example"))
                .when().post("/api/councils/{la}/agencies", COUNCIL).then()
                .statusCode(401).contentType(containsString("application/problem+json"));
    }

    @Test
    void advice_is_requested_only_of_an_active_agency_of_the_council_that_gives_it() {
        UUID caseId = UUID.randomUUID();
        caseAcceptedForAssessment(pool, caseId, COUNCIL);
        String eps = registeredEps();

        requestAdvice(caseId, "EDUCATIONAL_PSYCHOLOGY", newAgencyId())
                .statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("field", equalTo("agencyId"))
                .body("detail", containsString("is not in council 866's agency directory"));
        requestAdvice(caseId, "HEALTH", eps)
                .statusCode(422)
                .body("field", equalTo("agencyId"))
                .body("detail", containsString("does not give HEALTH advice"));
        requestAdvice(caseId, "EDUCATIONAL_PSYCHOLOGY", eps).statusCode(201).body("agencyId", equalTo(eps));

        given().header("Authorization", TestTokens.bearer(ADMIN)).when().post("/api/agencies/{id}/deactivation", eps).then().statusCode(200);
        requestAdvice(caseId, "EDUCATIONAL_PSYCHOLOGY", eps)
                .statusCode(422)
                .body("field", equalTo("agencyId"))
                .body("detail", containsString("is deactivated"));
    }

    @Test
    void two_adds_of_one_agency_at_once_one_wins_the_other_gets_409() {
        String id = newAgencyId();
        List<Integer> statuses = atOnce(() -> addAgency(COUNCIL,
                agencyBody(id, List.of("HEALTH"), "health@swindon.example")).extract().statusCode());
        assertThat(statuses).containsExactly(201, 409);
    }

    @Test
    void two_changes_of_one_agency_at_once_never_lose_one_silently() {
        String id = registeredEps();
        List<Integer> statuses = atOnce(() -> given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(ADMIN))
                .body(Map.of("name", "Renamed " + UUID.randomUUID(), "adviceTypes", List.of("HEALTH"),
                        "contactEmail", "health@swindon.example"))
                .when().put("/api/agencies/{id}", id).then().extract().statusCode());
        // both may succeed one after the other; if they overlapped, the second is refused (409), never lost
        assertThat(statuses).allMatch(s -> s == 200 || s == 409).contains(200);
        int version = pool.preparedQuery("select version from agency where agency_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(id)).await().indefinitely().iterator().next().getInteger("version");
        assertThat(version).isEqualTo((int) statuses.stream().filter(s -> s == 200).count());
    }

    static List<Integer> atOnce(Supplier<Integer> call) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return call.get();
        })).toList();
        start.countDown();
        return calls.stream().map(CompletableFuture::join).sorted().toList();
    }
}
