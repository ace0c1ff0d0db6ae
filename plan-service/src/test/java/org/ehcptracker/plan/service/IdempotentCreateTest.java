package org.ehcptracker.plan.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.testtokens.IdempotentCreateChecks;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on plan-service's creates (issue 14): a retried create never makes a second record. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class IdempotentCreateTest extends PlanServiceTestSupport {

    static RequestSpecification caseworker() {
        return given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON);
    }

    long events(UUID caseId, String type) {
        return pool.preparedQuery("select count(*) from event where case_id = $1 and type = $2")
                .execute(Tuple.of(caseId, type)).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void a_draft_plan_retried_with_the_same_key_is_issued_once_and_answered_the_same() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");

        IdempotentCreateChecks.retriedWithOneKey(IdempotentCreateTest::caseworker, "/api/cases/" + caseId + "/draft-plan",
                Map.of("issuedDate", "2025-06-09"), 201);

        assertThat(events(caseId, "DraftPlanIssued")).isEqualTo(1);
    }

    @Test
    void four_draft_plans_with_one_key_at_once_issue_one() throws Exception {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");

        IdempotentCreateChecks.concurrentlyWithOneKey(IdempotentCreateTest::caseworker, "/api/cases/" + caseId + "/draft-plan",
                Map.of("issuedDate", "2025-06-09"), 201, 4);

        assertThat(events(caseId, "DraftPlanIssued")).isEqualTo(1);
    }

    @Test
    void the_same_key_for_another_request_is_422_and_a_malformed_key_400_both_naming_the_header() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        String path = "/api/cases/" + caseId + "/draft-plan";

        IdempotentCreateChecks.badKeysAreRefused(IdempotentCreateTest::caseworker, path, Map.of("issuedDate", "2025-06-09"));
        IdempotentCreateChecks.otherRequestWithTheKeyIsRefused(IdempotentCreateTest::caseworker, path,
                Map.of("issuedDate", "2025-06-09"), Map.of("issuedDate", "2025-06-10"), 201);

        assertThat(events(caseId, "DraftPlanIssued")).isEqualTo(1);
    }

    /** A review's id is chosen by the service: without the key a retry would hold a second meeting. */
    @Test
    void a_review_meeting_retried_with_the_same_key_is_held_once() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        postJson("/api/cases/{caseId}/draft-plan", Map.of("issuedDate", "2025-06-09"), caseId).statusCode(201);
        String planId = postJson("/api/cases/{caseId}/final-plan", Map.of("issuedDate", "2025-07-18", "settingType", "MSS"),
                caseId).statusCode(200).extract().path("planId");

        var first = IdempotentCreateChecks.retriedWithOneKey(IdempotentCreateTest::caseworker,
                "/api/plans/" + planId + "/reviews", Map.of("meetingDate", "2025-10-01"), 201);

        assertThat(first.header("Location")).endsWith("/api/reviews/" + first.jsonPath().getString("reviewId"));
        assertThat(events(caseId, "AnnualReviewMeetingHeld")).isEqualTo(1);
    }

    @Test
    void the_openapi_document_names_the_header_on_every_create() {
        assertThat(IdempotentCreateChecks.createsDocumentingTheHeader()).containsExactlyInAnyOrder(
                "/api/cases/{caseId}/draft-plan", "/api/plans/{planId}/reviews", "/api/plans/{planId}/quality-audits");
    }
}
