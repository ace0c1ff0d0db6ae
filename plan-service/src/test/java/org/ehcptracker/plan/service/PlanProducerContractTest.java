package org.ehcptracker.plan.service;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.ehcptracker.contracts.ContractExamples;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/**
 * Producer side of the contracts: what plan-service puts on ehcp.plan.events has exactly the fields of
 * the checked-in example, with the same JSON types where both are non-null.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class PlanProducerContractTest extends PlanServiceTestSupport {

    @Test
    void draft_and_final_plan_issued_match_their_examples() throws Exception {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON).body(Map.of("issuedDate", "2025-06-09"))
                .post("/api/cases/{caseId}/draft-plan", caseId).then().statusCode(201);
        given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON)
                .body(Map.of("issuedDate", "2025-07-18", "namedSettingUrn", "139021"))
                .post("/api/cases/{caseId}/final-plan", caseId).then().statusCode(200);

        assertMatchesExample(planEvent(caseId, 2, "DraftPlanIssued"), "DraftPlanIssued");
        JsonNode issued = planEvent(caseId, 2, "FinalPlanIssued");
        assertMatchesExample(issued, "FinalPlanIssued");
        assertThat(issued.get("namedSettingUrn").asText()).isEqualTo("139021");
    }

    @Test
    void parent_response_and_consultation_events_match_their_examples() throws Exception {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON).body(Map.of("issuedDate", "2025-06-09"))
                .post("/api/cases/{caseId}/draft-plan", caseId).then().statusCode(201);
        given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON)
                .body(Map.of("receivedDate", "2025-06-20", "requestedSettingUrn", "139021", "comments", "please name 139021"))
                .post("/api/cases/{caseId}/parent-response", caseId).then().statusCode(200);
        given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON)
                .body(Map.of("settingUrn", "139021", "consultedDate", "2025-06-23"))
                .post("/api/cases/{caseId}/consultations", caseId).then().statusCode(200);
        given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON)
                .body(Map.of("answeredDate", "2025-07-04", "canMeetNeeds", true))
                .post("/api/cases/{caseId}/consultations/139021/answer", caseId).then().statusCode(200);

        assertMatchesExample(planEvent(caseId, 4, "ParentResponseReceived"), "ParentResponseReceived");
        assertMatchesExample(planEvent(caseId, 4, "SettingConsulted"), "SettingConsulted");
        assertMatchesExample(planEvent(caseId, 4, "ConsultationAnswered"), "ConsultationAnswered");
        // the comments stay in plan-service
        assertThat(planEvents(caseId, 4).toString()).doesNotContain("please name");
    }

    @Test
    void review_amendment_audit_and_cessation_events_match_their_examples() throws Exception {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON).body(Map.of("issuedDate", "2025-06-09"))
                .post("/api/cases/{caseId}/draft-plan", caseId).then().statusCode(201);
        String planId = given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON)
                .body(Map.of("issuedDate", "2025-07-18", "namedSettingUrn", "139021"))
                .post("/api/cases/{caseId}/final-plan", caseId).then().statusCode(200).extract().path("planId");
        String reviewId = given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON)
                .body(Map.of("meetingDate", "2026-06-30"))
                .post("/api/plans/{planId}/reviews", planId).then().statusCode(201).extract().path("reviewId");
        given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON)
                .body(Map.of("decidedDate", "2026-07-21", "outcome", "AMEND"))
                .post("/api/reviews/{reviewId}/decision", reviewId).then().statusCode(200);
        given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON)
                .body(Map.of("issuedDate", "2026-09-08", "namedSettingUrn", "139021"))
                .post("/api/reviews/{reviewId}/amended-plan", reviewId).then().statusCode(200);
        given().header("Authorization", TestTokens.as("team-manager:tm-839").councils("839").bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("auditDate", "2026-09-15", "scores", Map.of("CHILD_VIEWS_AND_ASPIRATIONS", 8,
                        "SMART_OUTCOMES", 7, "PROVISION_SPECIFIC_AND_QUANTIFIED", 7, "ASPIRATIONS_TO_PROVISION_THREAD", 7,
                        "HEALTH_AND_SOCIAL_CARE", 8, "KEPT_CURRENT", 6)))
                .post("/api/plans/{planId}/quality-audits", planId).then().statusCode(201);
        given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON)
                .body(Map.of("effectiveDate", "2026-09-08", "needs", java.util.List.of("SEMH", "SLCN")))
                .put("/api/plans/{planId}/sen-needs", planId).then().statusCode(200);
        given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON)
                .body(Map.of("ceasedDate", "2026-10-31", "reason", "MOVED_TO_ANOTHER_LA"))
                .post("/api/plans/{planId}/cessation", planId).then().statusCode(200);

        for (String type : java.util.List.of("AnnualReviewMeetingHeld", "AnnualReviewDecided", "AmendedPlanIssued",
                "PlanQualityAudited", "SenNeedsRecorded", "PlanCeased")) {
            assertMatchesExample(planEvent(caseId, 8, type), type);
        }
    }

    static void assertMatchesExample(JsonNode published, String type) throws Exception {
        JsonNode example = JSON.readTree(ContractExamples.json(type));
        assertThat(fieldNames(published)).as(type + " fields").isEqualTo(fieldNames(example));
        for (String field : fieldNames(example)) {
            JsonNode mine = published.get(field);
            JsonNode theirs = example.get(field);
            if (!mine.isNull() && !theirs.isNull()) {
                assertThat(mine.getNodeType()).as(type + "." + field).isEqualTo(theirs.getNodeType());
            }
        }
        assertThat(published.get("type").asText()).isEqualTo(type);
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
