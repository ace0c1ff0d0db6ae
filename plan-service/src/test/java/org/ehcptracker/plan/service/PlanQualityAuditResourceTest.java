package org.ehcptracker.plan.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.contracts.Topics;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Plan quality audits: recorded by a team manager on the plan's stream, published with codes and scores only,
 * listed with their notes; refusals naming the field; scope; concurrent audits; erasure of the notes.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class PlanQualityAuditResourceTest extends PlanServiceTestSupport {

    static final String MANAGER = TestTokens.as("team-manager:tm-839").councils("839").bearer();
    static final String CASEWORKER = TestTokens.as("caseworker:cw-839").councils("839").bearer();

    static ValidatableResponse post(String token, String path, Object body, Object... params) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post(path, params).then();
    }

    static ValidatableResponse audit(String planId, Map<String, Object> body) {
        return post(MANAGER, "/api/plans/{planId}/quality-audits", body, planId);
    }

    static ValidatableResponse audits(String token, String planId) {
        return given().header("Authorization", token).when().get("/api/plans/{planId}/quality-audits", planId).then();
    }

    /** Hand-worked in PlanQualityAuditTest: 86 over weights 12, 71.67, rounded 72, GOOD. */
    static Map<String, Integer> goodScores() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("CHILD_VIEWS_AND_ASPIRATIONS", 8);
        m.put("SMART_OUTCOMES", 7);
        m.put("PROVISION_SPECIFIC_AND_QUANTIFIED", 7);
        m.put("ASPIRATIONS_TO_PROVISION_THREAD", 7);
        m.put("HEALTH_AND_SOCIAL_CARE", 8);
        m.put("KEPT_CURRENT", 6);
        return m;
    }

    static Map<String, Object> body(String date, Map<String, Integer> scores) {
        Map<String, Object> b = new HashMap<>();
        b.put("auditDate", date);
        b.put("scores", scores);
        return b;
    }

    /** A case (council 839, as the contract example) with its final plan issued on 18 July 2025; the planId. */
    String planIssued(UUID caseId) {
        post(CASEWORKER, "/api/cases/{caseId}/draft-plan", Map.of("issuedDate", "2025-06-09"), caseId).statusCode(201);
        return post(CASEWORKER, "/api/cases/{caseId}/final-plan", Map.of("issuedDate", "2025-07-18", "settingType",
                "MSS"), caseId).statusCode(200).extract().path("planId");
    }

    @Test
    void an_audit_and_a_re_audit_are_kept_published_without_notes_and_listed_with_them() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        String planId = planIssued(caseId);

        Map<String, Object> first = body("2025-10-14", goodScores());
        first.put("notes", "Sam's outcomes are SMART; provision hours missing for OT.");
        audit(planId, first).statusCode(201)
                .header("Location", endsWith("/api/plans/" + planId + "/quality-audits"))
                .body("grade", equalTo("GOOD"))
                .body("score", equalTo(72))
                .body("criteria", hasSize(6))
                .body("notes", containsString("SMART"));

        // re-audit: all 5 and KEEP_CURRENT 4: 59 over 12 = 49.17, 49, INADEQUATE; graded explicitly as such
        Map<String, Integer> weak = new LinkedHashMap<>(goodScores());
        weak.replaceAll((k, v) -> 5);
        weak.put("KEPT_CURRENT", 4);
        Map<String, Object> second = body("2026-03-02", weak);
        second.put("grade", "INADEQUATE");
        audit(planId, second).statusCode(201).body("grade", equalTo("INADEQUATE")).body("score", equalTo(49))
                .body("notes", nullValue());

        audits(CASEWORKER, planId).statusCode(200)
                .body("planId", equalTo(planId))
                .body("audits", hasSize(2))
                .body("audits[0].auditDate", equalTo("2025-10-14"))
                .body("audits[0].notes", containsString("OT"))
                .body("audits[1].grade", equalTo("INADEQUATE"))
                .body("latest.auditDate", equalTo("2026-03-02"))
                .body("latest.score", equalTo(49));

        // draft, final, two audits
        List<JsonNode> published = planEvents(caseId, 4).stream()
                .filter(e -> "PlanQualityAudited".equals(e.get("type").asText())).toList();
        assertThat(published).hasSize(2);
        JsonNode e = published.get(0);
        assertThat(e.get("planId").asText()).isEqualTo(planId);
        assertThat(e.get("localAuthorityCode").asText()).isEqualTo("839");
        assertThat(e.get("grade").asText()).isEqualTo("GOOD");
        assertThat(e.get("score").asInt()).isEqualTo(72);
        assertThat(e.get("criteria").get(0).get("criterion").asText()).isEqualTo("CHILD_VIEWS_AND_ASPIRATIONS");
        assertThat(e.get("criteria").get(0).get("score").asInt()).isEqualTo(8);
        assertThat(e.toString()).doesNotContain("SMART;").doesNotContain("notes");
        assertThat(count("select count(*) from event where stream_id = $1 and type = 'PlanQualityAudited'",
                UUID.fromString(planId))).isEqualTo(2);
        assertThat(one("select metadata::text as m from event where stream_id = $1 order by stream_version limit 1",
                UUID.fromString(planId)).orElseThrow().getString("m")).contains("team-manager:tm-839");
    }

    @Test
    void refusals_name_the_field() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        String planId = planIssued(caseId);

        Map<String, Integer> outOfRange = new LinkedHashMap<>(goodScores());
        outOfRange.put("SMART_OUTCOMES", 11);
        audit(planId, body("2025-10-14", outOfRange)).statusCode(422)
                .contentType("application/problem+json").body("field", equalTo("scores.SMART_OUTCOMES"));
        Map<String, Integer> missing = new LinkedHashMap<>(goodScores());
        missing.remove("PROVISION_SPECIFIC_AND_QUANTIFIED");
        audit(planId, body("2025-10-14", missing)).statusCode(422)
                .body("field", equalTo("scores.PROVISION_SPECIFIC_AND_QUANTIFIED"));
        Map<String, Object> tooHigh = body("2025-10-14", goodScores());
        tooHigh.put("grade", "OUTSTANDING");
        audit(planId, tooHigh).statusCode(422).body("field", equalTo("grade"));
        Map<String, Object> notAGrade = body("2025-10-14", goodScores());
        notAGrade.put("grade", "EXCELLENT");
        audit(planId, notAGrade).statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("grade"));
        Map<String, Object> nul = body("2025-10-14", goodScores());
        nul.put("notes", "a\u0000b");
        audit(planId, nul).statusCode(400).body("field", equalTo("notes"));
        audit(planId, body("2013-01-01", goodScores())).statusCode(400)
                .body("violations[0].field", containsString("auditDate"));
        audit(planId, body("2025-07-17", goodScores())).statusCode(422).body("field", equalTo("auditDate"));
        audit(planId, body("2099-01-01", goodScores())).statusCode(422).body("field", equalTo("auditDate"));
        audit(planId, Map.of("scores", goodScores())).statusCode(400)
                .body("violations[0].field", containsString("auditDate"));
        audit(planId, Map.of("auditDate", "2025-10-14")).statusCode(400)
                .body("violations[0].field", containsString("scores"));

        assertThat(count("select count(*) from event where stream_id = $1", UUID.fromString(planId))).isZero();
    }

    @Test
    void an_unknown_plan_is_not_found_and_a_ceased_plan_is_unprocessable() {
        String unknown = UUID.randomUUID().toString();
        audit(unknown, body("2025-10-14", goodScores())).statusCode(404);
        audits(CASEWORKER, unknown).statusCode(404);

        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        String planId = planIssued(caseId);
        post(CASEWORKER, "/api/plans/{planId}/cessation", Map.of("ceasedDate", "2025-09-30", "reason", "OTHER"), planId)
                .statusCode(200);
        audit(planId, body("2025-10-14", goodScores())).statusCode(422).body("field", equalTo("planId"))
                .body("detail", containsString("ceased on 2025-09-30"));
        audits(CASEWORKER, planId).statusCode(200).body("audits", hasSize(0)).body("latest", nullValue());
    }

    @Test
    void only_the_plans_councils_team_manager_audits_and_a_caseworker_only_reads() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        String planId = planIssued(caseId);
        String otherManager = TestTokens.as("team-manager:tm-857").councils("857").bearer();
        String otherCaseworker = TestTokens.as("caseworker:cw-857").councils("857").bearer();

        post(otherManager, "/api/plans/{planId}/quality-audits", body("2025-10-14", goodScores()), planId)
                .statusCode(403).contentType("application/problem+json");
        post(CASEWORKER, "/api/plans/{planId}/quality-audits", body("2025-10-14", goodScores()), planId)
                .statusCode(403);
        audits(otherCaseworker, planId).statusCode(403);
        audits(otherManager, planId).statusCode(403);
        assertThat(count("select count(*) from event where stream_id = $1", UUID.fromString(planId))).isZero();
        audits(MANAGER, planId).statusCode(200).body("audits", hasSize(0));
    }

    @Test
    void of_two_concurrent_audits_one_wins_or_both_are_kept_in_turn() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        String planId = planIssued(caseId);

        List<Integer> statuses = PlanMakingResourceTest.concurrently(() -> audit(planId,
                body("2025-10-14", goodScores())).extract().statusCode());

        // Meeting at the stream's version check: one 201, one 409. A second request that starts only after the first
        // committed is a re-audit, not a conflict (audits may repeat): then both are 201. Either way each 201 stored
        // exactly one event and one row, and nothing failed otherwise.
        assertThat(statuses).isIn(List.of(201, 409), List.of(201, 201));
        long created = statuses.stream().filter(s -> s == 201).count();
        assertThat(count("select count(*) from event where stream_id = $1 and type = 'PlanQualityAudited'",
                UUID.fromString(planId))).isEqualTo(created);
        assertThat(count("select count(*) from plan_quality_audit where plan_id = $1", UUID.fromString(planId)))
                .isEqualTo(created);
    }

    /**
     * Council 858 has its own criteria (application.properties, test profile): OUTCOMES weight 3 and PROVISION weight
     * 1, each 0-4, GOOD from 60. OUTCOMES 3, PROVISION 2: 100 * (3 * 3/4 + 1 * 2/4) / 4 = 100 * 2.75 / 4 = 68.75,
     * 69: GOOD (with the default bands' 70 it would be REQUIRES_IMPROVEMENT).
     */
    @Test
    void a_council_with_its_own_criteria_is_audited_against_them() {
        UUID caseId = UUID.randomUUID();
        publish(Topics.ASSESSMENT_EVENTS,
                example("AssessmentRequested", caseId, Map.of("businessDate", "2025-03-03", "localAuthorityCode", "858")),
                example("AssessmentDecided", caseId, Map.of("decision", "ASSESS", "localAuthorityCode", "858")));
        awaitCase(caseId, "ASSESSING");
        String caseworker = TestTokens.as("caseworker:cw-858").councils("858").bearer();
        String manager = TestTokens.as("team-manager:tm-858").councils("858").bearer();
        post(caseworker, "/api/cases/{caseId}/draft-plan", Map.of("issuedDate", "2025-06-09"), caseId).statusCode(201);
        String planId = post(caseworker, "/api/cases/{caseId}/final-plan", Map.of("issuedDate", "2025-07-18",
                "settingType", "MSS"), caseId).statusCode(200).extract().path("planId");

        post(manager, "/api/plans/{planId}/quality-audits", body("2025-10-14", Map.of("OUTCOMES", 3, "PROVISION", 2)),
                planId).statusCode(201).body("score", equalTo(69)).body("grade", equalTo("GOOD"))
                .body("criteria", hasSize(2));
        // the defaults are not this council's criteria
        post(manager, "/api/plans/{planId}/quality-audits", body("2025-10-15", goodScores()), planId).statusCode(422)
                .body("field", equalTo("scores.CHILD_VIEWS_AND_ASPIRATIONS"));
        post(manager, "/api/plans/{planId}/quality-audits", body("2025-10-15", Map.of("OUTCOMES", 5, "PROVISION", 2)),
                planId).statusCode(422).body("field", equalTo("scores.OUTCOMES"));
    }

    @Test
    void PersonalDetailsErased_erases_the_audit_notes_and_keeps_grade_and_scores() {
        UUID caseId = caseAcceptedForAssessment("2025-03-03");
        String planId = planIssued(caseId);
        Map<String, Object> withNotes = body("2025-10-14", goodScores());
        withNotes.put("notes", "Sam Example's plan names no therapist.");
        audit(planId, withNotes).statusCode(201);

        JsonNode erased = example("PersonalDetailsErased", caseId, Map.of());
        publish(Topics.ASSESSMENT_EVENTS, erased);
        await().atMost(PATIENCE).until(() -> count("select count(*) from processed_event where event_id = $1",
                UUID.fromString(erased.get("eventId").asText())) == 1);

        audits(CASEWORKER, planId).statusCode(200)
                .body("audits[0].notes", nullValue())
                .body("audits[0].grade", equalTo("GOOD"))
                .body("audits[0].score", equalTo(72));
    }
}
