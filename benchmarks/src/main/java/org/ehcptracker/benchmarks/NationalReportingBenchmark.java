package org.ehcptracker.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.Topics;
import org.ehcptracker.devinfra.EmbeddedPostgresServer;
import org.ehcptracker.history.KafkaHistoryWriter;
import org.ehcptracker.history.NationalHistory;
import org.ehcptracker.history.PublishedFigures;
import org.ehcptracker.history.PublishedFigures.CouncilYear;

/**
 * reporting-service at national scale (issue 13; docs/benchmarks.md, "Reporting at national scale"), in one run:
 * <ol>
 * <li>the national history (tools/national-history, seed 2025; all councils or {@code --councils}) written to a
 *     fresh Kafka;</li>
 * <li>the baseline: a plain Kafka consumer that only decodes every record's JSON ({@code EventJson.read}), one
 *     thread, events/s;</li>
 * <li>reporting-service (packaged, -Xmx256m, fresh database) started on the full topics: its projection's events/s
 *     from the first to the last rise of case_timeline's inserted rows (ProjectionSampler), and the ratio to the
 *     baseline;</li>
 * <li>the DfE check: for every council and year 2019-2024, /figures/twenty-weeks (la=all) against the published table
 *     (plans issued and within 20 weeks, including and excluding exceptions); the mismatches are listed;</li>
 * <li>the board queries, 1,000 each after a warm-up, HdrHistogram: one council's year, all councils' year, a
 *     council's monthly trend over six years, the figures with the backlog as of a past date (/figures);</li>
 * <li>the service's resident memory with the history loaded.</li>
 * </ol>
 *
 * <pre>./mvnw -o -q -pl benchmarks exec:java -Dexec.mainClass=org.ehcptracker.benchmarks.NationalReportingBenchmark \
 *     [-Dexec.args="--councils 857,420,201"]</pre>
 * ({@code --projection-only}: stops after the projection's rate, without the DfE check and the queries). While the
 * service catches up, {@link ProjectionSampler} prints a line every 20 s: where the projection's time goes.
 * (package reporting-service first: {@code ./mvnw -o package -DskipTests -pl reporting-service}).
 */
public final class NationalReportingBenchmark {

    static final ObjectMapper JSON = EventJson.newObjectMapper();
    static final int QUERIES = 1_000;
    static final int WARMUP = 100;

    private NationalReportingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // A production-like cache for a national read model (docs/benchmarks.md, "Reporting at national scale"):
        // PostgreSQL's own advice is a quarter of the server's memory, so 1 GB is a 4 GB database server, the smallest
        // a national service would run; dev-infra's 64 MB is sized for the tests' small databases. Overridable with
        // -Dehcp.postgres.shared-buffers=64MB to see the difference.
        if (System.getProperty(EmbeddedPostgresServer.SHARED_BUFFERS_PROPERTY) == null) {
            System.setProperty(EmbeddedPostgresServer.SHARED_BUFFERS_PROPERTY, "1GB");
        }
        List<CouncilYear> published = PublishedFigures.load();
        NationalHistory history = new NationalHistory(published, 2025);
        Set<String> councils = new HashSet<>(history.councils());
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--councils")) {
                councils = Set.of(args[i + 1].split(","));
            }
        }
        boolean projectionOnly = List.of(args).contains("--projection-only");
        Set<String> selected = councils;
        long[] events = new long[1];
        double[] plainRate = new double[1];
        var sampler = new java.util.concurrent.atomic.AtomicReference<ProjectionSampler>();
        BenchmarkStack.run("national reporting", "reporting-service", "reporting", bootstrap -> {
            long started = System.nanoTime();
            try (KafkaHistoryWriter writer = new KafkaHistoryWriter(bootstrap)) {
                history.generate(selected, writer);
                events[0] = writer.written();
            }
            System.out.printf(Locale.ROOT, "history: %d councils, %d events written in %.1f s%n", selected.size(),
                    events[0], (System.nanoTime() - started) / 1e9);
            plainRate[0] = plainConsumer(bootstrap, events[0]);
        }, Duration.ofHours(3), (baseUrl, jdbc, pid) -> {
            sampler.set(ProjectionSampler.start(baseUrl, jdbc, pid, Duration.ofSeconds(20)));
            return sampler.get();
        }, (baseUrl, bearer, jdbc) -> {
            double projected = sampler.get().rate(events[0]);
            System.out.printf(Locale.ROOT, "projection: %.0f events/s; plain consumer %.0f events/s; ratio %.2f%n",
                    projected, plainRate[0], projected / plainRate[0]);
            System.out.printf(Locale.ROOT, "reporting-service RSS with the history loaded: %d MiB%n",
                    residentMiB(BenchmarkStack.SERVICE_PID.get()));
            if (projectionOnly) {
                tableSizes(jdbc);
                return;
            }
            new Queries(baseUrl, bearer).run(published, selected);
            System.out.printf(Locale.ROOT, "reporting-service RSS after the queries: %d MiB%n",
                    residentMiB(BenchmarkStack.SERVICE_PID.get()));
            tableSizes(jdbc);
        });
    }

    /** Reads every record of the three topics from the start and decodes it, one thread: events/s. */
    static double plainConsumer(String bootstrap, long expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "plain-decoder");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        EventJson json = new EventJson();
        long read = 0;
        long started = System.nanoTime();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ASSESSMENT_EVENTS, Topics.ADVICE_EVENTS, Topics.PLAN_EVENTS));
            while (read < expected) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    json.read(record.value());
                    read++;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "plain consumer: %d events decoded in %.1f s%n", read, seconds);
        return read / seconds;
    }

    static void tableSizes(String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select relname, n_live_tup, pg_size_pretty(pg_total_relation_size(relid)) "
                     + "from pg_stat_user_tables order by pg_total_relation_size(relid) desc limit 6")) {
            while (r.next()) {
                System.out.printf(Locale.ROOT, "table %s: ~%d rows, %s%n", r.getString(1), r.getLong(2), r.getString(3));
            }
        }
    }

    static long residentMiB(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    /** The DfE check and the board queries, over HTTP as the board calls them. */
    static final class Queries {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final String baseUrl;
        private final String bearer;

        Queries(String baseUrl, String bearer) {
            this.baseUrl = baseUrl;
            this.bearer = bearer;
        }

        void run(List<CouncilYear> published, Set<String> selected) throws Exception {
            check(published, selected);
            List<String> councils = selected.stream().sorted().toList();
            Random random = new Random(13);
            IntFunction<String> council = i -> councils.get(random.nextInt(councils.size()));
            time("one council's year (/figures/twenty-weeks)",
                    i -> "/api/local-authorities/" + council.apply(i) + "/figures/twenty-weeks?year=" + (2019 + i % 6));
            time("all councils' year (/figures/twenty-weeks, la=all)",
                    i -> "/api/local-authorities/all/figures/twenty-weeks?year=" + (2019 + i % 6));
            time("a council's monthly trend 2019-2024 (/figures/months)",
                    i -> "/api/local-authorities/" + council.apply(i) + "/figures/months?fromMonth=2019-01&toMonth=2024-12");
            time("the nation's monthly trend 2019-2024 (/figures/months, la=all)",
                    i -> "/api/local-authorities/all/figures/months?fromMonth=2019-01&toMonth=2024-12");
            time("a council's figures and backlog as of a past date (/figures)",
                    i -> "/api/local-authorities/" + council.apply(i) + "/figures?from=2022-01-01&to=2022-06-30");
            time("a council's board report for a year, ranks included (/board)",
                    i -> "/api/local-authorities/" + council.apply(i) + "/board?from=2022-01-01&to=2022-12-31");
        }

        /** Every published council-year of the selected councils against /figures/twenty-weeks?la=all. */
        void check(List<CouncilYear> published, Set<String> selected) throws Exception {
            int checked = 0;
            List<String> mismatches = new ArrayList<>();
            for (int year = 2019; year <= 2024; year++) {
                Map<String, JsonNode> rows = new TreeMap<>();
                for (JsonNode row : JSON.readTree(get("/api/local-authorities/all/figures/twenty-weeks?year=" + year))
                        .get("councils")) {
                    rows.put(row.get("localAuthorityCode").asText(), row.get("figures"));
                }
                for (CouncilYear y : published) {
                    if (y.year() != year || !selected.contains(y.laCode())) {
                        continue;
                    }
                    checked++;
                    // a council without a row for the year has no plan in it: 0/0 (Isles of Scilly 2019 publishes 0)
                    JsonNode f = rows.get(y.laCode());
                    String got = f == null ? "0/0 ex 0/0" : f.get("plansIssued") + "/" + f.get("issuedWithin20Weeks")
                            + " ex " + f.get("excludingExceptions").get("plansIssued") + "/"
                            + f.get("excludingExceptions").get("issuedWithin20Weeks");
                    String want = y.plansIssued() + "/" + y.within20Weeks() + " ex " + y.plansIssuedExcludingExceptions()
                            + "/" + y.within20WeeksExcludingExceptions();
                    if (!got.equals(want)) {
                        mismatches.add(y.laCode() + " " + y.laName() + " " + year + ": published " + want + ", projected " + got);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "DfE check: %d council-years, %d mismatches%n", checked, mismatches.size());
            mismatches.forEach(m -> System.out.println("  " + m));
        }

        void time(String shape, IntFunction<String> path) throws Exception {
            for (int i = 0; i < WARMUP; i++) {
                get(path.apply(i));
            }
            Histogram nanos = LatencyReading.newHistogram();
            for (int i = 0; i < QUERIES; i++) {
                String p = path.apply(i);
                long started = System.nanoTime();
                get(p);
                nanos.recordValue(System.nanoTime() - started);
            }
            LatencyReading reading = LatencyReading.of(shape, nanos);
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f ms | %.1f ms | %.1f ms |%n", shape, reading.count(),
                    reading.p50Millis(), reading.p99Millis(), reading.maxMillis());
        }

        String get(String path) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", bearer).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        }
    }
}
