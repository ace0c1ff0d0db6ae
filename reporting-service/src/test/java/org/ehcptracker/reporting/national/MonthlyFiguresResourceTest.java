package org.ehcptracker.reporting.national;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.Topics;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.devinfra.TestInfra;
import org.ehcptracker.reporting.domain.Events;
import org.ehcptracker.reporting.domain.HandWorkedCases;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pre-aggregated figures' endpoints (/figures/twenty-weeks, /figures/months) on the seven hand-worked cases of
 * ReportingServiceTest's rebuild test, in council 979: the same figures /figures computes from case_progress.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class MonthlyFiguresResourceTest {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final ObjectMapper JSON = EventJson.newObjectMapper();
    static final String NATIONAL = TestTokens.bearer("board:national");
    static final String COUNCIL_979 = TestTokens.as("board:chair-979").councils("979").bearer();

    /**
     * all plans of 2025: A 133 within (May), B 175, exception case 168, transfer 133 within (July); mediation left
     *   out: 2 of 4 = 50.0%, 609 / 28 = 21.75 -> 21.8 weeks;
     * excluding exceptions: A, B, transfer: 2 of 3 = 66.7%, 441 / 21 = 21.0;
     * requests: A, B, C (January), exception, mediation (February); the two transfers were requested of 850;
     * decisions to assess: A, B (February), C (March).
     */
    static final String YEAR_2025 = """
            {"plansIssued": 4, "issuedWithin20Weeks": 2, "percentWithin20Weeks": 50.0, "averageWeeksToIssue": 21.8,
             "excludingExceptions": {"plansIssued": 3, "issuedWithin20Weeks": 2, "percentWithin20Weeks": 66.7,
                                     "averageWeeksToIssue": 21.0},
             "requestsReceived": 5, "decidedToAssess": 3, "decidedNotToAssess": 0}""";

    @BeforeAll
    static void publishSevenCases() {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        EventJson events = new EventJson();
        for (var kase : List.<java.util.function.Function<Events, List<IntegrationEvent>>>of(
                HandWorkedCases::caseA, HandWorkedCases::caseB, HandWorkedCases::caseC,
                HandWorkedCases::exceptionCase, HandWorkedCases::mediationCase,
                HandWorkedCases::transferredInIssued, HandWorkedCases::transferredInOpen)) {
            for (IntegrationEvent e : kase.apply(Events.forNewCase("979"))) {
                String topic = e instanceof AssessmentEvent ? Topics.ASSESSMENT_EVENTS
                        : e instanceof AdviceEvent ? Topics.ADVICE_EVENTS : Topics.PLAN_EVENTS;
                records.add(new ProducerRecord<>(topic, e.caseId().toString(), events.write(e)));
            }
        }
        try (KafkaCompanion kafka = new KafkaCompanion(TestInfra.get().kafkaBootstrapServers())) {
            kafka.produceStrings().fromRecords(records).awaitCompletion(PATIENCE);
        }
    }

    @Test
    void a_councils_year_gives_the_figures_of_its_cases() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode table = get(COUNCIL_979, "/api/local-authorities/979/figures/twenty-weeks?year=2025");
            assertThat(table.get("year").asInt()).isEqualTo(2025);
            assertThat(table.get("councils")).hasSize(1);
            assertThat(table.get("councils").get(0).get("localAuthorityCode").asText()).isEqualTo("979");
            assertThat(table.get("councils").get(0).get("figures")).isEqualTo(JSON.readTree(YEAR_2025));
        });
    }

    @Test
    void the_national_table_has_a_row_per_council_with_the_same_figures() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode table = get(NATIONAL, "/api/local-authorities/all/figures/twenty-weeks?year=2025");
            JsonNode row = null;
            for (JsonNode council : table.get("councils")) {
                if (council.get("localAuthorityCode").asText().equals("979")) {
                    row = council;
                }
            }
            assertThat(row).as("979 in %s", table).isNotNull();
            assertThat(row.get("figures")).isEqualTo(JSON.readTree(YEAR_2025));
        });
    }

    @Test
    void the_monthly_trend_has_the_months_with_figures_and_their_total() throws Exception {
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode trend = get(COUNCIL_979, "/api/local-authorities/979/figures/months?fromMonth=2025-01&toMonth=2025-08");
            assertThat(trend.get("total")).isEqualTo(JSON.readTree(YEAR_2025));
            List<String> months = new ArrayList<>();
            trend.get("months").forEach(m -> months.add(m.get("month").asText()));
            // January: 3 requests; February: 2 requests, 2 decisions; March: 1 decision; May: A; July: B, the
            // exception case and the transfer
            assertThat(months).containsExactly("2025-01", "2025-02", "2025-03", "2025-05", "2025-07");
            JsonNode july = trend.get("months").get(4).get("figures");
            // July: B 175 late, exception case 168 late, transfer 133 within: 1 of 3 = 33.3%, 476 / 21 = 22.67 -> 22.7
            assertThat(july.get("plansIssued").asInt()).isEqualTo(3);
            assertThat(july.get("issuedWithin20Weeks").asInt()).isEqualTo(1);
            assertThat(july.get("percentWithin20Weeks").decimalValue()).isEqualByComparingTo("33.3");
            assertThat(july.get("averageWeeksToIssue").decimalValue()).isEqualByComparingTo("22.7");
        });
        // a period without figures: no months, zero counts
        JsonNode empty = get(COUNCIL_979, "/api/local-authorities/979/figures/months?fromMonth=2019-01&toMonth=2019-12");
        assertThat(empty.get("months")).isEmpty();
        assertThat(empty.get("total").get("plansIssued").asInt()).isZero();
        assertThat(empty.get("total").get("percentWithin20Weeks").isNull()).isTrue();
    }

    @Test
    void bad_parameters_are_400_problems_naming_the_field() {
        String next = String.valueOf(YearMonth.now().plusMonths(2));
        bad("/api/local-authorities/9x1/figures/twenty-weeks?year=2025", "la");
        bad("/api/local-authorities/979/figures/twenty-weeks", "year");
        bad("/api/local-authorities/979/figures/twenty-weeks?year=twenty", "year");
        bad("/api/local-authorities/979/figures/twenty-weeks?year=2013", "year");
        bad("/api/local-authorities/979/figures/twenty-weeks?year=" + (YearMonth.now().getYear() + 1), "year");
        bad("/api/local-authorities/979/figures/months?toMonth=2025-01", "fromMonth");
        bad("/api/local-authorities/979/figures/months?fromMonth=2025-13&toMonth=2025-12", "fromMonth");
        bad("/api/local-authorities/979/figures/months?fromMonth=2025-01&toMonth=2025-01-31", "toMonth");
        bad("/api/local-authorities/979/figures/months?fromMonth=2014-08&toMonth=2025-01", "fromMonth");
        bad("/api/local-authorities/979/figures/months?fromMonth=2025-01&toMonth=" + next, "toMonth");
        bad("/api/local-authorities/979/figures/months?fromMonth=2025-03&toMonth=2025-01", "fromMonth");
        bad("/api/local-authorities/979/figures/months?fromMonth=2025%0001&toMonth=2025-02", "fromMonth");
    }

    @Test
    void another_council_and_all_are_refused_to_a_councils_user() {
        for (String path : List.of("/api/local-authorities/978/figures/twenty-weeks?year=2025",
                "/api/local-authorities/all/figures/twenty-weeks?year=2025",
                "/api/local-authorities/all/figures/months?fromMonth=2025-01&toMonth=2025-02")) {
            given().header("Authorization", COUNCIL_979).when().get(path).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().when().get("/api/local-authorities/979/figures/twenty-weeks?year=2025").then().statusCode(401);
    }

    static JsonNode get(String token, String path) throws Exception {
        return JSON.readTree(given().header("Authorization", token).urlEncodingEnabled(false).when().get(path)
                .then().statusCode(200).extract().asString());
    }

    static void bad(String path, String field) {
        given().header("Authorization", NATIONAL).urlEncodingEnabled(false).when().get(path).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo(field));
    }
}
