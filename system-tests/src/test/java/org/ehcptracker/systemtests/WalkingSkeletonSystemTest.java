package org.ehcptracker.systemtests;


import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole system as separate processes (PostgreSQL, Kafka, four services), driven only through
 * HTTP, as a council would use it. Three cases of one LA:
 * <pre>
 *   A received 2025-01-06, final plan 2025-05-19: 25+28+31+30+19 = 133 days = 19 weeks (within 20)
 *   B received 2025-01-13, final plan 2025-07-07: 18+28+31+30+31+30+7 = 175 days = 25 weeks (late)
 *   C received 2025-01-20, still open on 2025-08-25: 11+28+31+30+31+30+31+25 = 217 days = 31 weeks
 * </pre>
 * so, for 2025-01-01..2025-08-25: 2 issued, 1 within 20 weeks (50.0%), average (19+25)/2 = 22.0 weeks,
 * backlog 1 open, 1 past 20 weeks, 1 past 30 weeks, 0 past 52. A council of its own (861) has a case with a
 * 20-week exception, a transferred-in case, a disputed case and an ordinary one, worked by hand at
 * {@link #exceptionsTransfersAndDisputesGiveTheFiguresWorkedByHand}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SystemStack.Shared.class)
class WalkingSkeletonSystemTest {

    private static final String LA = "839";
    private static final String CASEWORKER = CaseSteps.CASEWORKER;
    private static SystemStack stack;
    private static CaseSteps steps;

    @BeforeAll
    static void stack(SystemStack shared) {
        stack = shared;
        steps = new CaseSteps(shared);
    }

    @Test
    @Order(1)
    void threeCasesGiveTheExpectedTimelinessAndBacklogFigures() {
        String a = steps.requestAssessment(LA, "2025-01-06", "C-SYS-A");
        String b = steps.requestAssessment(LA, "2025-01-13", "C-SYS-B");
        String c = steps.requestAssessment(LA, "2025-01-20", "C-SYS-C");
        steps.decideToAssess(a, "2025-02-10");
        steps.decideToAssess(b, "2025-02-17");
        steps.decideToAssess(c, "2025-02-24");

        String adviceRequest = steps.requestAdvice(a, "EDUCATIONAL_PSYCHOLOGY", "ep-839", "2025-02-11");
        given().baseUri(stack.advice.baseUrl()).header("Authorization", SystemStack.bearer("agency:ep-839")).contentType(ContentType.JSON)
                .body(Map.of("submittedDate", "2025-03-20"))
                .post("/api/advice-requests/{id}/submission", adviceRequest)
                .then().statusCode(200);

        steps.issueDraft(a, "2025-04-21");
        steps.issueFinal(a, "2025-05-19", Map.of("settingType", "MSS"));
        steps.issueDraft(b, "2025-06-02");
        steps.issueFinal(b, "2025-07-07", Map.of("namedSettingUrn", "100000"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath figures = given().baseUri(stack.reporting.baseUrl()).header("Authorization", SystemStack.bearer("board:system-test"))
                    .queryParam("from", "2025-01-01").queryParam("to", "2025-08-25")
                    .get("/api/local-authorities/{la}/figures", LA)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(figures.getInt("plansIssued")).isEqualTo(2);
            assertThat(figures.getInt("issuedWithin20Weeks")).isEqualTo(1);
            assertThat(figures.getDouble("percentWithin20Weeks")).isEqualTo(50.0);
            assertThat(figures.getDouble("averageWeeksToIssue")).isEqualTo(22.0);
            assertThat(figures.getInt("backlog.open")).isEqualTo(1);
            assertThat(figures.getInt("backlog.past20Weeks")).isEqualTo(1);
            assertThat(figures.getInt("backlog.past30Weeks")).isEqualTo(1);
            assertThat(figures.getInt("backlog.past52Weeks")).isEqualTo(0);
        });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> types = given().baseUri(stack.reporting.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER))
                    .get("/api/cases/{id}/timeline", a)
                    .then().statusCode(200).extract().jsonPath().getList("type", String.class);
            assertThat(types).containsExactly("AssessmentRequested", "AssessmentDecided", "AdviceRequested",
                    "AdviceSubmitted", "DraftPlanIssued", "FinalPlanIssued");
        });
    }

    @Test
    @Order(2)
    void aFinalPlanForARefusedCaseIsRefusedAcrossServices() {
        String refused = steps.requestAssessment(LA, "2025-03-03", "C-SYS-R");
        given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER)).contentType(ContentType.JSON)
                .body(Map.of("decision", "REFUSE", "decisionDate", "2025-04-07", "refusalReason", "NEEDS_MET_FROM_AVAILABLE_RESOURCES",
                        "refusalNote", "the school's SEN support plan meets the needs for now"))
                .post("/api/cases/{id}/decision", refused)
                .then().statusCode(200);
        // once plan-service has heard of the refusal it says so; before that it says it has not seen the case accepted
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(stack.plan.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER)).contentType(ContentType.JSON)
                        .body(Map.of("issuedDate", "2025-05-01"))
                        .post("/api/cases/{id}/draft-plan", refused)
                        .then().statusCode(422).contentType("application/problem+json")
                        .body("detail", org.hamcrest.Matchers.containsString("refused")));
        given().baseUri(stack.advice.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER)).contentType(ContentType.JSON)
                .body(Map.of("adviceType", "HEALTH", "agencyId", "nhs-dorset", "requestedDate", "2025-04-08"))
                .post("/api/cases/{id}/advice-requests", refused)
                .then().statusCode(422).contentType("application/problem+json");
    }

    /** Reg 10: a case the LA decides, after assessing, not to issue a plan for leaves the backlog. */
    @Test
    @Order(3)
    void aCaseConcludedWithoutAPlanLeavesTheBacklog() {
        String rutland = "857";
        String caseId = UUID.randomUUID().toString();
        given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER)).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId, "localAuthorityCode", rutland, "receivedDate", "2025-01-06",
                        "requestedBy", "SCHOOL_OR_SETTING", "childRef", "C-SYS-N"))
                .post("/api/cases").then().statusCode(201);
        steps.decideToAssess(caseId, "2025-02-10");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(backlogOpen(rutland)).isEqualTo(1));

        given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER)).contentType(ContentType.JSON)
                .body(Map.of("outcome", "NO_PLAN", "conclusionDate", "2025-04-28"))
                .post("/api/cases/{id}/conclusion", caseId)
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(backlogOpen(rutland)).isZero());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(stack.plan.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER)).contentType(ContentType.JSON)
                        .body(Map.of("issuedDate", "2025-05-01"))
                        .post("/api/cases/{id}/draft-plan", caseId)
                        .then().statusCode(422)
                        .body("detail", org.hamcrest.Matchers.containsString("decided not to issue a plan")));
    }

    private static int backlogOpen(String la) {
        return given().baseUri(stack.reporting.baseUrl()).header("Authorization", SystemStack.bearer("board:system-test"))
                .queryParam("from", "2025-01-01").queryParam("to", "2025-08-25")
                .get("/api/local-authorities/{la}/figures", la)
                .then().statusCode(200).extract().path("backlog.open");
    }

    /**
     * Issue 7 in one council of its own (LA 861), every case driven to a final plan through the APIs:
     * <pre>
     *   E received 2025-02-03, decided 2025-03-10, 20-week exception (school closure) from 2025-06-02, final plan
     *     2025-07-21: Feb 3->Mar 3 28, ->Apr 3 31, ->May 3 30, ->Jun 3 31, ->Jul 3 30 = 150, +18 = 168 days
     *     = 24.0 weeks: late, and an exception applies
     *   T received by LA 860 on 2025-01-06, transferred in to 861 on 2025-03-03 (the clock restarts), decided
     *     2025-03-24, final plan 2025-07-14: Mar 3->Apr 3 31, ->May 3 30, ->Jun 3 31, ->Jul 3 30 = 122, +11
     *     = 133 days = 19.0 weeks: within (from the first request it would be 189 days, 27.0 weeks: late)
     *   D received 2025-02-10, refused 2025-03-03, mediation about the refusal to assess registered 2025-03-17,
     *     refusal overturned (ASSESS) 2025-04-07, final plan 2025-06-02: Feb 10->Mar 10 28, ->Apr 10 31,
     *     ->May 10 30, ->Jun 2 23 = 112 days = 16.0 weeks: within, but a refusal-stage dispute registered before
     *     the plan takes the assessment out of both measures
     *   O received 2025-01-13, decided 2025-02-17, a 20-week exception recorded and then withdrawn as recorded in
     *     error (so none applies), final plan 2025-07-07: Jan 13->Jul 13 31+28+31+30+31+30 = 181, -6 = 175 days
     *     = 25.0 weeks: late
     * </pre>
     * For 2025-01-01..2025-08-25: all plans E, T, O: 3 issued, 1 within (33.3%), (168 + 133 + 175) / 3 / 7
     * = 476 / 21 = 22.67 -> 22.7 weeks; excluding exceptions T, O: 2 issued, 1 within (50.0%), (133 + 175) / 2 / 7
     * = 308 / 14 = 22.0 weeks; backlog on 2025-08-25: every case closed, 0 open, no average.
     * <br>Backlog on 2025-06-30 (period 2025-01-01..2025-06-30: only D issued, and it is excluded: 0 plans, no
     * rate): D closed on 2025-06-02; E Feb 3->Jun 3 120, +27 = 147 days; T Mar 3->Jun 3 92, +27 = 119 days;
     * O Jan 13->Jun 13 31+28+31+30+31 = 151, +17 = 168 days: 3 open, 2 past 20 weeks (E, O), 0 past 30, 0 past 52,
     * (147 + 119 + 168) / 3 / 7 = 434 / 21 = 20.67 -> 20.7 weeks.
     * <br>Backlog on 2025-03-31: D stood refused (2025-03-03, overturned only on 2025-04-07): not counted;
     * E Feb 3->Mar 31 = 56 days, T Mar 3->Mar 31 = 28 days, O Jan 13->Mar 31 = 18+28+31 = 77 days: 3 open, none
     * past 20 weeks, (56 + 28 + 77) / 3 / 7 = 161 / 21 = 7.67 -> 7.7 weeks.
     */
    @Test
    @Order(4)
    void exceptionsTransfersAndDisputesGiveTheFiguresWorkedByHand() {
        String la = "861";
        String e = steps.requestAssessment(la, "2025-02-03", "C-SYS-E", null);
        String t = steps.requestAssessment(la, "2025-01-06", "C-SYS-T", Map.of("fromLocalAuthorityCode", "860",
                "transferDate", "2025-03-03"));
        String d = steps.requestAssessment(la, "2025-02-10", "C-SYS-D", null);
        String o = steps.requestAssessment(la, "2025-01-13", "C-SYS-O", null);

        steps.decideToAssess(e, "2025-03-10");
        given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER)).contentType(ContentType.JSON)
                .body(Map.of("limit", "FINAL_PLAN_20_WEEKS", "reason", "SCHOOL_CLOSURE", "startDate", "2025-06-02"))
                .post("/api/cases/{id}/exceptions", e)
                .then().statusCode(201);

        steps.decideToAssess(t, "2025-03-24");

        given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER)).contentType(ContentType.JSON)
                .body(Map.of("decision", "REFUSE", "decisionDate", "2025-03-03", "refusalReason", "NEEDS_MET_FROM_AVAILABLE_RESOURCES"))
                .post("/api/cases/{id}/decision", d)
                .then().statusCode(200);
        given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER)).contentType(ContentType.JSON)
                .body(Map.of("kind", "MEDIATION", "stage", "REFUSAL_TO_ASSESS", "registeredDate", "2025-03-17"))
                .post("/api/cases/{id}/disputes", d)
                .then().statusCode(201);
        // the refusal overturned after the mediation: said explicitly, else it would be a second decision (409)
        given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER)).contentType(ContentType.JSON)
                .body(Map.of("decision", "ASSESS", "decisionDate", "2025-04-07", "overturnsRefusal", true))
                .post("/api/cases/{id}/decision", d)
                .then().statusCode(200);

        steps.decideToAssess(o, "2025-02-17");
        String mistaken = UUID.randomUUID().toString();
        given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer(CASEWORKER)).contentType(ContentType.JSON)
                .body(Map.of("exceptionId", mistaken, "limit", "FINAL_PLAN_20_WEEKS",
                        "reason", "EXCEPTIONAL_PERSONAL_CIRCUMSTANCES", "startDate", "2025-04-01"))
                .post("/api/cases/{id}/exceptions", o)
                .then().statusCode(201);
        // no body, but the resource consumes JSON: without a JSON content type it answers 415
        // withdrawing an exception is a team manager's act (docs/security.md)
        given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer("team-manager:system-test"))
                .contentType(ContentType.JSON)
                .post("/api/cases/{id}/exceptions/{exceptionId}/withdrawal", o, mistaken)
                .then().statusCode(200);

        steps.issueDraft(d, "2025-05-06");
        steps.issueFinal(d, "2025-06-02", Map.of("settingType", "MSS"));
        steps.issueDraft(o, "2025-06-02");
        steps.issueFinal(o, "2025-07-07", Map.of("namedSettingUrn", "100000"));
        steps.issueDraft(t, "2025-06-16");
        steps.issueFinal(t, "2025-07-14", Map.of("settingType", "MSS"));
        steps.issueDraft(e, "2025-06-23");
        steps.issueFinal(e, "2025-07-21", Map.of("namedSettingUrn", "100000"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath f = steps.figures(la, "2025-01-01", "2025-08-25");
            assertThat(f.getInt("plansIssued")).isEqualTo(3);
            assertThat(f.getInt("issuedWithin20Weeks")).isEqualTo(1);
            assertThat(f.getDouble("percentWithin20Weeks")).isEqualTo(33.3);
            assertThat(f.getDouble("averageWeeksToIssue")).isEqualTo(22.7);
            assertThat(f.getInt("excludingExceptions.plansIssued")).isEqualTo(2);
            assertThat(f.getInt("excludingExceptions.issuedWithin20Weeks")).isEqualTo(1);
            assertThat(f.getDouble("excludingExceptions.percentWithin20Weeks")).isEqualTo(50.0);
            assertThat(f.getDouble("excludingExceptions.averageWeeksToIssue")).isEqualTo(22.0);
            assertThat(f.getInt("backlog.open")).isZero();
            assertThat(f.getInt("backlog.past20Weeks")).isZero();
            assertThat(f.getInt("backlog.past30Weeks")).isZero();
            assertThat(f.getInt("backlog.past52Weeks")).isZero();
            assertThat(f.<Object>get("backlog.averageWeeksOpen")).isNull();
        });

        JsonPath june = steps.figures(la, "2025-01-01", "2025-06-30");
        assertThat(june.getInt("plansIssued")).isZero();
        assertThat(june.<Object>get("percentWithin20Weeks")).isNull();
        assertThat(june.getInt("excludingExceptions.plansIssued")).isZero();
        assertThat(june.getInt("backlog.open")).isEqualTo(3);
        assertThat(june.getInt("backlog.past20Weeks")).isEqualTo(2);
        assertThat(june.getInt("backlog.past30Weeks")).isZero();
        assertThat(june.getInt("backlog.past52Weeks")).isZero();
        assertThat(june.getDouble("backlog.averageWeeksOpen")).isEqualTo(20.7);

        JsonPath march = steps.figures(la, "2025-01-01", "2025-03-31");
        assertThat(march.getInt("backlog.open")).isEqualTo(3);
        assertThat(march.getInt("backlog.past20Weeks")).isZero();
        assertThat(march.getDouble("backlog.averageWeeksOpen")).isEqualTo(7.7);
    }
}
