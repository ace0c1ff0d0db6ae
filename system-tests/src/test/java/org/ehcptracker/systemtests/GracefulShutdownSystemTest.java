package org.ehcptracker.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SIGTERM with a command in flight (issue 14, "graceful shutdown that finishes in-flight commands and relays what is
 * committed"). The command is made to be in flight on purpose, not by timing: a transaction of this test holds a
 * SHARE lock on assessment-service's {@code event} table, so the case creation blocks at its append (seen waiting in
 * {@code pg_stat_activity}). Then the service gets SIGTERM, the test waits until it refuses new requests (Quarkus'
 * graceful shutdown, {@code quarkus.shutdown.timeout}), and releases the lock. The blocked command must then commit and
 * answer 201, and its event must reach reporting-service <em>before the service is started again</em>: the relay's
 * final pass publishes what the last requests committed. Council 892.
 */
@Order(Integer.MAX_VALUE - 4)
@ExtendWith(SystemStack.Shared.class)
class GracefulShutdownSystemTest {

    static final String LA = "892";
    static final Duration RESTART = Duration.ofSeconds(180);

    private static SystemStack stack;

    @BeforeAll
    static void stack(SystemStack shared) {
        stack = shared;
    }

    @AfterAll
    static void restoreTheStack() throws Exception {
        if (!stack.assessment.isAlive()) {
            stack.assessment.restart();
        }
        stack.assessment.awaitReady(RESTART);
    }

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aCommandInFlightAtSigtermFinishesAndItsEventIsRelayedBeforeTheProcessEnds() throws Exception {
        String inFlight = UUID.randomUUID().toString();
        CompletableFuture<HttpResponse<String>> answer;
        long pid = stack.assessment.pid();
        try (Connection db = assessmentDatabase()) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                s.execute("lock table event in share mode"); // appends wait; reads (the relay's) go on
            }
            answer = http.sendAsync(createCase(inFlight), HttpResponse.BodyHandlers.ofString());
            await("the case creation blocked at its append").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100)).until(() -> appendsWaitingOnTheLock(db) > 0);

            ProcessHandle.of(pid).orElseThrow().destroy(); // SIGTERM
            await("assessment-service refusing new requests after SIGTERM").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100)).until(this::refusesNewRequests);
            assertThat(answer).as("the blocked command is still in flight").isNotDone();

            db.rollback(); // the lock goes; the blocked append goes on
        }

        HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as("the command in flight at SIGTERM: %s", response.body()).isEqualTo(201);
        assertThat(ProcessHandle.of(pid).map(p -> p.onExit()).orElseThrow().get(60, TimeUnit.SECONDS).isAlive())
                .as("assessment-service ended").isFalse();

        // published by the final pass: reporting has it while assessment-service is still down
        await("the case in reporting-service before assessment-service is started again")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(timeline(inFlight)).containsExactly("AssessmentRequested"));
        assertThat(stack.assessment.isAlive()).isFalse();

        stack.assessment.restart();
        stack.assessment.awaitReady(RESTART);
        given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer(CaseSteps.CASEWORKER))
                .get("/api/cases/{id}", inFlight)
                .then().statusCode(200);
        // once, not twice: the final pass moved the checkpoint, so the restarted relay does not send it again
        // (a second copy would be skipped by reporting's guard anyway; the timeline shows what it stored)
        assertThat(timeline(inFlight)).containsExactly("AssessmentRequested");
    }

    /** New work during the graceful shutdown: 503 (Quarkus refuses it) or a refused connection once it has stopped. */
    private boolean refusesNewRequests() {
        try {
            int status = http.send(HttpRequest.newBuilder(URI.create(stack.assessment.baseUrl() + "/q/health/live"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 503;
        } catch (ConnectException stopped) {
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest createCase(String caseId) {
        String json = """
                {"caseId": "%s", "localAuthorityCode": "%s", "receivedDate": "2025-06-02", "requestedBy": "PARENT",
                 "childRef": "C-SIGTERM"}""".formatted(caseId, LA);
        return HttpRequest.newBuilder(URI.create(stack.assessment.baseUrl() + "/api/cases"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", SystemStack.bearer(CaseSteps.CASEWORKER))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static int appendsWaitingOnTheLock(Connection db) throws Exception {
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select count(*) from pg_stat_activity where datname = 'assessment'"
                     + " and wait_event_type = 'Lock' and pid <> pg_backend_pid()")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static Connection assessmentDatabase() throws Exception {
        Map<String, String> env = stack.env();
        return DriverManager.getConnection("jdbc:postgresql://" + env.get("PGHOST") + ":" + env.get("PGPORT")
                + "/assessment", env.get("PGUSER"), env.get("PGPASSWORD"));
    }

    private static List<String> timeline(String caseId) {
        var response = given().baseUri(stack.reporting.baseUrl())
                .header("Authorization", SystemStack.bearer(CaseSteps.CASEWORKER))
                .get("/api/cases/{id}/timeline", caseId);
        if (response.statusCode() == 404) {
            return List.of();
        }
        return response.then().statusCode(200).extract().jsonPath().getList("type");
    }
}
