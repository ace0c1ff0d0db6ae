package org.ehcptracker.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The board's forecast and what-if end to end (docs/forecast.md): a small council history made through the command
 * APIs, then reporting-service's forecast, what-if and CSV as a board member of that council (a real Keycloak
 * token scoped to 886 alone), and a caseworker of another council refused.
 *
 * <p>Council 886's history, dated from yesterday (Europe/London) back, so the test holds whatever day it runs: one
 * request every 14 days for 104 weeks (52 requests, the oldest 728 days ago); each decided to assess 35 days after
 * it, EP advice asked the day after and returned 34 days later (day 70), the draft on day 100 and the final plan on
 * day 130 (within 20 weeks: day 140), the plans naming a type of setting and a school in turn. A step whose day is
 * after yesterday is not taken (the recent requests are open, at the stage they have reached). The backtest of a
 * 3-month forecast cuts at the end of the month four months before this one, about 17 months after the first
 * request: more than the 26 weeks of history a backtest needs, so the forecast is shown. Every event is recorded
 * today, so nothing was known on the cut: the backtest reads the history by its business dates as it stood on the
 * cut, and says so ({@code basis}), as for a council that imported its past.
 */
@ExtendWith(SystemStack.Shared.class)
class ForecastSystemTest {

    private static final String LA = "886";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static SystemStack stack;
    private static CaseSteps steps;
    private static final String BOARD_886 = "board.forecast-886";
    private static final String CASEWORKER_887 = "caseworker.forecast-887";
    private static int plansIssued;
    private static int requests;

    @BeforeAll
    static void aCouncilHistoryThroughTheCommandApis(SystemStack shared) {
        stack = shared;
        steps = new CaseSteps(shared);
        stack.keycloak().addUser(BOARD_886, BOARD_886 + "-pw", List.of("board"), List.of("886"), null);
        stack.keycloak().addUser(CASEWORKER_887, CASEWORKER_887 + "-pw", List.of("caseworker"), List.of("887"), null);
        LocalDate yesterday = LocalDate.now(LONDON).minusDays(1);
        LocalDate first = yesterday.minusDays(727);
        List<String> cases = new ArrayList<>();
        List<LocalDate> received = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(yesterday); day = day.plusDays(14)) {
            cases.add(steps.requestAssessment(LA, day.toString(), "C-886-" + cases.size()));
            received.add(day);
        }
        requests = cases.size();
        // step by step across the cases, so each service has heard of the step before (by Kafka) by the next round
        for (int i = 0; i < cases.size(); i++) {
            if (!received.get(i).plusDays(35).isAfter(yesterday)) {
                steps.decideToAssess(cases.get(i), received.get(i).plusDays(35).toString());
            }
        }
        List<String> adviceRequests = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            adviceRequests.add(received.get(i).plusDays(36).isAfter(yesterday) ? null
                    : steps.requestAdvice(cases.get(i), "EDUCATIONAL_PSYCHOLOGY", "ep-886",
                            received.get(i).plusDays(36).toString()));
        }
        for (int i = 0; i < cases.size(); i++) {
            if (adviceRequests.get(i) != null && !received.get(i).plusDays(70).isAfter(yesterday)) {
                given().baseUri(stack.advice.baseUrl()).header("Authorization", SystemStack.bearer("agency:ep-886"))
                        .contentType(ContentType.JSON).body(Map.of("submittedDate", received.get(i).plusDays(70).toString()))
                        .post("/api/advice-requests/{id}/submission", adviceRequests.get(i)).then().statusCode(200);
            }
        }
        for (int i = 0; i < cases.size(); i++) {
            if (!received.get(i).plusDays(100).isAfter(yesterday)) {
                steps.issueDraft(cases.get(i), received.get(i).plusDays(100).toString());
            }
        }
        for (int i = 0; i < cases.size(); i++) {
            if (!received.get(i).plusDays(130).isAfter(yesterday)) {
                steps.issueFinal(cases.get(i), received.get(i).plusDays(130).toString(),
                        i % 2 == 0 ? Map.of("settingType", "MSS") : Map.of("namedSettingUrn", "100000"));
                plansIssued++;
            }
        }
    }

    /** A fresh bearer token of a user made in {@link #aCouncilHistoryThroughTheCommandApis} (tokens expire). */
    private static String bearerOf(String username) {
        return "Bearer " + stack.signIn().tokenResponse(username, username + "-pw").then().statusCode(200)
                .extract().path("access_token");
    }

    private static Response get(String username, String path, Map<String, String> query) {
        return given().baseUri(stack.reporting.baseUrl()).header("Authorization", bearerOf(username)).queryParams(query)
                .get("/api/local-authorities/{la}" + path, LA);
    }

    /**
     * Every request and final plan has reached reporting-service (the board's own counts say so, in the same wait),
     * then the forecast is shown with a band per month and the backtest's error per measure.
     */
    @Test
    void theBoardOf886SeesItsForecastWithBandsAndTheBacktestsError() {
        LocalDate today = LocalDate.now(LONDON);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath plans = given().baseUri(stack.reporting.baseUrl()).header("Authorization", bearerOf(BOARD_886))
                    .queryParam("from", today.minusDays(740).toString()).queryParam("to", today.toString())
                    .get("/api/local-authorities/{la}/board", LA).then().statusCode(200).extract().jsonPath();
            assertThat(plans.getInt("twentyWeeks.includingExceptions.plansIssued")).isEqualTo(plansIssued);
            assertThat(plans.getInt("backlog.open")).isEqualTo(requests - plansIssued);

            JsonPath f = get(BOARD_886, "/forecast", Map.of("months", "3", "runs", "40", "seed", "11"))
                    .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
            assertThat(f.getBoolean("shown")).isTrue();
            assertThat(f.getList("forecast")).hasSize(3);
            YearMonth thisMonth = YearMonth.from(LocalDate.parse(f.getString("start")));
            for (int m = 0; m < 3; m++) {
                String band = "forecast[" + m + "].bands.open.";
                assertThat(f.getString("forecast[" + m + "].month")).isEqualTo(thisMonth.plusMonths(m + 1L).toString());
                assertThat(f.getDouble(band + "p10")).isLessThanOrEqualTo(f.getDouble(band + "p50"));
                assertThat(f.getDouble(band + "p50")).isLessThanOrEqualTo(f.getDouble(band + "p90"));
            }
            assertThat(f.getString("backtest.cut")).isEqualTo(thisMonth.minusMonths(4).atEndOfMonth().toString());
            // every event was recorded today: nothing was known on the cut, so the backtest reads business dates
            assertThat(f.getString("backtest.basis")).isEqualTo("businessDates");
            assertThat(f.getList("backtest.errors.measure")).contains("open", "plansIssued", "epBacklog");
            assertThat(f.getInt("backtest.errors.find { it.measure == 'open' }.monthsCompared")).isEqualTo(3);
            assertThat(f.getDouble("backtest.errors.find { it.measure == 'open' }.meanAbsoluteError")).isNotNegative();
            // half the plans name a type of setting (MSS), half a school by URN
            assertThat(f.getDouble("model.shareTypeNamed")).isBetween(0.4, 0.6);
        });
    }

    /** Six more EPs: the what-if answers beside the forecast, with the targets; the CSV carries both and the errors. */
    @Test
    void theWhatIfWithSixMoreEpsAnswersAndTheCsvToo() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath w = get(BOARD_886, "/what-if", Map.of("months", "3", "runs", "40", "extraEps", "6",
                    "backlogTarget", "5", "typeNamedPercent", "100"))
                    .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
            assertThat(w.getBoolean("shown")).isTrue();
            assertThat(w.getDouble("scenario.extraEps")).isEqualTo(6.0);
            assertThat(w.getList("forecast")).hasSize(3);
            assertThat(w.getList("whatIf")).hasSize(3);
            assertThat(w.getString("targets[0].measure")).isEqualTo("open");
            assertThat(w.getDouble("targets[0].chanceWithChange")).isBetween(0.0, 1.0);

            String csv = get(BOARD_886, "/what-if", Map.of("months", "3", "runs", "40", "extraEps", "6", "format", "csv"))
                    .then().statusCode(200).header("Content-Type", org.hamcrest.Matchers.startsWith("text/csv"))
                    .extract().asString();
            List<String> lines = csv.lines().toList();
            assertThat(lines.get(0)).isEqualTo("section,month,measure,p10,p50,p90,monthsCompared,meanAbsoluteError,"
                    + "meanAbsolutePercentError,coverage");
            assertThat(lines).anyMatch(l -> l.startsWith("forecast,"));
            assertThat(lines).anyMatch(l -> l.startsWith("whatIf,"));
            assertThat(lines).anyMatch(l -> l.startsWith("backtest,"));
        });
    }

    /** A caseworker of another council (887) is refused both, as problem+json. */
    @Test
    void aCaseworkerOfAnotherCouncilIsRefused() {
        for (String path : List.of("/forecast", "/what-if")) {
            Response answer = get(CASEWORKER_887, path, Map.of("months", "3"));
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(403);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }
}
