package org.ehcptracker.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

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
 * PostgreSQL (the one server every service's database lives on) stopped while caseworkers of council 887 request
 * assessments, then started again on the same port and data: during the outage every command is answered 503
 * problem+json with Retry-After (never a 500, never a hang), and afterwards every accepted case is stored, on the topic
 * and in reporting-service exactly once, and nothing answered 503 is anywhere. It stops a shared server, so it runs
 * after the other classes (before the crash and broker tests) and leaves every service ready again.
 */
@Order(Integer.MAX_VALUE - 3)
@ExtendWith(SystemStack.Shared.class)
class PostgresOutageSystemTest {

    static final String LA = "887";
    static final int STEP = 30;
    static final Duration READY = Duration.ofSeconds(240);

    private static SystemStack stack;

    @BeforeAll
    static void stack(SystemStack shared) {
        stack = shared;
    }

    /** Whatever happened above, PostgreSQL runs again and every service is ready for the classes after this one. */
    @AfterAll
    static void restoreTheStack() throws Exception {
        if (!stack.postgres().isAlive()) {
            stack.restartPostgres();
        }
        for (ServiceProcess service : List.of(stack.assessment, stack.advice, stack.plan, stack.reporting)) {
            service.awaitReady(READY);
        }
    }

    @Test
    void commandsDuringTheOutageAre503WithRetryAfterAndEveryAcceptedCaseIsEverywhereOnceAfterTheRestart()
            throws Exception {
        List<Attempt> all;
        try (CaseRequestLoad load = new CaseRequestLoad(stack, LA, 3, List.of(() -> stack.assessment))) {
            load.awaitMore(Outcome.ACCEPTED, STEP, Duration.ofSeconds(120));

            stack.postgres().stop();
            assertThat(stack.postgres().isAlive()).as("PostgreSQL has stopped").isFalse();
            load.awaitMore(Outcome.UNAVAILABLE, 10, Duration.ofSeconds(60));

            stack.restartPostgres();
            for (ServiceProcess service : List.of(stack.assessment, stack.advice, stack.plan, stack.reporting)) {
                service.awaitReady(READY);
            }
            load.awaitMore(Outcome.ACCEPTED, STEP, Duration.ofSeconds(120));
            all = load.stop();

            assertThat(all).as("answers other than 201 and 503 problem+json with Retry-After")
                    .filteredOn(a -> a.outcome() == Outcome.OTHER).isEmpty();
            assertThat(load.count(Outcome.REFUSED)).as("connections refused: the service itself stayed up").isZero();
            assertThat(load.count(Outcome.UNAVAILABLE)).as("commands answered 503 during the outage").isPositive();

            Set<String> stored = load.assertExactlyOnceEverywhere(all, stack.assessment);
            System.out.printf("postgres outage: %d requests, %d accepted, %d answered 503, %d cut; %d stored%n",
                    all.size(), load.count(Outcome.ACCEPTED), load.count(Outcome.UNAVAILABLE), load.count(Outcome.CUT),
                    stored.size());
        }
    }
}
