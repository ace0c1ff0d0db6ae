package org.ehcptracker.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ehcptracker.devinfra.FreePort;
import org.ehcptracker.devinfra.ServiceProcess;
import org.ehcptracker.systemtests.CaseRequestLoad.Attempt;
import org.ehcptracker.systemtests.CaseRequestLoad.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A read model rebuilt while commands arrive (issue 14; docs/reporting.md, "Rebuilding the read models"), as
 * {@code ./ehcp rebuild reporting} does it: caseworkers of council 890 request assessments on a paced load; a second
 * reporting-service process (the same jar, schema {@code rebuild_<n>}, consumer groups
 * {@code reporting-rebuild-<n>-*}) replays the three topics from their beginnings; once it has caught up the live
 * service switches to its tables, under load. At the end the exact counts hold (every accepted case once in
 * reporting, nothing else), the board answered throughout (never a 5xx) and its open-case figure for 890, which only
 * grows under this load, never went down. Then replay equals live: a second rebuild, with no load, holds exactly the
 * rows of every read-model table of the live service (every council's, every class's events so far).
 */
@ExtendWith(SystemStack.Shared.class)
class RebuildSystemTest {

    static final String LA = "890";
    static final String ADMIN = "admin:system-test";
    static final int STEP = 15;
    /** Records the rebuild may still be behind when the switch is asked for under load (the switch waits for them). */
    static final int NEAR = 10;
    /** A cold JVM replaying on a loaded 2-core machine: generous. */
    static final Duration REPLAY = Duration.ofSeconds(600);
    static final Duration PATIENCE = Duration.ofSeconds(240);
    static final List<String> TABLES = List.of("case_timeline", "case_progress", "processed_event");

    private static SystemStack stack;
    private static final List<ServiceProcess> rebuilds = new ArrayList<>();

    @BeforeAll
    static void stack(SystemStack shared) {
        stack = shared;
    }

    @AfterAll
    static void stopRebuilds() {
        rebuilds.forEach(ServiceProcess::close);
    }

    @Test
    void rebuiltUnderLoadAndSwitchedWithNothingLostNothingTwiceAndTheBoardAnsweringThroughout() throws Exception {
        List<String> boardAnswers = Collections.synchronizedList(new ArrayList<>());
        List<Integer> openFigures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread board = new Thread(() -> watchTheBoard(watching, boardAnswers, openFigures), "board-watcher");
        board.start();
        List<Attempt> all = new ArrayList<>();
        try {
            // commands arrive while the rebuild process starts and replays...
            int n = 1;
            ServiceProcess rebuild;
            try (CaseRequestLoad starting = new CaseRequestLoad(stack, LA, 2, List.of(() -> stack.assessment))) {
                starting.awaitMore(Outcome.ACCEPTED, STEP, PATIENCE);
                rebuild = startRebuild(n);
                starting.awaitMore(Outcome.ACCEPTED, STEP, PATIENCE);
                all.addAll(starting.stop());
            }
            // ...then, on this shared 2-core machine, more slowly (one caseworker), so that the cold rebuild process
            // overtakes them; they go on through the switch and after it
            try (CaseRequestLoad load = new CaseRequestLoad(stack, LA, 1, List.of(() -> stack.assessment))) {
                JsonPath progress = awaitCaughtUp(n, rebuild, false);
                System.out.printf("rebuild_%d caught up under load: %d records committed, lag %d%n", n,
                        progress.getLong("committed"), progress.getLong("lag"));

                int openBefore = openFigures.isEmpty() ? 0 : openFigures.get(openFigures.size() - 1);
                long acceptedBefore = load.count(Outcome.ACCEPTED);
                Response switched = switchTo(n);
                assertThat(switched.statusCode()).as(switched.asString()).isEqualTo(200);
                System.out.printf("switched under load: %s%n", switched.asString());
                rebuild.close();
                assertThat(schemaExists("rebuild_" + n) || schemaExists("retired_" + n)).as("schemas left").isFalse();

                // commands go on after the switch and reach the rebuilt tables
                load.awaitMore(Outcome.ACCEPTED, STEP, PATIENCE);
                all.addAll(load.stop());
                assertThat(all).as("answers other than 201").filteredOn(a -> a.outcome() != Outcome.ACCEPTED)
                        .isEmpty();
                var stored = load.assertExactlyOnceEverywhere(all, stack.assessment);
                await().atMost(PATIENCE).until(() -> openFigures.size() > 0
                        && openFigures.get(openFigures.size() - 1) == stored.size());
                watching.set(false);
                board.join(30_000);

                assertThat(boardAnswers).as("board answers other than 200").filteredOn(a -> !a.startsWith("200"))
                        .isEmpty();
                assertThat(openFigures).as("the open cases of %s, read throughout", LA).isSorted();
                assertThat(openFigures.get(openFigures.size() - 1)).isGreaterThanOrEqualTo(openBefore);
                System.out.printf("rebuild under load: %d cases accepted (%d while the switch ran or after it), %d in"
                                + " reporting; the board read %d times, never a 5xx, open cases %d before the switch,"
                                + " %d at the end%n", all.size(), load.count(Outcome.ACCEPTED) - acceptedBefore,
                        stored.size(), boardAnswers.size(), openBefore, openFigures.get(openFigures.size() - 1));
            }
        } finally {
            watching.set(false);
        }

        // replay equals live: a second rebuild, no load, holds the live rows exactly
        int m = 2;
        ServiceProcess second = startRebuild(m);
        awaitCaughtUp(m, second, true);
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String table : TABLES) {
                assertThat(dump("rebuild_" + m, table)).as("rebuild_%d.%s against the live %s", m, table, table)
                        .isEqualTo(dump("public", table));
            }
        });
        Response switched = switchTo(m);
        assertThat(switched.statusCode()).as(switched.asString()).isEqualTo(200);
        second.close();
    }

    /** The board's figures for 890 as a board member reads them, every 200 ms: the status, and the open cases. */
    private static void watchTheBoard(AtomicBoolean watching, List<String> answers, List<Integer> open) {
        while (watching.get()) {
            try {
                Response r = given().baseUri(stack.reporting.baseUrl())
                        .header("Authorization", SystemStack.bearer(CaseSteps.BOARD))
                        .queryParam("from", "2025-01-01").queryParam("to", "2025-08-25")
                        .get("/api/local-authorities/{la}/figures", LA);
                answers.add(r.statusCode() + " " + (r.statusCode() == 200 ? "" : r.asString()));
                if (r.statusCode() == 200) {
                    open.add(r.jsonPath().getInt("backlog.open"));
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                answers.add("no answer: " + e);
            }
        }
    }

    /** A reporting-service process in rebuild mode, as ./ehcp rebuild reporting starts it. */
    private static ServiceProcess startRebuild(int n) throws Exception {
        Path jar = Path.of("..", "reporting-service", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath()
                .normalize();
        Map<String, String> env = new HashMap<>(stack.env());
        env.put("EHCP_READ_MODEL_SCHEMA", "rebuild_" + n);
        env.put("EHCP_CONSUMER_COMMIT_INTERVAL_MS", "500");
        for (String channel : List.of("assessment", "advice", "plan")) {
            env.put("MP_MESSAGING_INCOMING_" + channel.toUpperCase() + "_EVENTS_GROUP_ID",
                    "reporting-rebuild-" + n + "-" + channel + "-events");
        }
        Path logs = Files.createDirectories(Path.of("target", "rebuild-logs"));
        ServiceProcess rebuild = ServiceProcess.start("reporting-rebuild-" + n, jar, FreePort.find(), env,
                logs.resolve("reporting-rebuild-" + n + ".log"), List.of("-Xmx256m"));
        rebuilds.add(rebuild);
        return rebuild;
    }

    /**
     * Polls the live service's view of the rebuild every 500 ms from the process's start until it has caught up
     * ({@code toTheEnd}: until its lag is 0) and the process is ready; prints the replay's throughput between the
     * first poll that saw a committed record and the last.
     */
    private static JsonPath awaitCaughtUp(int n, ServiceProcess rebuild, boolean toTheEnd) throws Exception {
        JsonPath[] last = new JsonPath[1];
        long[] first = {0, -1};
        long[] end = {0};
        await().atMost(REPLAY).pollInterval(Duration.ofMillis(500)).until(() -> {
            Response r = given().baseUri(stack.reporting.baseUrl()).header("Authorization", SystemStack.bearer(ADMIN))
                    .get("/api/admin/read-models/rebuilds/rebuild_{n}", n);
            if (r.statusCode() != 200) {
                return false;
            }
            last[0] = r.jsonPath();
            long committed = last[0].getLong("committed");
            if (first[1] < 0 && committed > 0) {
                first[0] = System.nanoTime();
                first[1] = committed;
            }
            end[0] = System.nanoTime();
            System.out.printf("  rebuild_%d: %d of %d records committed, lag %d%n", n, committed,
                    last[0].getLong("onTopics"), last[0].getLong("lag"));
            // under load the lag never stays at 0: close enough that the switch's own wait is short
            return last[0].getBoolean("caughtUp") && last[0].getLong("lag") <= (toTheEnd ? 0 : NEAR);
        });
        rebuild.awaitReady(PATIENCE);
        double seconds = (end[0] - first[0]) / 1e9;
        long replayed = last[0].getLong("committed") - Math.max(first[1], 0);
        System.out.printf("rebuild_%d: %d records on the topics, %d committed; %d of them in %.1f s after the first"
                        + " commit: %.0f records/s%n", n, last[0].getLong("onTopics"), last[0].getLong("committed"),
                replayed, seconds, first[1] >= 0 && seconds > 0 ? replayed / seconds : Double.NaN);
        return last[0];
    }

    private static Response switchTo(int n) {
        // no body; JSON as the content type, since a form post to reporting-service must carry the pages' CSRF token
        return given().baseUri(stack.reporting.baseUrl()).header("Authorization", SystemStack.bearer(ADMIN))
                .contentType(io.restassured.http.ContentType.JSON)
                .post("/api/admin/read-models/rebuilds/rebuild_{n}/switch", n);
    }

    /** Every row of a read-model table as text, ordered (processed_event without its processed_at: a time). */
    private static List<String> dump(String schema, String table) throws Exception {
        String columns = table.equals("processed_event") ? "consumer || ' ' || event_id" : "t::text";
        List<String> rows = new ArrayList<>();
        try (Connection c = reportingDatabase(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select " + columns + " from " + schema + "." + table + " t order by 1")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static boolean schemaExists(String schema) throws Exception {
        try (Connection c = reportingDatabase(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from information_schema.schemata where schema_name = '"
                     + schema + "'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static Connection reportingDatabase() throws Exception {
        Map<String, String> env = stack.env();
        return DriverManager.getConnection("jdbc:postgresql://" + env.get("PGHOST") + ":" + env.get("PGPORT")
                + "/reporting", env.get("PGUSER"), env.get("PGPASSWORD"));
    }
}
