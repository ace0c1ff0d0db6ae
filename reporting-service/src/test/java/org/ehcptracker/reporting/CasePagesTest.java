package org.ehcptracker.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.devinfra.TestInfra;
import org.ehcptracker.reporting.domain.Events;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The caseworker's worklist and case pages against stand-in command services ({@link FakeCommandServices}, council
 * 975): what they show, the user's token on every call, each action sent to the owning service, and the services'
 * refusals (a bad date, a step in the wrong order) in the GOV.UK error summary linked to the field.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
@QuarkusTestResource(FakeCommandServices.class)
class CasePagesTest {

    static final String CASEWORKER = TestTokens.bearer("caseworker:jsmith");

    @ConfigProperty(name = "ehcp.services.assessment-url")
    String services;

    JsonNode lastCall() {
        return ReportingServiceTest.tree(given().baseUri(services).get("/_last").then().statusCode(200).extract().asString());
    }

    static String page(String path, int status) {
        return given().header("Authorization", CASEWORKER).when().get(path).then().statusCode(status)
                .contentType(containsString("text/html")).extract().asString();
    }

    /** The CSRF cookie and field of a case page's forms. */
    static String[] csrf(UUID caseId) {
        var page = given().header("Authorization", CASEWORKER).when().get("/cases/" + caseId).then().statusCode(200)
                .extract();
        return new String[] {page.cookie("csrf-token"),
                page.asString().replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1")};
    }

    static io.restassured.specification.RequestSpecification form(UUID caseId) {
        String[] csrf = csrf(caseId);
        return given().header("Authorization", CASEWORKER).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").cookie("csrf-token", csrf[0])
                .formParam("csrf-token", csrf[1]);
    }

    /*
     * Held up by, from this service's own events: case A's EP advice asked Tue 7 Jan 2025 was due Tue 18 Feb (6
     * weeks); on the worklist's today, Thu 20 Feb 2025, it is 2 days late. Case B has no advice: nothing.
     */
    @Test
    void the_worklist_shows_each_cases_next_step_and_how_late_it_is() {
        Events a = new Events(FakeCommandServices.CASE_A, "975");
        produce(a.requested(LocalDate.parse("2025-01-06")),
                a.adviceRequested(LocalDate.parse("2025-01-07"), AdviceType.EDUCATIONAL_PSYCHOLOGY, "ep-975"));
        await().atMost(ReportingServiceTest.PATIENCE).untilAsserted(() ->
                assertThat(page("/councils/975/worklist", 200)).contains("EP advice overdue 2 days"));
        String html = page("/councils/975/worklist?overdue=true&dueWithinDays=30", 200);
        assertThat(html).contains("<th scope=\"col\" class=\"govuk-table__header\">Held up by</th>",
                "<td class=\"govuk-table__cell\" data-held-up-by>EP advice overdue 2 days</td>",
                "<td class=\"govuk-table__cell\" data-held-up-by></td>",
                "id=\"demo-data\""); // 975 is a demo council in the test profile
        assertThat(html).contains("<h1 class=\"govuk-heading-l\">Council 975</h1>",
                "<a class=\"govuk-link\" href=\"/cases/" + FakeCommandServices.CASE_A + "\">C-975-A</a>",
                "Decide whether to assess", "17 Feb 2025", "3 days late", "govuk-tag--red",
                "Issue the final plan", "95 days left", "exception", "jsmith", "2 cases, soonest due first (today is 20 Feb 2025)",
                "value=\"30\"", "id=\"overdue\" name=\"overdue\" type=\"checkbox\" value=\"true\" checked");
        assertThat(lastCall().get("path").asText()).isEqualTo("/api/worklist?la=975&dueWithinDays=30&overdue=true&size=200");
        assertThat(lastCall().get("actor").asText()).isEqualTo("caseworker jsmith");
    }

    static void produce(IntegrationEvent... events) {
        try (KafkaCompanion kafka = new KafkaCompanion(TestInfra.get().kafkaBootstrapServers())) {
            kafka.produceStrings().fromRecords(List.of(events).stream()
                    .map(e -> new ProducerRecord<>(ReportingServiceTest.topicOf(e.getClass()), e.caseId().toString(),
                            ReportingServiceTest.EVENTS.write(e))).toList()).awaitCompletion(ReportingServiceTest.PATIENCE);
        }
    }

    @Test
    void the_pages_are_for_caseworkers() {
        given().header("Authorization", TestTokens.bearer("board:member1")).when().get("/councils/975/worklist")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("agency:ep-975")).when().get("/cases/" + FakeCommandServices.CASE_A)
                .then().statusCode(403);
        given().when().get("/cases/" + FakeCommandServices.CASE_A).then().statusCode(401);
        page("/cases/" + UUID.randomUUID(), 404);
        page("/cases/not-a-case", 404);
        page("/councils/97/worklist", 404);
    }

    /** Case B is assessing: the forms of that stage, its exception, and the timeline from the read side. */
    @Test
    void a_case_page_shows_the_facts_the_timeline_and_the_actions_of_its_stage() {
        Events b = new Events(FakeCommandServices.CASE_B, "975");
        produce(b.requested(LocalDate.parse("2025-01-06")), b.decided(LocalDate.parse("2025-02-10"), AssessmentDecision.ASSESS));
        await().atMost(ReportingServiceTest.PATIENCE).untilAsserted(() ->
                assertThat(page("/cases/" + FakeCommandServices.CASE_B, 200)).contains("Assessment decided"));
        String html = page("/cases/" + FakeCommandServices.CASE_B, 200);
        assertThat(html).contains("<h1 class=\"govuk-heading-l\">Case C-975-B</h1>", "data-status=\"ASSESSING\"",
                "Final plan due (20 weeks)</dt><dd class=\"govuk-summary-list__value\">26 May 2025",
                "Year group when requested</dt><dd class=\"govuk-summary-list__value\">Year 10",
                "Assess on 10 Feb 2025", "School closure (final plan 20 weeks), from 6 May 2025 to 6 Jun 2025",
                "id=\"form-advice\"", "id=\"form-draft\"", "id=\"form-final\"", "id=\"form-exception\"",
                "id=\"form-conclusion\"", "<option value=\"EDUCATIONAL_PSYCHOLOGY\">Educational psychology</option>",
                "Assessment requested", "No advice has been asked for.")
                .doesNotContain("id=\"form-decision\"");
        // who recorded each line: the service for a caseworker; for a team manager, the person from the audit
        assertThat(html).contains("<td class=\"govuk-table__cell\">Assessment service</td>").doesNotContain("data-actor");
        await().atMost(ReportingServiceTest.PATIENCE).untilAsserted(() -> assertThat(given()
                .header("Authorization", TestTokens.bearer("team-manager:boss")).when()
                .get("/cases/" + FakeCommandServices.CASE_B).then().statusCode(200).extract().asString())
                .contains("Assessment requested</td><td class=\"govuk-table__cell\" data-actor>caseworker:jsmith</td>",
                        "Assessment decided</td><td class=\"govuk-table__cell\">Assessment service</td>"));
        // C is requested (never decided in these tests): only the decision
        assertThat(page("/cases/" + FakeCommandServices.CASE_C, 200)).contains("id=\"form-decision\"")
                .doesNotContain("id=\"form-final\"", "Year group when requested");
    }

    @Test
    void a_decision_goes_to_assessment_service_as_the_user_and_the_case_page_confirms_it() {
        form(FakeCommandServices.CASE_A).formParam("decision", "ASSESS").formParam("decisionDate", "2025-02-10")
                .formParam("refusalReason", "OTHER")
                .when().post("/cases/" + FakeCommandServices.CASE_A + "/decision")
                .then().statusCode(303)
                .header("Location", containsString("/cases/" + FakeCommandServices.CASE_A + "?done=decision"));
        JsonNode call = lastCall();
        assertThat(call.get("path").asText()).isEqualTo("/api/cases/" + FakeCommandServices.CASE_A + "/decision");
        assertThat(call.get("actor").asText()).isEqualTo("caseworker jsmith");
        // a reason belongs to a refusal only: not sent with ASSESS
        assertThat(ReportingServiceTest.tree(call.get("body").asText()))
                .isEqualTo(ReportingServiceTest.tree("{\"decision\": \"ASSESS\", \"decisionDate\": \"2025-02-10\"}"));
        assertThat(page("/cases/" + FakeCommandServices.CASE_A + "?done=decision", 200))
                .contains("The decision is recorded", "data-status=\"ASSESSING\"");
    }

    @Test
    void a_bad_date_and_a_date_before_the_request_are_the_apis_refusals_in_the_error_summary() {
        String html = form(FakeCommandServices.CASE_C).formParam("decision", "REFUSE")
                .formParam("decisionDate", "2025-02-30").formParam("refusalReason", "OTHER")
                .when().post("/cases/" + FakeCommandServices.CASE_C + "/decision")
                .then().statusCode(400).extract().asString();
        assertThat(html).contains("<title>Error: Case C-975-C - EHCP Tracker</title>",
                "<a href=\"#decision-decisionDate\">decisionDate &#39;2025-02-30&#39; is not a date as yyyy-mm-dd</a>",
                "id=\"decision-decisionDate-error\"", "value=\"2025-02-30\"",
                "id=\"decision-decision-2\" name=\"decision\" type=\"radio\" value=\"REFUSE\" checked",
                "<option value=\"OTHER\" selected>Other</option>");

        html = form(FakeCommandServices.CASE_C).formParam("decision", "ASSESS").formParam("decisionDate", "2025-01-02")
                .when().post("/cases/" + FakeCommandServices.CASE_C + "/decision")
                .then().statusCode(422).extract().asString();
        assertThat(html).contains("<a href=\"#decision-decisionDate\">decisionDate 2025-01-02 is before the request "
                + "was received (2025-01-06)</a>");
    }

    /** The wrong order: a final plan before its draft is plan-service's 422; its problem names no field. */
    @Test
    void a_step_in_the_wrong_order_is_shown_on_its_form() {
        String html = form(FakeCommandServices.CASE_B).formParam("issuedDate", "2025-05-19").formParam("settingType", "MSS")
                .when().post("/cases/" + FakeCommandServices.CASE_B + "/final")
                .then().statusCode(422).extract().asString();
        assertThat(html).contains("<a href=\"#final-issuedDate\">a final plan needs the draft plan first: no draft "
                + "issued for case " + FakeCommandServices.CASE_B + "</a>", "value=\"MSS\"");
        given().header("Authorization", CASEWORKER).contentType("application/x-www-form-urlencoded")
                .formParam("issuedDate", "2025-05-19")
                .when().post("/cases/" + FakeCommandServices.CASE_B + "/nonsense").then().statusCode(400);
    }

    /** Case B is assessing: a transfer in is offered; a code that is none is refused on its field, a good one sent. */
    @Test
    void a_transfer_in_goes_to_assessment_service_and_a_bad_code_is_shown_on_its_field() {
        assertThat(page("/cases/" + FakeCommandServices.CASE_B, 200)).contains("id=\"form-transfer\"")
                .doesNotContain("id=\"form-dispute\"");
        String html = form(FakeCommandServices.CASE_B).formParam("fromLocalAuthorityCode", "85")
                .formParam("transferDate", "2025-03-03")
                .when().post("/cases/" + FakeCommandServices.CASE_B + "/transfer").then().statusCode(400).extract().asString();
        assertThat(html).contains("<a href=\"#transfer-fromLocalAuthorityCode\">must be the DfE three-digit local"
                + " authority code, e.g. 850</a>", "id=\"transfer-fromLocalAuthorityCode-error\"", "value=\"2025-03-03\"");
        form(FakeCommandServices.CASE_B).formParam("fromLocalAuthorityCode", "850").formParam("transferDate", "2025-03-03")
                .when().post("/cases/" + FakeCommandServices.CASE_B + "/transfer").then().statusCode(303)
                .header("Location", containsString("?done=transfer"));
        JsonNode call = lastCall();
        assertThat(call.get("path").asText()).isEqualTo("/api/cases/" + FakeCommandServices.CASE_B + "/transfer-in");
        assertThat(ReportingServiceTest.tree(call.get("body").asText())).isEqualTo(ReportingServiceTest.tree(
                "{\"fromLocalAuthorityCode\": \"850\", \"transferDate\": \"2025-03-03\"}"));
        assertThat(page("/cases/" + FakeCommandServices.CASE_B + "?done=transfer", 200))
                .contains("The transfer is recorded", "from council 850 on 3 Mar 2025");
    }

    /**
     * Case D was refused: only a dispute about the refusal is offered (no decision, no transfer: the case is closed);
     * then the outcome of that dispute, its id taken from the page and sent as the API's path, an outcome dated
     * before the registration refused on its field.
     */
    @Test
    void a_refused_case_records_a_dispute_and_then_its_outcome() {
        UUID d = FakeCommandServices.CASE_D;
        String html = page("/cases/" + d, 200);
        assertThat(html).contains("id=\"form-dispute\"", "<option value=\"REFUSAL_TO_ASSESS\">Refusal to assess</option>",
                "<option value=\"TRIBUNAL\">Tribunal</option>")
                .doesNotContain("REFUSAL_TO_ISSUE_PLAN", "id=\"form-transfer\"", "id=\"form-decision\"",
                        "id=\"form-disputeOutcome\"");
        form(d).formParam("kind", "MEDIATION").formParam("stage", "REFUSAL_TO_ASSESS").formParam("registeredDate", "2025-03-03")
                .when().post("/cases/" + d + "/dispute").then().statusCode(303).header("Location", containsString("?done=dispute"));
        assertThat(lastCall().get("path").asText()).isEqualTo("/api/cases/" + d + "/disputes");
        html = page("/cases/" + d + "?done=dispute", 200);
        assertThat(html).contains("The dispute is recorded", "Mediation about the refusal to assess, registered on 3 Mar 2025",
                "id=\"form-disputeOutcome\"");
        String disputeId = html.replaceAll("(?s).*name=\"disputeId\" value=\"([^\"]+)\".*", "$1");

        html = form(d).formParam("outcome", "DECISION_UPHELD").formParam("outcomeDate", "2025-03-01")
                .formParam("disputeId", disputeId)
                .when().post("/cases/" + d + "/disputeOutcome").then().statusCode(422).extract().asString();
        assertThat(html).contains("<a href=\"#disputeOutcome-outcomeDate\">outcomeDate 2025-03-01 is before the dispute"
                + " was registered (2025-03-03)</a>", "<option value=\"DECISION_UPHELD\" selected>Decision upheld</option>");
        form(d).formParam("outcome", "DECISION_UPHELD").formParam("outcomeDate", "2025-04-01").formParam("disputeId", disputeId)
                .when().post("/cases/" + d + "/disputeOutcome").then().statusCode(303);
        JsonNode call = lastCall();
        assertThat(call.get("path").asText()).isEqualTo("/api/cases/" + d + "/disputes/" + disputeId + "/outcome");
        assertThat(ReportingServiceTest.tree(call.get("body").asText())).isEqualTo(ReportingServiceTest.tree(
                "{\"outcome\": \"DECISION_UPHELD\", \"outcomeDate\": \"2025-04-01\"}"));
        assertThat(page("/cases/" + d, 200)).contains("ended: decision upheld on 1 Apr 2025")
                .doesNotContain("id=\"form-disputeOutcome\"");
        // a form whose hidden id was tampered with is refused before anything is sent
        form(d).formParam("outcome", "WITHDRAWN").formParam("outcomeDate", "2025-04-01").formParam("disputeId", "nonsense")
                .when().post("/cases/" + d + "/disputeOutcome").then().statusCode(400);
    }

    /**
     * Case E's final plan was issued Mon 19 May 2025 (plan E in force): the meeting on Mon 11 May 2026, the decision to
     * amend on Mon 1 Jun 2026 (the family's 15 days on the proposal to Tue 16 Jun), the amended plan refused on Tue
     * 16 Jun and issued on Wed 1 Jul 2026. Each step is offered only when it is next.
     */
    @Test
    void annual_review_steps_are_offered_in_turn_and_sent_to_plan_service() {
        UUID e = FakeCommandServices.CASE_E;
        String html = page("/cases/" + e, 200);
        assertThat(html).contains("Plan and annual reviews", "Next annual review due", "19 May 2026", "id=\"form-review\"",
                "name=\"planId\" value=\"" + FakeCommandServices.PLAN_E + "\"")
                .doesNotContain("id=\"form-reviewDecision\"", "id=\"form-amended\"", "id=\"form-draft\"",
                        "id=\"form-transfer\"");
        form(e).formParam("meetingDate", "2026-05-11").formParam("planId", FakeCommandServices.PLAN_E.toString())
                .when().post("/cases/" + e + "/review").then().statusCode(303).header("Location", containsString("?done=review"));
        assertThat(lastCall().get("path").asText()).isEqualTo("/api/plans/" + FakeCommandServices.PLAN_E + "/reviews");
        assertThat(ReportingServiceTest.tree(lastCall().get("body").asText()))
                .isEqualTo(ReportingServiceTest.tree("{\"meetingDate\": \"2026-05-11\"}"));

        html = page("/cases/" + e + "?done=review", 200);
        assertThat(html).contains("The annual review meeting is recorded", "11 May 2026", "Awaiting decision",
                "id=\"form-reviewDecision\"").doesNotContain("id=\"form-review\"");
        String reviewId = html.replaceAll("(?s).*name=\"reviewId\" value=\"([^\"]+)\".*", "$1");
        form(e).formParam("outcome", "AMEND").formParam("decidedDate", "2026-06-01").formParam("reviewId", reviewId)
                .when().post("/cases/" + e + "/reviewDecision").then().statusCode(303);
        assertThat(lastCall().get("path").asText()).isEqualTo("/api/reviews/" + reviewId + "/decision");

        html = form(e).formParam("issuedDate", "2026-06-16").formParam("settingType", "MSS").formParam("reviewId", reviewId)
                .when().post("/cases/" + e + "/amended").then().statusCode(422).extract().asString();
        assertThat(html).contains("<a href=\"#amended-issuedDate\">issuedDate 2026-06-16 is within the family&#39;s 15"
                + " days on the proposal (to 2026-06-16)</a>", "value=\"MSS\"");
        form(e).formParam("issuedDate", "2026-07-01").formParam("settingType", "MSS").formParam("reviewId", reviewId)
                .when().post("/cases/" + e + "/amended").then().statusCode(303);
        assertThat(ReportingServiceTest.tree(lastCall().get("body").asText())).isEqualTo(ReportingServiceTest.tree(
                "{\"issuedDate\": \"2026-07-01\", \"settingType\": \"MSS\"}"));
        assertThat(page("/cases/" + e + "?done=amended", 200)).contains("The amended plan is recorded", "Amend on 1 Jun 2026",
                "id=\"form-review\"").doesNotContain("id=\"form-amended\"");
    }

    /**
     * The plan's section B on the case page: primary and secondary need go to plan-service as one ranked list; only a
     * primary is a list of one; the same need twice is plan-service's 400, shown on the form.
     */
    @Test
    void the_childs_sen_needs_go_to_plan_service_ranked() {
        UUID e = FakeCommandServices.CASE_E;
        String html = page("/cases/" + e, 200);
        assertThat(html).contains("id=\"form-needs\"", "<option value=\"ASD\">ASD: autistic spectrum disorder</option>",
                "<option value=\"SEMH\">SEMH: social, emotional and mental health</option>");
        form(e).formParam("primaryNeed", "ASD").formParam("secondaryNeed", "SLCN").formParam("effectiveDate", "2025-05-19")
                .formParam("planId", FakeCommandServices.PLAN_E.toString())
                .when().post("/cases/" + e + "/needs").then().statusCode(303).header("Location", containsString("?done=needs"));
        assertThat(lastCall().get("path").asText()).isEqualTo("/api/plans/" + FakeCommandServices.PLAN_E + "/sen-needs");
        assertThat(ReportingServiceTest.tree(lastCall().get("body").asText())).isEqualTo(ReportingServiceTest.tree(
                "{\"effectiveDate\": \"2025-05-19\", \"needs\": [\"ASD\", \"SLCN\"]}"));
        assertThat(page("/cases/" + e + "?done=needs", 200)).contains("The SEN needs are recorded");

        form(e).formParam("primaryNeed", "VI").formParam("effectiveDate", "2025-05-19")
                .formParam("planId", FakeCommandServices.PLAN_E.toString())
                .when().post("/cases/" + e + "/needs").then().statusCode(303);
        assertThat(ReportingServiceTest.tree(lastCall().get("body").asText())).isEqualTo(ReportingServiceTest.tree(
                "{\"effectiveDate\": \"2025-05-19\", \"needs\": [\"VI\"]}"));

        html = form(e).formParam("primaryNeed", "HI").formParam("secondaryNeed", "HI").formParam("effectiveDate", "2025-05-19")
                .formParam("planId", FakeCommandServices.PLAN_E.toString())
                .when().post("/cases/" + e + "/needs").then().statusCode(400).extract().asString();
        assertThat(html).contains("<a href=\"#needs-primaryNeed\">HI is named twice: each type of need has one rank</a>");
    }
}
