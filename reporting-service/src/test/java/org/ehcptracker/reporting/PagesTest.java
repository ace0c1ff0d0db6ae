package org.ehcptracker.reporting;

import static io.restassured.RestAssured.given;
import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.plan.CriterionScore;
import org.ehcptracker.contracts.plan.QualityGrade;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.devinfra.TestInfra;
import org.ehcptracker.reporting.domain.Events;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages (docs/front-end.md) rendered from real read models: events published on the topics, projected by the
 * service's own consumers, then the HTML asserted. Councils 971 and 972 are used by no other test class, so the
 * figures below are these cases' alone.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class PagesTest {

    static KafkaCompanion kafka;

    @TestHTTPResource("/")
    URI base;

    /**
     * Council 971, 2018. A: received Mon 2018-01-08, assess 2018-02-19 (Jan 8 -> Feb 8 31, -> Feb 19 11 = day 42:
     * within 6 weeks), final plan 2018-05-28 (Jan 8 -> May 8 31+28+31+30 = 120, +20 = day 140: within 20 weeks).
     * B: received 2018-01-08, assess 2018-02-20 (day 43: late), EP advice asked of EPS-971 2018-02-26 and returned
     * 2018-04-09 (28 + 14 = 42 days: within), final plan 2018-05-29 (day 141: late). C: received 2018-03-01, still
     * open on 2018-12-31 (305 days = 43.6 weeks: past 20 and 30 weeks, not 52).
     * So for 2018: 2 plans, 1 within 20 weeks = 50.0%; average and median weeks (20.0 + 20.14) / 2 = 20.1;
     * 2 decisions, 1 within 6 weeks = 50.0%; backlog 1 (past 20: 1, 30: 1, 52: 0); 1 late plan.
     */
    @BeforeAll
    static void council971() {
        Events a = Events.forNewCase("971");
        Events b = Events.forNewCase("971");
        Events c = Events.forNewCase("971");
        AdviceRequested ep = b.adviceRequested(parse("2018-02-26"), AdviceType.EDUCATIONAL_PSYCHOLOGY, "EPS-971");
        kafka = new KafkaCompanion(TestInfra.get().kafkaBootstrapServers());
        publish(List.of(
                a.requested(parse("2018-01-08")), a.decided(parse("2018-02-19"), AssessmentDecision.ASSESS),
                a.finalPlan(parse("2018-05-28"), parse("2018-01-08")),
                // A's plan audited on 2018-09-03: GOOD, 72 (one plan audited, 1 of 1 good)
                a.qualityAudited(parse("2018-09-03"), 10, QualityGrade.GOOD, 72, new CriterionScore("SMART_OUTCOMES", 7)),
                b.requested(parse("2018-01-08")), b.decided(parse("2018-02-20"), AssessmentDecision.ASSESS),
                ep, b.adviceSubmitted(parse("2018-04-09"), ep), b.finalPlan(parse("2018-05-29"), parse("2018-01-08")),
                c.requested(parse("2018-03-01"))));
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

    /** A board member of every council (the claims docs/security.md names), signed by the test key. */
    static final String BOARD = TestTokens.bearer("board:member1");

    /** The page at {@code path} (already URL-encoded), as a board member of every council, with its status checked. */
    static String page(String path, int status) {
        return given().header("Authorization", BOARD).urlEncodingEnabled(false).when().get(path).then().statusCode(status).contentType(containsString("text/html"))
                .extract().asString();
    }

    /** The value of the headline tile {@code id} in the page or fragment. */
    static String tile(String html, String id) {
        Matcher m = Pattern.compile("data-tile=\"" + id + "\">.*?ehcp-tile__value\">([^<]*)</span>\\s*"
                + "<span class=\"ehcp-tile__detail\">([^<]*)</span>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("tile " + id).isTrue();
        return m.group(1) + " | " + m.group(2);
    }

    @Test
    void the_dashboard_shows_every_headline_figure_its_charts_with_their_tables_and_the_breakdowns() {
        String path = "/councils/971/board?from=2018-01-01&to=2018-12-31";
        // the three topics are consumed independently: wait for every event to be projected
        await().atMost(ReportingServiceTest.PATIENCE).untilAsserted(() -> {
            String shown = page(path, 200);
            assertThat(tile(shown, "backlog-open")).isEqualTo("1 | on 31 Dec 2018");
            assertThat(tile(shown, "plans-issued")).startsWith("2 |");
            assertThat(tile(shown, "decisions-within-6-weeks")).isEqualTo("50.0% | 1 of 2 decisions");
            assertThat(shown).contains("EPS-971");
            assertThat(shown).containsPattern("Graded good</dt>\\s*<dd[^>]*>1 of 1 \\(100.0%\\)</dd>");
        });
        String html = page(path, 200);
        // 971 is a demo council in the test profile (ehcp.demo.councils): its page says so
        assertThat(html).contains("id=\"demo-data\"", "Demo data: this council's");
        assertThat(html).contains("<html lang=\"en\"", "<title>Board dashboard: Council 971 - EHCP Tracker</title>",
                "href=\"#main-content\"", "Skip to main content", "EHCP Tracker", "govuk-phase-banner",
                "href=\"/accessibility\"");
        assertThat(tile(html, "within-20-weeks-excluding")).isEqualTo("50.0% | 1 of 2 plans");
        assertThat(tile(html, "within-20-weeks-including")).isEqualTo("50.0% | 1 of 2 plans");
        assertThat(tile(html, "plans-issued")).isEqualTo("2 | including 0 exception cases");
        assertThat(tile(html, "average-weeks")).isEqualTo("20.1 | excluding exceptions");
        assertThat(tile(html, "median-weeks")).isEqualTo("20.1 | excluding exceptions");
        assertThat(tile(html, "decisions-within-6-weeks")).isEqualTo("50.0% | 1 of 2 decisions");
        assertThat(tile(html, "backlog-past-20-weeks")).isEqualTo("1 | on 31 Dec 2018");
        assertThat(tile(html, "backlog-past-30-weeks")).isEqualTo("1 | on 31 Dec 2018");
        assertThat(tile(html, "backlog-past-52-weeks")).isEqualTo("0 | on 31 Dec 2018");
        assertThat(tile(html, "ep-backlog")).isEqualTo("0 | 0 past 6 weeks");
        // two charts, each an SVG image with a name, and each with its table
        assertThat(html).contains("<title id=\"chart-20-weeks-title\">Plans issued within 20 weeks, by month</title>",
                "<title id=\"chart-backlog-title\">Open assessments (the backlog)</title>");
        assertThat(Pattern.compile("Show the data for this chart").matcher(html).results().count()).isEqualTo(2);
        // May 2018: both plans; 1 within 20 weeks; 50.0% either way
        assertThat(html).containsPattern("<th scope=\"row\" class=\"govuk-table__header\">May 2018</th>\\s*"
                + "<td[^>]*>2</td>\\s*<td[^>]*>1</td>\\s*<td[^>]*>50.0%</td>\\s*<td[^>]*>50.0%</td>");
        // the backlog at the end of March: A and B were open (not yet 20 weeks), C too
        assertThat(html).containsPattern("<th scope=\"row\" class=\"govuk-table__header\">31 Mar 2018</th>\\s*"
                + "<td[^>]*>3</td>\\s*<td[^>]*>0</td>\\s*<td[^>]*>0</td>\\s*<td[^>]*>0</td>");
        assertThat(html).containsPattern("<th scope=\"row\" class=\"govuk-table__header\">EPS-971</th>\\s*"
                + "<td[^>]*>1</td>\\s*<td[^>]*>1</td>\\s*<td[^>]*>100.0%</td>");
        assertThat(html).containsPattern("Plans issued after 20 weeks</dt>\\s*<dd[^>]*>1</dd>");
        assertThat(html).contains("Reviews due");
        // both plans of May 2018 are still in force on 31 December; no advice was reused (its own column)
        assertThat(html).containsPattern("Plans in force at the end of the period</dt>\\s*<dd[^>]*>2</dd>");
        assertThat(html).containsPattern("<th scope=\"row\" class=\"govuk-table__header\">EPS-971</th>\\s*"
                + "(<td[^>]*>[^<]*</td>\\s*){4}<td[^>]*>0</td>\\s*</tr>");
        assertThat(html).contains("Existing advice reused</th>");
        assertThat(html).contains("<h2 class=\"govuk-heading-m\">Plan quality audits</h2>");
        assertThat(html).containsPattern("Plans audited</dt>\\s*<dd[^>]*>1</dd>");
        assertThat(html).containsPattern("Graded inadequate</dt>\\s*<dd[^>]*>0 of 1 \\(0.0%\\)</dd>");
        assertThat(html).containsPattern("Average score \\(out of 100\\)</dt>\\s*<dd[^>]*>72.0</dd>");
        // live while the figures can still change; the CSV of the same figures
        assertThat(html).contains("sse-connect=\"/councils/971/board/live?from=2018-01-01&amp;to=2018-12-31\"",
                "href=\"/councils/971/board.csv?from=2018-01-01&amp;to=2018-12-31\"", "Updated ");
    }

    /** As known on 2018-05-28 (events are recorded at 10:00 on their business day): plan A known, plan B not yet. */
    @Test
    void as_known_on_a_past_date_the_figures_are_those_recorded_by_then_and_not_live() {
        String path = "/councils/971/board?from=2018-01-01&to=2018-12-31&knownOn=2018-05-28";
        await().atMost(ReportingServiceTest.PATIENCE).untilAsserted(() ->
                assertThat(tile(page(path, 200), "plans-issued")).startsWith("1 |"));
        String html = page(path, 200);
        assertThat(tile(html, "within-20-weeks-excluding")).isEqualTo("100.0% | 1 of 1 plans");
        assertThat(html).doesNotContain("sse-connect").contains("value=\"2018-05-28\"");
    }

    @Test
    void the_csv_link_gives_the_figures_shown() {
        await().atMost(ReportingServiceTest.PATIENCE).untilAsserted(() -> assertThat(given()
                .header("Authorization", BOARD).queryParam("from", "2018-01-01").queryParam("to", "2018-12-31")
                .when().get("/councils/971/board.csv")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("board-971.csv")).extract().asString())
                .contains("971,2018-01-01,2018-12-31,,twentyWeeks.excludingExceptions.percentWithin20Weeks,50.0\r\n",
                        "971,2018-01-01,2018-12-31,,backlog.open,1\r\n"));
    }

    @Test
    void bad_dates_appear_in_the_error_summary_linked_to_their_fields() {
        String html = page("/councils/971/board?from=2018-02-30&to=2018-12-31", 400);
        assertThat(html).contains("<title>Error: Board dashboard: Council 971 - EHCP Tracker</title>",
                "govuk-error-summary", "<a href=\"#from\">Enter the start date as a real date, for example 2025-04-01</a>",
                "id=\"from-error\"", "aria-describedby=\"from-hint from-error\"", "value=\"2018-02-30\"");
        assertThat(html).doesNotContain("data-tile=");

        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1);
        html = page("/councils/971/board?from=2013-01-01&to=" + tomorrow + "&knownOn=" + tomorrow, 400);
        assertThat(html).contains(
                "<a href=\"#from\">The start date must be on or after 1 September 2014, when EHC plans began</a>",
                "<a href=\"#to\">The end date must be today or in the past</a>",
                "<a href=\"#knownOn\">The &#39;as known on&#39; date must be today or in the past</a>");

        html = page("/councils/971/board?from=2018-06-01&to=2018-05-31", 400);
        assertThat(html).contains("<a href=\"#from\">The start date must be the same as or before the end date</a>");
        // a NUL is a bad date like any other, never a 500
        assertThat(page("/councils/971/board?to=2018-05-3%00", 400))
                .contains("<a href=\"#to\">Enter the end date as a real date");
    }

    @Test
    void a_council_code_that_is_not_one_is_a_page_not_found() {
        assertThat(page("/councils/97x/board", 404)).contains("Page not found");
        assertThat(page("/councils/all/board", 200)).contains("<h1 class=\"govuk-heading-l\">All councils</h1>");
    }

    @Test
    void the_start_page_takes_a_council_code_to_its_dashboard() {
        assertThat(page("/", 200)).contains("<label class=\"govuk-label govuk-label--m\" for=\"la\">");
        given().redirects().follow(false).queryParam("la", " 971 ").when().get("/board")
                .then().statusCode(303).header("Location", containsString("/councils/971/board"));
        assertThat(page("/board?la=banana", 400)).contains("<a href=\"#la\">Enter a council&#39;s three-digit code");
    }

    @Test
    void the_accessibility_statement_and_the_assets_are_served_to_anyone_with_a_strict_content_security_policy() {
        given().when().get("/accessibility").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Frame-Options", "DENY")
                .body(containsString("Accessibility statement for EHCP Tracker"),
                        containsString("Web Content Accessibility Guidelines version 2.2 AA"));
        for (String asset : List.of("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css",
                "/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js", "/webjars/htmx.org/dist/htmx.min.js",
                "/webjars/htmx-ext-sse/sse.js", "/pages/govuk-init.js", "/pages/ehcp.css",
                "/assets/images/favicon.ico", "/assets/fonts/bold-b542beb274-v2.woff2")) {
            given().when().get(asset).then().statusCode(200);
        }
        given().when().get("/assets/../application.properties").then().statusCode(404);
        given().when().get("/assets/images/nothing.png").then().statusCode(404);
    }

    /**
     * The figures are for those who act for the council: a board member of 971 sees 971, not 972 nor all councils;
     * without a token, nothing (in the test profile a bearer check; a browser is sent to the login page).
     */
    @Test
    void a_dashboard_is_for_those_who_act_for_its_council() {
        String of971 = TestTokens.as("board:chair971").councils("971").bearer();
        given().header("Authorization", of971).when().get("/councils/971/board").then().statusCode(200);
        given().header("Authorization", of971).when().get("/councils/972/board").then().statusCode(403)
                .body(containsString("You do not have access to the figures of council 972"));
        given().header("Authorization", of971).when().get("/councils/all/board").then().statusCode(403);
        given().header("Authorization", of971).when().get("/councils/972/board.csv").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("agency:ep-971")).when().get("/councils/971/board")
                .then().statusCode(403);
        given().when().get("/councils/971/board").then().statusCode(401);
    }

    /**
     * Council 972 has nothing: the first tiles say 0 plans. Then a case is published, received 100 days ago with
     * its final plan 10 days ago (day 90: within 20 weeks): the stream sends tiles with 1 plan, 100.0%.
     */
    @Test
    void the_live_stream_sends_the_tiles_again_when_an_event_changes_them() throws Exception {
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/councils/972/board/live"))
                .header("Accept", "text/event-stream").header("Authorization", BOARD).build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        AtomicReference<Stream<String>> body = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            body.set(response.join().body());
            body.get().filter(line -> line.startsWith("data:") || line.startsWith("event:")).forEach(lines::add);
        });
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(lines.poll(ReportingServiceTest.PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("event:tiles");
            String first = lines.poll(ReportingServiceTest.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(first).startsWith("data:");
            assertThat(tile(first, "plans-issued")).startsWith("0 |");
            assertThat(first).contains("Updated ");

            LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
            Events s = Events.forNewCase("972");
            publish(List.of(s.requested(today.minusDays(100)),
                    s.finalPlan(today.minusDays(10), today.minusDays(100))));
            String pushed = first;
            while (tile(pushed, "plans-issued").startsWith("0 |")) {
                pushed = lines.poll(ReportingServiceTest.PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertThat(pushed).as("pushed tiles").isNotNull();
                if (pushed.startsWith("event:")) {
                    pushed = first;
                }
            }
            assertThat(tile(pushed, "within-20-weeks-excluding")).isEqualTo("100.0% | 1 of 1 plans");
        } finally {
            if (body.get() != null) {
                body.get().close();
            }
        }
    }
}
