package org.ehcptracker.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pages in a real browser: Debian's Chromium driven by Playwright (its own browser download is never used), every
 * page checked by axe-core, the dashboard's headline changing live after a final plan is issued through the APIs,
 * and its form used with the keyboard alone. A screenshot of each page is saved under target/pages/.
 * Council 874 (and 876 for the form) belong to this class alone.
 */
@ExtendWith(SystemStack.Shared.class)
class PagesBrowserSystemTest {

    private static final String LA = "874";
    private static final Path SHOTS = Path.of("target", "pages");
    private static final double PATIENCE_MS = 60_000;

    private static SystemStack stack;
    private static CaseSteps steps;
    private static Playwright playwright;
    private static Browser browser;
    private static LocalDate today;
    /** The case whose final plan the live test issues: decided and drafted in setup. */
    private static String liveCase;

    private BrowserContext context;
    private Page page;
    private final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void start(SystemStack shared) throws Exception {
        stack = shared;
        steps = new CaseSteps(shared);
        today = LocalDate.now(ZoneId.of("Europe/London"));
        Files.createDirectories(SHOTS);
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        assertThat(Path.of(chromium)).as("Debian's chromium (apt-get install chromium; .ci/run installs it)").exists();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(chromium)).setHeadless(true));
        caseload();
    }

    /**
     * Five plans over the last year for council 874 (received 360, 310, 260, 210 and 170 days ago, each decided
     * 35 days after, drafted at day 100 and issued at day 125, 133, 141, 149 and 157: two within 20 weeks, three
     * late), one request still open after 200 days, and the live case: received 100 days ago, decided 60 days ago,
     * drafted 25 days ago (so the family's 15 days are over).
     */
    private static void caseload() {
        int[] received = {360, 310, 260, 210, 170};
        for (int i = 0; i < received.length; i++) {
            LocalDate r = today.minusDays(received[i]);
            String id = steps.requestAssessment(LA, r.toString(), "C-874-" + i);
            steps.decideToAssess(id, r.plusDays(35).toString());
            steps.issueDraft(id, r.plusDays(100).toString());
            steps.issueFinal(id, r.plusDays(125 + 8L * i).toString(), Map.of("settingType", "MSS"));
        }
        steps.requestAssessment(LA, today.minusDays(200).toString(), "C-874-open");
        liveCase = steps.requestAssessment(LA, today.minusDays(100).toString(), "C-874-live");
        steps.decideToAssess(liveCase, today.minusDays(60).toString());
        steps.issueDraft(liveCase, today.minusDays(25).toString());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void newPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"));
        // htmx's SSE extension announces its connection and each message; counted from before any page script runs
        context.addInitScript("window.__sse = {open: 0, messages: 0};"
                + "document.addEventListener('htmx:sseOpen', () => window.__sse.open++, true);"
                + "document.addEventListener('htmx:sseMessage', () => window.__sse.messages++, true);");
        page = context.newPage();
        // what must never happen on a page: a Content Security Policy refusal, a script error, a missing asset
        // (the page itself may be a 400 or 404 on purpose; the live stream's close on leaving a page is not an error)
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type()) && m.text().contains("Content Security Policy")) {
                consoleErrors.add(m.text());
            }
        });
        page.onPageError(consoleErrors::add);
        page.onResponse(r -> {
            if (r.status() >= 400 && !"document".equals(r.request().resourceType())) {
                consoleErrors.add(r.status() + " " + r.url());
            }
        });
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    private String url(String path) {
        return stack.reporting.baseUrl() + path;
    }

    private String tile(String id) {
        return page.locator("[data-tile=" + id + "] .ehcp-tile__value").textContent().strip();
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    private void assertNoAccessibilityViolations(String name) {
        // the tables behind the charts too: axe skips what is hidden
        page.locator("details").evaluateAll("ds => ds.forEach(d => d.open = true)");
        AxeResults results = new AxeBuilder(page).analyze();
        assertThat(results.getViolations().stream().map(PagesBrowserSystemTest::describe).toList())
                .as("axe-core violations on " + name).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + ": " + rule.getHelp() + " at " + rule.getNodes().stream()
                .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", "));
    }

    @Test
    void theDashboardShowsTheHeadlineChangeLiveWithoutReloadAfterAFinalPlanIsIssued() {
        // the five plans of the caseload reach the read side (Kafka, then the projection)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofSeconds(1)).untilAsserted(() -> {
                    page.navigate(url("/councils/" + LA + "/board"));
                    assertThat(tile("plans-issued")).isEqualTo("5");
                });
        // then the stream is connected and has sent its tiles
        page.waitForFunction("() => window.__sse.open > 0 && window.__sse.messages > 0", null,
                new Page.WaitForFunctionOptions().setTimeout(PATIENCE_MS));
        assertThat(tile("within-20-weeks-excluding")).isEqualTo("40.0%");
        assertThat(tile("backlog-open")).isEqualTo("2");
        page.evaluate("() => window.__sameDocument = true");

        // day 95 from the request: within 20 weeks; 3 of 6 plans now
        steps.issueFinal(liveCase, today.minusDays(5).toString(), Map.of("settingType", "MSS"));

        page.waitForFunction("() => document.querySelector('[data-tile=plans-issued] .ehcp-tile__value')"
                + ".textContent.trim() === '6'", null, new Page.WaitForFunctionOptions().setTimeout(PATIENCE_MS));
        assertThat(page.evaluate("() => window.__sameDocument")).as("no reload").isEqualTo(true);
        assertThat(tile("within-20-weeks-excluding")).isEqualTo("50.0%");
        assertThat(tile("backlog-open")).isEqualTo("1");
        assertThat(page.locator("[data-updated]").textContent()).matches("\\s*Updated \\d\\d:\\d\\d:\\d\\d\\s*");
        assertThat(consoleErrors).isEmpty();
        assertNoAccessibilityViolations("the dashboard after a live update");
        shot("dashboard");
        // what a board member sees first, for the README
        page.locator("details").evaluateAll("ds => ds.forEach(d => d.open = false)");
        page.evaluate("() => window.scrollTo(0, 0)");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("dashboard-headline.png")));
    }

    @Test
    void everyPageHasNoAccessibilityViolations() {
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("start", "/");
        pages.put("start-error", "/board?la=banana");
        pages.put("accessibility", "/accessibility");
        pages.put("dashboard-all-councils", "/councils/all/board");
        pages.put("dashboard-council", "/councils/" + LA + "/board");
        pages.put("dashboard-error", "/councils/" + LA + "/board?from=2013-01-01&to=2999-01-01");
        pages.put("not-found", "/councils/nowhere/board");
        for (Map.Entry<String, String> p : pages.entrySet()) {
            page.navigate(url(p.getValue()));
            assertThat(page.locator("h1").count()).as(p.getKey() + " has one main heading").isEqualTo(1);
            assertNoAccessibilityViolations(p.getKey());
            shot(p.getKey());
        }
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theDashboardFormWorksWithTheKeyboardAloneAndLeadsFromEachErrorToItsField() {
        page.navigate(url("/councils/876/board"));
        page.keyboard().press("Tab");
        assertThat(focused("textContent")).isEqualTo("Skip to main content");
        page.keyboard().press("Enter");
        assertThat(focused("id")).isEqualTo("main-content");
        tabTo("from");
        page.keyboard().press("Control+A");
        page.keyboard().type("2025-02-30");
        page.keyboard().press("Tab");
        assertThat(focused("id")).isEqualTo("to");
        page.keyboard().press("Tab");
        assertThat(focused("id")).isEqualTo("knownOn");
        page.keyboard().press("Tab");
        assertThat(focused("textContent")).isEqualTo("Show figures");
        page.keyboard().press("Enter");

        // GOV.UK Frontend moves focus to the error summary; its link leads to the field
        page.waitForURL("**from=2025-02-30**");
        page.waitForFunction("() => document.activeElement.classList.contains('govuk-error-summary')");
        assertThat(page.locator(".govuk-error-summary a").textContent())
                .isEqualTo("Enter the start date as a real date, for example 2025-04-01");
        page.keyboard().press("Tab");
        assertThat(focused("textContent")).startsWith("Enter the start date");
        page.keyboard().press("Enter");
        assertThat(focused("id")).isEqualTo("from");
        shot("dashboard-form-error");

        page.keyboard().press("Control+A");
        page.keyboard().type("2025-01-01");
        page.keyboard().press("Enter");
        page.waitForURL("**from=2025-01-01**");
        assertThat(page.locator(".govuk-error-summary").count()).isZero();
        assertThat(page.locator("#from").inputValue()).isEqualTo("2025-01-01");
        assertThat(page.locator("[data-tile=plans-issued] .ehcp-tile__value").textContent().strip()).isEqualTo("0");
        assertThat(consoleErrors).isEmpty();
    }

    private String focused(String property) {
        return String.valueOf(page.evaluate("p => document.activeElement[p]", property)).strip();
    }

    /** Tab until the field {@code id} has focus (at most 40 presses: the header, the menu, the form). */
    private void tabTo(String id) {
        for (int i = 0; i < 40 && !id.equals(focused("id")); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(focused("id")).isEqualTo(id);
    }
}
