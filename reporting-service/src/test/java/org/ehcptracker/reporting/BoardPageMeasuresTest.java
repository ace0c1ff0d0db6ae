package org.ehcptracker.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ehcptracker.reporting.PagesTest.page;
import static org.ehcptracker.reporting.PagesTest.tile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.devinfra.TestInfra;
import org.ehcptracker.reporting.domain.AnnualReviewsTest;
import org.ehcptracker.reporting.domain.PlanQualityTest;
import org.ehcptracker.reporting.domain.ReassessmentMeasureTest;
import org.junit.jupiter.api.Test;

/**
 * The board dashboard's re-assessment, annual review and plan quality figures (docs/front-end.md), tiles included,
 * on the page and in the live fragment. Council 968 (969 sends it a case, 970 audits one plan of its own), used by
 * no other test class, 2025-01-01 to 2025-06-30: the hand-worked cases of {@code ReassessmentMeasureTest}, the
 * plans of {@code AnnualReviewsTest} and the audits of {@code PlanQualityTest} (figures worked there).
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class BoardPageMeasuresTest {

    static final String PATH = "/councils/968/board?from=2025-01-01&to=2025-06-30";

    @TestHTTPResource("/")
    URI base;

    @Test
    void the_dashboard_and_its_live_tiles_show_reassessments_annual_reviews_and_plan_quality() throws Exception {
        List<IntegrationEvent> events = new ArrayList<>();
        ReassessmentMeasureTest.cases("968", "969").forEach(events::addAll);
        AnnualReviewsTest.fivePlans("968").forEach(events::addAll);
        events.addAll(PlanQualityTest.sixPlans("968", "970"));
        try (KafkaCompanion kafka = new KafkaCompanion(TestInfra.get().kafkaBootstrapServers())) {
            kafka.produceStrings().fromRecords(events.stream()
                    .map(e -> new ProducerRecord<>(ReportingServiceTest.topicOf(e.getClass()), e.caseId().toString(),
                            ReportingServiceTest.EVENTS.write(e)))
                    .toList()).awaitCompletion(ReportingServiceTest.PATIENCE);
        }
        // every figure below depends on events of all three topics: all inside the wait
        await().atMost(ReportingServiceTest.PATIENCE).untilAsserted(() -> {
            String html = page(PATH, 200);
            assertThat(html).doesNotContain("demo-data"); // 968 is not a demo council
            // the initial request alone in the DfE measure (a re-assessment whose request is not yet known would
            // count here)
            assertThat(tile(html, "plans-issued")).isEqualTo("1 | including 0 exception cases");
            // re-assessments excluding exceptions: R1 98, R2 99, W 105, T 98
            assertThat(tile(html, "reassessments-within-14-weeks")).isEqualTo("50.0% | 2 of 4 plans");
            // reviews due 4, held on time 3; decided 2, within 4 weeks 1
            assertThat(tile(html, "reviews-on-time")).isEqualTo("75.0% | 3 of 4 reviews due");
            assertThat(tile(html, "review-decisions-within-4-weeks")).isEqualTo("50.0% | 1 of 2 decisions");
            // latest audits: RI, GOOD, OUTSTANDING, RI
            assertThat(tile(html, "plans-good-or-outstanding")).isEqualTo("50.0% | 2 of 4 plans audited");
            assertThat(html).containsPattern("Plans issued after a re-assessment</dt>\\s*<dd[^>]*>5</dd>");
            assertThat(html).containsPattern("Within 14 weeks, including exceptions</dt>\\s*<dd[^>]*>2 of 5 \\(40.0%\\)</dd>");
            assertThat(html).containsPattern("Within 14 weeks, excluding exceptions</dt>\\s*<dd[^>]*>2 of 4 \\(50.0%\\)</dd>");
            assertThat(html).containsPattern("Average weeks to issue, excluding exceptions</dt>\\s*<dd[^>]*>14.3</dd>");
            assertThat(html).containsPattern("Median weeks to issue, excluding exceptions</dt>\\s*<dd[^>]*>14.1</dd>");
            // the average score by criterion, a table with its caption and headers
            assertThat(html).contains("<caption class=\"govuk-table__caption govuk-table__caption--s\">Average score by "
                    + "criterion, over each plan's latest audit</caption>");
            assertThat(html).containsPattern("<th scope=\"row\" class=\"govuk-table__header\">SMART outcomes</th>\\s*"
                    + "<td[^>]*>4</td>\\s*<td[^>]*>6.8</td>");
            assertThat(html).containsPattern("<th scope=\"row\" class=\"govuk-table__header\">Preparation for adulthood"
                    + "</th>\\s*<td[^>]*>1</td>\\s*<td[^>]*>4.0</td>");
        });

        // the live fragment carries the same tiles (it is what the page swaps in)
        try (EventStreamLines live = new EventStreamLines(
                base.resolve("/councils/968/board/live?from=2025-01-01&to=2025-06-30"), PagesTest.BOARD)) {
            String first = live.next();
            assertThat(first).isNotNull();
            assertThat(tile(first, "reassessments-within-14-weeks")).isEqualTo("50.0% | 2 of 4 plans");
            assertThat(tile(first, "reviews-on-time")).isEqualTo("75.0% | 3 of 4 reviews due");
            assertThat(tile(first, "plans-good-or-outstanding")).isEqualTo("50.0% | 2 of 4 plans audited");
        }
    }
}
