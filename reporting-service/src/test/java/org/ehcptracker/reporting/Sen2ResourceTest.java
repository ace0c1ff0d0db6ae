package org.ehcptracker.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.reporting.domain.Events;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /api/local-authorities/{la}/sen2 (docs/sen2.md) through the real stack: council 980's cases published on the
 * topics and projected, then its modules for the census date of 2026 (Thursday 15 January 2026; the year counted is
 * 2025); the refusals: no census date, one that is not a third Thursday of January, a future one (the next January's
 * third Thursday after today, computed), another council's caseworker 403, a board member 403; a council with no
 * cases (982) an empty list, not 404. The hand-worked rules themselves: sen2/Sen2ReturnTest.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class Sen2ResourceTest {

    static final String LA = "980";
    static final String CENSUS = "2026-01-15";
    static final Events PLAN = Events.forNewCase(LA);
    static final Events REFUSED = Events.forNewCase(LA);

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @BeforeAll
    static void publish() {
        List<IntegrationEvent> events = List.of(
                PLAN.requested(d("2025-01-06")), PLAN.decided(d("2025-02-14"), AssessmentDecision.ASSESS),
                PLAN.concluded(d("2025-04-25"), AssessmentOutcome.ISSUE_PLAN), PLAN.finalPlan(d("2025-05-23"), d("2025-01-06")),
                REFUSED.requested(d("2025-03-03")), REFUSED.decided(d("2025-04-10"), AssessmentDecision.REFUSE));
        var kafka = new io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion(
                org.ehcptracker.devinfra.TestInfra.get().kafkaBootstrapServers());
        try {
            kafka.produceStrings().fromRecords(events.stream()
                    .map(e -> new org.apache.kafka.clients.producer.ProducerRecord<>(
                            ReportingServiceTest.topicOf(e.getClass()), e.caseId().toString(), ReportingServiceTest.EVENTS.write(e)))
                    .toList()).awaitCompletion(ReportingServiceTest.PATIENCE);
        } finally {
            kafka.close();
        }
    }

    static String caseworkerOf(String la) {
        return TestTokens.as("caseworker:cw-" + la).councils(la).bearer();
    }

    static JsonNode sen2(String la) {
        return ReportingServiceTest.tree(given().header("Authorization", caseworkerOf(la)).queryParam("censusDate", CENSUS)
                .when().get("/api/local-authorities/{la}/sen2", la).then().statusCode(200)
                .contentType("application/json").extract().asString());
    }

    /**
     * The plan case: received 2025-01-06, Y on 2025-02-14, assessment Y on 2025-05-23 (the plan's issue), named plan
     * from 2025-05-23 at URN 139021, active on the census date; the refused case: N on 2025-04-10, no assessment. Sorted by the day
     * received.
     */
    @Test
    void a_councils_modules_for_the_census_date() {
        await().atMost(ReportingServiceTest.PATIENCE).untilAsserted(() -> {
            JsonNode r = sen2(LA);
            assertThat(r.get("localAuthorityCode").asText()).isEqualTo(LA);
            assertThat(r.get("censusDate").asText()).isEqualTo(CENSUS);
            assertThat(r.get("collectionYear").asInt()).isEqualTo(2026);
            assertThat(r.get("cases")).hasSize(2);
            JsonNode plan = r.get("cases").get(0);
            assertThat(plan.get("caseId").asText()).isEqualTo(PLAN.caseId().toString());
            assertThat(plan.at("/request/receivedDate").asText()).isEqualTo("2025-01-06");
            assertThat(plan.at("/request/requestOutcome").asText()).isEqualTo("Y");
            assertThat(plan.at("/request/requestOutcomeDate").asText()).isEqualTo("2025-02-14");
            assertThat(plan.at("/assessment/assessmentOutcome").asText()).isEqualTo("Y");
            assertThat(plan.at("/assessment/assessmentOutcomeDate").asText()).isEqualTo("2025-05-23");
            // the final plan is the last of the case's events to be projected
            assertThat(plan.at("/assessment/namedPlan/startDate").asText()).isEqualTo("2025-05-23");
            assertThat(plan.at("/assessment/namedPlan/placement/urn").asText()).isEqualTo("139021");
            assertThat(plan.at("/activePlan/placement/urn").asText()).isEqualTo("139021");
            JsonNode refused = r.get("cases").get(1);
            assertThat(refused.get("caseId").asText()).isEqualTo(REFUSED.caseId().toString());
            assertThat(refused.at("/request/requestOutcome").asText()).isEqualTo("N");
            assertThat(refused.at("/request/requestOutcomeDate").asText()).isEqualTo("2025-04-10");
            assertThat(refused.get("assessment").isNull()).isTrue();
        });
    }

    @Test
    void a_council_with_no_cases_has_an_empty_return_not_404() {
        JsonNode r = sen2("982");
        assertThat(r.get("cases")).isEmpty();
        assertThat(r.get("periodStart").asText()).isEqualTo("2025-01-01");
        assertThat(r.get("periodEnd").asText()).isEqualTo("2025-12-31");
    }

    @Test
    void a_missing_malformed_wrong_day_or_future_census_date_is_400_naming_it() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        LocalDate next = LocalDate.of(today.getYear() + 1, 1, 1)
                .with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.THURSDAY));
        for (String bad : new String[] {null, "2026-1-15", "2026-01-16", next.toString()}) {
            var request = given().header("Authorization", caseworkerOf(LA));
            if (bad != null) {
                request = request.queryParam("censusDate", bad);
            }
            request.when().get("/api/local-authorities/{la}/sen2", LA).then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo("censusDate"));
        }
        given().header("Authorization", caseworkerOf(LA)).queryParam("censusDate", "2026-01-15\u0000")
                .when().get("/api/local-authorities/{la}/sen2", LA).then().statusCode(400);
    }

    @Test
    void another_councils_caseworker_and_a_board_member_are_403() {
        given().header("Authorization", caseworkerOf("981")).queryParam("censusDate", CENSUS)
                .when().get("/api/local-authorities/{la}/sen2", LA).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.as("board:chair-980").councils(LA).bearer())
                .queryParam("censusDate", CENSUS)
                .when().get("/api/local-authorities/{la}/sen2", LA).then().statusCode(403);
    }
}
