package org.ehcptracker.systemtests;


import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The event table is the outbox: with the broker down a caseworker's command still succeeds, and the event
 * reaches the other services once the broker is back (same port, same data). It stops the shared broker,
 * so it runs after every other class.
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(SystemStack.Shared.class)
class KafkaOutageSystemTest {

    private static SystemStack stack;
    private static CaseSteps steps;

    @BeforeAll
    static void stack(SystemStack shared) {
        stack = shared;
        steps = new CaseSteps(shared);
    }

    @Test
    void whileKafkaIsDownCommandsAreRecordedAndTheirEventsFlowWhenItReturns() throws Exception {
        stack.kafka().stop();
        assertThat(stack.kafka().isAlive()).as("the broker process has ended").isFalse();
        String caseId = steps.requestAssessment("839", "2025-04-07", "C-SYS-K");
        given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer(CaseSteps.CASEWORKER))
                .get("/api/cases/{id}", caseId)
                .then().statusCode(200).body("status", equalTo("REQUESTED"));

        stack.restartKafka();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().baseUri(stack.reporting.baseUrl()).header("Authorization", SystemStack.bearer(CaseSteps.CASEWORKER))
                        .get("/api/cases/{id}/timeline", caseId)
                        .then().statusCode(200).body("type", contains("AssessmentRequested")));
    }
}
