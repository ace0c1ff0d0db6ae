package org.ehcptracker.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.ehcptracker.devinfra.EmbeddedPostgresServer;

/**
 * Issue 7 item 7: {@code GET /api/worklist} of assessment-service for a council with 5,000 open cases, target p99
 * under 50 ms. Starts PostgreSQL and Kafka (platform/dev-infra, in this JVM) and assessment-service from its packaged
 * {@code quarkus-run.jar} (a separate JVM), creates the cases through the public API with several client threads,
 * then times each request shape with HdrHistogram after a warm-up, against baselines measured in the same run
 * (one case by id; the liveness probe), and prints p50/p99/max and p99 ratios as a Markdown table, then the plans
 * of the page and count queries. Run (after {@code ./mvnw -o package -DskipTests -pl assessment-service}):
 * <pre>
 * ./mvnw -o -q -pl benchmarks exec:java -Dexec.mainClass=org.ehcptracker.benchmarks.WorklistBenchmark
 * </pre>
 * Settings (system properties): {@code benchmark.rounds} (1000), {@code benchmark.warmup} (200),
 * {@code benchmark.threads} (8, loading only), {@code benchmark.jar} (the service's quarkus-run.jar).
 */
public final class WorklistBenchmark {

    static final String COUNCIL = "990";
    static final List<String> OTHER_COUNCILS = List.of("991", "992", "993", "994");
    static final int OPEN_CASES = 5_000;
    static final int OTHER_CASES = 2_000;
    static final int DAYS_SPREAD = 140;
    static final int CASEWORKERS = 25;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    /** a team manager of every council, signed in at the benchmark's own Keycloak */
    private final String bearer;
    private int threads;
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

    private WorklistBenchmark(String baseUrl, String bearer) {
        this.baseUrl = baseUrl;
        this.bearer = bearer;
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("benchmark.rounds", 1000);
        int warmup = Integer.getInteger("benchmark.warmup", 200);
        int threads = Integer.getInteger("benchmark.threads", 8);
        BenchmarkStack.run("worklist benchmark", "assessment-service", "assessment", (baseUrl, bearer, jdbc) -> {
            var bench = new WorklistBenchmark(baseUrl, bearer);
            String someCase = bench.load(threads);
            sql(jdbc, "analyze worklist_entry");
            bench.measure(someCase, warmup, rounds);
            bench.explain(jdbc);
        });
    }

    /** Creates the cases through the public API; returns the id of one of the council's cases, for the baseline. */
    private String load(int threads) throws Exception {
        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < OPEN_CASES + OTHER_CASES; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        this.threads = threads;
        try {
            // every case received within the last 140 days: undecided ones are due 6 weeks after receipt, so
            // about 70% of those are overdue; decided ones wait for the 20-week final plan
            run(pool, OPEN_CASES + OTHER_CASES, i -> {
                String la = i < OPEN_CASES ? COUNCIL : OTHER_COUNCILS.get(i % OTHER_COUNCILS.size());
                return post("/api/cases", "{\"caseId\":\"" + ids.get(i) + "\",\"localAuthorityCode\":\"" + la
                        + "\",\"receivedDate\":\"" + received(i) + "\",\"requestedBy\":\"PARENT\",\"childRef\":\"B-" + i + "\"}",
                        201, "POST");
            });
            System.out.printf(Locale.ROOT, "# %d cases requested in %.1f s%n", ids.size(), (System.nanoTime() - t0) / 1e9);
            // a third of the council's cases decided to assess, 10 to 39 days after receipt (never after today)
            run(pool, OPEN_CASES, i -> i % 3 != 0 ? null : post("/api/cases/" + ids.get(i) + "/decision",
                    "{\"decision\":\"ASSESS\",\"decisionDate\":\"" + decided(i) + "\"}", 200, "POST"));
            // one case in 16 (313) assigned, to 25 caseworkers cw0..cw24 (gcd(16, 25) = 1: all of them get some)
            run(pool, OPEN_CASES, i -> i % 16 != 0 ? null : post("/api/cases/" + ids.get(i) + "/assignment",
                    "{\"caseworker\":\"cw" + (i % CASEWORKERS) + "\"}", 200, "PUT"));
        } finally {
            pool.shutdown();
        }
        System.out.printf(Locale.ROOT, "# loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        String total = get("/api/worklist?la=" + COUNCIL + "&size=1");
        if (!total.contains("\"total\":" + OPEN_CASES)) {
            throw new IllegalStateException("the worklist does not list " + OPEN_CASES + " cases: " + total);
        }
        return ids.get(1);
    }

    LocalDate received(int i) {
        return today.minusDays(i % DAYS_SPREAD);
    }

    LocalDate decided(int i) {
        return received(i).plusDays(Math.min(i % DAYS_SPREAD, 10 + i % 30));
    }

    private void measure(String someCase, int warmup, int rounds) throws Exception {
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("la=990 (default page of 50)", "/api/worklist?la=990");
        shapes.put("la=990&overdue=true", "/api/worklist?la=990&overdue=true");
        shapes.put("la=990&dueWithinDays=14", "/api/worklist?la=990&dueWithinDays=14");
        shapes.put("la=990&caseworker=cw7", "/api/worklist?la=990&caseworker=cw7");
        shapes.put("la=990&page=90 (deep page of 50)", "/api/worklist?la=990&page=90");
        shapes.put("la=990&page=24&size=200 (last page of 200)", "/api/worklist?la=990&page=24&size=200");
        Map<String, String> baselines = new LinkedHashMap<>();
        baselines.put("baseline: GET /api/cases/{id}", "/api/cases/" + someCase);
        baselines.put("baseline: GET /q/health/live", "/q/health/live");
        Map<String, String> all = new LinkedHashMap<>(baselines);
        all.putAll(shapes);
        Map<String, LatencyReading> readings = ShapeTimings.time(all, warmup, rounds, this::get);
        ShapeTimings.print(readings, "baseline: GET /api/cases/{id}", "case by id", "baseline: GET /q/health/live",
                shapes.keySet(), warmup, rounds, "worklist shape");
    }

    private void explain(String jdbc) throws Exception {
        String where = "local_authority_code = '990' and next_step is not null";
        for (String query : List.of(
                "select count(*) from worklist_entry where " + where,
                "select * from worklist_entry where " + where + " order by next_step_due nulls last, case_id offset 0 rows fetch first 50 rows only",
                "select * from worklist_entry where " + where + " order by next_step_due nulls last, case_id offset 4500 rows fetch first 50 rows only",
                "select count(*) from worklist_entry where " + where + " and next_step_due <= current_date - 1",
                "select * from worklist_entry where " + where + " and assigned_caseworker = 'cw7' order by next_step_due nulls last, case_id offset 0 rows fetch first 50 rows only")) {
            System.out.println("\nEXPLAIN ANALYZE " + query);
            try (Connection c = DriverManager.getConnection(jdbc, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("explain analyze " + query)) {
                while (rs.next()) {
                    System.out.println("  " + rs.getString(1));
                }
            }
        }
    }

    static void sql(String jdbc, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private String post(String path, String json, int expected, String method) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " " + json + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private String get(String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", bearer)
                .timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Runs {@code call(i)} for i in [0, n) on the pool (a null result: nothing to do for i); fails on the first error. */
    private void run(ExecutorService pool, int n, ThrowingCall call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    call.apply(i);
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
    }

    @FunctionalInterface
    private interface ThrowingCall {
        Object apply(int i) throws Exception;
    }

    /** {@code benchmark.jar}, else the service module's packaged quarkus-run.jar (run from the root or benchmarks/). */
    static Path jar(String service) {
        String given = System.getProperty("benchmark.jar");
        if (given != null) {
            return Path.of(given).toAbsolutePath();
        }
        Path relative = Path.of(service, "target", "quarkus-app", "quarkus-run.jar");
        Path here = relative.toAbsolutePath();
        return Files.exists(here) ? here : Path.of("..").resolve(relative).toAbsolutePath().normalize();
    }
}
