package org.ehcptracker.advice.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.advice.it.Fixtures.caseAcceptedForAssessment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.testtokens.IdempotentCreateChecks;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on advice-service's creates (issue 14): a retried create never makes a second record. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "advice"))
class IdempotentCreateTest {

    @Inject
    Pool pool;

    static RequestSpecification caseworker() {
        return given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer("caseworker:jsmith"));
    }

    static Map<String, Object> requestBody(String agencyId) {
        return Map.of("adviceType", "EDUCATIONAL_PSYCHOLOGY", "agencyId", agencyId, "requestedDate", "2025-04-11");
    }

    UUID acceptedCase() {
        UUID caseId = UUID.randomUUID();
        caseAcceptedForAssessment(pool, caseId);
        return caseId;
    }

    long requestsOf(UUID caseId) {
        return pool.preparedQuery("select count(*) from event where case_id = $1 and type = 'AdviceRequested'")
                .execute(Tuple.of(caseId)).await().indefinitely().iterator().next().getLong(0);
    }

    static String newAgencyId() {
        return "EPS-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void an_advice_request_retried_with_the_same_key_is_made_once_and_answered_the_same() {
        UUID caseId = acceptedCase();

        var first = IdempotentCreateChecks.retriedWithOneKey(IdempotentCreateTest::caseworker,
                "/api/cases/" + caseId + "/advice-requests", requestBody(newAgencyId()), 201);

        assertThat(first.header("Location")).endsWith("/api/advice-requests/" + first.jsonPath().getString("adviceRequestId"));
        assertThat(requestsOf(caseId)).isEqualTo(1);
    }

    @Test
    void four_advice_requests_with_one_key_at_once_make_one_request() throws Exception {
        UUID caseId = acceptedCase();

        IdempotentCreateChecks.concurrentlyWithOneKey(IdempotentCreateTest::caseworker,
                "/api/cases/" + caseId + "/advice-requests", requestBody(newAgencyId()), 201, 4);

        assertThat(requestsOf(caseId)).isEqualTo(1);
    }

    @Test
    void the_same_key_for_another_request_is_422_and_a_malformed_key_400_both_naming_the_header() {
        UUID caseId = acceptedCase();
        String path = "/api/cases/" + caseId + "/advice-requests";

        IdempotentCreateChecks.otherRequestWithTheKeyIsRefused(IdempotentCreateTest::caseworker, path,
                requestBody(newAgencyId()), requestBody(newAgencyId()), 201);
        IdempotentCreateChecks.badKeysAreRefused(IdempotentCreateTest::caseworker, path, requestBody(newAgencyId()));

        assertThat(requestsOf(caseId)).isEqualTo(1);
    }

    @Test
    void an_agency_added_twice_with_one_key_is_added_once_and_the_retry_gets_the_first_answer() {
        String agencyId = "866-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = Map.of("agencyId", agencyId, "name", "Swindon EPS", "adviceTypes", List.of("HEALTH"),
                "contactEmail", "health@swindon.example");

        IdempotentCreateChecks.retriedWithOneKey(() -> given().contentType(ContentType.JSON)
                        .header("Authorization", TestTokens.bearer("admin:directory-admin")),
                "/api/councils/866/agencies", body, 201);

        assertThat(pool.preparedQuery("select count(*) from agency where agency_id = $1").execute(Tuple.of(agencyId))
                .await().indefinitely().iterator().next().getLong(0)).isEqualTo(1);
    }

    @Test
    void the_openapi_document_names_the_header_on_every_create_and_on_the_submission() {
        assertThat(IdempotentCreateChecks.createsDocumentingTheHeader()).containsExactlyInAnyOrder(
                "/api/councils/{localAuthorityCode}/agencies", "/api/cases/{caseId}/advice-requests",
                "/api/cases/{caseId}/advice-reuses");
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/advice-requests/{adviceRequestId}/submission'.post.parameters.name",
                        org.hamcrest.Matchers.hasItem(IdempotentCreateChecks.HEADER));
    }
}
