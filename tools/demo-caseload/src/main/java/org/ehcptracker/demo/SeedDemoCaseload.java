package org.ehcptracker.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.ehcptracker.statutory.StatutoryClock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Seeds the demo councils' open caseloads through the services' public APIs, as their caseworkers and agencies
 * would have recorded them: the agency directory and default advice set, then each case's request, decision,
 * advice returned, draft and final plan, dated over the last months. deploy/local/README.md describes the councils.
 *
 * <p>Safe to run again, and it resumes: case ids are derived from the council and the case's number, and every step
 * already recorded answers 409 (a conflict: the same request, decision, advice or plan again), which counts as done.
 */
@Command(name = "seed-demo-caseload", mixinStandardHelpOptions = true,
        description = "Seeds the demo councils' caseloads through the public APIs of a running stack (./ehcp up).")
public final class SeedDemoCaseload implements Callable<Integer> {

    @Option(names = "--assessment-url", defaultValue = "http://localhost:8081")
    String assessmentUrl;
    @Option(names = "--advice-url", defaultValue = "http://localhost:8082")
    String adviceUrl;
    @Option(names = "--plan-url", defaultValue = "http://localhost:8083")
    String planUrl;
    @Option(names = "--oidc-url", defaultValue = "http://localhost:8180/realms/ehcp",
            description = "the identity provider's realm (token endpoint: <url>/protocol/openid-connect/token)")
    String oidcUrl;
    @Option(names = "--user", defaultValue = "demo", description = "a user with the caseworker and admin roles for the councils")
    String user;
    @Option(names = "--password", defaultValue = "${env:EHCP_DEMO_PASSWORD:-demo-demo}")
    String password;
    @Option(names = "--councils", split = ",", defaultValue = "391,868", description = "which demo councils (LA codes)")
    List<String> councils;
    @Option(names = "--scale", defaultValue = "1", description = "multiplies each council's number of requests")
    double scale;
    @Option(names = "--today", description = "the day the caseload is seen from (default: today in Europe/London)")
    LocalDate today;
    @Option(names = "--seed", defaultValue = "2026")
    long seed;
    @Option(names = "--threads", defaultValue = "6")
    int threads;
    /** How long to wait for another service to hear of a case through Kafka, per step. */
    @Option(names = "--kafka-patience-seconds", defaultValue = "180")
    int patienceSeconds;

    private ServiceApis apis;
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger newlyRecorded = new AtomicInteger();

    public static void main(String[] args) {
        System.exit(new CommandLine(new SeedDemoCaseload()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        LocalDate day = today != null ? today : LocalDate.now(ZoneId.of("Europe/London"));
        apis = new ServiceApis(oidcUrl, user, password);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (String la : councils) {
                CaseloadShape shape = CaseloadShape.ALL.stream().filter(s -> s.localAuthorityCode().equals(la)).findFirst()
                        .orElseThrow(() -> new CommandLine.ParameterException(new CommandLine(this),
                                "no demo shape for council " + la + "; known: 391, 868"))
                        .scaled(scale);
                seed(shape, DemoCase.caseload(shape, day, seed), day, pool);
            }
            if (!failures.isEmpty()) {
                System.err.println(failures.size() + " steps failed (a re-run resumes); the first ones:");
                failures.stream().limit(5).forEach(f -> System.err.println("  " + f));
                return 1;
            }
            return 0;
        } finally {
            pool.shutdownNow();
        }
    }

    private void seed(CaseloadShape shape, List<DemoCase> cases, LocalDate today, ExecutorService pool) throws Exception {
        String la = shape.localAuthorityCode();
        directory(la);
        newlyRecorded.set(0);
        List<DemoCase> created = new ArrayList<>(run(pool, cases, shape.name() + ": requests and decisions", this::recordRequest));
        created.removeIf(c -> c == null);
        run(pool, created.stream().filter(c -> c.epAdviceDate() != null || c.otherAdviceDate() != null).toList(),
                shape.name() + ": advice returned", this::returnAdvice);
        run(pool, created.stream().filter(c -> c.draftDate() != null).toList(), shape.name() + ": plans", this::issuePlans);
        long open = cases.stream().filter(DemoCase::open).count();
        long past20 = cases.stream().filter(c -> c.open() && c.decisionDate() != null && ChronoUnit.DAYS.between(
                c.receivedDate(), today) > StatutoryClock.FINAL_PLAN_LIMIT_DAYS).count();
        long waitingOnEp = cases.stream().filter(c -> c.decisionDate() != null && !c.refused() && c.epAdviceDate() == null).count();
        System.out.printf("%s: %d requests (%d newly recorded), %d refused, %d final plans; %d open, %d of them past 20"
                        + " weeks, %d waiting on EP advice%n", shape.name(), cases.size(), newlyRecorded.get(),
                cases.stream().filter(DemoCase::refused).count(), cases.stream().filter(c -> c.finalDate() != null).count(),
                open, past20, waitingOnEp);
    }

    /** The council's agencies and default advice set; an agency already in the directory (409) stays. */
    private void directory(String la) {
        Map<String, String> agencies = new LinkedHashMap<>();
        agencies.put("EDUCATIONAL_PSYCHOLOGY", "eps-" + la);
        agencies.put("HEALTH", "health-" + la);
        agencies.put("SOCIAL_CARE", "sc-" + la);
        Map<String, String> names = Map.of("EDUCATIONAL_PSYCHOLOGY", "Educational Psychology Service",
                "HEALTH", "Designated Clinical Officer", "SOCIAL_CARE", "Children's Social Care");
        List<Map<String, String>> entries = new ArrayList<>();
        agencies.forEach((type, id) -> {
            expect(apis.post(adviceUrl + "/api/councils/" + la + "/agencies", Map.of("agencyId", id, "name",
                    names.get(type) + " (demo)", "adviceTypes", List.of(type), "contactEmail", id + "@demo.invalid")),
                    "add agency " + id, 201, 409);
            entries.add(Map.of("adviceType", type, "agencyId", id));
        });
        expect(apis.put(adviceUrl + "/api/councils/" + la + "/default-advice", Map.of("entries", entries)),
                "default advice set of " + la, 200, 204);
    }

    /** The request and the decision; null when the request failed (the case goes no further). */
    private DemoCase recordRequest(DemoCase c) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("caseId", c.caseId().toString());
        request.put("localAuthorityCode", c.localAuthorityCode());
        request.put("receivedDate", c.receivedDate().toString());
        request.put("requestedBy", "PARENT");
        request.put("childRef", c.childRef());
        request.put("yearGroup", c.yearGroup());
        ServiceApis.Answer created = apis.post(assessmentUrl + "/api/cases", request);
        if (!expect(created, "request " + c.childRef(), 201, 409)) {
            return null;
        }
        if (created.status() == 201) {
            newlyRecorded.incrementAndGet();
        }
        if (c.decisionDate() != null) {
            Map<String, Object> decision = new LinkedHashMap<>();
            decision.put("decision", c.refused() ? "REFUSE" : "ASSESS");
            decision.put("decisionDate", c.decisionDate().toString());
            if (c.refused()) {
                decision.put("refusalReason", "NEEDS_MET_FROM_AVAILABLE_RESOURCES");
            }
            expect(apis.post(assessmentUrl + "/api/cases/" + c.caseId() + "/decision", decision),
                    "decision on " + c.childRef(), 200, 409);
        }
        return c;
    }

    /** The advice returned by its date: advice-service raises the default set once it hears of the decision. */
    private DemoCase returnAdvice(DemoCase c) {
        JsonNode requests = awaitJson(() -> apis.get(adviceUrl + "/api/cases/" + c.caseId() + "/advice-requests"),
                json -> json.size() >= 3, "advice requests of " + c.childRef());
        if (requests == null) {
            return c;
        }
        for (JsonNode r : requests) {
            LocalDate returned = "EDUCATIONAL_PSYCHOLOGY".equals(r.path("adviceType").asText()) ? c.epAdviceDate()
                    : c.otherAdviceDate();
            if (returned != null) {
                expect(apis.post(adviceUrl + "/api/advice-requests/" + r.path("adviceRequestId").asText() + "/submission",
                        Map.of("submittedDate", returned.toString())), "advice for " + c.childRef(), 200, 201, 409);
            }
        }
        return c;
    }

    /** The draft (once plan-service has heard of the decision to assess) and the final plan. */
    private DemoCase issuePlans(DemoCase c) {
        ServiceApis.Answer draft = awaitAnswer(() -> apis.post(planUrl + "/api/cases/" + c.caseId() + "/draft-plan",
                Map.of("issuedDate", c.draftDate().toString())), "draft plan of " + c.childRef());
        if (draft != null && expect(draft, "draft plan of " + c.childRef(), 200, 201, 409) && c.finalDate() != null) {
            expect(apis.post(planUrl + "/api/cases/" + c.caseId() + "/final-plan",
                    Map.of("issuedDate", c.finalDate().toString(), "settingType", "MSS")), "final plan of " + c.childRef(),
                    200, 201, 409);
        }
        return c;
    }

    /** Retries while the answer is 422 "has not seen" (another service has not yet heard through Kafka). */
    private ServiceApis.Answer awaitAnswer(java.util.function.Supplier<ServiceApis.Answer> call, String what) {
        long deadline = System.nanoTime() + patienceSeconds * 1_000_000_000L;
        while (true) {
            ServiceApis.Answer a = call.get();
            if (a.status() != 422 || System.nanoTime() > deadline) {
                return a;
            }
            pause();
        }
    }

    private JsonNode awaitJson(java.util.function.Supplier<ServiceApis.Answer> call,
            java.util.function.Predicate<JsonNode> ready, String what) {
        long deadline = System.nanoTime() + patienceSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            ServiceApis.Answer a = call.get();
            if (a.ok() && ready.test(a.json())) {
                return a.json();
            }
            pause();
        }
        failures.add(what + ": not there after " + patienceSeconds + " s");
        return null;
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private boolean expect(ServiceApis.Answer answer, String what, int... statuses) {
        for (int s : statuses) {
            if (answer.status() == s) {
                return true;
            }
        }
        failures.add(what + ": " + answer.status() + " " + answer.body());
        return false;
    }

    /** Runs one step for every case on the pool, printing a progress line every 2 seconds. */
    private List<DemoCase> run(ExecutorService pool, List<DemoCase> cases, String what,
            java.util.function.Function<DemoCase, DemoCase> step) throws Exception {
        AtomicInteger done = new AtomicInteger();
        List<Future<DemoCase>> futures = new ArrayList<>();
        for (DemoCase c : cases) {
            futures.add(pool.submit(() -> {
                try {
                    return step.apply(c);
                } finally {
                    done.incrementAndGet();
                }
            }));
        }
        List<DemoCase> results = new ArrayList<>();
        long nextLine = 0;
        for (Future<DemoCase> f : futures) {
            while (!f.isDone()) {
                if (System.nanoTime() >= nextLine) {
                    System.out.printf("  %s: %d/%d%n", what, done.get(), cases.size());
                    nextLine = System.nanoTime() + 2_000_000_000L;
                }
                Thread.sleep(50);
            }
            results.add(f.get());
        }
        System.out.printf("  %s: %d/%d%n", what, done.get(), cases.size());
        return results;
    }

}
