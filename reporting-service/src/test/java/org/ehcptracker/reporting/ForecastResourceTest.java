package org.ehcptracker.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.reporting.domain.Events;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The forecast and what-if endpoints (docs/forecast.md, "API") through the real stack: a council's history
 * published on the topics (council 962: about 2.5 years of requests, three a week, ending yesterday; council 960: one
 * request a month ago, too little for a backtest), projected, then forecast as JSON and CSV; every bad parameter
 * 400 naming its field; another council's caller 403. Dates are computed from today (Europe/London), so the test
 * holds on any day.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class ForecastResourceTest {

    static final String LA = "962";
    static final String SHORT = "960";
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    Pool pool;

    static int published962;
    static int publishedShort;

    /** Three requests a week for 130 weeks, each taken as far as it had got by yesterday. */
    static List<IntegrationEvent> history(String la, LocalDate yesterday) {
        Random random = new Random(962);
        List<IntegrationEvent> events = new ArrayList<>();
        LocalDate first = yesterday.minusWeeks(130);
        for (LocalDate week = first; week.isBefore(yesterday.minusDays(6)); week = week.plusWeeks(1)) {
            for (int i = 0; i < 3; i++) {
                Events c = Events.forNewCase(la);
                LocalDate received = week.plusDays(random.nextInt(7));
                List<IntegrationEvent> caseEvents = new ArrayList<>();
                caseEvents.add(c.requested(received));
                LocalDate decided = received.plusDays(28 + random.nextInt(15));
                boolean assess = random.nextInt(100) < 80;
                caseEvents.add(c.decided(decided, assess ? AssessmentDecision.ASSESS : AssessmentDecision.REFUSE));
                if (assess) {
                    AdviceRequested ep = c.adviceRequested(decided.plusDays(1), AdviceType.EDUCATIONAL_PSYCHOLOGY, "ep-" + la);
                    caseEvents.add(ep);
                    LocalDate returned = ep.businessDate().plusDays(30 + random.nextInt(25));
                    caseEvents.add(c.adviceSubmitted(returned, ep));
                    LocalDate draft = returned.plusDays(7 + random.nextInt(14));
                    caseEvents.add(c.draftPlan(draft));
                    caseEvents.add(c.finalPlan(draft.plusDays(20 + random.nextInt(15)), received));
                }
                caseEvents.stream().filter(e -> !e.businessDate().isAfter(yesterday)).forEach(events::add);
            }
        }
        return events;
    }

    @BeforeAll
    static void publishHistories() {
        LocalDate yesterday = LocalDate.now(LONDON).minusDays(1);
        List<IntegrationEvent> events = history(LA, yesterday);
        published962 = events.size();
        Events lone = Events.forNewCase(SHORT);
        List<IntegrationEvent> shortHistory = List.of(lone.requested(yesterday.minusMonths(1)));
        publishedShort = shortHistory.size();
        var kafka = new io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion(
                org.ehcptracker.devinfra.TestInfra.get().kafkaBootstrapServers());
        try {
            List<IntegrationEvent> all = new ArrayList<>(events);
            all.addAll(shortHistory);
            kafka.produceStrings().fromRecords(all.stream()
                    .map(e -> new org.apache.kafka.clients.producer.ProducerRecord<>(
                            ReportingServiceTest.topicOf(e.getClass()), e.caseId().toString(), ReportingServiceTest.EVENTS.write(e)))
                    .toList()).awaitCompletion(ReportingServiceTest.PATIENCE);
        } finally {
            kafka.close();
        }
    }

    private int timelineRows(String la) {
        return pool.preparedQuery("select count(*) from case_timeline where local_authority_code = $1")
                .executeAndAwait(Tuple.of(la)).iterator().next().getInteger(0);
    }

    private void awaitProjected() {
        await().atMost(ReportingServiceTest.PATIENCE).untilAsserted(() -> {
            assertThat(timelineRows(LA)).isEqualTo(published962);
            assertThat(timelineRows(SHORT)).isEqualTo(publishedShort);
        });
    }

    static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer);
    }

    static String boardOf(String la) {
        return TestTokens.as("board:chair-" + la).councils(la).bearer();
    }

    static JsonNode json(RequestSpecification request, String path, String la) {
        return ReportingServiceTest.tree(request.when().get(path, la).then().statusCode(200)
                .contentType("application/json").extract().asString());
    }

    /**
     * 962's forecast over 3 months from 50 futures: shown (its history reaches far before the backtest's cut), the
     * model fitted near what made the history (three requests a week; 80% assessed; every assessed case with EP
     * advice), a band for every measure in each of the three months after this one, the backtest comparing those
     * three months' worth before today; the same seed gives the same JSON.
     */
    @Test
    void a_councils_forecast_with_its_backtest_is_reproducible() {
        awaitProjected();
        JsonNode f = json(as(boardOf(LA)).queryParam("months", "3").queryParam("runs", "50").queryParam("seed", "7"),
                "/api/local-authorities/{la}/forecast", LA);

        assertThat(f.at("/shown").asBoolean()).isTrue();
        assertThat(f.at("/reason").isNull()).isTrue();
        assertThat(f.at("/model/requestsPerWeek").asDouble()).isBetween(1.5, 4.5);
        assertThat(f.at("/model/shareAssessed").asDouble()).isBetween(0.7, 0.9);
        assertThat(f.at("/model/shareWithEp").asDouble()).isEqualTo(1.0);
        // every plan of the history names a school (a URN): none a type of setting, whose time is then the school's
        assertThat(f.at("/model/shareTypeNamed").asDouble()).isZero();
        assertThat(f.at("/model/finalDaysTypeNamedMedian").asInt()).isEqualTo(f.at("/model/finalDaysMedian").asInt());
        YearMonth thisMonth = YearMonth.from(LocalDate.parse(f.at("/start").asText()));
        assertThat(f.at("/forecast")).hasSize(3);
        for (int m = 0; m < 3; m++) {
            JsonNode month = f.at("/forecast/" + m);
            assertThat(month.at("/month").asText()).isEqualTo(thisMonth.plusMonths(m + 1L).toString());
            for (String measure : List.of("open", "past20Weeks", "past30Weeks", "past52Weeks", "epBacklog", "plansIssued")) {
                JsonNode band = month.at("/bands/" + measure);
                assertThat(band.at("/p10").asDouble()).as(measure).isLessThanOrEqualTo(band.at("/p50").asDouble());
                assertThat(band.at("/p50").asDouble()).as(measure).isLessThanOrEqualTo(band.at("/p90").asDouble());
            }
        }
        assertThat(f.at("/backtest/cut").asText()).isEqualTo(thisMonth.minusMonths(4).atEndOfMonth().toString());
        assertThat(f.at("/backtest/errors")).hasSize(8);
        assertThat(f.at("/backtest/basis").asText()).isEqualTo("recorded");
        assertThat(StreamSupport.stream(f.at("/backtest/errors").spliterator(), false)
                .filter(e -> e.at("/measure").asText().equals("open")).findFirst().orElseThrow()
                .at("/monthsCompared").asInt()).isEqualTo(3);
        assertThat(f.at("/whatIf").isNull()).isTrue();

        JsonNode again = json(as(boardOf(LA)).queryParam("months", "3").queryParam("runs", "50").queryParam("seed", "7"),
                "/api/local-authorities/{la}/forecast", LA);
        assertThat(again).isEqualTo(f);
    }

    /** The same forecast as CSV: one header, a line per month and measure, the backtest's lines. */
    @Test
    void the_forecast_as_csv() {
        awaitProjected();
        String csv = as(boardOf(LA)).queryParam("months", "3").queryParam("runs", "20").header("Accept", "text/csv")
                .when().get("/api/local-authorities/{la}/forecast", LA)
                .then().statusCode(200).contentType("text/csv").extract().asString();
        YearMonth next = YearMonth.now(LONDON).plusMonths(1);
        assertThat(csv).startsWith("section,month,measure,p10,p50,p90,monthsCompared,meanAbsoluteError,"
                + "meanAbsolutePercentError,coverage\n");
        assertThat(csv.lines().filter(l -> l.startsWith("forecast,")).count()).isGreaterThanOrEqualTo(3 * 6);
        assertThat(csv.lines().filter(l -> l.startsWith("backtest,")).count()).isEqualTo(8);
        assertThat(csv.lines().skip(1)).allSatisfy(l -> assertThat(l.split(",", -1).length).as(l).isEqualTo(10));
        assertThat(csv).containsAnyOf("forecast," + next + ",open,", "forecast," + next.plusMonths(1) + ",open,");
    }

    /**
     * A what-if: six more EPs, a push, ten per cent more requests; the targets answered with and without. The EP
     * stage of 962's history took 30-54 days whatever was waiting (not capacity-bound), so the extra EPs change
     * nothing there and the model says so.
     */
    @Test
    void a_what_if_answers_the_targets_with_and_without_the_change() {
        awaitProjected();
        JsonNode w = json(as(boardOf(LA)).queryParams(Map.of("months", "6", "runs", "30", "extraEps", "6",
                "extraCaseworkers", "4", "pushWeeks", "12", "pushEps", "2", "arrivalsChangePercent", "10",
                "backlogTarget", "10", "percentTarget", "60", "typeNamedPercent", "40")), "/api/local-authorities/{la}/what-if", LA);

        assertThat(w.at("/shown").asBoolean()).isTrue();
        assertThat(w.at("/scenario/extraEps").asDouble()).isEqualTo(6.0);
        assertThat(w.at("/scenario/arrivalsFactor").asDouble()).isEqualTo(1.1);
        assertThat(w.at("/scenario/typeNamedShare").asDouble()).isEqualTo(0.4);
        assertThat(w.at("/forecast")).hasSize(6);
        assertThat(w.at("/whatIf")).hasSize(6);
        assertThat(w.at("/targets")).hasSize(2);
        assertThat(w.at("/targets/0/measure").asText()).isEqualTo("open");
        assertThat(w.at("/targets/0/direction").asText()).isEqualTo("AT_OR_BELOW");
        assertThat(w.at("/targets/1/measure").asText()).isEqualTo("percentWithin20WeeksExcludingExceptions");
        assertThat(w.at("/targets/1/chanceWithChange").isNumber()).isTrue();
        assertThat(w.at("/model/epCapacityBound").isBoolean()).isTrue();
    }

    /** 960 has one request a month old: no backtest can be run, so no forecast is shown, and the answer says why. */
    @Test
    void too_little_history_is_not_shown_as_a_forecast() {
        awaitProjected();
        JsonNode f = json(as(boardOf(SHORT)).queryParam("runs", "20"), "/api/local-authorities/{la}/forecast", SHORT);

        assertThat(f.at("/shown").asBoolean()).isFalse();
        assertThat(f.at("/reason").asText()).contains("backtest error is unknown");
        assertThat(f.at("/forecast").isNull()).isTrue();
        assertThat(f.at("/backtest").isNull()).isTrue();
        assertThat(f.at("/targets").isNull()).isTrue();
        String csv = as(boardOf(SHORT)).queryParam("format", "csv").queryParam("runs", "20")
                .when().get("/api/local-authorities/{la}/forecast", SHORT).then().statusCode(200).extract().asString();
        assertThat(csv.lines().skip(1).toList()).singleElement().asString().startsWith("notShown,,\"its backtest error is unknown");
    }

    @Test
    void every_bad_parameter_is_a_400_naming_its_field() {
        Map<String, String> forecast = new java.util.LinkedHashMap<>();
        forecast.put("months", "2");
        forecast.put("windowWeeks", "25");
        forecast.put("eps", "0");
        forecast.put("caseworkers", "abc");
        forecast.put("runs", "19");
        forecast.put("seed", "1.5");
        forecast.put("backlogTarget", "-1");
        forecast.put("percentTarget", "101");
        forecast.put("format", "xml");
        forecast.forEach((field, value) -> badRequest("/forecast", field, value));
        badRequest("/forecast", "months", "1\u0000");
        badRequest("/forecast", "eps", "NaN");
        badRequest("/forecast", "percentTarget", "Infinity");
        Map<String, String> whatIf = Map.of("extraEps", "-1", "extraCaseworkers", "1001", "pushWeeks", "53",
                "pushEps", "x", "pushCaseworkers", "-2", "arrivalsChangePercent", "-95", "months", "13",
                "typeNamedPercent", "101");
        whatIf.forEach((field, value) -> badRequest("/what-if", field, value));

        for (String path : List.of("/forecast", "/what-if")) {
            as(TestTokens.bearer("board:x")).when().get("/api/local-authorities/{la}" + path, "96")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("field", org.hamcrest.Matchers.equalTo("la"));
        }
    }

    private static void badRequest(String path, String field, String value) {
        as(boardOf(LA)).queryParam(field, value).when().get("/api/local-authorities/{la}" + path, LA)
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", org.hamcrest.Matchers.equalTo(field));
    }

    /** Another council's board member and caseworker are refused before any parameter is read. */
    @Test
    void another_councils_callers_are_refused() {
        for (String path : List.of("/forecast", "/what-if")) {
            for (String bearer : List.of(boardOf("857"), TestTokens.as("caseworker:cw-857").councils("857").bearer())) {
                as(bearer).queryParam("months", "2").when().get("/api/local-authorities/{la}" + path, LA)
                        .then().statusCode(403).contentType("application/problem+json");
            }
        }
        as(TestTokens.as("caseworker:cw-962").councils(LA).bearer()).queryParam("months", "2")
                .when().get("/api/local-authorities/{la}/forecast", LA)
                .then().statusCode(400).contentType("application/problem+json");
    }

    /**
     * The page: the board's link to it, the bands as charts with their table, the targets answered with and
     * without the change, the backtest; every bad field in the error summary, linked to it; a council without a
     * backtest gets no forecast and the reason; another council's board member is refused.
     */
    @Test
    void the_forecast_page_shows_the_bands_the_what_if_and_the_backtest() {
        awaitProjected();
        String board = as(boardOf(LA)).when().get("/councils/{la}/board", LA).then().statusCode(200).extract().asString();
        assertThat(board).contains("href=\"/councils/962/forecast\"");

        String html = as(boardOf(LA)).queryParams(Map.of("months", "4", "extraEps", "6", "pushWeeks", "8",
                        "pushCaseworkers", "2", "backlogTarget", "10", "percentTarget", "60"))
                .when().get("/councils/{la}/forecast", LA).then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(html).contains("<title>Forecast: Council 962 - EHCP Tracker</title>", "<svg class=\"ehcp-chart\"",
                "chart-forecast-backlog-title", "chart-forecast-20-weeks-title", "Open with the change",
                "The backlog is at or below 10:", "Plans within 20 weeks reach 60%:", "Backtest from ",
                "value=\"6\"", "Show the data for these charts");
        assertThat(html.split("<tr class=\"govuk-table__row\">", -1).length - 1).as("header + 4 months, header + 8 measures")
                .isEqualTo(5 + 9);

        String bad = as(boardOf(LA)).queryParams(Map.of("months", "2", "eps", "x", "percentTarget", "101"))
                .when().get("/councils/{la}/forecast", LA).then().statusCode(400).extract().asString();
        assertThat(bad).contains("<title>Error: Forecast: Council 962 - EHCP Tracker</title>", "href=\"#months\"",
                "href=\"#eps\"", "href=\"#percentTarget\"", "govuk-input--error").doesNotContain("<svg");

        String none = as(boardOf(SHORT)).when().get("/councils/{la}/forecast", SHORT).then().statusCode(200).extract().asString();
        assertThat(none).contains("No forecast is shown: its backtest error is unknown, because the history of ")
                .doesNotContain("not shown as a forecast")
                .doesNotContain("<svg");

        as(boardOf("857")).when().get("/councils/{la}/forecast", LA).then().statusCode(403);
        as(boardOf(LA)).when().get("/councils/{la}/forecast", "96x").then().statusCode(404);
    }
}
