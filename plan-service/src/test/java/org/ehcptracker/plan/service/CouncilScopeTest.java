package org.ehcptracker.plan.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.contracts.Topics;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Council scope with real data (issue 11 item 3): a caseworker of council 857 is refused (403 problem+json) every
 * read and command on a case, plan in force and review of council 839, and nothing is appended; 839's caseworker is
 * allowed each; an unknown id stays 404; board members and agency users get no case data; lists only for the
 * councils the caller acts for. Councils 839 and 857 for cases (every stream is counted by its own id), 904 for
 * phase transfers (counted exactly), so no other test's data changes an answer.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class CouncilScopeTest extends PlanServiceTestSupport {

    static String caseworkerOf(String council) {
        return TestTokens.as("caseworker:cw-" + council).councils(council).bearer();
    }

    static String teamManagerOf(String council) {
        return TestTokens.as("team-manager:tm-" + council).councils(council).bearer();
    }

    static String boardMemberOf(String council) {
        return TestTokens.as("board:chair-" + council).councils(council).bearer();
    }

    static String agencyUserOf(String council) {
        return TestTokens.as("agency:ep-" + council).councils(council).agency("ep-" + council).bearer();
    }

    static ValidatableResponse post(String token, String path, Object body, Object... params) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .post(path, params).then();
    }

    static ValidatableResponse get(String token, String path, Object... params) {
        return given().header("Authorization", token).get(path, params).then();
    }

    /** 403 problem+json: for a role (quarkus' own title) or for a council (ours, "Not allowed") alike. */
    static void refused(ValidatableResponse answer) {
        answer.statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    long eventsOf(Object streamId) {
        return count("select count(*) from event where stream_id = $1", streamId);
    }

    UUID caseOf(String council, String received) {
        UUID caseId = UUID.randomUUID();
        publish(Topics.ASSESSMENT_EVENTS,
                example("AssessmentRequested", caseId, Map.of("businessDate", received, "localAuthorityCode", council)),
                example("AssessmentDecided", caseId, Map.of("decision", "ASSESS", "localAuthorityCode", council)));
        awaitCase(caseId, "ASSESSING");
        return caseId;
    }

    @Test
    void another_councils_caseworker_is_refused_every_command_and_read_of_a_case_and_nothing_is_appended() {
        String ours = caseworkerOf("839");
        String theirs = caseworkerOf("857");
        UUID caseId = caseOf("839", "2025-03-03");
        double failedBefore = commands("failed");
        double acceptedBefore = commands("accepted");

        // before the draft: refused, not "unprocessable" or "not found"; the team manager of 857 too
        refused(post(theirs, "/api/cases/{id}/draft-plan", Map.of("issuedDate", "2025-06-09"), caseId)
                .body("title", equalTo("Not allowed")).body("detail", equalTo("you do not act for council 839")));
        refused(post(teamManagerOf("857"), "/api/cases/{id}/draft-plan", Map.of("issuedDate", "2025-06-09"), caseId));
        assertThat(eventsOf(caseId)).isZero();
        post(ours, "/api/cases/{id}/draft-plan", Map.of("issuedDate", "2025-06-09"), caseId).statusCode(201);

        refused(post(theirs, "/api/cases/{id}/parent-response", Map.of("receivedDate", "2025-06-20"), caseId));
        refused(post(theirs, "/api/cases/{id}/consultations", Map.of("settingUrn", "139021",
                "consultedDate", "2025-06-23"), caseId));
        refused(post(theirs, "/api/cases/{id}/final-plan", Map.of("issuedDate", "2025-07-18", "settingType", "MSS"),
                caseId));
        assertThat(eventsOf(caseId)).isEqualTo(1);
        post(ours, "/api/cases/{id}/consultations", Map.of("settingUrn", "139021", "consultedDate", "2025-06-23"), caseId)
                .statusCode(200);

        refused(post(theirs, "/api/cases/{id}/consultations/{urn}/answer", Map.of("answeredDate", "2025-07-04",
                "canMeetNeeds", true), caseId, "139021"));
        refused(get(theirs, "/api/cases/{id}/plan", caseId));
        assertThat(eventsOf(caseId)).isEqualTo(2);
        post(ours, "/api/cases/{id}/consultations/{urn}/answer", Map.of("answeredDate", "2025-07-04",
                "canMeetNeeds", true), caseId, "139021").statusCode(200);
        String planId = post(ours, "/api/cases/{id}/final-plan", Map.of("issuedDate", "2025-07-18", "settingType", "MSS"),
                caseId).statusCode(200).extract().path("planId");
        get(ours, "/api/cases/{id}/plan", caseId).statusCode(200).body("status", equalTo("FINAL"));
        assertThat(eventsOf(caseId)).isEqualTo(4);

        // the plan in force and its reviews are 839's too
        refused(get(theirs, "/api/plans/{id}", planId));
        refused(post(theirs, "/api/plans/{id}/reviews", Map.of("meetingDate", "2026-06-30"), planId));
        refused(post(theirs, "/api/plans/{id}/cessation", Map.of("ceasedDate", "2026-10-31", "reason", "OTHER"), planId));
        refused(given().header("Authorization", theirs).contentType("application/json")
                .body(Map.of("effectiveDate", "2025-07-18", "needs", java.util.List.of("ASD")))
                .when().put("/api/plans/{id}/sen-needs", planId).then());
        assertThat(eventsOf(UUID.fromString(planId))).isZero();
        assertThat(count("select count(*) from annual_review where plan_id = $1", UUID.fromString(planId))).isZero();
        String reviewId = post(ours, "/api/plans/{id}/reviews", Map.of("meetingDate", "2026-06-30"), planId)
                .statusCode(201).extract().path("reviewId");

        refused(get(theirs, "/api/reviews/{id}", reviewId));
        refused(post(theirs, "/api/reviews/{id}/decision", Map.of("decidedDate", "2026-07-21", "outcome", "AMEND"),
                reviewId));
        assertThat(eventsOf(UUID.fromString(reviewId))).isEqualTo(1);
        post(ours, "/api/reviews/{id}/decision", Map.of("decidedDate", "2026-07-21", "outcome", "AMEND"), reviewId)
                .statusCode(200);
        refused(post(theirs, "/api/reviews/{id}/amended-plan", Map.of("issuedDate", "2026-09-08"), reviewId));
        assertThat(eventsOf(UUID.fromString(reviewId))).isEqualTo(2);
        post(ours, "/api/reviews/{id}/amended-plan", Map.of("issuedDate", "2026-09-08"), reviewId).statusCode(200);
        get(ours, "/api/reviews/{id}", reviewId).statusCode(200).body("status", equalTo("AMENDED"));
        post(ours, "/api/plans/{id}/cessation", Map.of("ceasedDate", "2026-10-31", "reason", "OTHER"), planId)
                .statusCode(200).body("status", equalTo("CEASED"));
        get(ours, "/api/plans/{id}", planId).statusCode(200).body("reviews", hasSize(1));

        // what 857 was refused, 839 did: exactly these events
        assertThat(eventsOf(caseId)).isEqualTo(4);
        assertThat(eventsOf(UUID.fromString(reviewId))).isEqualTo(3);
        assertThat(eventsOf(UUID.fromString(planId))).isEqualTo(1);
        // a national caseworker (councils *) reads every council's case
        get(TestTokens.bearer("caseworker:national"), "/api/cases/{id}/plan", caseId).statusCode(200);
        // a refusal is no failure for operations (docs/operations.md: "failed grows: 5xx, read the log"); the 8
        // commands of 839 are counted accepted
        assertThat(commands("failed")).isEqualTo(failedBefore);
        assertThat(commands("accepted")).as("the counter is read").isEqualTo(acceptedBefore + 8);
    }

    /** ehcp_commands_total of one outcome over every aggregate, from /q/metrics. */
    static double commands(String outcome) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return org.ehcptracker.testtokens.PrometheusText.sum(metrics, "ehcp_commands_total", "outcome=\"" + outcome + "\"");
    }

    @Test
    void board_members_and_agency_users_of_the_council_get_no_case_data() {
        UUID caseId = caseOf("839", "2025-03-03");
        post(caseworkerOf("839"), "/api/cases/{id}/draft-plan", Map.of("issuedDate", "2025-06-09"), caseId)
                .statusCode(201);

        for (String token : new String[] {boardMemberOf("839"), agencyUserOf("839"),
                TestTokens.as("admin:admin-839").councils("839").bearer()}) {
            refused(get(token, "/api/cases/{id}/plan", caseId));
            refused(post(token, "/api/cases/{id}/consultations", Map.of("settingUrn", "139021",
                    "consultedDate", "2025-06-23"), caseId));
            refused(get(token, "/api/plan-worklists/drafts-awaiting-family?la=839"));
        }
        assertThat(eventsOf(caseId)).isEqualTo(1);
    }

    @Test
    void an_unknown_id_stays_not_found_for_a_caseworker_of_any_council() {
        String theirs = caseworkerOf("857");

        get(theirs, "/api/cases/{id}/plan", UUID.randomUUID()).statusCode(404);
        get(theirs, "/api/plans/{id}", UUID.randomUUID()).statusCode(404);
        get(theirs, "/api/reviews/{id}", UUID.randomUUID()).statusCode(404);
        post(theirs, "/api/reviews/{id}/decision", Map.of("decidedDate", "2026-07-21", "outcome", "KEEP"),
                UUID.randomUUID()).statusCode(404);
        post(theirs, "/api/plans/{id}/cessation", Map.of("ceasedDate", "2026-10-31", "reason", "OTHER"),
                UUID.randomUUID()).statusCode(404);
    }

    @Test
    void a_case_transferred_in_is_the_receiving_councils_and_no_longer_the_senders() {
        UUID caseId = caseOf("839", "2025-03-03");
        post(caseworkerOf("839"), "/api/cases/{id}/draft-plan", Map.of("issuedDate", "2025-06-09"), caseId)
                .statusCode(201);
        publish(Topics.ASSESSMENT_EVENTS, example("ResponsibilityTransferredIn", caseId, Map.of(
                "localAuthorityCode", "857", "fromLocalAuthorityCode", "839", "businessDate", "2025-06-16")));
        await().atMost(PATIENCE).until(() -> assessmentCase(caseId)
                .map(r -> "857".equals(r.getString("local_authority_code"))).orElse(false));

        get(caseworkerOf("857"), "/api/cases/{id}/plan", caseId).statusCode(200);
        refused(get(caseworkerOf("839"), "/api/cases/{id}/plan", caseId));
        refused(post(caseworkerOf("839"), "/api/cases/{id}/consultations", Map.of("settingUrn", "139021",
                "consultedDate", "2025-06-23"), caseId));
        assertThat(eventsOf(caseId)).isEqualTo(1);
    }

    @Test
    void lists_are_only_for_the_councils_the_caller_acts_for() {
        String theirs = caseworkerOf("857");

        refused(get(theirs, "/api/plan-worklists/reviews-due?la=839"));
        get(theirs, "/api/plan-worklists/reviews-due?la=857").statusCode(200)
                .body("localAuthorityCode", equalTo("857"));
        // a bad code is still a bad request, before any scope
        get(theirs, "/api/plan-worklists/reviews-due?la=83").statusCode(400).body("field", equalTo("la"));
    }

    @Test
    void phase_transfers_give_a_board_member_the_counts_of_their_council_and_caseworkers_the_lines() {
        LocalDate today = LocalDate.now();
        int year = today.getYear() + 1;
        String council = "904";
        String caseworker = caseworkerOf(council);
        UUID caseId = caseOf(council, today.minusMonths(6).minusDays(100).toString());
        post(caseworker, "/api/cases/{id}/draft-plan", Map.of("issuedDate", today.minusMonths(6).minusDays(20)
                .toString()), caseId).statusCode(201);
        String planId = post(caseworker, "/api/cases/{id}/final-plan", Map.of("issuedDate",
                today.minusMonths(6).toString(), "settingType", "MSS"), caseId).statusCode(200).extract().path("planId");
        String reviewId = post(caseworker, "/api/plans/{id}/reviews", Map.of("meetingDate",
                today.minusDays(1).toString(), "phaseTransfer", "PRIMARY_TO_SECONDARY", "yearOfMove", year), planId)
                .statusCode(201).extract().path("reviewId");
        String path = "/api/phase-transfers?la=" + council + "&year=" + year;

        get(caseworker, path).statusCode(200).body("due", equalTo(1)).body("transfers", hasSize(1))
                .body("transfers[0].reviewId", equalTo(reviewId));
        get(boardMemberOf(council), path).statusCode(200).body("due", equalTo(1)).body("done", equalTo(0))
                .body("transfers", hasSize(0));
        get(TestTokens.bearer("board:analyst"), path).statusCode(200).body("due", equalTo(1))
                .body("transfers", hasSize(0));
        refused(get(boardMemberOf("857"), path));
        refused(get(caseworkerOf("857"), path));
        refused(get(agencyUserOf(council), path));
    }
}
