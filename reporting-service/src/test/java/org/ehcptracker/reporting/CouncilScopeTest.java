package org.ehcptracker.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.reporting.domain.Events;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Council scope with real data (issue 11 item 3): a council's figures (board, its live stream, figures) only for
 * the board members and council staff who act for it, "all" only for national users (councils *); a case's
 * timeline only for the caseworkers of the council reporting's case_progress names. Cases in councils 839 and 857
 * in 2025 (no other class asserts their figures).
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class CouncilScopeTest {

    static final String PERIOD = "?from=2025-01-01&to=2025-08-31";

    @TestHTTPResource("/")
    URI base;

    static String caseworkerOf(String council) {
        return TestTokens.as("caseworker:cw-" + council).councils(council).bearer();
    }

    static String boardMemberOf(String council) {
        return TestTokens.as("board:chair-" + council).councils(council).bearer();
    }

    static String agencyUserOf(String council) {
        return TestTokens.as("agency:ep-" + council).councils(council).agency("ep-" + council).bearer();
    }

    static ValidatableResponse get(String token, String path, Object... params) {
        return given().header("Authorization", token).get(path, params).then();
    }

    /** 403 problem+json: for a role (quarkus' own title) or for a council (ours, "Not allowed") alike. */
    static void refused(ValidatableResponse answer) {
        answer.statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    /** A case of 839: received 6 January 2025, assessed, final plan 19 May 2025; waits until it is projected. */
    static UUID caseOf839() {
        Events c = Events.forNewCase("839");
        BoardResourceTest.publish(List.of(c.requested(LocalDate.parse("2025-01-06")),
                c.decided(LocalDate.parse("2025-02-10"), AssessmentDecision.ASSESS),
                c.finalPlan(LocalDate.parse("2025-05-19"), LocalDate.parse("2025-01-06"))));
        awaitTimeline(c.caseId(), 3);
        return c.caseId();
    }

    static void awaitTimeline(UUID caseId, int events) {
        String national = TestTokens.bearer("caseworker:national");
        await().atMost(ReportingServiceTest.PATIENCE).untilAsserted(() -> {
            var answer = given().header("Authorization", national).get("/api/cases/{id}/timeline", caseId);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.jsonPath().getList("type")).hasSize(events);
        });
    }

    @Test
    void a_case_timeline_is_for_the_caseworkers_of_its_council_only() {
        UUID caseId = caseOf839();

        get(caseworkerOf("839"), "/api/cases/{id}/timeline", caseId).statusCode(200).body("type", hasSize(3));
        get(TestTokens.as("team-manager:tm-839").councils("839").bearer(), "/api/cases/{id}/timeline", caseId)
                .statusCode(200);
        refused(get(caseworkerOf("857"), "/api/cases/{id}/timeline", caseId)
                .body("title", equalTo("Not allowed")).body("detail", equalTo("you do not act for council 839")));
        refused(get(TestTokens.as("team-manager:tm-857").councils("857").bearer(), "/api/cases/{id}/timeline", caseId));
        // no case data for the council's board members, agency users or administrator (their role)
        refused(get(boardMemberOf("839"), "/api/cases/{id}/timeline", caseId));
        refused(get(agencyUserOf("839"), "/api/cases/{id}/timeline", caseId));
        refused(get(TestTokens.as("admin:admin-839").councils("839").bearer(), "/api/cases/{id}/timeline", caseId));
        // a case never seen stays 404, whoever asks
        get(caseworkerOf("857"), "/api/cases/{id}/timeline", UUID.randomUUID()).statusCode(404);
    }

    @Test
    void a_case_transferred_in_is_the_receiving_councils_with_its_whole_history() {
        UUID caseId = UUID.randomUUID();
        Events in839 = new Events(caseId, "839");
        Events in857 = new Events(caseId, "857");
        BoardResourceTest.publish(List.of(in839.requested(LocalDate.parse("2025-01-06")),
                in857.transferredIn(LocalDate.parse("2025-03-03"), "839")));
        awaitTimeline(caseId, 2);
        await().atMost(ReportingServiceTest.PATIENCE).untilAsserted(() ->
                assertThat(get(caseworkerOf("857"), "/api/cases/{id}/timeline", caseId).extract().statusCode())
                        .isEqualTo(200));

        get(caseworkerOf("857"), "/api/cases/{id}/timeline", caseId).statusCode(200).body("type", hasSize(2));
        refused(get(caseworkerOf("839"), "/api/cases/{id}/timeline", caseId));
    }

    @Test
    void a_case_seen_only_through_its_advice_is_for_the_council_its_events_name() {
        Events c = Events.forNewCase("839");
        BoardResourceTest.publish(List.of(c.adviceRequested(LocalDate.parse("2025-02-17"),
                AdviceType.EDUCATIONAL_PSYCHOLOGY, "ep-839")));
        awaitTimeline(c.caseId(), 1);

        get(caseworkerOf("839"), "/api/cases/{id}/timeline", c.caseId()).statusCode(200);
        refused(get(caseworkerOf("857"), "/api/cases/{id}/timeline", c.caseId()));
    }

    @Test
    void a_councils_figures_are_for_its_board_members_and_staff_and_all_councils_for_national_users_only() {
        caseOf839();

        get(boardMemberOf("839"), "/api/local-authorities/839/board" + PERIOD).statusCode(200)
                .body("localAuthorityCode", equalTo("839"));
        get(caseworkerOf("839"), "/api/local-authorities/839/board" + PERIOD).statusCode(200);
        get(boardMemberOf("839"), "/api/local-authorities/839/figures" + PERIOD).statusCode(200)
                .body("plansIssued", equalTo(get(TestTokens.bearer("board:analyst"),
                        "/api/local-authorities/839/figures" + PERIOD).extract().path("plansIssued")));
        get(caseworkerOf("839"), "/api/local-authorities/839/figures" + PERIOD).statusCode(200);

        for (String other : List.of(boardMemberOf("857"), caseworkerOf("857"))) {
            refused(get(other, "/api/local-authorities/839/board" + PERIOD));
            refused(get(other, "/api/local-authorities/839/board" + PERIOD + "&format=csv"));
            refused(get(other, "/api/local-authorities/839/figures" + PERIOD));
            refused(get(other, "/api/local-authorities/839/board/stream"));
        }
        // refused before the other parameters are looked at: another council's caller learns nothing from them
        refused(get(boardMemberOf("857"), "/api/local-authorities/839/board?from=2025-09-01&to=2025-08-31"));
        // every council at once: national users only, not a council's board member or caseworker
        refused(get(boardMemberOf("839"), "/api/local-authorities/all/board" + PERIOD)
                .body("detail", equalTo("every council's figures ('all') are for national users only")));
        refused(get(caseworkerOf("839"), "/api/local-authorities/all/board" + PERIOD));
        get(TestTokens.bearer("board:analyst"), "/api/local-authorities/all/board" + PERIOD).statusCode(200)
                .body("localAuthorityCode", equalTo("all"));
        // figures of no council for agency users and administrators (their role)
        refused(get(agencyUserOf("839"), "/api/local-authorities/839/board" + PERIOD));
        refused(get(TestTokens.as("admin:admin-839").councils("839").bearer(),
                "/api/local-authorities/839/figures" + PERIOD));
        // a user of two councils sees each
        String both = TestTokens.as("board:chair-both").councils("839", "857").bearer();
        get(both, "/api/local-authorities/839/board" + PERIOD).statusCode(200);
        get(both, "/api/local-authorities/857/board" + PERIOD).statusCode(200);
        refused(get(both, "/api/local-authorities/all/board" + PERIOD));
    }

    @Test
    void the_live_stream_opens_for_the_councils_board_member_and_not_for_anothers() throws Exception {
        HttpResponse<java.util.stream.Stream<String>> own = open("/api/local-authorities/839/board/stream",
                boardMemberOf("839"));
        try {
            assertThat(own.statusCode()).isEqualTo(200);
            assertThat(own.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        } finally {
            own.body().close();
        }
        HttpResponse<java.util.stream.Stream<String>> other = open("/api/local-authorities/839/board/stream",
                boardMemberOf("857"));
        try {
            assertThat(other.statusCode()).isEqualTo(403);
            assertThat(other.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
            assertThat(other.body().toList()).noneMatch(line -> line.startsWith("data:"));
        } finally {
            other.body().close();
        }
    }

    /** Opens the stream and returns once the status and headers are in (the body of a 200 never ends). */
    HttpResponse<java.util.stream.Stream<String>> open(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", token).header("Accept", "text/event-stream").build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(ReportingServiceTest.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }
}
