package org.ehcptracker.reporting.national;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.devinfra.TestInfra;
import org.ehcptracker.history.KafkaHistoryWriter;
import org.ehcptracker.history.NationalHistory;
import org.ehcptracker.history.PublishedFigures;
import org.ehcptracker.history.PublishedFigures.CouncilYear;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's "done means", on a sample: the national history generator (tools/national-history, seed 2025) writes
 * four real small councils' 2019-2024 histories to the topics exactly as the relays publish; reporting-service
 * projects them in batches; the pre-aggregated table (/figures/twenty-weeks) gives back DfE's published figures for
 * every council and year: plans issued and within 20 weeks, including and excluding exceptions. The sample: Isles of
 * Scilly (420), City of London (201), Rutland (857), Kensington and Chelsea (207), the four smallest councils with
 * six published years (about 1,400 plans, 25,000 events). Every council: NationalFiguresCheck (benchmarks module).
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class DfeReproductionTest {

    static final Set<String> SAMPLE = Set.of("420", "201", "857", "207");
    static final ObjectMapper JSON = EventJson.newObjectMapper();
    static final String NATIONAL = TestTokens.bearer("board:national");

    @Test
    void the_sample_councils_projected_histories_give_back_the_published_twenty_week_table() {
        List<CouncilYear> published = PublishedFigures.load();
        try (KafkaHistoryWriter writer = new KafkaHistoryWriter(TestInfra.get().kafkaBootstrapServers())) {
            new NationalHistory(published, 2025).generate(SAMPLE, writer);
        }
        List<CouncilYear> sample = published.stream().filter(y -> SAMPLE.contains(y.laCode())).toList();
        assertThat(sample).hasSize(24);

        // waits for all of the sample's events: every council-year must match at once
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (CouncilYear year : sample) {
                JsonNode table = JSON.readTree(given().header("Authorization", NATIONAL)
                        .when().get("/api/local-authorities/{la}/figures/twenty-weeks?year={year}", year.laCode(), year.year())
                        .then().statusCode(200).extract().asString());
                JsonNode figures = table.get("councils").get(0).get("figures");
                String what = year.laName() + " " + year.year();
                assertThat(figures.get("plansIssued").asInt()).as(what).isEqualTo(year.plansIssued());
                assertThat(figures.get("issuedWithin20Weeks").asInt()).as(what).isEqualTo(year.within20Weeks());
                assertThat(figures.get("excludingExceptions").get("plansIssued").asInt()).as(what)
                        .isEqualTo(year.plansIssuedExcludingExceptions());
                assertThat(figures.get("excludingExceptions").get("issuedWithin20Weeks").asInt()).as(what)
                        .isEqualTo(year.within20WeeksExcludingExceptions());
            }
        });
    }
}
