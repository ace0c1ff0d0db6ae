package org.ehcptracker.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.ehcptracker.devinfra.EmbeddedPostgresServer;
import org.ehcptracker.devinfra.FreePort;
import org.ehcptracker.devinfra.KafkaBroker;
import org.ehcptracker.devinfra.KeycloakServer;
import org.ehcptracker.devinfra.ServiceProcess;

/**
 * Issue 14 item 5, second part: open-loop command latency of the whole stack, and freshness. Starts PostgreSQL and
 * Kafka (platform/dev-infra, in this JVM), Keycloak, and the four services from their packaged
 * {@code quarkus-run.jar} as separate JVMs at {@code -Xmx256m} (as {@code ./ehcp up} and the system tests run them),
 * then sends {@code POST /api/cases} (a case created, one event) at fixed rates on an open-loop schedule: request i is
 * due at start + i/rate whatever happened to the earlier ones, and its latency is recorded from that intended time
 * (HdrHistogram), so a stalled server is charged for every request that should have gone out meanwhile (no
 * coordinated omission). The client sends asynchronously ({@code java.net.http}, HTTP/1.1, as many connections as
 * requests in flight).
 *
 * <p>Steps through {@code benchmark.rates}; the capacity is the highest rate with no error, p99 under
 * {@code benchmark.explode-ms} and every answer in by 2 s after the last send. Then runs at 50% of it for
 * {@code benchmark.hold-seconds}, and for one case in {@code benchmark.sample} measures freshness: from the 201 to
 * the first 200 of reporting-service's {@code GET /api/cases/{id}/timeline}, polled every {@code benchmark.poll-ms}
 * (so freshness is an upper bound, coarse by at most that interval). Prints each step and the verdict against the
 * goals (command p99 < 25 ms, freshness p99 < 250 ms at 50% capacity), with the CPU each process used.
 * <pre>
 * ./mvnw -o package -DskipTests -pl assessment-service,advice-service,plan-service,reporting-service
 * ./mvnw -o -q -pl benchmarks exec:java -Dexec.mainClass=org.ehcptracker.benchmarks.CommandLatencyBenchmark
 * </pre>
 * Settings: {@code benchmark.warmup} (200 creations, closed loop, 4 in flight), {@code benchmark.rates} (by default
 * 0.25, 0.5, 1, 1.5, 2 and 3 times the closed-loop throughput of the warm-up's second half; e.g. 25,50,100,200), {@code benchmark.step-seconds} (20), {@code benchmark.hold-seconds}
 * (60), {@code benchmark.explode-ms} (1000), {@code benchmark.sample} (4), {@code benchmark.poll-ms} (20),
 * {@code benchmark.apps} (the directory holding {@code <name>-service/target/quarkus-app}; the repository by default).
 */
public final class CommandLatencyBenchmark {

    static final String COUNCIL = "980";
    static final List<String> SERVICES = List.of("assessment", "advice", "plan", "reporting");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ScheduledExecutorService pollers = Executors.newScheduledThreadPool(2);
    private final String assessmentUrl;
    private final String reportingUrl;
    private final String bearer;
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    private final int pollMillis;
    private final FreshnessLegs legs;

    /** The outcome of one rate. */
    record Step(double offered, double achieved, Histogram latency, int errors, double drainSeconds,
                Histogram freshness, int sampled, int neverVisible, String load) {

        boolean healthy(long explodeMillis) {
            return errors == 0 && drainSeconds <= 2.0 && latency.getValueAtPercentile(99) < explodeMillis * 1_000_000;
        }
    }

    private CommandLatencyBenchmark(String assessmentUrl, String reportingUrl, String bearer, int pollMillis,
                                    FreshnessLegs legs) {
        this.legs = legs;
        this.assessmentUrl = assessmentUrl;
        this.reportingUrl = reportingUrl;
        this.bearer = bearer;
        this.pollMillis = pollMillis;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        String givenRates = System.getProperty("benchmark.rates");
        double[] rates = givenRates == null ? null
                : Arrays.stream(givenRates.split(",")).mapToDouble(Double::parseDouble).toArray();
        int stepSeconds = Integer.getInteger("benchmark.step-seconds", 20);
        int holdSeconds = Integer.getInteger("benchmark.hold-seconds", 60);
        long explodeMillis = Long.getLong("benchmark.explode-ms", 1000);
        int sample = Integer.getInteger("benchmark.sample", 4);
        int pollMillis = Integer.getInteger("benchmark.poll-ms", 20);
        Path apps = apps();
        Path work = Files.createTempDirectory("command-latency-benchmark-");
        System.out.println("# command latency benchmark, " + Instant.now() + ", " + Machine.describe());
        System.out.println("# work directory " + work + ", services from " + apps);
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.startTemporary();
             KafkaBroker kafka = KafkaBroker.start(FreePort.find(), FreePort.find(), work.resolve("kafka"));
             KeycloakServer keycloak = KeycloakServer.start(FreePort.find(), work.resolve("keycloak"),
                     KeycloakServer.localRealmFile())) {
            String bearer = BenchmarkSignIn.bearer(keycloak);
            pg.createDatabases(SERVICES);
            Map<String, String> env = Map.of("PGHOST", "localhost", "PGPORT", String.valueOf(pg.port()),
                    "PGUSER", EmbeddedPostgresServer.USER, "PGPASSWORD", EmbeddedPostgresServer.PASSWORD,
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "EHCP_OIDC_URL", keycloak.issuer());
            Map<String, ServiceProcess> services = new LinkedHashMap<>();
            Map<String, Long> started = new LinkedHashMap<>();
            try {
                for (String name : SERVICES) {
                    Map<String, String> more = new HashMap<>(env);
                    // on a crowded host Flyway's first connection at start-up can take longer than the default 5 s
                    more.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S");
                    if (name.equals("reporting")) {
                        more.put("EHCP_ASSESSMENT_URL", services.get("assessment").baseUrl());
                        more.put("EHCP_ADVICE_URL", services.get("advice").baseUrl());
                        more.put("EHCP_PLAN_URL", services.get("plan").baseUrl());
                    }
                    Path jar = apps.resolve(name + "-service").resolve("target/quarkus-app/quarkus-run.jar");
                    started.put(name, System.nanoTime());
                    services.put(name, ServiceProcess.start(name, jar, FreePort.find(), more,
                            work.resolve(name + ".log"), List.of("-Xmx256m")));
                }
                Map<String, Double> toReady = timesToReady(services, started, Duration.ofSeconds(300));
                for (ServiceProcess service : services.values()) {
                    service.awaitReady(Duration.ofSeconds(300));
                }
                System.out.println("# time from process start to the first ready answer (GET /q/health/ready 200), the four"
                        + " started together: " + toReady.entrySet().stream().map(e -> String.format(Locale.ROOT,
                        "%s-service %.1f s", e.getKey(), e.getValue())).collect(java.util.stream.Collectors.joining(", ")));
                Map<String, Long> idle = memory(services, pg.port());
                try (FreshnessLegs legs = new FreshnessLegs(kafka.bootstrapServers(), "ehcp.assessment.events")) {
                    var bench = new CommandLatencyBenchmark(services.get("assessment").baseUrl(),
                            services.get("reporting").baseUrl(), bearer, pollMillis, legs);
                    bench.run(rates, stepSeconds, holdSeconds, explodeMillis, sample, services);
                }
                Map<String, Long> loaded = memory(services, pg.port());
                System.out.println();
                System.out.println("| process | RSS idle (ready, before any command) | RSS after the load |");
                System.out.println("|---|---|---|");
                loaded.forEach((name, kb) -> System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", name,
                        megabytes(idle.getOrDefault(name, 0L)), megabytes(kb)));
            } finally {
                for (ServiceProcess service : services.values()) {
                    service.close();
                }
            }
        }
        System.out.println("# load average at the end " + Machine.loadAverage());
        System.exit(0);
    }

    private void run(double[] rates, int stepSeconds, int holdSeconds, long explodeMillis, int sample,
                     Map<String, ServiceProcess> services) throws Exception {
        double closedLoop = warmUp(Integer.getInteger("benchmark.warmup", 200));
        if (rates == null) {
            // around what the stack sustained closed-loop, so the steps find the knee on a quiet or a crowded host
            rates = Arrays.stream(new double[] {0.25, 0.5, 1.0, 1.5, 2.0, 3.0})
                    .map(f -> Math.max(0.5, Math.round(closedLoop * f * 2) / 2.0)).distinct().toArray();
            System.out.println("# rates from the closed-loop throughput: " + Arrays.toString(rates) + " per second");
        }
        long t0 = System.nanoTime();
        Step first = step(rates[0], 10, sample);
        System.out.printf(Locale.ROOT, "# open-loop warm-up: 10 s at %.1f/s, done in %.1f s: %s; load average %s%n", rates[0],
                (System.nanoTime() - t0) / 1e9, row(first), Machine.loadAverage());
        System.out.println();
        System.out.println("| offered/s | achieved/s | p50 | p90 | p99 | p99.9 | max | errors | answers in after the last send | load average (1, 5, 15 min) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        double capacity = 0;
        for (double rate : rates) {
            Step s = step(rate, stepSeconds, 0);
            System.out.println(row(s));
            if (!s.healthy(explodeMillis)) {
                System.out.printf(Locale.ROOT, "(at %.1f/s the p99 exploded or errors appeared: stopping)%n", rate);
                break;
            }
            capacity = rate;
            Thread.sleep(3000); // let the relays and reporting catch up before the next rate
        }
        if (capacity == 0) {
            System.out.println("no rate was healthy: no capacity to halve");
            return;
        }
        boolean lowerBound = capacity == rates[rates.length - 1];
        double half = capacity / 2;
        System.out.printf(Locale.ROOT, "%ncapacity: %.1f commands/s%s; holding %.2f/s (50%%) for %d s, freshness of one case"
                + " in %d (timeline polled every %d ms)%n", capacity, lowerBound ? " (a lower bound: the highest rate tried)" : "",
                half, holdSeconds, sample, pollMillis);
        Map<String, Long> cpuBefore = cpu(services);
        long wallBefore = System.nanoTime();
        long[] machineBefore = machineTicks();
        legs.forget();
        Step hold = step(half, holdSeconds, sample);
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        long[] machineAfter = machineTicks();
        Map<String, Long> cpuAfter = cpu(services);
        System.out.println();
        System.out.println("| at 50% of capacity | count | p50 | p90 | p99 | p99.9 | max |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.println(percentiles("command latency (POST /api/cases, 201)", hold.latency()));
        System.out.println(percentiles("freshness (201 -> case in reporting's timeline)", hold.freshness()));
        System.out.printf(Locale.ROOT, "errors %d, sampled cases %d, never visible within 60 s %d, achieved %.1f/s, load %s%n",
                hold.errors(), hold.sampled(), hold.neverVisible(), hold.achieved(), hold.load());
        System.out.println();
        legs.print(250);
        double p99 = millis(hold.latency().getValueAtPercentile(99));
        double fresh99 = millis(hold.freshness().getValueAtPercentile(99));
        System.out.printf(Locale.ROOT, "%ngoal command p99 < 25 ms at 50%% capacity: %.1f ms %s; goal freshness p99 < 250 ms: %.1f ms %s%n",
                p99, p99 < 25 ? "MET" : "MISSED", fresh99, fresh99 < 250 && hold.neverVisible() == 0 ? "MET" : "MISSED");
        System.out.println();
        System.out.printf(Locale.ROOT, "CPU used during the %.0f s at 50%% (seconds of CPU per second of wall clock; the machine has %d cores):%n",
                wall, Runtime.getRuntime().availableProcessors());
        for (String name : cpuAfter.keySet()) {
            System.out.printf(Locale.ROOT, "  %s %.2f%n", name, (cpuAfter.get(name) - cpuBefore.getOrDefault(name, 0L)) / 100.0 / wall);
        }
        long busy = (machineAfter[0] - machineBefore[0]);
        long total = (machineAfter[1] - machineBefore[1]);
        System.out.printf(Locale.ROOT, "  whole machine busy %.0f%% (all processes, including the other sessions')%n",
                total == 0 ? 0 : 100.0 * busy / total);
    }

    /**
     * Closed loop first, 4 requests in flight: a freshly started JVM on a loaded host answers its first requests in
     * seconds (JIT, pools filling), and an open-loop schedule would pile requests up behind them. Prints what it saw.
     */
    private double warmUp(int n) throws Exception {
        Histogram h = LatencyReading.newHistogram();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long[] half = new long[1];
        Map<String, AtomicInteger> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    String outcome;
                    try {
                        outcome = String.valueOf(http.send(createCase(i), HttpResponse.BodyHandlers.discarding()).statusCode());
                    } catch (Exception e) {
                        outcome = e.getClass().getSimpleName();
                    }
                    synchronized (h) {
                        h.recordValue(System.nanoTime() - start);
                    }
                    outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                    if (done.incrementAndGet() == n / 2) {
                        half[0] = System.nanoTime();
                    }
                    if (!outcome.equals("201")) {
                        errors.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long end = System.nanoTime();
        double seconds = (end - t0) / 1e9;
        // the second half, when the JIT and the pools have warmed up
        double throughput = (n - n / 2) / ((end - half[0]) / 1e9);
        System.out.printf(Locale.ROOT, "# closed-loop warm-up: %d creations, 4 in flight, %.1f s; %.1f/s over the second"
                        + " half: p50 %.1f ms, p99 %.1f ms, max %.1f ms; outcomes %s; load average %s%n", n, seconds,
                throughput, millis(h.getValueAtPercentile(50)), millis(h.getValueAtPercentile(99)),
                millis(h.getMaxValue()), outcomes, Machine.loadAverage());
        return throughput;
    }

    private HttpRequest createCase(int i) {
        UUID caseId = UUID.randomUUID();
        return createCase(i, caseId);
    }

    private HttpRequest createCase(int i, UUID caseId) {
        String body = "{\"caseId\":\"" + caseId + "\",\"localAuthorityCode\":\"" + COUNCIL + "\",\"receivedDate\":\""
                + today.minusDays(i % 100) + "\",\"requestedBy\":\"PARENT\",\"childRef\":\"L-" + caseId + "\"}";
        return HttpRequest.newBuilder(URI.create(assessmentUrl + "/api/cases"))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build();
    }

    /** Sends {@code rate * seconds} case creations on the open-loop schedule; samples freshness of one case in {@code sample}. */
    private Step step(double rate, int seconds, int sample) throws Exception {
        int n = (int) Math.round(rate * seconds);
        Histogram latency = LatencyReading.newHistogram();
        Histogram freshness = LatencyReading.newHistogram();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger sampled = new AtomicInteger();
        AtomicInteger neverVisible = new AtomicInteger();
        Map<String, AtomicInteger> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        List<CompletableFuture<?>> inFlight = new ArrayList<>(n);
        List<CompletableFuture<?>> polls = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime() + 20_000_000;
        for (int i = 0; i < n; i++) {
            long intended = start + (long) (i * 1e9 / rate);
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            UUID caseId = UUID.randomUUID();
            boolean measureFreshness = sample > 0 && i % sample == 0;
            HttpRequest request = createCase(i, caseId);
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
                long done = System.nanoTime();
                synchronized (latency) {
                    latency.recordValue(Math.max(0, done - intended));
                }
                if (failure != null || response.statusCode() != 201) {
                    errors.incrementAndGet();
                    outcomes.computeIfAbsent(failure != null ? rootName(failure) : String.valueOf(response.statusCode()),
                            k -> new AtomicInteger()).incrementAndGet();
                } else if (measureFreshness) {
                    sampled.incrementAndGet();
                    CompletableFuture<Void> visible = new CompletableFuture<>();
                    polls.add(visible);
                    poll(caseId, done, System.currentTimeMillis(), freshness, neverVisible, visible);
                }
                return null;
            }));
        }
        long lastSend = System.nanoTime();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        double drain = (System.nanoTime() - lastSend) / 1e9;
        double achieved = (n - errors.get()) / ((System.nanoTime() - start) / 1e9);
        CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        if (!outcomes.isEmpty()) {
            System.out.printf(Locale.ROOT, "# %.1f/s: failed requests by outcome %s%n", rate, outcomes);
        }
        return new Step(rate, achieved, latency, errors.get(), drain, freshness, sampled.get(), neverVisible.get(),
                Machine.loadAverage());
    }

    /** Polls the case's timeline until it answers 200 (freshness recorded from {@code accepted}) or 60 s pass. */
    private void poll(UUID caseId, long accepted, long acceptedMs, Histogram freshness, AtomicInteger neverVisible,
                      CompletableFuture<Void> visible) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(reportingUrl + "/api/cases/" + caseId + "/timeline"))
                .header("Authorization", bearer).timeout(Duration.ofSeconds(30)).GET().build();
        long sent = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            long now = System.nanoTime();
            if (failure == null && response.statusCode() == 200) {
                synchronized (freshness) {
                    freshness.recordValue(now - accepted);
                }
                legs.sampled(caseId.toString(), acceptedMs, System.currentTimeMillis(), (now - sent) / 1_000_000);
                visible.complete(null);
            } else if (now - accepted > 60_000_000_000L) {
                neverVisible.incrementAndGet();
                visible.complete(null);
            } else {
                pollers.schedule(() -> poll(caseId, accepted, acceptedMs, freshness, neverVisible, visible), pollMillis,
                        TimeUnit.MILLISECONDS);
            }
        });
    }

    private static String rootName(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }

    private static String row(Step s) {
        Histogram h = s.latency();
        return String.format(Locale.ROOT, "| %.1f | %.1f | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %d | %.2f s | %s |",
                s.offered(), s.achieved(), millis(h.getValueAtPercentile(50)), millis(h.getValueAtPercentile(90)),
                millis(h.getValueAtPercentile(99)), millis(h.getValueAtPercentile(99.9)), millis(h.getMaxValue()),
                s.errors(), s.drainSeconds(), s.load());
    }

    private static String percentiles(String what, Histogram h) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms |", what,
                h.getTotalCount(), millis(h.getValueAtPercentile(50)), millis(h.getValueAtPercentile(90)),
                millis(h.getValueAtPercentile(99)), millis(h.getValueAtPercentile(99.9)), millis(h.getMaxValue()));
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** CPU ticks (1/100 s) used so far by each service and by this JVM (PostgreSQL's processes are not counted). */
    private static Map<String, Long> cpu(Map<String, ServiceProcess> services) {
        Map<String, Long> out = new LinkedHashMap<>();
        services.forEach((name, s) -> out.put(name + "-service", ticks(s.pid())));
        out.put("benchmark JVM (client, Kafka, PostgreSQL launcher)", ticks(ProcessHandle.current().pid()));
        return out;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
        } catch (Exception e) {
            return 0;
        }
    }

    /**
     * Seconds from each service's process start to its first {@code /q/health/ready} 200, polled every 100 ms for
     * all of them at once (so a slow one does not delay the others' reading); absent for one never ready.
     */
    private static Map<String, Double> timesToReady(Map<String, ServiceProcess> services, Map<String, Long> started,
                                                    Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Map<String, Double> ready = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ready.size() < services.size() && System.nanoTime() < deadline) {
            for (var e : services.entrySet()) {
                if (ready.containsKey(e.getKey())) {
                    continue;
                }
                try {
                    int status = client.send(HttpRequest.newBuilder(URI.create(e.getValue().baseUrl() + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200) {
                        ready.put(e.getKey(), (System.nanoTime() - started.get(e.getKey())) / 1e9);
                    }
                } catch (java.io.IOException notYet) {
                    // not listening yet
                }
            }
            Thread.sleep(100);
        }
        return ready;
    }

    /**
     * Resident memory (kB, VmRSS) of each service, of this JVM (client, Kafka broker, launchers), of PostgreSQL's
     * processes together and of Keycloak's, all read from /proc (Linux only; 0 where unreadable). PostgreSQL's server
     * detaches from its launcher, so it is found by its port on the command line, with its backends under it.
     */
    private static Map<String, Long> memory(Map<String, ServiceProcess> services, int pgPort) {
        Map<String, Long> out = new LinkedHashMap<>();
        java.util.Set<Long> servicePids = new java.util.HashSet<>();
        services.forEach((name, s) -> {
            out.put(name + "-service", rss(s.pid()));
            servicePids.add(s.pid());
        });
        out.put("benchmark JVM (client, Kafka broker)", rss(ProcessHandle.current().pid()));
        long postgres = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").matches(".*/postgres .*-p " + pgPort + "( .*)?"))
                .mapToLong(p -> rss(p.pid()) + p.descendants().mapToLong(c -> rss(c.pid())).sum())
                .sum();
        long keycloak = 0;
        for (ProcessHandle p : ProcessHandle.current().descendants().toList()) {
            if (servicePids.contains(p.pid())) {
                continue;
            }
            String command = p.info().commandLine().orElse("");
            if (command.contains("keycloak") || command.contains("kc.sh")) {
                keycloak += rss(p.pid());
            }
        }
        out.put("PostgreSQL (all its processes; shared memory counted in each)", postgres);
        out.put("Keycloak", keycloak);
        return out;
    }

    private static String megabytes(long kb) {
        return kb == 0 ? "not found" : String.format(Locale.ROOT, "%,d MB", kb / 1024);
    }

    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // gone or unreadable
        }
        return 0;
    }

    /** {busy, total} ticks of the whole machine from /proc/stat. */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (Exception e) {
            return new long[] {0, 0};
        }
    }

    private static Path apps() {
        String given = System.getProperty("benchmark.apps");
        if (given != null) {
            return Path.of(given).toAbsolutePath();
        }
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("assessment-service")) ? here : here.getParent();
    }
}
