package org.ehcptracker.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A create retried with one Idempotency-Key, through the real stack (Keycloak tokens, the relay, reporting-service):
 * the retry gets the first answer and reporting counts one case. Council 889 is this class's own.
 */
@ExtendWith(SystemStack.Shared.class)
class IdempotentCreateSystemTest {

    static final String LA = "889";
    static SystemStack stack;

    @BeforeAll
    static void stack(SystemStack s) {
        stack = s;
    }

    Response create(String key, Map<String, Object> body) {
        return given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer(CaseSteps.CASEWORKER))
                .contentType(ContentType.JSON).header("Idempotency-Key", key)
                .header("traceparent", "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01")
                .body(body).post("/api/cases");
    }

    @Test
    void a_case_request_retried_with_one_key_is_one_case_everywhere() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        // no caseId: the service chooses it, so only the key makes the retry safe
        Map<String, Object> body = Map.of("localAuthorityCode", LA, "receivedDate", today.minusDays(10).toString(),
                "requestedBy", "PARENT", "childRef", "C-889-IDEM");
        String key = UUID.randomUUID().toString();

        Response first = create(key, body);
        Response retry = create(key, body);

        first.then().statusCode(201).header("Idempotent-Replayed", "false");
        retry.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.asString()).isEqualTo(first.asString());
        String caseId = first.jsonPath().getString("caseId");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var figures = new CaseSteps(stack).figures(LA, today.minusDays(30).toString(), today.toString());
            assertThat(figures.getInt("backlog.open")).isEqualTo(1);
        });
        given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer(CaseSteps.CASEWORKER))
                .get("/api/cases/{id}", caseId).then().statusCode(200);
    }
}
