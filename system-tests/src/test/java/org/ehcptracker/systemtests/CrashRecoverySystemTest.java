package org.ehcptracker.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.ehcptracker.devinfra.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * kill -9 of assessment-service, then of reporting-service, while caseworkers create and decide cases of council
 * 877 through the API (three threads, a few hundred cases): each is started again on the same port with the same
 * environment, and at the end every case the API accepted (201) is in assessment-service and counted exactly once
 * in reporting-service, and nothing refused during an outage is anywhere. It kills shared services (and restores
 * them before it ends), so it runs after the other classes and just before {@link KafkaOutageSystemTest}.
 *
 * <p>Outcomes of a request: ACCEPTED (its 2xx answer), REFUSED (the connection was refused: the service was down,
 * nothing can have been stored), or CUT (the request was sent and the process died before answering: it may or may
 * not have committed, so the test asks the service which, and then holds it to the same exactness).
 */
@Order(Integer.MAX_VALUE - 1)
@ExtendWith(SystemStack.Shared.class)
class CrashRecoverySystemTest {

    static final String LA = "877";
    static final String RECEIVED = "2025-04-07";
    static final String DECIDED = "2025-05-01";
    static final int THREADS = 3;
    /** cases accepted between the steps: the load is running when each service dies and after it is back */
    static final int STEP = 40;
    static final Duration RESTART = Duration.ofSeconds(180);

    enum Outcome { ACCEPTED, REFUSED, CUT }

    record Attempt(String caseId, Outcome created, Outcome decided) {
    }

    private static SystemStack stack;
    private static CaseSteps steps;

    @BeforeAll
    static void stack(SystemStack shared) {
        stack = shared;
        steps = new CaseSteps(shared);
    }

    /** Whatever happened above, the shared stack is whole again for the classes after this one. */
    @AfterAll
    static void restoreTheStack() throws Exception {
        for (ServiceProcess service : List.of(stack.assessment, stack.reporting)) {
            if (!service.isAlive()) {
                service.restart();
            }
            service.awaitReady(RESTART);
        }
    }

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    final String childRef = "C-CRASH-" + UUID.randomUUID().toString().substring(0, 8);
    final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    final Set<Integer> answeredStatuses = ConcurrentHashMap.newKeySet();
    final AtomicBoolean loadRunning = new AtomicBoolean(true);

    @Test
    void killedServicesComeBackWithEveryAcceptedCaseCountedOnceAndNothingRefusedRecorded() throws Exception {
        ExecutorService load = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            workers.add(load.submit(this::createAndDecideUntilStopped));
        }
        try {
            awaitAccepted(STEP);
            killAndRestart(stack.assessment, () -> count(Outcome.REFUSED) > 0);
            awaitAccepted(count(Outcome.ACCEPTED) + STEP);
            // commands go on being accepted while the read side is down; it catches up from its committed offsets
            killAndRestart(stack.reporting, () -> true);
            awaitAccepted(count(Outcome.ACCEPTED) + STEP);
        } finally {
            loadRunning.set(false);
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
            load.shutdown();
        }

        assertThat(answeredStatuses).as("every answer the API gave under load").containsOnly(200, 201);
        assertThat(count(Outcome.REFUSED)).as("commands refused while assessment-service was down").isPositive();
        List<Attempt> all = List.copyOf(attempts);

        // assessment-service: the accepted cases, and no refused one (the worklist row commits with the events)
        Map<String, String> stored = casesInAssessment();
        for (Attempt a : all) {
            switch (a.created()) {
                case ACCEPTED -> assertThat(stored).as("accepted case %s", a.caseId()).containsKey(a.caseId());
                case REFUSED -> assertThat(stored).as("refused case %s", a.caseId()).doesNotContainKey(a.caseId());
                case CUT -> { } // either; whichever it is, it is held to the checks below
            }
        }
        assertThat(stored.keySet()).as("nothing stored that no request asked for")
                .isSubsetOf(all.stream().map(Attempt::caseId).collect(Collectors.toSet()));

        // reporting-service: once it has caught up, each stored case once in the backlog and once in its timeline
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(openInBacklog()).as("877's backlog").isEqualTo(stored.size()));
        for (Attempt a : all) {
            List<String> timeline = timeline(a.caseId());
            if (!stored.containsKey(a.caseId())) {
                assertThat(timeline).as("timeline of %s, never stored", a.caseId()).isEmpty();
                continue;
            }
            boolean decided = !stored.get(a.caseId()).equals("REQUESTED");
            switch (a.decided()) {
                case ACCEPTED -> assertThat(decided).as("case %s, its decision accepted", a.caseId()).isTrue();
                case REFUSED -> assertThat(decided).as("case %s, its decision refused or never sent", a.caseId()).isFalse();
                case CUT -> { } // either, and the timeline must say the same
            }
            assertThat(timeline).as("timeline of %s", a.caseId()).isEqualTo(decided
                    ? List.of("AssessmentRequested", "AssessmentDecided") : List.of("AssessmentRequested"));
        }
        System.out.printf("crash recovery: %d cases tried, %d accepted, %d refused, %d cut; %d stored%n", all.size(),
                count(Outcome.ACCEPTED), count(Outcome.REFUSED), count(Outcome.CUT), stored.size());
    }

    /** kill -9, then the same service started again on the same port; {@code meanwhile} holds before it starts. */
    private void killAndRestart(ServiceProcess service, BooleanSupplier meanwhile) throws Exception {
        long pid = service.pid();
        service.kill();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("%s (pid %d) killed", service, pid)
                .isFalse();
        // keep it down long enough for the load to hit the closed port
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(meanwhile::getAsBoolean);
        Thread.sleep(2000);
        service.restart();
        // ready means, for reporting-service, partitions assigned again and caught up (ConsumerReadiness)
        service.awaitReady(RESTART);
    }

    private void awaitAccepted(long target) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> count(Outcome.ACCEPTED) >= target);
    }

    private long count(Outcome outcome) {
        synchronized (attempts) {
            return attempts.stream().filter(a -> a.created() == outcome).count();
        }
    }

    /** One caseworker: a new case, then the decision to assess it, until told to stop; a pause after a refusal. */
    private void createAndDecideUntilStopped() {
        while (loadRunning.get()) {
            String caseId = UUID.randomUUID().toString();
            Outcome created = post("/api/cases", """
                    {"caseId": "%s", "localAuthorityCode": "%s", "receivedDate": "%s", "requestedBy": "PARENT",
                     "childRef": "%s"}""".formatted(caseId, LA, RECEIVED, childRef));
            Outcome decided = created == Outcome.ACCEPTED
                    ? post("/api/cases/" + caseId + "/decision", """
                            {"decision": "ASSESS", "decisionDate": "%s"}""".formatted(DECIDED))
                    : Outcome.REFUSED;
            attempts.add(new Attempt(caseId, created, decided));
            // a paced load: a few hundred cases over the two restarts, not thousands
            sleep(created == Outcome.ACCEPTED ? 250 : 500);
        }
    }

    private Outcome post(String path, String json) {
        var request = HttpRequest.newBuilder(URI.create(stack.assessment.baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", SystemStack.bearer(CaseSteps.CASEWORKER))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            answeredStatuses.add(status);
            return status / 100 == 2 ? Outcome.ACCEPTED : Outcome.REFUSED;
        } catch (ConnectException refused) {
            return Outcome.REFUSED;
        } catch (IOException cut) {
            return Outcome.CUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.CUT;
        }
    }

    /** case id to status of every case of this test's child in assessment-service's worklist. */
    private Map<String, String> casesInAssessment() {
        JsonPath found = given().baseUri(stack.assessment.baseUrl())
                .header("Authorization", SystemStack.bearer(CaseSteps.CASEWORKER))
                .queryParam("childRef", childRef)
                .get("/api/cases")
                .then().statusCode(200).extract().jsonPath();
        List<String> ids = found.getList("caseId");
        List<String> statuses = found.getList("status");
        Map<String, String> byId = new java.util.HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            assertThat(byId.put(ids.get(i), statuses.get(i))).as("case %s listed twice", ids.get(i)).isNull();
        }
        return byId;
    }

    private int openInBacklog() {
        return steps.figures(LA, "2025-01-01", "2025-08-25").getInt("backlog.open");
    }

    private List<String> timeline(String caseId) {
        var response = given().baseUri(stack.reporting.baseUrl())
                .header("Authorization", SystemStack.bearer(CaseSteps.CASEWORKER))
                .get("/api/cases/{id}/timeline", caseId);
        if (response.statusCode() == 404) {
            return List.of();
        }
        return response.then().statusCode(200).extract().jsonPath().getList("type");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
