package org.ehcptracker.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.devinfra.FreePort;
import org.ehcptracker.devinfra.LocalStackProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

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
class WalkingSkeletonSystemTest {

    private static final String LA = "839";
    private static final String CASEWORKER = "caseworker:system-test";
    private static final List<AutoCloseable> STARTED = new ArrayList<>();
    private static List<String> kafkaArgs;
    private static LocalStackProcess kafka;
    private static ServiceProcess assessment;
    private static ServiceProcess advice;
    private static ServiceProcess plan;
    private static ServiceProcess reporting;

    @BeforeAll
    static void startTheStack() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "stack-");
        int pgPort = FreePort.find();
        int kafkaPort = FreePort.find();
        int controllerPort = FreePort.find();
        STARTED.add(LocalStackProcess.start(List.of("postgres", "--port", String.valueOf(pgPort),
                "--data-dir", work.resolve("postgres").toString(), "--databases", "assessment,advice,plan,reporting")));
        kafkaArgs = List.of("kafka", "--port", String.valueOf(kafkaPort),
                "--controller-port", String.valueOf(controllerPort), "--data-dir", work.resolve("kafka").toString());
        kafka = LocalStackProcess.start(kafkaArgs);
        STARTED.add(() -> kafka.close());
        Map<String, String> env = Map.of(
                "PGHOST", "localhost", "PGPORT", String.valueOf(pgPort), "PGUSER", "postgres", "PGPASSWORD", "postgres",
                "KAFKA_BOOTSTRAP_SERVERS", "localhost:" + kafkaPort);
        Path logs = work.resolve("logs");
        assessment = start("assessment", env, logs);
        advice = start("advice", env, logs);
        plan = start("plan", env, logs);
        reporting = start("reporting", env, logs);
        for (ServiceProcess service : List.of(assessment, advice, plan, reporting)) {
            service.awaitReady(Duration.ofSeconds(120));
        }
    }

    private static ServiceProcess start(String name, Map<String, String> env, Path logs) throws Exception {
        ServiceProcess service = ServiceProcess.start(name, FreePort.find(), env, logs);
        STARTED.add(service);
        return service;
    }

    @AfterAll
    static void stopTheStack() {
        for (int i = STARTED.size() - 1; i >= 0; i--) {
            try {
                STARTED.get(i).close();
            } catch (Exception e) {
                System.err.println("could not stop " + STARTED.get(i) + ": " + e);
            }
        }
    }

    @Test
    @Order(1)
    void threeCasesGiveTheExpectedTimelinessAndBacklogFigures() {
        String a = requestAssessment("2025-01-06", "C-SYS-A");
        String b = requestAssessment("2025-01-13", "C-SYS-B");
        String c = requestAssessment("2025-01-20", "C-SYS-C");
        decideToAssess(a, "2025-02-10");
        decideToAssess(b, "2025-02-17");
        decideToAssess(c, "2025-02-24");

        String adviceRequest = requestAdvice(a, "EDUCATIONAL_PSYCHOLOGY", "ep-839", "2025-02-11");
        given().baseUri(advice.baseUrl()).header("X-Actor", "agency:ep-839").contentType(ContentType.JSON)
                .body(Map.of("submittedDate", "2025-03-20"))
                .post("/api/advice-requests/{id}/submission", adviceRequest)
                .then().statusCode(200);

        issueDraft(a, "2025-04-21");
        issueFinal(a, "2025-05-19", Map.of("settingType", "MSS"));
        issueDraft(b, "2025-06-02");
        issueFinal(b, "2025-07-07", Map.of("namedSettingUrn", "100000"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath figures = given().baseUri(reporting.baseUrl()).header("X-Actor", "board:system-test")
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
            List<String> types = given().baseUri(reporting.baseUrl()).header("X-Actor", CASEWORKER)
                    .get("/api/cases/{id}/timeline", a)
                    .then().statusCode(200).extract().jsonPath().getList("type", String.class);
            assertThat(types).containsExactly("AssessmentRequested", "AssessmentDecided", "AdviceRequested",
                    "AdviceSubmitted", "DraftPlanIssued", "FinalPlanIssued");
        });
    }

    @Test
    @Order(2)
    void aFinalPlanForARefusedCaseIsRefusedAcrossServices() {
        String refused = requestAssessment("2025-03-03", "C-SYS-R");
        given().baseUri(assessment.baseUrl()).header("X-Actor", CASEWORKER).contentType(ContentType.JSON)
                .body(Map.of("decision", "REFUSE", "decisionDate", "2025-04-07", "refusalReason", "NEEDS_MET_FROM_AVAILABLE_RESOURCES",
                        "refusalNote", "the school's SEN support plan meets the needs for now"))
                .post("/api/cases/{id}/decision", refused)
                .then().statusCode(200);
        // once plan-service has heard of the refusal it says so; before that it says it has not seen the case accepted
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(plan.baseUrl()).header("X-Actor", CASEWORKER).contentType(ContentType.JSON)
                        .body(Map.of("issuedDate", "2025-05-01"))
                        .post("/api/cases/{id}/draft-plan", refused)
                        .then().statusCode(422).contentType("application/problem+json")
                        .body("detail", org.hamcrest.Matchers.containsString("refused")));
        given().baseUri(advice.baseUrl()).header("X-Actor", CASEWORKER).contentType(ContentType.JSON)
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
        given().baseUri(assessment.baseUrl()).header("X-Actor", CASEWORKER).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId, "localAuthorityCode", rutland, "receivedDate", "2025-01-06",
                        "requestedBy", "SCHOOL_OR_SETTING", "childRef", "C-SYS-N"))
                .post("/api/cases").then().statusCode(201);
        decideToAssess(caseId, "2025-02-10");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(backlogOpen(rutland)).isEqualTo(1));

        given().baseUri(assessment.baseUrl()).header("X-Actor", CASEWORKER).contentType(ContentType.JSON)
                .body(Map.of("outcome", "NO_PLAN", "conclusionDate", "2025-04-28"))
                .post("/api/cases/{id}/conclusion", caseId)
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(backlogOpen(rutland)).isZero());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(plan.baseUrl()).header("X-Actor", CASEWORKER).contentType(ContentType.JSON)
                        .body(Map.of("issuedDate", "2025-05-01"))
                        .post("/api/cases/{id}/draft-plan", caseId)
                        .then().statusCode(422)
                        .body("detail", org.hamcrest.Matchers.containsString("decided not to issue a plan")));
    }

    private static int backlogOpen(String la) {
        return given().baseUri(reporting.baseUrl()).header("X-Actor", "board:system-test")
                .queryParam("from", "2025-01-01").queryParam("to", "2025-08-25")
                .get("/api/local-authorities/{la}/figures", la)
                .then().statusCode(200).extract().path("backlog.open");
    }

    /**
     * The event table is the outbox: with the broker down a caseworker's command still succeeds,
     * and the event reaches the other services once the broker is back (same port, same data).
     */
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
        String e = requestAssessment(la, "2025-02-03", "C-SYS-E", null);
        String t = requestAssessment(la, "2025-01-06", "C-SYS-T", Map.of("fromLocalAuthorityCode", "860",
                "transferDate", "2025-03-03"));
        String d = requestAssessment(la, "2025-02-10", "C-SYS-D", null);
        String o = requestAssessment(la, "2025-01-13", "C-SYS-O", null);

        decideToAssess(e, "2025-03-10");
        given().baseUri(assessment.baseUrl()).header("X-Actor", CASEWORKER).contentType(ContentType.JSON)
                .body(Map.of("limit", "FINAL_PLAN_20_WEEKS", "reason", "SCHOOL_CLOSURE", "startDate", "2025-06-02"))
                .post("/api/cases/{id}/exceptions", e)
                .then().statusCode(201);

        decideToAssess(t, "2025-03-24");

        given().baseUri(assessment.baseUrl()).header("X-Actor", CASEWORKER).contentType(ContentType.JSON)
                .body(Map.of("decision", "REFUSE", "decisionDate", "2025-03-03", "refusalReason", "NEEDS_MET_FROM_AVAILABLE_RESOURCES"))
                .post("/api/cases/{id}/decision", d)
                .then().statusCode(200);
        given().baseUri(assessment.baseUrl()).header("X-Actor", CASEWORKER).contentType(ContentType.JSON)
                .body(Map.of("kind", "MEDIATION", "stage", "REFUSAL_TO_ASSESS", "registeredDate", "2025-03-17"))
                .post("/api/cases/{id}/disputes", d)
                .then().statusCode(201);
        // the refusal overturned after the mediation: said explicitly, else it would be a second decision (409)
        given().baseUri(assessment.baseUrl()).header("X-Actor", CASEWORKER).contentType(ContentType.JSON)
                .body(Map.of("decision", "ASSESS", "decisionDate", "2025-04-07", "overturnsRefusal", true))
                .post("/api/cases/{id}/decision", d)
                .then().statusCode(200);

        decideToAssess(o, "2025-02-17");
        String mistaken = UUID.randomUUID().toString();
        given().baseUri(assessment.baseUrl()).header("X-Actor", CASEWORKER).contentType(ContentType.JSON)
                .body(Map.of("exceptionId", mistaken, "limit", "FINAL_PLAN_20_WEEKS",
                        "reason", "EXCEPTIONAL_PERSONAL_CIRCUMSTANCES", "startDate", "2025-04-01"))
                .post("/api/cases/{id}/exceptions", o)
                .then().statusCode(201);
        // no body, but the resource consumes JSON: without a JSON content type it answers 415
        given().baseUri(assessment.baseUrl()).header("X-Actor", CASEWORKER).contentType(ContentType.JSON)
                .post("/api/cases/{id}/exceptions/{exceptionId}/withdrawal", o, mistaken)
                .then().statusCode(200);

        issueDraft(d, "2025-05-06");
        issueFinal(d, "2025-06-02", Map.of("settingType", "MSS"));
        issueDraft(o, "2025-06-02");
        issueFinal(o, "2025-07-07", Map.of("namedSettingUrn", "100000"));
        issueDraft(t, "2025-06-16");
        issueFinal(t, "2025-07-14", Map.of("settingType", "MSS"));
        issueDraft(e, "2025-06-23");
        issueFinal(e, "2025-07-21", Map.of("namedSettingUrn", "100000"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath f = figures(la, "2025-01-01", "2025-08-25");
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

        JsonPath june = figures(la, "2025-01-01", "2025-06-30");
        assertThat(june.getInt("plansIssued")).isZero();
        assertThat(june.<Object>get("percentWithin20Weeks")).isNull();
        assertThat(june.getInt("excludingExceptions.plansIssued")).isZero();
        assertThat(june.getInt("backlog.open")).isEqualTo(3);
        assertThat(june.getInt("backlog.past20Weeks")).isEqualTo(2);
        assertThat(june.getInt("backlog.past30Weeks")).isZero();
        assertThat(june.getInt("backlog.past52Weeks")).isZero();
        assertThat(june.getDouble("backlog.averageWeeksOpen")).isEqualTo(20.7);

        JsonPath march = figures(la, "2025-01-01", "2025-03-31");
        assertThat(march.getInt("backlog.open")).isEqualTo(3);
        assertThat(march.getInt("backlog.past20Weeks")).isZero();
        assertThat(march.getDouble("backlog.averageWeeksOpen")).isEqualTo(7.7);
    }

    private static JsonPath figures(String la, String from, String to) {
        return given().baseUri(reporting.baseUrl()).header("X-Actor", "board:system-test")
                .queryParam("from", from).queryParam("to", to)
                .get("/api/local-authorities/{la}/figures", la)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    @Order(5)
    void whileKafkaIsDownCommandsAreRecordedAndTheirEventsFlowWhenItReturns() {
        kafka.stop();
        assertThat(kafka.isAlive()).as("the broker process has ended").isFalse();
        String caseId = requestAssessment("2025-04-07", "C-SYS-K");
        given().baseUri(assessment.baseUrl()).header("X-Actor", CASEWORKER)
                .get("/api/cases/{id}", caseId)
                .then().statusCode(200).body("status", equalTo("REQUESTED"));

        kafka = LocalStackProcess.start(kafkaArgs);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().baseUri(reporting.baseUrl()).header("X-Actor", CASEWORKER)
                        .get("/api/cases/{id}/timeline", caseId)
                        .then().statusCode(200).body("type", org.hamcrest.Matchers.contains("AssessmentRequested")));
    }

    private static String requestAssessment(String receivedDate, String childRef) {
        return requestAssessment(LA, receivedDate, childRef, null);
    }

    /** A request to {@code la}; with {@code transferredIn} ({fromLocalAuthorityCode, transferDate}) a case that starts as a transfer. */
    private static String requestAssessment(String la, String receivedDate, String childRef, Map<String, String> transferredIn) {
        String caseId = UUID.randomUUID().toString();
        var body = new java.util.HashMap<String, Object>(Map.of("caseId", caseId, "localAuthorityCode", la,
                "receivedDate", receivedDate, "requestedBy", "PARENT", "childRef", childRef));
        if (transferredIn != null) {
            body.put("transferredIn", transferredIn);
        }
        given().baseUri(assessment.baseUrl()).header("X-Actor", CASEWORKER).contentType(ContentType.JSON)
                .body(body)
                .post("/api/cases")
                .then().statusCode(201).body("caseId", equalTo(caseId));
        return caseId;
    }

    private static void decideToAssess(String caseId, String date) {
        given().baseUri(assessment.baseUrl()).header("X-Actor", CASEWORKER).contentType(ContentType.JSON)
                .body(Map.of("decision", "ASSESS", "decisionDate", date))
                .post("/api/cases/{id}/decision", caseId)
                .then().statusCode(200);
    }

    /** advice-service learns of the decision from Kafka: until then it answers 422, and nothing is written. */
    private static String requestAdvice(String caseId, String type, String agency, String date) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                id[0] = given().baseUri(advice.baseUrl()).header("X-Actor", CASEWORKER).contentType(ContentType.JSON)
                        .body(Map.of("adviceType", type, "agencyId", agency, "requestedDate", date))
                        .post("/api/cases/{id}/advice-requests", caseId)
                        .then().statusCode(201).extract().path("adviceRequestId"));
        return id[0];
    }

    private static void issueDraft(String caseId, String date) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().baseUri(plan.baseUrl()).header("X-Actor", CASEWORKER).contentType(ContentType.JSON)
                        .body(Map.of("issuedDate", date))
                        .post("/api/cases/{id}/draft-plan", caseId)
                        .then().statusCode(201));
    }

    private static void issueFinal(String caseId, String date, Map<String, String> setting) {
        var body = new java.util.HashMap<String, String>(setting);
        body.put("issuedDate", date);
        given().baseUri(plan.baseUrl()).header("X-Actor", CASEWORKER).contentType(ContentType.JSON)
                .body(body)
                .post("/api/cases/{id}/final-plan", caseId)
                .then().statusCode(200);
    }
}
