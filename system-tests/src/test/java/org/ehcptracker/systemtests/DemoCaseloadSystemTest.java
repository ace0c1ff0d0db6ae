package org.ehcptracker.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.ehcptracker.demo.CaseloadShape;
import org.ehcptracker.demo.DemoCase;
import org.ehcptracker.demo.SeedDemoCaseload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * Issue 14 item 6: the demo caseloads are recorded through the services' public APIs, signed in as the local realm's
 * {@code demo} user (deploy/local/ehcp-realm.json), and arrive everywhere a real caseload would: each case in
 * assessment-service in the state its dates say, and the plans in reporting-service's figures. A second run records
 * nothing more. Councils 391 and 868 are this class's own (scaled down to a tenth).
 */
@ExtendWith(SystemStack.Shared.class)
class DemoCaseloadSystemTest {

    static final Duration PATIENCE = Duration.ofSeconds(120);
    static final double SCALE = 0.1;

    @Test
    void the_demo_caseloads_go_through_the_apis_and_a_second_run_adds_nothing(SystemStack stack) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        assertThat(seed(stack, today)).as("the seeder's exit code").isZero();

        for (CaseloadShape shape : CaseloadShape.ALL) {
            List<DemoCase> expected = DemoCase.caseload(shape.scaled(SCALE), today, 2026);
            for (DemoCase c : expected) {
                String status = c.refused() ? "REFUSED" : c.decisionDate() != null ? "ASSESSING" : "REQUESTED";
                JsonPath view = caseView(stack, c);
                assertThat(view.getString("status")).as(c.childRef()).isEqualTo(status);
                assertThat(view.getString("receivedDate")).isEqualTo(c.receivedDate().toString());
                assertThat(view.getString("yearGroup")).isEqualTo(c.yearGroup());
                if (c.draftDate() != null) {
                    JsonPath plan = given().baseUri(stack.plan.baseUrl())
                            .header("Authorization", SystemStack.bearer(CaseSteps.CASEWORKER))
                            .get("/api/cases/{id}/plan", c.caseId()).then().statusCode(200).extract().jsonPath();
                    assertThat(plan.getString("status")).as(c.childRef()).isEqualTo(c.finalDate() != null ? "FINAL" : "DRAFT");
                    assertThat(plan.getString("draftIssuedDate")).isEqualTo(c.draftDate().toString());
                }
            }
            long plans = expected.stream().filter(c -> c.finalDate() != null).count();
            long refused = expected.stream().filter(DemoCase::refused).count();
            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonPath figures = figures(stack, shape.localAuthorityCode(), today);
                assertThat(figures.getLong("plansIssued")).as(shape.name() + " plans issued").isEqualTo(plans);
            });
            assertThat(refused + plans).as("the shape gives both outcomes").isPositive();
        }

        // a second run finds every case (409) and records nothing more: the same figures, no duplicate
        assertThat(seed(stack, today)).isZero();
        for (CaseloadShape shape : CaseloadShape.ALL) {
            long plans = DemoCase.caseload(shape.scaled(SCALE), today, 2026).stream().filter(c -> c.finalDate() != null).count();
            assertThat(figures(stack, shape.localAuthorityCode(), today).getLong("plansIssued")).isEqualTo(plans);
        }
    }

    private static int seed(SystemStack stack, LocalDate today) {
        return new CommandLine(new SeedDemoCaseload()).execute("--councils", "391,868", "--scale", String.valueOf(SCALE),
                "--today", today.toString(), "--assessment-url", stack.assessment.baseUrl(),
                "--advice-url", stack.advice.baseUrl(), "--plan-url", stack.plan.baseUrl(),
                "--oidc-url", stack.keycloak().issuer(), "--threads", "4");
    }

    private static JsonPath caseView(SystemStack stack, DemoCase c) {
        return given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer(CaseSteps.CASEWORKER))
                .get("/api/cases/{id}", c.caseId()).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath figures(SystemStack stack, String la, LocalDate today) {
        return given().baseUri(stack.reporting.baseUrl()).header("Authorization", SystemStack.bearer("board:system-test"))
                .queryParam("from", today.minusWeeks(46).toString()).queryParam("to", today.toString())
                .get("/api/local-authorities/{la}/figures", la).then().statusCode(200).extract().jsonPath();
    }
}
