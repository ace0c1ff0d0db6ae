package org.ehcptracker.reporting;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Random;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.plan.FinalPlanIssued;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.devinfra.TestInfra;
import org.ehcptracker.reporting.domain.Events;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The board endpoint (JSON and CSV), "as known on", ranks, bad input and the live stream, against real PostgreSQL
 * and Kafka. Cases are in 2019 (no other test class has figures then) and in councils 951-953 (no other class
 * uses them), so the exact figures below are these cases' alone; the new plans after a cessation are council 957's.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class BoardResourceTest {

    static final String ACTOR = ReportingServiceTest.ACTOR;
    static KafkaCompanion kafka;

    @TestHTTPResource("/")
    URI base;

    @Inject
    Pool pool;

    @BeforeAll
    static void connect() {
        kafka = new KafkaCompanion(TestInfra.get().kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    static void publish(List<IntegrationEvent> events) {
        kafka.produceStrings().fromRecords(events.stream()
                .map(e -> new ProducerRecord<>(ReportingServiceTest.topicOf(e.getClass()), e.caseId().toString(),
                        ReportingServiceTest.EVENTS.write(e)))
                .toList()).awaitCompletion(ReportingServiceTest.PATIENCE);
    }

    static JsonNode board(String la, String from, String to, String knownOn) {
        var request = given().header("Authorization", TestTokens.bearer(ACTOR)).queryParam("from", from).queryParam("to", to);
        if (knownOn != null) {
            request = request.queryParam("knownOn", knownOn);
        }
        return ReportingServiceTest.tree(request.when().get("/api/local-authorities/{la}/board", la)
                .then().statusCode(200).contentType("application/json").extract().asString());
    }

    /**
     * Council 961, annual reviews: the five hand-worked plans of {@code AnnualReviewsTest} (docs/reporting.md,
     * measure 8), published on the three topics, give the same figures as JSON and CSV.
     */
    @Test
    void annual_reviews_as_json_and_csv() {
        List<IntegrationEvent> events = new ArrayList<>();
        org.ehcptracker.reporting.domain.AnnualReviewsTest.fivePlans("961").forEach(events::addAll);
        publish(events);
        // due 4, on time 3; meetings 2; decided 2, within 1; amendments 3, within 1; phase transfers 2, by the
        // deadline 1; ceased 1 (no longer necessary); in force on 2025-06-30 4 (P3 ceased)
        await().atMost(ReportingServiceTest.PATIENCE).untilAsserted(() -> assertThat(
                board("961", "2025-01-01", "2025-06-30", null).at("/annualReviews")).isEqualTo(ReportingServiceTest.tree("""
                {"reviewsDue": 4, "dueHeldOnTime": 3, "percentDueHeldOnTime": 75.0, "meetingsHeld": 2,
                 "decided": 2, "decidedWithin4Weeks": 1, "percentDecidedWithin4Weeks": 50.0,
                 "amendmentsIssued": 3, "amendmentsWithinDue": 1, "percentAmendmentsWithinDue": 33.3,
                 "phaseTransfersDue": 2, "phaseTransfersAmendedByDeadline": 1,
                 "percentPhaseTransfersAmendedByDeadline": 50.0,
                 "ceasedByReason": [{"key": "NO_LONGER_NECESSARY", "ceased": 1}], "plansInForce": 4}""")));
        String csv = given().header("Authorization", TestTokens.bearer(ACTOR)).queryParam("format", "csv")
                .queryParam("from", "2025-01-01").queryParam("to", "2025-06-30")
                .when().get("/api/local-authorities/{la}/board", "961")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv).contains("961,2025-01-01,2025-06-30,,annualReviews.percentDueHeldOnTime,75.0\r\n");
        assertThat(csv).contains("961,2025-01-01,2025-06-30,,annualReviews.phaseTransfersAmendedByDeadline,1\r\n");
        assertThat(csv).contains("961,2025-01-01,2025-06-30,,annualReviews.ceasedByReason[NO_LONGER_NECESSARY].ceased,1\r\n");
        assertThat(csv).contains("961,2025-01-01,2025-06-30,,annualReviews.plansInForce,4\r\n");
    }

    /**
     * Councils 965 and 966, re-assessments (Reg 27): the hand-worked cases of {@code ReassessmentMeasureTest}
     * (docs/reporting.md, "Re-assessments") published on the topics give the same 14-week figures as JSON and CSV,
     * apart from the 20-week measure (the initial request alone).
     */
    @Test
    void reassessments_as_json_and_csv() {
        List<IntegrationEvent> events = new ArrayList<>();
        org.ehcptracker.reporting.domain.ReassessmentMeasureTest.cases("965", "966").forEach(events::addAll);
        publish(events);
        // every event counts in one of these: the requests (kind), the transfer (T for 965, not 966), the
        // mediation (D out), the exception and its withdrawal (R3 out, W in, excluding exceptions), the plans
        await().atMost(ReportingServiceTest.PATIENCE).untilAsserted(() -> {
            JsonNode b = board("965", "2025-01-01", "2025-06-30", null);
            // R1 98, R2 99, R3 119, W 105, T 98 | without R3: 98, 99, 105, 98
            assertThat(b.at("/reassessments")).isEqualTo(ReportingServiceTest.tree("""
                    {"includingExceptions": {"plansIssued": 5, "issuedWithin14Weeks": 2, "percentWithin14Weeks": 40.0,
                                             "averageWeeksToIssue": 14.8, "medianWeeksToIssue": 14.1},
                     "excludingExceptions": {"plansIssued": 4, "issuedWithin14Weeks": 2, "percentWithin14Weeks": 50.0,
                                             "averageWeeksToIssue": 14.3, "medianWeeksToIssue": 14.1}}"""));
            // the DfE measure: the initial request alone, day 98
            assertThat(b.at("/twentyWeeks/includingExceptions")).isEqualTo(ReportingServiceTest.tree("""
                    {"plansIssued": 1, "issuedWithin20Weeks": 1, "percentWithin20Weeks": 100.0,
                     "averageWeeksToIssue": 14.0, "medianWeeksToIssue": 14.0}"""));
            assertThat(b.at("/months/3/reassessments/includingExceptions/plansIssued").asInt()).isEqualTo(2);
            assertThat(board("966", "2025-01-01", "2025-06-30", null).at("/reassessments/includingExceptions/plansIssued")
                    .asInt()).isZero();
        });
        String csv = given().header("Authorization", TestTokens.bearer(ACTOR)).queryParam("format", "csv")
                .queryParam("from", "2025-01-01").queryParam("to", "2025-06-30")
                .when().get("/api/local-authorities/{la}/board", "965")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv).contains("965,2025-01-01,2025-06-30,,reassessments.includingExceptions.percentWithin14Weeks,40.0\r\n");
        assertThat(csv).contains("965,2025-01-01,2025-06-30,,reassessments.excludingExceptions.plansIssued,4\r\n");
        assertThat(csv).contains("965,2025-01-01,2025-06-30,,months[2025-06].reassessments.excludingExceptions.averageWeeksToIssue,15.0\r\n");
    }

    /**
     * Council 963, plan quality: the hand-worked audits of {@code PlanQualityTest} (docs/reporting.md), published on
     * the plan topic, give the same figures as JSON and CSV.
     */
    @Test
    void plan_quality_as_json_and_csv() {
        publish(org.ehcptracker.reporting.domain.PlanQualityTest.sixPlans("963", "964"));
        // 6 audits, 4 plans by their latest audit: OUTSTANDING 1, GOOD 1, RI 2; average (60+78+92+55)/4 = 71.25
        await().atMost(ReportingServiceTest.PATIENCE).untilAsserted(() -> assertThat(
                board("963", "2025-01-01", "2025-06-30", null).at("/planQuality")).isEqualTo(ReportingServiceTest.tree("""
                {"auditsDone": 6, "plansAudited": 4,
                 "byGrade": [{"key": "OUTSTANDING", "plans": 1, "percent": 25.0},
                             {"key": "GOOD", "plans": 1, "percent": 25.0},
                             {"key": "REQUIRES_IMPROVEMENT", "plans": 2, "percent": 50.0},
                             {"key": "INADEQUATE", "plans": 0, "percent": 0.0}],
                 "plansGoodOrOutstanding": 2, "percentGoodOrOutstanding": 50.0,
                 "averageScore": 71.3,
                 "byCriterion": [{"key": "PREPARATION_FOR_ADULTHOOD", "plans": 1, "averageScore": 4.0},
                                 {"key": "PROVISION_SPECIFIC_AND_QUANTIFIED", "plans": 4, "averageScore": 7.0},
                                 {"key": "SMART_OUTCOMES", "plans": 4, "averageScore": 6.8}]}""")));
        String csv = given().header("Authorization", TestTokens.bearer(ACTOR)).queryParam("format", "csv")
                .queryParam("from", "2025-01-01").queryParam("to", "2025-06-30")
                .when().get("/api/local-authorities/{la}/board", "963")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv).contains("963,2025-01-01,2025-06-30,,planQuality.auditsDone,6\r\n");
        assertThat(csv).contains("963,2025-01-01,2025-06-30,,planQuality.byGrade[REQUIRES_IMPROVEMENT].percent,50.0\r\n");
        assertThat(csv).contains("963,2025-01-01,2025-06-30,,planQuality.averageScore,71.3\r\n");
        assertThat(csv).contains("963,2025-01-01,2025-06-30,,planQuality.byCriterion[SMART_OUTCOMES].averageScore,6.8\r\n");
    }

    /**
     * Council 957, a new plan after a cessation: {@code NewPlanAfterCessationTest}'s two cases, each with a first plan
     * that ceased and a second plan (its own planId) with its own review, phase transfer and cessation, published on
     * the topics. Each plan counts on its own, the 20-week measure counts the first plans only (JSON, CSV and
     * {@code /figures}); then a rebuild (rows and processed_event entries dropped, the events replayed shuffled)
     * gives the identical report.
     */
    @Test
    void a_new_plan_after_a_cessation_counts_on_its_own_and_a_rebuild_gives_the_same_report() {
        List<List<IntegrationEvent>> cases = org.ehcptracker.reporting.domain.NewPlanAfterCessationTest
                .twoCasesWithTwoPlansEach("957");
        List<IntegrationEvent> events = new ArrayList<>();
        cases.forEach(events::addAll);
        // and S's reuse of existing EP advice (Reg 6(4)) recorded 2024-02-05: reused, not returned
        events.add(new Events(cases.get(0).get(0).caseId(), "957").adviceReused(parse("2024-02-05"),
                AdviceType.EDUCATIONAL_PSYCHOLOGY, "EPS-957", parse("2023-11-20")));
        publish(events);
        // due 3 (S1 2024-05-22, U1 2024-07-17 late, S2 2025-12-09 held early), on time 2; meetings 3; decided 3,
        // within 2; S2's amendment within; S2's phase transfer by 2025-03-31; three plans ceased, one reason each;
        // in force on 2025-12-31: S2
        String reviews = """
                {"reviewsDue": 3, "dueHeldOnTime": 2, "percentDueHeldOnTime": 66.7, "meetingsHeld": 3,
                 "decided": 3, "decidedWithin4Weeks": 2, "percentDecidedWithin4Weeks": 66.7,
                 "amendmentsIssued": 1, "amendmentsWithinDue": 1, "percentAmendmentsWithinDue": 100.0,
                 "phaseTransfersDue": 1, "phaseTransfersAmendedByDeadline": 1,
                 "percentPhaseTransfersAmendedByDeadline": 100.0,
                 "ceasedByReason": [{"key": "HIGHER_EDUCATION", "ceased": 1},
                                    {"key": "LEFT_EDUCATION_OR_TRAINING", "ceased": 1},
                                    {"key": "NO_LONGER_NECESSARY", "ceased": 1}],
                 "plansInForce": 1}""";
        // S1 and U1 on day 133 in 2023 (Jan 9 -> May 22, Mar 6 -> Jul 17): 2 plans, both within, 19.0 weeks; the
        // second plans (700 and 679 days from the clock start they carry) in no 20-week figure
        String firstPlans = """
                {"plansIssued": 2, "issuedWithin20Weeks": 2, "percentWithin20Weeks": 100.0,
                 "averageWeeksToIssue": 19.0, "medianWeeksToIssue": 19.0}""";
        await().atMost(ReportingServiceTest.PATIENCE).untilAsserted(() -> {
            JsonNode b = board("957", "2024-01-01", "2025-12-31", null);
            assertThat(b.at("/annualReviews")).isEqualTo(ReportingServiceTest.tree(reviews));
            assertThat(b.at("/twentyWeeks/includingExceptions/plansIssued").asInt()).isZero();
            assertThat(b.at("/adviceByAgency")).isEqualTo(ReportingServiceTest.tree("""
                    [{"key": "EPS-957", "returned": 0, "within6Weeks": 0, "percentWithin6Weeks": null,
                      "averageDays": null, "reused": 1}]"""));
            assertThat(board("957", "2023-01-01", "2023-12-31", null).at("/twentyWeeks/includingExceptions"))
                    .isEqualTo(ReportingServiceTest.tree(firstPlans));
            // case_progress keeps the first final plan whichever arrived first
            JsonNode figures = ReportingServiceTest.figures("957", "2023-01-01", "2023-12-31");
            assertThat(figures.get("plansIssued").asInt()).isEqualTo(2);
            assertThat(figures.get("issuedWithin20Weeks").asInt()).isEqualTo(2);
            assertThat(ReportingServiceTest.figures("957", "2024-01-01", "2025-12-31").get("plansIssued").asInt()).isZero();
        });
        String csv = given().header("Authorization", TestTokens.bearer(ACTOR)).queryParam("format", "csv")
                .queryParam("from", "2024-01-01").queryParam("to", "2025-12-31")
                .when().get("/api/local-authorities/{la}/board", "957")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv).contains("957,2024-01-01,2025-12-31,,annualReviews.reviewsDue,3\r\n");
        assertThat(csv).contains("957,2024-01-01,2025-12-31,,annualReviews.phaseTransfersAmendedByDeadline,1\r\n");
        assertThat(csv).contains("957,2024-01-01,2025-12-31,,annualReviews.ceasedByReason[HIGHER_EDUCATION].ceased,1\r\n");
        assertThat(csv).contains("957,2024-01-01,2025-12-31,,annualReviews.plansInForce,1\r\n");
        assertThat(csv).contains("957,2024-01-01,2025-12-31,,adviceByType[EDUCATIONAL_PSYCHOLOGY].reused,1\r\n");
        JsonNode before = withoutRanks(board("957", "2024-01-01", "2025-12-31", null));
        JsonNode before2023 = withoutRanks(board("957", "2023-01-01", "2023-12-31", null));

        UUID[] caseIds = cases.stream().map(c -> c.get(0).caseId()).toArray(UUID[]::new);
        UUID[] eventIds = events.stream().map(IntegrationEvent::eventId).toArray(UUID[]::new);
        pool.preparedQuery("delete from case_progress where case_id = any($1)").executeAndAwait(Tuple.of(caseIds));
        pool.preparedQuery("delete from case_timeline where case_id = any($1)").executeAndAwait(Tuple.of(caseIds));
        pool.preparedQuery("delete from processed_event where event_id = any($1)").executeAndAwait(Tuple.of(eventIds));
        assertThat(board("957", "2024-01-01", "2025-12-31", null).at("/annualReviews/reviewsDue").asInt()).isZero();
        List<IntegrationEvent> replay = new ArrayList<>(events);
        Collections.shuffle(replay, new Random(957));
        publish(replay);
        await().atMost(ReportingServiceTest.PATIENCE).untilAsserted(() -> {
            assertThat(withoutRanks(board("957", "2024-01-01", "2025-12-31", null))).isEqualTo(before);
            assertThat(withoutRanks(board("957", "2023-01-01", "2023-12-31", null))).isEqualTo(before2023);
            assertThat(ReportingServiceTest.figures("957", "2023-01-01", "2023-12-31").get("plansIssued").asInt())
                    .isEqualTo(2);
        });
    }

    /**
     * Council 951: P received Mon 2019-01-07, assess 2019-02-18 (Jan 7->Feb 7 31, ->Feb 18 11 = day 42: within),
     * final plan 2019-05-27 (Jan 7->May 7 31+28+31+30 = 120, ->May 27 20 = day 140: within), that plan recorded
     * late, on 2019-06-20. Q received 2019-01-07, assess 2019-02-19 (day 43: late), plan 2019-05-28 (day 141: late),
     * EP advice asked of EPS-951 on 2019-02-25 (due +42 = 2019-04-08), returned 2019-04-08 (42 days: within).
     * Council 952: R received 2019-01-14, assess 2019-02-11 (28 days), plan 2019-05-20 (Jan 14->May 14 120, +6 =
     * day 126: within).
     */
    @Test
    void every_measure_as_json_and_csv_as_known_on_a_date_and_ranked() {
        Events p = Events.forNewCase("951");
        Events q = Events.forNewCase("951");
        Events r = Events.forNewCase("952");
        FinalPlanIssued onTime = p.finalPlan(parse("2019-05-27"), parse("2019-01-07"));
        FinalPlanIssued recordedLate = new FinalPlanIssued(onTime.eventId(), onTime.caseId(), onTime.localAuthorityCode(),
                onTime.businessDate(), Instant.parse("2019-06-20T10:00:00Z"), 1, onTime.planId(), onTime.namedSettingUrn(),
                null, onTime.requestReceivedDate());
        AdviceRequested ep = q.adviceRequested(parse("2019-02-25"), AdviceType.EDUCATIONAL_PSYCHOLOGY, "EPS-951");
        // S, a re-assessment (Reg 27) of 951, received 2019-03-04, final plan 2019-06-10 (Mar 4->Jun 4 92, +6 = day
        // 98: within 14 weeks); P's first review (due 2020-05-27) held 2020-05-11, AMEND 2020-06-01 (day 21), amended
        // plan due min(06-01 + 56 = 07-27, 05-11 + 84 = 08-03) = 2020-07-27, issued 2020-07-13; P audited GOOD 75
        Events s = Events.forNewCase("951");
        UUID review = UUID.randomUUID();
        List<IntegrationEvent> events = new ArrayList<>(List.of(
                p.requested(parse("2019-01-07")), p.decided(parse("2019-02-18"), AssessmentDecision.ASSESS), recordedLate,
                q.requested(parse("2019-01-07")), q.decided(parse("2019-02-19"), AssessmentDecision.ASSESS),
                ep, q.adviceSubmitted(parse("2019-04-08"), ep), q.finalPlan(parse("2019-05-28"), parse("2019-01-07")),
                r.requested(parse("2019-01-14")), r.decided(parse("2019-02-11"), AssessmentDecision.ASSESS),
                r.finalPlan(parse("2019-05-20"), parse("2019-01-14")),
                s.reassessmentRequested(parse("2019-03-04")), s.finalPlan(parse("2019-06-10"), parse("2019-03-04")),
                p.reviewMeeting(parse("2020-05-11"), review, null, null),
                p.reviewDecided(parse("2020-06-01"), review, org.ehcptracker.contracts.plan.ReviewOutcome.AMEND,
                        parse("2020-05-11")),
                p.amendedPlan(parse("2020-07-13"), review),
                p.qualityAudited(parse("2019-09-02"), 10, org.ehcptracker.contracts.plan.QualityGrade.GOOD, 75,
                        new org.ehcptracker.contracts.plan.CriterionScore("SMART_OUTCOMES", 8))));
        publish(events);

        await().atMost(ReportingServiceTest.PATIENCE).untilAsserted(() -> {
            JsonNode b = board("951", "2019-01-01", "2019-06-30", null);
            // days 140 and 141: 2 plans, 1 within, 50.0%; average and median (140 + 141) / 14 = 20.07 -> 20.1
            assertThat(b.at("/twentyWeeks/excludingExceptions")).isEqualTo(ReportingServiceTest.tree("""
                    {"plansIssued": 2, "issuedWithin20Weeks": 1, "percentWithin20Weeks": 50.0,
                     "averageWeeksToIssue": 20.1, "medianWeeksToIssue": 20.1}"""));
            assertThat(b.at("/adviceByAgency")).isEqualTo(ReportingServiceTest.tree("""
                    [{"key": "EPS-951", "returned": 1, "within6Weeks": 1, "percentWithin6Weeks": 100.0, "averageDays": 42.0,
                      "reused": 0}]"""));
            assertThat(board("952", "2019-01-01", "2019-06-30", null).at("/twentyWeeks/excludingExceptions/plansIssued").asInt())
                    .isEqualTo(1);
            // the decisions come on another topic than the plans, so they may land after them: wait for them too
            assertThat(b.at("/decisionsToAssess")).isEqualTo(ReportingServiceTest.tree(
                    "{\"decided\": 2, \"within6Weeks\": 1, \"percentWithin6Weeks\": 50.0}"));
            // S's request (a re-assessment) and plan; the reviews and the audit, over two years
            assertThat(b.at("/reassessments/includingExceptions")).isEqualTo(ReportingServiceTest.tree("""
                    {"plansIssued": 1, "issuedWithin14Weeks": 1, "percentWithin14Weeks": 100.0,
                     "averageWeeksToIssue": 14.0, "medianWeeksToIssue": 14.0}"""));
            JsonNode twoYears = board("951", "2019-01-01", "2020-12-31", null);
            // due: P 2020-05-27 (held 05-11: on time), Q 2020-05-28 and S 2020-06-10 (never held): 3, 1, 33.3%;
            // in force on 2020-12-31: P, Q, S (R is 952's)
            assertThat(twoYears.at("/annualReviews")).isEqualTo(ReportingServiceTest.tree("""
                    {"reviewsDue": 3, "dueHeldOnTime": 1, "percentDueHeldOnTime": 33.3, "meetingsHeld": 1,
                     "decided": 1, "decidedWithin4Weeks": 1, "percentDecidedWithin4Weeks": 100.0,
                     "amendmentsIssued": 1, "amendmentsWithinDue": 1, "percentAmendmentsWithinDue": 100.0,
                     "phaseTransfersDue": 0, "phaseTransfersAmendedByDeadline": 0,
                     "percentPhaseTransfersAmendedByDeadline": null, "ceasedByReason": [], "plansInForce": 3}"""));
            assertThat(twoYears.at("/planQuality/byGrade/1")).isEqualTo(ReportingServiceTest.tree(
                    "{\"key\": \"GOOD\", \"plans\": 1, \"percent\": 100.0}"));
        });
        JsonNode twoYears = board("951", "2019-01-01", "2020-12-31", null);
        JsonNode b = board("951", "2019-01-01", "2019-06-30", null);
        assertThat(b.at("/backlog/open").asInt()).isZero();
        // May 2019: both plans; the rolling 12 months to May the same
        JsonNode may = b.at("/months/4");
        assertThat(may.get("month").asText()).isEqualTo("2019-05");
        assertThat(may.at("/rolling12Months/includingExceptions/plansIssued").asInt()).isEqualTo(2);
        assertThat(b.at("/months").size()).isEqualTo(6);
        // 951 50.0% against 952 100.0%: second of two
        assertThat(b.at("/ranks/percentWithin20WeeksExcludingExceptions")).isEqualTo(ReportingServiceTest.tree(
                "{\"rank\": 2, \"councils\": 2}"));

        // as known on 2019-06-19 (P's plan recorded on 06-20 is not yet known): Q alone, late; P still open on
        // 2019-06-30: Jan 7->Jun 7 151, ->Jun 30 23 = 174 days = 24.857 -> 24.9 weeks, past 20
        JsonNode then = board("951", "2019-01-01", "2019-06-30", "2019-06-19");
        assertThat(then.at("/twentyWeeks/excludingExceptions")).isEqualTo(ReportingServiceTest.tree("""
                {"plansIssued": 1, "issuedWithin20Weeks": 0, "percentWithin20Weeks": 0.0,
                 "averageWeeksToIssue": 20.1, "medianWeeksToIssue": 20.1}"""));
        assertThat(then.at("/backlog")).isEqualTo(ReportingServiceTest.tree("""
                {"asOf": "2019-06-30", "open": 1, "past20Weeks": 1, "past30Weeks": 0, "past52Weeks": 0,
                 "averageWeeksOpen": 24.9, "medianWeeksOpen": 24.9}"""));
        assertThat(then.get("knownOn").asText()).isEqualTo("2019-06-19T22:59:59.999999Z");

        // CSV: the same figures, by Accept or by format=csv
        String csv = given().header("Authorization", TestTokens.bearer(ACTOR)).accept("text/csv")
                .queryParam("from", "2019-01-01").queryParam("to", "2019-06-30")
                .when().get("/api/local-authorities/951/board")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv).startsWith("localAuthorityCode,from,to,knownOn,measure,value\r\n");
        assertThat(csv).contains("951,2019-01-01,2019-06-30,,twentyWeeks.excludingExceptions.percentWithin20Weeks,50.0\r\n");
        assertThat(csv).contains("951,2019-01-01,2019-06-30,,months[2019-05].plans.excludingExceptions.plansIssued,2\r\n");
        assertThat(csv).contains("951,2019-01-01,2019-06-30,,adviceByAgency[EPS-951].within6Weeks,1\r\n");
        assertThat(csv).contains("951,2019-01-01,2019-06-30,,decisionsToAssess.percentWithin6Weeks,50.0\r\n");
        String byFormat = given().header("Authorization", TestTokens.bearer(ACTOR)).queryParam("format", "csv")
                .queryParam("from", "2019-01-01").queryParam("to", "2019-06-30")
                .when().get("/api/local-authorities/951/board")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(byFormat).isEqualTo(csv);

        // rebuild: the cases' rows and processed_event entries dropped, the events replayed in another order: the
        // identical report
        UUID[] caseIds = {p.caseId(), q.caseId(), r.caseId(), s.caseId()};
        UUID[] eventIds = events.stream().map(IntegrationEvent::eventId).toArray(UUID[]::new);
        pool.preparedQuery("delete from case_progress where case_id = any($1)").executeAndAwait(Tuple.of(caseIds));
        pool.preparedQuery("delete from case_timeline where case_id = any($1)").executeAndAwait(Tuple.of(caseIds));
        pool.preparedQuery("delete from processed_event where event_id = any($1)").executeAndAwait(Tuple.of(eventIds));
        assertThat(board("951", "2019-01-01", "2019-06-30", null).at("/twentyWeeks/includingExceptions/plansIssued").asInt())
                .isZero();
        List<IntegrationEvent> replay = new ArrayList<>(events);
        Collections.shuffle(replay, new Random(951));
        publish(replay);
        // (the new measures too: re-assessments, annual reviews, plan quality over the two years)
        await().atMost(ReportingServiceTest.PATIENCE).untilAsserted(() -> {
            assertThat(board("951", "2019-01-01", "2019-06-30", null)).isEqualTo(b);
            assertThat(board("951", "2019-01-01", "2020-12-31", null)).isEqualTo(twoYears);
        });

        // all councils: at least these three plans in May 2019
        JsonNode all = board("all", "2019-05-01", "2019-05-31", null);
        assertThat(all.at("/twentyWeeks/includingExceptions/plansIssued").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(all.get("ranks").isNull()).isTrue();
    }

    /** The report without its ranks, which compare with every other council (other classes' data may still land). */
    static JsonNode withoutRanks(JsonNode report) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) report).remove("ranks");
        return report;
    }

    static void bad(String la, String field, String... params) {
        var request = given().header("Authorization", TestTokens.bearer(ACTOR));
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam(params[i], params[i + 1]);
        }
        request.when().get("/api/local-authorities/{la}/board", la)
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo(field));
    }

    @Test
    void bad_parameters_are_400_naming_the_field() {
        String tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1).toString();
        bad("95", "la", "from", "2019-01-01", "to", "2019-06-30");
        bad("9\u00005", "la", "from", "2019-01-01", "to", "2019-06-30");
        bad("951", "from", "to", "2019-06-30");
        bad("951", "from", "from", "2019-13-01", "to", "2019-06-30");
        bad("951", "from", "from", "2014-08-31", "to", "2019-06-30");
        bad("951", "from", "from", "2019-07-01", "to", "2019-06-30");
        bad("951", "to", "from", "2019-01-01", "to", tomorrow);
        bad("951", "to", "from", "2019-01-01", "to", "2019-06-3\u0000");
        bad("951", "by", "from", "2019-01-01", "to", "2019-06-30", "by", "year");
        bad("951", "knownOn", "from", "2019-01-01", "to", "2019-06-30", "knownOn", "last tuesday");
        bad("951", "knownOn", "from", "2019-01-01", "to", "2019-06-30", "knownOn", tomorrow + "T12:00:00Z");
        bad("951", "format", "from", "2019-01-01", "to", "2019-06-30", "format", "xml");
        // no token: refused before any parameter is looked at
        given().queryParam("from", "2019-01-01").queryParam("to", "2019-06-30")
                .when().get("/api/local-authorities/951/board").then().statusCode(401)
                .contentType("application/problem+json");
        // a CSV client still gets the problem as problem+json
        given().header("Authorization", TestTokens.bearer(ACTOR)).accept("text/csv").queryParam("from", "2019-07-01").queryParam("to", "2019-06-30")
                .when().get("/api/local-authorities/951/board")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("from"));
        bad("9x1", "la");
        given().header("Authorization", TestTokens.bearer(ACTOR)).when().get("/api/local-authorities/9x1/board/stream")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("la"));
    }

    @Test
    void the_openapi_document_describes_the_board_and_its_errors() {
        String openapi = given().when().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("/api/local-authorities/{la}/board:", "/api/local-authorities/{la}/board/stream:",
                "text/csv", "text/event-stream", "BoardReport");
    }

    /**
     * Council 953 has nothing: the stream's first message says 0 plans. Then a case is published: received 100 days
     * ago, plan issued 10 days ago (day 90: within); a message follows with 1 plan, 1 within, 100.0%.
     */
    @Test
    void the_stream_pushes_the_new_headline_when_an_event_is_projected() throws Exception {
        try (EventStreamLines data = new EventStreamLines(base.resolve("/api/local-authorities/953/board/stream"),
                TestTokens.bearer(ACTOR))) {
            String first = data.next();
            assertThat(first).isNotNull();
            assertThat(ReportingServiceTest.tree(first).at("/twentyWeeks/excludingExceptions/plansIssued").asInt()).isZero();
            assertThat(data.response().headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");

            LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
            Events s = Events.forNewCase("953");
            publish(List.of(s.requested(today.minusDays(100)), s.finalPlan(today.minusDays(10), today.minusDays(100))));
            JsonNode pushed = null;
            while (pushed == null || pushed.at("/twentyWeeks/excludingExceptions/plansIssued").asInt() == 0) {
                String next = data.next();
                assertThat(next).as("a pushed headline").isNotNull();
                pushed = ReportingServiceTest.tree(next);
            }
            assertThat(pushed.at("/twentyWeeks/excludingExceptions")).isEqualTo(ReportingServiceTest.tree("""
                    {"plansIssued": 1, "issuedWithin20Weeks": 1, "percentWithin20Weeks": 100.0,
                     "averageWeeksToIssue": 12.9, "medianWeeksToIssue": 12.9}"""));
            assertThat(pushed.get("localAuthorityCode").asText()).isEqualTo("953");
        }
    }
}
