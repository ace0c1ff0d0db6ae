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
 * its form used with the keyboard alone, and a caseworker and an agency taking a case to its final plan by clicking. A screenshot of each page is saved under target/pages/.
 * Every user signs in on Keycloak's own login page. Councils 874, 876, 878 and 879 belong to this class alone.
 */
@ExtendWith(SystemStack.Shared.class)
class PagesBrowserSystemTest {

    private static final String LA = "874";
    /** A board member of every council (Keycloak user board.pages, made on first use). */
    private static final String BOARD = "board:pages";
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

    /**
     * Opens {@code path} as {@code roleAndSubject} (a Keycloak user made on first use, every council; password
     * {@code <role>.<subject>-pw}): the page sends the browser to Keycloak's login page, the user types their name
     * and password there, and Keycloak sends them back to the page asked for.
     */
    private void signInAndOpen(Page page, String roleAndSubject, String path) {
        stack.signIn().bearer(roleAndSubject);
        String username = roleAndSubject.replace(':', '.');
        page.navigate(url(path));
        page.waitForSelector("#kc-login");
        assertThat(page.url()).startsWith(stack.keycloak().baseUrl());
        page.fill("#username", username);
        page.fill("#password", username + "-pw");
        page.click("#kc-login");
        String back = url(path.split("\\?")[0]);
        page.waitForURL(u -> u.startsWith(back));
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
        signInAndOpen(page, BOARD, "/councils/" + LA + "/board");
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
        pages.put("forecast", "/councils/" + LA + "/forecast");
        pages.put("forecast-error", "/councils/" + LA + "/forecast?months=99&eps=banana");
        signInAndOpen(page, BOARD, "/councils/all/board");
        for (Map.Entry<String, String> p : pages.entrySet()) {
            page.navigate(url(p.getValue()));
            assertThat(page.locator("h1").count()).as(p.getKey() + " has one main heading").isEqualTo(1);
            assertNoAccessibilityViolations(p.getKey());
            shot(p.getKey());
        }
        assertThat(consoleErrors).isEmpty();
    }

    /**
     * The caseworker's and the agency's journey by clicking, council 876: a request recorded through the API is
     * found on the worklist; a bad date and a final plan before its draft are refused in the error summary; the
     * decision, the advice request, the agency's advice through its inbox, the draft and the final plan are each
     * made on a page, then the plan's annual review: the meeting, the decision to amend and the amended plan. Dates
     * count back from today: received 120 days ago, decided 90, advice asked 85 and sent 50, draft 40, final plan 20
     * days ago (day 100: within 20 weeks; 20 days after the draft, past the family's 15); review meeting 19 days ago,
     * decision to amend 18 (the family's 15 days on the proposal end 3 days ago), amended plan 1 day ago.
     */
    @Test
    void aCaseworkerTakesACaseFromRequestToFinalPlanAndTheAgencySendsItsAdviceByClicking() {
        String childRef = "C-876-J";
        String caseId = steps.requestAssessment("876", today.minusDays(120).toString(), childRef);
        signInAndOpen(page, "caseworker:pages-876", "/councils/876/worklist");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            page.navigate(url("/councils/876/worklist"));
            assertThat(page.locator("text=" + childRef).count()).isEqualTo(1);
        });
        assertNoAccessibilityViolations("worklist");
        shot("worklist");
        page.click("text=" + childRef);
        page.waitForURL("**/cases/" + caseId);

        // a date that is none: assessment-service's 400, in the error summary, linked to the field
        page.check("#decision-decision");
        page.fill("#decision-decisionDate", "2025-02-30");
        page.click("button:has-text('Record the decision')");
        page.waitForSelector(".govuk-error-summary");
        assertThat(page.locator(".govuk-error-summary a").first().getAttribute("href")).isEqualTo("#decision-decisionDate");
        assertNoAccessibilityViolations("case-error");
        shot("case-error");

        page.fill("#decision-decisionDate", today.minusDays(90).toString());
        page.click("button:has-text('Record the decision')");
        page.waitForSelector("[data-done=decision]");

        // the wrong order: a final plan before its draft is refused by plan-service
        page.fill("#final-issuedDate", today.minusDays(20).toString());
        page.fill("#final-settingType", "MSS");
        page.click("button:has-text('Record the final plan')");
        page.waitForSelector(".govuk-error-summary");
        assertThat(page.locator(".govuk-error-summary a").first().getAttribute("href")).isEqualTo("#final-issuedDate");

        page.selectOption("#advice-adviceType", "EDUCATIONAL_PSYCHOLOGY");
        page.fill("#advice-agencyId", "ep-876");
        page.fill("#advice-requestedDate", today.minusDays(85).toString());
        submitUntilDone("button:has-text('Ask for advice')", "advice");
        assertNoAccessibilityViolations("case");
        shot("case");

        // the agency, in its own browser session
        BrowserContext agencyContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        try {
            Page agency = agencyContext.newPage();
            signInAndOpen(agency, "agency:ep-876", "/agencies/ep-876/inbox");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
                agency.navigate(url("/agencies/ep-876/inbox"));
                assertThat(agency.locator("[data-request]").count()).isEqualTo(1);
            });
            this.page = agency;
            assertNoAccessibilityViolations("agency-inbox");
            shot("agency-inbox");
            agency.click("[data-request] a");
            agency.fill("#submittedDate", today.minusDays(50).toString());
            assertNoAccessibilityViolations("agency-request");
            shot("agency-request");
            agency.click("button:has-text('Send advice')");
            agency.waitForSelector("text=Your advice was recorded as sent");
            assertThat(agency.locator("[data-state]").textContent()).contains("Sent in time");
        } finally {
            agencyContext.close();
        }

        page = context.pages().get(0);
        page.navigate(url("/cases/" + caseId));
        page.fill("#draft-issuedDate", today.minusDays(40).toString());
        submitUntilDone("button:has-text('Record the draft plan')", "draft");
        page.fill("#final-issuedDate", today.minusDays(20).toString());
        page.fill("#final-settingType", "MSS");
        submitUntilDone("button:has-text('Record the final plan')", "final");

        // the plan in force (plan-service's own view, current at once): its annual review, step by step
        page.waitForSelector("#form-review");
        assertNoAccessibilityViolations("case-plan-in-force");
        page.fill("#review-meetingDate", today.minusDays(19).toString());
        submitUntilDone("button:has-text('Record the review meeting')", "review");
        page.selectOption("#reviewDecision-outcome", "AMEND");
        page.fill("#reviewDecision-decidedDate", today.minusDays(18).toString());
        assertNoAccessibilityViolations("case-review-decision");
        submitUntilDone("button:has-text('Record the review decision')", "reviewDecision");
        page.fill("#amended-issuedDate", today.minusDays(1).toString());
        page.fill("#amended-settingType", "MSS");
        assertNoAccessibilityViolations("case-amended-plan");
        shot("case-review");
        submitUntilDone("button:has-text('Record the amended plan')", "amended");
        assertThat(page.locator("#reviews").textContent()).contains("Amended");
        assertThat(page.locator("#form-review").count()).as("the next review can be recorded").isEqualTo(1);
        assertThat(consoleErrors).isEmpty();
    }

    /**
     * Council 878, by clicking: a transfer in from council 850, a refusal to assess, a mediation about that refusal
     * and its outcome (one dated before the mediation was registered refused in the error summary, on its field).
     * Received 60 days ago, transferred in 55 days ago, refused 40, mediation registered 30, ended 10 days ago.
     */
    @Test
    void aCaseworkerRecordsATransferARefusalAndItsMediationByClicking() {
        String caseId = steps.requestAssessment("878", today.minusDays(60).toString(), "C-878-D");
        signInAndOpen(page, "caseworker:pages-878", "/cases/" + caseId);
        // a page opened afresh, as a caseworker coming from the worklist would (not the sign-in's return)
        page.navigate(url("/cases/" + caseId));
        page.fill("#transfer-fromLocalAuthorityCode", "850");
        page.fill("#transfer-transferDate", today.minusDays(55).toString());
        submitUntilDone("button:has-text('Record the transfer')", "transfer");
        assertThat(page.locator("#facts").textContent()).contains("from council 850");

        page.check("#decision-decision-2");
        page.fill("#decision-decisionDate", today.minusDays(40).toString());
        page.selectOption("#decision-refusalReason", "EHC_PLAN_NOT_NECESSARY");
        submitUntilDone("button:has-text('Record the decision')", "decision");
        assertThat(page.locator("#form-transfer").count()).as("a refused case is closed").isZero();

        page.selectOption("#dispute-kind", "MEDIATION");
        page.selectOption("#dispute-stage", "REFUSAL_TO_ASSESS");
        page.fill("#dispute-registeredDate", today.minusDays(30).toString());
        assertNoAccessibilityViolations("case-dispute");
        shot("case-dispute");
        submitUntilDone("button:has-text('Record the dispute')", "dispute");

        page.selectOption("#disputeOutcome-outcome", "DECISION_UPHELD");
        page.fill("#disputeOutcome-outcomeDate", today.minusDays(31).toString());
        page.click("button:has-text('Record the outcome')");
        page.waitForSelector(".govuk-error-summary");
        assertThat(page.locator(".govuk-error-summary a").first().getAttribute("href"))
                .isEqualTo("#disputeOutcome-outcomeDate");
        assertNoAccessibilityViolations("case-dispute-error");
        page.fill("#disputeOutcome-outcomeDate", today.minusDays(10).toString());
        submitUntilDone("button:has-text('Record the outcome')", "disputeOutcome");
        assertThat(page.locator("#facts").textContent()).contains("ended: decision upheld");
        assertThat(consoleErrors).isEmpty();
    }

    /**
     * Council 879, by clicking: an exception to the 20 weeks, which the worklist then shows as what holds the case
     * (from the read side's events), and a conclusion with no plan (one dated before the decision refused in the
     * error summary), after which a dispute about that decision is offered. Received 100 days ago, decided to assess
     * 80 days ago (through the API), exception from 30 days ago, concluded 5 days ago.
     */
    @Test
    void aCaseworkerRecordsAnExceptionSeesItHoldTheCaseAndConcludesWithNoPlanByClicking() {
        String caseId = steps.requestAssessment("879", today.minusDays(100).toString(), "C-879-X");
        steps.decideToAssess(caseId, today.minusDays(80).toString());
        signInAndOpen(page, "caseworker:pages-879", "/cases/" + caseId);
        // a page opened afresh, as a caseworker coming from the worklist would (not the sign-in's return)
        page.navigate(url("/cases/" + caseId));
        page.selectOption("#exception-limit", "FINAL_PLAN_20_WEEKS");
        page.selectOption("#exception-reason", "EXCEPTIONAL_PERSONAL_CIRCUMSTANCES");
        page.fill("#exception-startDate", today.minusDays(30).toString());
        submitUntilDone("button:has-text('Record the exception')", "exception");

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
            page.navigate(url("/councils/879/worklist"));
            assertThat(page.locator("[data-case='" + caseId + "'] [data-held-up-by]").textContent())
                    .contains("Exception: exceptional personal circumstances since");
        });
        assertNoAccessibilityViolations("worklist-held-up-by");
        shot("worklist-held-up-by");

        page.navigate(url("/cases/" + caseId));
        page.fill("#conclusion-conclusionDate", today.minusDays(85).toString());
        page.click("button:has-text('Conclude with no plan')");
        page.waitForSelector(".govuk-error-summary");
        assertThat(page.locator(".govuk-error-summary a").first().getAttribute("href"))
                .isEqualTo("#conclusion-conclusionDate");
        page.fill("#conclusion-conclusionDate", today.minusDays(5).toString());
        submitUntilDone("button:has-text('Conclude with no plan')", "conclusion");
        assertThat(page.locator("#dispute-stage option[value=REFUSAL_TO_ISSUE_PLAN]").count()).isEqualTo(1);
        assertNoAccessibilityViolations("case-concluded");
        assertThat(consoleErrors).isEmpty();
    }

    /**
     * Clicks {@code button} until the page confirms the action {@code done}: a command service learns of an earlier
     * step through Kafka, and until then refuses the next one (422) in the error summary; the form keeps its values.
     */
    private void submitUntilDone(String button, String done) {
        for (int attempt = 0; attempt < 30; attempt++) {
            page.click(button);
            page.waitForLoadState();
            if (page.locator("[data-done=" + done + "]").count() > 0) {
                return;
            }
            page.waitForTimeout(1000);
        }
        throw new AssertionError(done + " was never confirmed: " + page.locator(".govuk-error-summary").allTextContents());
    }

    @Test
    void theDashboardFormWorksWithTheKeyboardAloneAndLeadsFromEachErrorToItsField() {
        signInAndOpen(page, BOARD, "/councils/876/board");
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
        assertThat(page.locator("[data-tile=plans-issued] .ehcp-tile__value").count()).isEqualTo(1);
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
