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
 * backlog 1 open, 1 past 20 weeks, 1 past 30 weeks, 0 past 52.
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
    @Test
    @Order(4)
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
        String caseId = UUID.randomUUID().toString();
        given().baseUri(assessment.baseUrl()).header("X-Actor", CASEWORKER).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId, "localAuthorityCode", LA, "receivedDate", receivedDate,
                        "requestedBy", "PARENT", "childRef", childRef))
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
