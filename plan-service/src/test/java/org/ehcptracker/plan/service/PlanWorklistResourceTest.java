package org.ehcptracker.plan.service;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.contracts.Topics;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/** The caseworkers' lists, for councils (901, 902) no other test uses. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class PlanWorklistResourceTest extends PlanServiceTestSupport {

    static final String LA = "901";
    static final LocalDate TODAY = LocalDate.now();
    /** the phase transfers' council, so the lists of 901 stay exactly as worked out */
    static final String TRANSFERS_LA = "902";

    UUID caseOf901(LocalDate received) {
        return caseOf(LA, received);
    }

    UUID caseOf(String la, LocalDate received) {
        UUID caseId = UUID.randomUUID();
        publish(Topics.ASSESSMENT_EVENTS,
                example("AssessmentRequested", caseId, Map.of("businessDate", received.toString(),
                        "localAuthorityCode", la)),
                example("AssessmentDecided", caseId, Map.of("decision", "ASSESS", "localAuthorityCode", la)));
        awaitCase(caseId, "ASSESSING");
        return caseId;
    }

    static String post(String path, Object body, int status, Object... params) {
        return given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON).body(body).post(path, params)
                .then().statusCode(status).extract().asString();
    }

    /** A plan issued on {@code issued} (draft 20 days before); its planId. */
    String planIssued(LocalDate issued) {
        return planIssued(LA, issued);
    }

    String planIssued(String la, LocalDate issued) {
        UUID caseId = caseOf(la, issued.minusDays(100));
        post("/api/cases/{id}/draft-plan", Map.of("issuedDate", issued.minusDays(20).toString()), 201, caseId);
        return JsonPath.from(post("/api/cases/{id}/final-plan", Map.of("issuedDate", issued.toString(),
                "settingType", "MSS"), 200, caseId)).getString("planId");
    }

    static JsonPath list(String list, Map<String, ?> params) {
        return given().header("Authorization", TestTokens.bearer(ACTOR)).queryParam("la", LA).queryParams(params)
                .get("/api/plan-worklists/{list}", list).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void each_list_shows_what_to_chase_soonest_first() {
        // a draft 3 days old, no response: its 15 days run to today + 12
        UUID awaiting = caseOf901(TODAY.minusDays(90));
        post("/api/cases/{id}/draft-plan", Map.of("issuedDate", TODAY.minusDays(3).toString()), 201, awaiting);
        // a consultation sent 20 days ago, unanswered: due 5 days ago
        UUID consulting = caseOf901(TODAY.minusDays(90));
        post("/api/cases/{id}/draft-plan", Map.of("issuedDate", TODAY.minusDays(30).toString()), 201, consulting);
        post("/api/cases/{id}/consultations", Map.of("settingUrn", "139021",
                "consultedDate", TODAY.minusDays(20).toString()), 200, consulting);
        // plans: review due in 4 weeks (listed), and in 11 months (not within 8 weeks)
        String dueSoon = planIssued(TODAY.minusMonths(12).plusWeeks(4));
        planIssued(TODAY.minusMonths(1));
        // a review held 5 weeks ago, undecided: its decision was due a week ago
        String undecidedPlan = planIssued(TODAY.minusMonths(13));
        String undecided = JsonPath.from(post("/api/plans/{id}/reviews", Map.of("meetingDate",
                TODAY.minusWeeks(5).toString()), 201, undecidedPlan)).getString("reviewId");
        // a decision to amend 10 weeks ago, no amended plan: due 2 weeks ago
        String amendPlan = planIssued(TODAY.minusMonths(14));
        String amend = JsonPath.from(post("/api/plans/{id}/reviews", Map.of("meetingDate",
                TODAY.minusWeeks(11).toString()), 201, amendPlan)).getString("reviewId");
        post("/api/reviews/{id}/decision", Map.of("decidedDate", TODAY.minusWeeks(10).toString(), "outcome", "AMEND"),
                200, amend);

        JsonPath drafts = list("drafts-awaiting-family", Map.of());
        assertThat(drafts.getList("lines.caseId")).containsExactly(awaiting.toString());
        assertThat(drafts.getInt("lines[0].daysPastDue")).isEqualTo(-12);

        JsonPath consultations = list("consultations-overdue", Map.of());
        assertThat(consultations.getList("lines.caseId")).containsExactly(consulting.toString());
        assertThat(consultations.getString("lines[0].settingUrn")).isEqualTo("139021");
        assertThat(consultations.getInt("lines[0].daysPastDue")).isEqualTo(5);

        JsonPath reviews = list("reviews-due", Map.of("weeks", 8));
        // the 13- and 14-month-old plans had meetings, so their next review is about a year away
        assertThat(reviews.getList("lines.planId")).containsExactly(dueSoon);
        assertThat(reviews.getLong("total")).isEqualTo(1);
        assertThat(reviews.getString("lines[0].due")).isEqualTo(TODAY.plusWeeks(4).toString());

        JsonPath decisions = list("review-decisions-overdue", Map.of());
        assertThat(decisions.getList("lines.reviewId")).containsExactly(undecided);
        assertThat(decisions.getInt("lines[0].daysPastDue")).isEqualTo(7);

        JsonPath amendments = list("amendments-overdue", Map.of());
        assertThat(amendments.getList("lines.reviewId")).containsExactly(amend);
        assertThat(amendments.getInt("lines[0].daysPastDue")).isEqualTo(
                (int) ChronoUnit.DAYS.between(TODAY.minusWeeks(10).plusWeeks(8), TODAY));

        JsonPath page = list("reviews-due", Map.of("weeks", 104, "size", 1, "page", 1));
        assertThat(page.getLong("total")).isEqualTo(4); // every plan of 901: all four reviews fall within 104 weeks
        assertThat(page.getList("lines")).hasSize(1);
    }

    @Test
    void phase_transfers_of_a_year_are_counted_due_done_and_late() {
        int year = TODAY.getYear() + 1;
        // due: a review for a move next year, no amended plan yet (15 February of next year is still ahead)
        String duePlan = planIssued(TRANSFERS_LA, TODAY.minusMonths(6));
        String due = JsonPath.from(post("/api/plans/{id}/reviews", Map.of("meetingDate", TODAY.minusDays(1).toString(),
                "phaseTransfer", "PRIMARY_TO_SECONDARY", "yearOfMove", year), 201, duePlan)).getString("reviewId");
        // done: amended naming the new school (decision 20 days ago, amended today)
        String donePlan = planIssued(TRANSFERS_LA, TODAY.minusMonths(6));
        String done = JsonPath.from(post("/api/plans/{id}/reviews", Map.of("meetingDate", TODAY.minusDays(25).toString(),
                "phaseTransfer", "SECONDARY_TO_POST_16", "yearOfMove", year), 201, donePlan)).getString("reviewId");
        post("/api/reviews/{id}/decision", Map.of("decidedDate", TODAY.minusDays(20).toString(), "outcome", "AMEND"),
                200, done);
        post("/api/reviews/{id}/amended-plan", Map.of("issuedDate", TODAY.toString(), "namedSettingUrn", "139021"),
                200, done);

        JsonPath transfers = given().header("Authorization", TestTokens.bearer(ACTOR)).queryParam("la", TRANSFERS_LA).queryParam("year", year)
                .get("/api/phase-transfers").then().statusCode(200).extract().jsonPath();
        assertThat(transfers.getLong("due")).isEqualTo(1);
        assertThat(transfers.getLong("done")).isEqualTo(1);
        assertThat(transfers.getLong("late")).isZero();
        // soonest deadline first: 15 February before 31 March
        assertThat(transfers.getList("transfers.reviewId")).containsExactly(due, done);
        assertThat(transfers.getString("transfers[0].phaseTransferDeadline")).isEqualTo(year + "-02-15");
        assertThat(transfers.getString("transfers[1].phaseTransferDeadline")).isEqualTo(year + "-03-31");
        assertThat(transfers.getLong("total")).isEqualTo(2);

        // paged: the counts are of the whole year, the lines of the page
        JsonPath second = given().header("Authorization", TestTokens.bearer(ACTOR)).queryParam("la", TRANSFERS_LA)
                .queryParam("year", year).queryParam("page", 1).queryParam("size", 1)
                .get("/api/phase-transfers").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("transfers.reviewId")).containsExactly(done);
        assertThat(second.getLong("total")).isEqualTo(2);
        assertThat(second.getLong("due")).isEqualTo(1);
        assertThat(second.getLong("done")).isEqualTo(1);
        // this year's move, reviewed on 1 January with no amended plan: late once 15 February has passed, due until
        // then (computed, so the test holds on any day)
        int thisYear = TODAY.getYear();
        String lateOrDuePlan = planIssued(TRANSFERS_LA, TODAY.minusMonths(13));
        post("/api/plans/{id}/reviews", Map.of("meetingDate", LocalDate.of(thisYear, 1, 1).toString(),
                "phaseTransfer", "PRIMARY_TO_SECONDARY", "yearOfMove", thisYear), 201, lateOrDuePlan);
        boolean past = TODAY.isAfter(LocalDate.of(thisYear, 2, 15));
        JsonPath current = given().header("Authorization", TestTokens.bearer(ACTOR)).queryParam("la", TRANSFERS_LA)
                .queryParam("year", thisYear).get("/api/phase-transfers").then().statusCode(200).extract().jsonPath();
        assertThat(current.getLong("late")).isEqualTo(past ? 1 : 0);
        assertThat(current.getLong("due")).isEqualTo(past ? 0 : 1);
        assertThat(current.getString("transfers[0].phaseTransferStatus")).isEqualTo(past ? "LATE" : "DUE");
        given().header("Authorization", TestTokens.bearer(ACTOR)).queryParam("la", TRANSFERS_LA).queryParam("year", year)
                .queryParam("size", 201).get("/api/phase-transfers").then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("size"));

        given().header("Authorization", TestTokens.bearer(ACTOR)).queryParam("la", LA).get("/api/phase-transfers").then()
                .statusCode(400).body("field", equalTo("year"));
        given().header("Authorization", TestTokens.bearer(ACTOR)).queryParam("la", LA).queryParam("year", year)
                .contentType(ContentType.JSON).body(Map.of("meetingDate", TODAY.toString(), "phaseTransfer", "TO_THE_MOON",
                        "yearOfMove", year))
                .post("/api/plans/{id}/reviews", duePlan).then()
                .statusCode(400).body("field", equalTo("phaseTransfer"));
    }

    @Test
    void bad_parameters_are_a_bad_request_naming_them_and_an_unknown_list_is_not_found() {
        given().header("Authorization", TestTokens.bearer(ACTOR)).queryParam("la", "83").get("/api/plan-worklists/reviews-due").then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("la"));
        given().header("Authorization", TestTokens.bearer(ACTOR)).queryParam("la", LA).queryParam("weeks", "soon")
                .get("/api/plan-worklists/reviews-due").then()
                .statusCode(400).body("field", equalTo("weeks"));
        given().header("Authorization", TestTokens.bearer(ACTOR)).queryParam("la", LA).queryParam("size", "500")
                .get("/api/plan-worklists/reviews-due").then()
                .statusCode(400).body("field", equalTo("size"));
        given().header("Authorization", TestTokens.bearer(ACTOR)).queryParam("la", LA).get("/api/plan-worklists/everything").then()
                .statusCode(404);
        List<String> none = list("amendments-overdue", Map.of("page", 99)).getList("lines");
        assertThat(none).isEmpty();
    }
}
