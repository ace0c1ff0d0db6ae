package org.ehcptracker.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
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
 * {@code pg_stat_activity}). Then the service gets SIGTERM, and the test waits until Quarkus logs that it waits for
 * the requests in flight (graceful shutdown, {@code quarkus.shutdown.timeout}, 10 s). A new command then is refused
 * (503, or its connection refused), or, had it slipped in first, is in flight too. The test releases the lock: the
 * blocked command must commit and answer 201, and its event must reach reporting-service <em>before the service is
 * started again</em>: the relay's
 * final pass publishes what the last requests committed. Council 892.
 */
@Order(Integer.MAX_VALUE - 4)
@ExtendWith(SystemStack.Shared.class)
class GracefulShutdownSystemTest {

    static final String LA = "892";
    static final Duration RESTART = Duration.ofSeconds(180);
    /**
     * What Quarkus' GracefulShutdownFilter logs once SIGTERM has stopped it taking new requests and it waits for those
     * in flight (up to {@code quarkus.shutdown.timeout}, 10 s).
     */
    static final String SHUTDOWN_WAITING = "Waiting for HTTP requests to complete";

    private static SystemStack stack;
    /** The pid the test sent SIGTERM to, 0 before it did. */
    private static volatile long terminated;

    @BeforeAll
    static void stack(SystemStack shared) {
        stack = shared;
    }

    @AfterAll
    static void restoreTheStack() throws Exception {
        // if the test failed half-way, the service may still be shutting down: let it end, then start it again
        if (terminated != 0) {
            ProcessHandle.of(terminated).ifPresent(p -> p.onExit().orTimeout(60, TimeUnit.SECONDS).join());
        }
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
        String refused = UUID.randomUUID().toString();
        int newcomer;
        long pid = stack.assessment.pid();
        // the lock's transaction, and a second session to watch: pg_stat_activity is read once per transaction
        try (Connection db = assessmentDatabase(); Connection watch = assessmentDatabase()) {
            try (Statement s = db.createStatement()) {
                // the stack's cluster-wide limits (30 s idle in a transaction, 60 s per transaction) would end this
                // session, and its lock, at a moment of the server's choosing on a slow machine
                s.execute("set idle_in_transaction_session_timeout = 0");
                s.execute("set transaction_timeout = 0");
            }
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                s.execute("lock table event in share mode"); // appends wait; reads (the relay's) go on
            }
            CompletableFuture<HttpResponse<String>> answer = http.sendAsync(createCase(inFlight), HttpResponse.BodyHandlers.ofString());
            await("the case creation blocked at its append").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100)).until(() -> answer.isDone() || appendsWaitingOnTheLock(watch) > 0);
            if (answer.isDone()) {
                HttpResponse<String> early = answer.join();
                throw new AssertionError("the case creation was answered without waiting for the lock: "
                        + early.statusCode() + " " + early.body() + "; sessions: " + sessions(watch));
            }

            terminated = pid;
            ProcessHandle.of(pid).orElseThrow().destroy(); // SIGTERM
            await("assessment-service waiting for its requests after SIGTERM").atMost(Duration.ofSeconds(8))
                    .pollInterval(Duration.ofMillis(50)).until(() -> stack.assessment.logged(SHUTDOWN_WAITING));
            assertThat(answer).as("the blocked command is still in flight").isNotDone();
            // a new command now: refused (503, or the connection refused once the listener has closed), or, if it
            // slipped in before the refusal, in flight like the first and held to the same checks
            CompletableFuture<Integer> second = newRequestStatus(refused);
            try {
                second.get(3, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException waitingForTheLockToo) {
                // it slipped in before the refusal and waits at its append like the first: answered below
            }

            db.rollback(); // the lock goes; the blocked append goes on
            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as("the command in flight at SIGTERM: %s", response.body()).isEqualTo(201);
            newcomer = second.get(30, TimeUnit.SECONDS);
        }
        assertThat(newcomer).as("a new command during the graceful shutdown").isIn(503, -1, 201);
        System.out.printf("graceful shutdown: the command in flight answered 201; a new one during the shutdown %d%n", newcomer);
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
        // a refused command left nothing behind; an accepted one is there like the first
        given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer(CaseSteps.CASEWORKER))
                .get("/api/cases/{id}", refused)
                .then().statusCode(newcomer == 201 ? 200 : 404);
        assertThat(timeline(refused)).isEqualTo(newcomer == 201 ? List.of("AssessmentRequested") : List.of());
        // once, not twice: the final pass moved the checkpoint, so the restarted relay does not send it again
        // (a second copy would be skipped by reporting's guard anyway; the timeline shows what it stored)
        assertThat(timeline(inFlight)).containsExactly("AssessmentRequested");
    }

    /** A new case creation's status; -1 if the connection was refused or cut. A fresh client: no pooled connection. */
    private CompletableFuture<Integer> newRequestStatus(String caseId) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build()
                .sendAsync(createCase(caseId), HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure == null ? response.statusCode() : -1);
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
                     + " and wait_event_type = 'Lock'")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static String sessions(Connection db) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select pid, state, wait_event_type, wait_event, left(query, 80) from pg_stat_activity"
                     + " where datname = 'assessment'")) {
            while (r.next()) {
                out.append('[').append(r.getInt(1)).append(' ').append(r.getString(2)).append(' ').append(r.getString(3))
                        .append('/').append(r.getString(4)).append(' ').append(r.getString(5)).append("] ");
            }
        }
        return out.toString();
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
