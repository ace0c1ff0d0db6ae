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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ehcptracker.devinfra.EmbeddedPostgresServer;

/**
 * Where a projection's time goes while it catches up (docs/benchmarks.md, "Reporting at national scale"): every
 * interval one line per reading, from PostgreSQL's statistics and the service's Prometheus metrics:
 * <ul>
 * <li>rows inserted into case_timeline in the interval (events/s) and in all;</li>
 * <li>each projection step's mean time per batch ({@code ehcp.projection.step}: guard, timeline, lock, upsert ...);</li>
 * <li>block reads (not in shared_buffers) and hits of the busiest indexes and tables;</li>
 * <li>the client backends' buffer evictions and writes (pg_stat_io): a cache too small to hold what is written;</li>
 * <li>the service's connections: active, idle in a transaction, idle (is the database waiting for the service?);</li>
 * <li>CPU share of the machine used by PostgreSQL, the service, this JVM (Kafka), and idle.</li>
 * </ul>
 */
final class ProjectionSampler implements AutoCloseable {

    private static final Pattern STEP = Pattern.compile(
            "^ehcp_projection_step_seconds_(sum|count)\\{.*step=\"([a-z-]+)\".*} ([0-9.eE+-]+)$");
    private static final Pattern LAG = Pattern.compile(
            "^kafka_consumer_fetch_manager_records_lag\\{.*topic=\"([a-z.]+)\".*} ([0-9.eE+-]+)$");

    private final Thread thread;
    private volatile boolean stopped;
    /** case_timeline's inserted rows at the last poll, and when the first and the latest rise were seen. */
    private volatile long rows;
    private volatile long firstRise;
    private volatile long lastRise;

    private ProjectionSampler(String baseUrl, String jdbc, long servicePid, Duration every) {
        thread = new Thread(() -> loop(baseUrl, jdbc, servicePid, every), "projection-sampler");
        thread.setDaemon(true);
    }

    static ProjectionSampler start(String baseUrl, String jdbc, long servicePid, Duration every) {
        ProjectionSampler sampler = new ProjectionSampler(baseUrl, jdbc, servicePid, every);
        sampler.thread.start();
        return sampler;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join(10_000);
    }

    private void loop(String baseUrl, String jdbc, long servicePid, Duration every) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Reading last = null;
        long started = System.nanoTime();
        long tick = 0;
        while (!stopped) {
            try (Connection c = DriverManager.getConnection(jdbc, EmbeddedPostgresServer.USER,
                    EmbeddedPostgresServer.PASSWORD)) {
                if (tick == 0) {
                    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("show shared_buffers")) {
                        r.next();
                        System.out.println("# PostgreSQL shared_buffers " + r.getString(1) + "; service consumers per topic "
                                + System.getenv().getOrDefault("EHCP_REPORTING_CONSUMERS_PER_TOPIC", "(default)"));
                    }
                }
                while (!stopped) {
                    poll(c);
                    if (tick++ % every.toSeconds() == 0) {
                        Reading now = read(c, http, baseUrl, servicePid);
                        if (last != null) {
                            System.out.println(now.since(last, (now.nanos - started) / 1e9));
                        }
                        last = now;
                    }
                    Thread.sleep(1000);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                System.out.println("sampler: " + e);
                try {
                    Thread.sleep(every.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Once a second: case_timeline's inserted rows (pg_stat_user_tables: cheap, unlike a count). */
    private void poll(Connection c) throws Exception {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select n_tup_ins from pg_stat_user_tables where relname = 'case_timeline'")) {
            long now = System.nanoTime();
            long n = r.next() ? r.getLong(1) : 0;
            if (n > rows) {
                if (rows == 0) {
                    firstRise = now;
                }
                lastRise = now;
                rows = n;
            }
        }
    }

    /**
     * Waits until case_timeline has had {@code expected} rows inserted, then: events/s from the first poll that saw a
     * row to the first that saw them all. The statistics reach pg_stat_user_tables when a backend's transaction ends
     * (at most once a second, and a backend that goes idle reports its last within 10 s), so the time is rounded up
     * by up to a few seconds: a conservative rate.
     */
    double rate(long expected) throws InterruptedException {
        while (rows < expected) {
            Thread.sleep(500);
        }
        double seconds = (lastRise - firstRise) / 1e9;
        System.out.printf(Locale.ROOT, "projection: %d events in %.1f s (first to last rise of case_timeline's "
                + "inserted rows, polled every second)%n", rows, seconds);
        return rows / seconds;
    }

    /** Counters at one moment. */
    record Reading(long nanos, long timelineRows, Map<String, double[]> steps, Map<String, long[]> blocks,
                   long[] io, Map<String, Integer> sessions, long[] cpu, Map<String, Double> lag) {

        String since(Reading before, double at) {
            double seconds = (nanos - before.nanos) / 1e9;
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                    "sample t=%.0fs timeline=%d (+%.0f/s)", at, timelineRows,
                    (timelineRows - before.timelineRows) / seconds));
            double batches = delta(steps, before.steps, "transaction", 1);
            b.append(String.format(Locale.ROOT, " batches=%.1f/s ms/batch:", batches / seconds));
            for (String step : steps.keySet()) {
                double count = delta(steps, before.steps, step, 1);
                double sum = delta(steps, before.steps, step, 0);
                if (count > 0) {
                    b.append(String.format(Locale.ROOT, " %s=%.1f", step, sum * 1000 / count));
                }
            }
            b.append(" | blocks read/hit:");
            for (var e : blocks.entrySet()) {
                long[] was = before.blocks.getOrDefault(e.getKey(), new long[2]);
                long read = e.getValue()[0] - was[0];
                long hit = e.getValue()[1] - was[1];
                if (read + hit > 0) {
                    b.append(String.format(Locale.ROOT, " %s=%d/%d", e.getKey(), read, hit));
                }
            }
            b.append(String.format(Locale.ROOT, " | backends: reads=%d evictions=%d writes=%d",
                    io[0] - before.io[0], io[1] - before.io[1], io[2] - before.io[2]));
            b.append(" | sessions ").append(sessions);
            long total = cpu[0] - before.cpu[0];
            if (total > 0) {
                b.append(String.format(Locale.ROOT, " | cpu%%: postgres=%.0f service=%.0f benchmark+kafka=%.0f idle=%.0f",
                        100.0 * (cpu[1] - before.cpu[1]) / total, 100.0 * (cpu[2] - before.cpu[2]) / total,
                        100.0 * (cpu[3] - before.cpu[3]) / total, 100.0 * (cpu[4] - before.cpu[4]) / total));
            }
            b.append(" | lag ").append(lag);
            b.append(" | load ").append(Machine.loadAverage());
            return b.toString();
        }

        private static double delta(Map<String, double[]> now, Map<String, double[]> was, String step, int i) {
            return now.getOrDefault(step, new double[2])[i] - was.getOrDefault(step, new double[2])[i];
        }
    }

    static Reading read(Connection c, HttpClient http, String baseUrl, long servicePid) throws Exception {
        long nanos = System.nanoTime();
        long timeline = 0;
        Map<String, long[]> blocks = new TreeMap<>();
        long[] io = new long[3];
        Map<String, Integer> sessions = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select n_tup_ins from pg_stat_user_tables where relname = 'case_timeline'")) {
                if (r.next()) {
                    timeline = r.getLong(1);
                }
            }
            try (ResultSet r = s.executeQuery("select indexrelname, idx_blks_read, idx_blks_hit from pg_statio_user_indexes "
                    + "where idx_blks_read + idx_blks_hit > 0")) {
                while (r.next()) {
                    blocks.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3)});
                }
            }
            try (ResultSet r = s.executeQuery("select relname, heap_blks_read, heap_blks_hit from pg_statio_user_tables "
                    + "where heap_blks_read + heap_blks_hit > 0")) {
                while (r.next()) {
                    blocks.put(r.getString(1) + "(heap)", new long[] {r.getLong(2), r.getLong(3)});
                }
            }
            try (ResultSet r = s.executeQuery("select coalesce(sum(reads), 0), coalesce(sum(evictions), 0), "
                    + "coalesce(sum(writes), 0) from pg_stat_io where backend_type = 'client backend'")) {
                if (r.next()) {
                    io = new long[] {r.getLong(1), r.getLong(2), r.getLong(3)};
                }
            }
            try (ResultSet r = s.executeQuery("select coalesce(state, '?') || coalesce(':' || wait_event, ''), count(*) "
                    + "from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() "
                    + "and backend_type = 'client backend' group by 1")) {
                while (r.next()) {
                    sessions.put(r.getString(1), r.getInt(2));
                }
            }
        }
        Map<String, double[]> steps = new LinkedHashMap<>();
        Map<String, Double> lag = new TreeMap<>();
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String line : metrics.split("\n")) {
                Matcher m = STEP.matcher(line);
                if (m.matches()) {
                    steps.computeIfAbsent(m.group(2), k -> new double[2])[m.group(1).equals("sum") ? 0 : 1] =
                            Double.parseDouble(m.group(3));
                }
                Matcher l = LAG.matcher(line);
                if (l.matches()) {
                    lag.merge(l.group(1).replace("ehcp.", "").replace(".events", ""), Double.parseDouble(l.group(2)),
                            Double::sum);
                }
            }
        } catch (Exception e) {
            // the metrics are a help, not the reading: without them the database's figures still tell
        }
        return new Reading(nanos, timeline, steps, blocks, io, sessions, cpu(servicePid), lag);
    }

    /** Ticks: the machine's total, PostgreSQL's processes, the service, this JVM, idle. */
    static long[] cpu(long servicePid) {
        long[] t = new long[5];
        try {
            String[] first = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            for (int i = 1; i < first.length && i <= 8; i++) {
                t[0] += Long.parseLong(first[i]);
            }
            t[4] = Long.parseLong(first[4]) + Long.parseLong(first[5]);
            long self = ProcessHandle.current().pid();
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path dir : (Iterable<Path>) dirs::iterator) {
                    String name = dir.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String stat = Files.readString(dir.resolve("stat"));
                        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        long pid = Long.parseLong(name);
                        if (comm.startsWith("postgres")) {
                            t[1] += ticks;
                        } else if (pid == servicePid) {
                            t[2] += ticks;
                        } else if (pid == self) {
                            t[3] += ticks;
                        }
                    } catch (Exception gone) {
                        // a process that ended between the listing and the read
                    }
                }
            }
        } catch (Exception e) {
            return t;
        }
        return t;
    }

}
