package org.ehcptracker.systemtests;


import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The board's measures end to end: caseworkers and agencies use the command services, and reporting-service's
 * board endpoint gives these figures, worked by hand (day 0 = the day received; calendar days):
 * <pre>
 * council 868
 *   A received 2025-01-06, assess 2025-02-10 (25 + 10 = day 35: within 6 weeks),
 *     EP advice asked of ep-868 2025-02-11, returned 2025-03-20 (Feb 11->Mar 11 28, +9 = 37 days: within),
 *     draft 2025-04-14, final 2025-05-19 (Jan 6->May 6 120, +13 = day 133: within 20 weeks)
 *   B received 2025-01-06, assess 2025-02-18 (Jan 6->Feb 6 31, +12 = day 43: late),
 *     health advice asked of nhs-868 2025-02-19, returned 2025-04-07 (Feb 19->Mar 19 28, +19 = 47 days: late),
 *     draft 2025-05-01, final 2025-05-27 (133 + 8 = day 141: late)
 *   C received 2025-01-13, assess 2025-02-24 (Jan 13->Feb 13 31, +11 = day 42: within),
 *     EP advice asked of ep-868 2025-02-25, returned 2025-04-08 (Feb 25->Mar 25 28, +14 = 42 days: within),
 *     draft 2025-06-02, final 2025-07-07 (Jan 13->Jul 13 181, -6 = day 175: late)
 * for 2025-01-01..2025-07-31:
 *   plans 3, within 20 weeks 1 = 33.3%; average (133 + 141 + 175) / 21 = 449 / 21 = 21.38 -> 21.4 weeks;
 *   median 141 / 7 = 20.14 -> 20.1 weeks (the same excluding exceptions: there are none)
 *   decisions to assess 3, within 6 weeks 2 = 66.7%
 *   advice by agency: ep-868 2 returned, 2 within, 100.0%, (37 + 42) / 2 = 39.5 days;
 *                     nhs-868 1 returned, 0 within, 0.0%, 47.0 days
 *   backlog on 2025-07-31: none open
 * council 872 (live): the stream first says 0 open; a request received 30 days ago is recorded; a message follows
 *   with 1 open, 30 / 7 = 4.29 -> 4.3 weeks.
 * </pre>
 */
@ExtendWith(SystemStack.Shared.class)
class BoardMeasuresSystemTest {

    private static final String LA = "868";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SystemStack stack;
    private static CaseSteps steps;

    @BeforeAll
    static void stack(SystemStack shared) {
        stack = shared;
        steps = new CaseSteps(shared);
    }

    private static void submitAdvice(String adviceRequest, String agency, String date) {
        given().baseUri(stack.advice.baseUrl()).header("Authorization", SystemStack.bearer("agency:" + agency)).contentType(ContentType.JSON)
                .body(Map.of("submittedDate", date))
                .post("/api/advice-requests/{id}/submission", adviceRequest)
                .then().statusCode(200);
    }

    @Test
    void theBoardSeesEveryHeadlineMeasureWorkedByHand() {
        String a = steps.requestAssessment(LA, "2025-01-06", "C-868-A");
        String b = steps.requestAssessment(LA, "2025-01-06", "C-868-B");
        String c = steps.requestAssessment(LA, "2025-01-13", "C-868-C");
        steps.decideToAssess(a, "2025-02-10");
        steps.decideToAssess(b, "2025-02-18");
        steps.decideToAssess(c, "2025-02-24");
        submitAdvice(steps.requestAdvice(a, "EDUCATIONAL_PSYCHOLOGY", "ep-868", "2025-02-11"), "ep-868", "2025-03-20");
        submitAdvice(steps.requestAdvice(b, "HEALTH", "nhs-868", "2025-02-19"), "nhs-868", "2025-04-07");
        submitAdvice(steps.requestAdvice(c, "EDUCATIONAL_PSYCHOLOGY", "ep-868", "2025-02-25"), "ep-868", "2025-04-08");
        steps.issueDraft(a, "2025-04-14");
        steps.issueFinal(a, "2025-05-19", Map.of("settingType", "MSS"));
        steps.issueDraft(b, "2025-05-01");
        steps.issueFinal(b, "2025-05-27", Map.of("settingType", "MSS"));
        steps.issueDraft(c, "2025-06-02");
        steps.issueFinal(c, "2025-07-07", Map.of("namedSettingUrn", "100000"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath board = given().baseUri(stack.reporting.baseUrl()).header("Authorization", SystemStack.bearer(CaseSteps.BOARD))
                    .queryParam("from", "2025-01-01").queryParam("to", "2025-07-31")
                    .get("/api/local-authorities/{la}/board", LA)
                    .then().statusCode(200).extract().jsonPath();
            for (String variant : new String[] {"includingExceptions", "excludingExceptions"}) {
                String m = "twentyWeeks." + variant + ".";
                assertThat(board.getInt(m + "plansIssued")).isEqualTo(3);
                assertThat(board.getInt(m + "issuedWithin20Weeks")).isEqualTo(1);
                assertThat(board.getDouble(m + "percentWithin20Weeks")).isEqualTo(33.3);
                assertThat(board.getDouble(m + "averageWeeksToIssue")).isEqualTo(21.4);
                assertThat(board.getDouble(m + "medianWeeksToIssue")).isEqualTo(20.1);
            }
            assertThat(board.getInt("decisionsToAssess.decided")).isEqualTo(3);
            assertThat(board.getInt("decisionsToAssess.within6Weeks")).isEqualTo(2);
            assertThat(board.getDouble("decisionsToAssess.percentWithin6Weeks")).isEqualTo(66.7);
            assertThat(board.getList("adviceByAgency.key")).containsExactly("ep-868", "nhs-868");
            assertThat(board.getList("adviceByAgency.returned")).containsExactly(2, 1);
            assertThat(board.getList("adviceByAgency.within6Weeks")).containsExactly(2, 0);
            assertThat(board.getList("adviceByAgency.percentWithin6Weeks", Double.class)).containsExactly(100.0, 0.0);
            assertThat(board.getList("adviceByAgency.averageDays", Double.class)).containsExactly(39.5, 47.0);
            assertThat(board.getInt("backlog.open")).isZero();
        });

        String csv = given().baseUri(stack.reporting.baseUrl()).header("Authorization", SystemStack.bearer(CaseSteps.BOARD)).accept("text/csv")
                .queryParam("from", "2025-01-01").queryParam("to", "2025-07-31")
                .get("/api/local-authorities/{la}/board", LA)
                .then().statusCode(200).extract().asString();
        assertThat(csv).contains("868,2025-01-01,2025-07-31,,twentyWeeks.excludingExceptions.medianWeeksToIssue,20.1\r\n");
    }

    @Test
    void aCommandOnTheAssessmentServiceReachesTheLiveStream() throws Exception {
        LinkedBlockingQueue<String> data = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.reporting.baseUrl() + "/api/local-authorities/872/board/stream"))
                .header("Authorization", SystemStack.bearer(CaseSteps.BOARD)).header("Accept", "text/event-stream").build();
        var response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        AtomicReference<Stream<String>> body = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            body.set(response.join().body());
            body.get().filter(line -> line.startsWith("data:")).forEach(line -> data.add(line.substring(5).trim()));
        });
        reader.setDaemon(true);
        reader.start();
        try {
            String first = data.poll(60, TimeUnit.SECONDS);
            assertThat(first).as("the current headline").isNotNull();
            assertThat(JSON.readTree(first).at("/backlog/open").asInt()).isZero();

            LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
            steps.requestAssessment("872", today.minusDays(30).toString(), "C-872-LIVE");
            JsonNode pushed = null;
            while (pushed == null || pushed.at("/backlog/open").asInt() == 0) {
                String next = data.poll(60, TimeUnit.SECONDS);
                assertThat(next).as("a pushed headline").isNotNull();
                pushed = JSON.readTree(next);
            }
            assertThat(pushed.at("/backlog/open").asInt()).isEqualTo(1);
            assertThat(pushed.at("/backlog/averageWeeksOpen").decimalValue()).isEqualByComparingTo("4.3");
        } finally {
            if (body.get() != null) {
                body.get().close();
            }
        }
    }
}
