package org.ehcptracker.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.ehcptracker.devinfra.ServiceProcess;
import org.ehcptracker.systemtests.CaseRequestLoad.Attempt;
import org.ehcptracker.systemtests.CaseRequestLoad.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two assessment-service processes on one database, as a council running two instances behind a load balancer:
 * caseworkers of council 888 send their requests to both in turn. Both serve commands; only one relays
 * (it holds the advisory lock: readiness's {@code active} and the {@code ehcp_relay_active} gauge say which). Then the
 * active one is killed (SIGKILL) under load: the other takes the lock over and relays what both recorded, and every
 * accepted case is stored, on the topic and in reporting-service exactly once. The shared instance is started again
 * and the second one stopped before the class ends, so it runs after the other classes.
 */
@Order(Integer.MAX_VALUE - 2)
@ExtendWith(SystemStack.Shared.class)
class TwoInstancesSystemTest {

    static final String LA = "888";
    static final int STEP = 15;
    static final Duration READY = Duration.ofSeconds(240);

    private static SystemStack stack;
    private static ServiceProcess second;

    @BeforeAll
    static void stack(SystemStack shared) throws Exception {
        stack = shared;
        second = stack.startInstance("assessment", "second");
        second.awaitReady(READY);
    }

    /** The shared instance runs (and relays) again; the second one is gone. */
    @AfterAll
    static void restoreTheStack() throws Exception {
        if (!stack.assessment.isAlive()) {
            stack.assessment.restart();
        }
        stack.assessment.awaitReady(READY);
        if (second != null) {
            second.close();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> relayActive(stack.assessment));
    }

    @Test
    void bothServeCommandsOneRelaysAndTheOtherTakesOverWhenItIsKilled() throws Exception {
        ServiceProcess first = stack.assessment;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> relayActive(first) || relayActive(second));
        ServiceProcess active = relayActive(first) ? first : second;
        ServiceProcess standby = active == first ? second : first;
        assertThat(relayActive(standby)).as("the standby's relay").isFalse();
        assertThat(relayGauge(active)).as("ehcp_relay_active on the active instance").isEqualTo(1.0);
        assertThat(relayGauge(standby)).as("ehcp_relay_active on the standby").isEqualTo(0.0);

        List<Attempt> all;
        try (CaseRequestLoad load = new CaseRequestLoad(stack, LA, 3, List.of(() -> first, () -> second))) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> load.accepted(first.baseUrl()) >= STEP && load.accepted(second.baseUrl()) >= STEP);
            assertThat(relayActive(active) && !relayActive(standby)).as("still one relay under load").isTrue();

            active.kill();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> relayActive(standby));
            long before = load.accepted(standby.baseUrl());
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> load.accepted(standby.baseUrl()) >= before + STEP);
            all = load.stop();

            assertThat(all).as("answers other than 201").filteredOn(a -> a.outcome() == Outcome.OTHER
                    || a.outcome() == Outcome.UNAVAILABLE).isEmpty();
            assertThat(all).as("refused or cut requests went to the killed instance only")
                    .filteredOn(a -> a.outcome() == Outcome.REFUSED || a.outcome() == Outcome.CUT)
                    .allMatch(a -> a.target().equals(active.baseUrl()));

            Set<String> stored = load.assertExactlyOnceEverywhere(all, standby);
            System.out.printf("two instances: %d requests, %d accepted (%d by the killed one), %d refused, %d cut;"
                            + " %d stored%n", all.size(), load.count(Outcome.ACCEPTED), load.accepted(active.baseUrl()),
                    load.count(Outcome.REFUSED), load.count(Outcome.CUT), stored.size());
        }
    }

    /** What the instance's readiness says of its relay: true while it holds the lock. */
    static boolean relayActive(ServiceProcess service) {
        try {
            List<Boolean> active = given().baseUri(service.baseUrl()).get("/q/health/ready").then().extract().jsonPath()
                    .getList("checks.findAll { it.name == 'event relay' }.data.active", Boolean.class);
            return active.size() == 1 && Boolean.TRUE.equals(active.get(0));
        } catch (RuntimeException notAnswering) {
            return false;
        }
    }

    /** The {@code ehcp_relay_active} gauge in the instance's Prometheus metrics. */
    static double relayGauge(ServiceProcess service) {
        String metrics = given().baseUri(service.baseUrl()).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("ehcp_relay_active{"))
                .mapToDouble(org.ehcptracker.testtokens.PrometheusText::value).findFirst().orElse(Double.NaN);
    }
}
