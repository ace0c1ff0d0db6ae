package org.ehcptracker.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ehcptracker.devinfra.EmbeddedPostgresServer;

/**
 * Issue 9 item 7: plan-service's caseworker worklists ({@code GET /api/plan-worklists/{list}} and
 * {@code GET /api/phase-transfers}) for a council with 20,000 plans in force, target p99 under 50 ms for each. Starts
 * PostgreSQL, Kafka and Keycloak (platform/dev-infra, in this JVM) and plan-service from its packaged
 * {@code quarkus-run.jar} (a separate JVM at -Xmx256m, as {@code ./ehcp up} runs it; its Flyway makes the tables),
 * then seeds the rows of plan-service's inline-projected tables ({@code plan_in_force}, {@code annual_review},
 * {@code draft_in_progress}, {@code setting_consultation}) with SQL, since those tables are all the lists read (writing
 * 40,000 plans through the API would take the best part of an hour on this machine and time nothing more). Then it
 * times each list with HdrHistogram after a warm-up, interleaved round by round with two baselines of the same run
 * (one plan by id: a primary-key read; the liveness probe), and prints p50/p99/max, the p99 ratios and the plans
 * of the lists' queries. Run (after {@code ./mvnw -o package -DskipTests -pl plan-service}):
 * <pre>
 * ./mvnw -o -q -pl benchmarks exec:java -Dexec.mainClass=org.ehcptracker.benchmarks.PlanWorklistBenchmark
 * </pre>
 * Settings (system properties): {@code benchmark.rounds} (1000), {@code benchmark.warmup} (200),
 * {@code benchmark.jar} (plan-service's quarkus-run.jar).
 */
public final class PlanWorklistBenchmark {

    static final String COUNCIL = "995";
    /** 20,500 plans of the council, one in 41 ceased: 20,000 in force */
    static final int COUNCIL_PLANS = 20_500;
    /** four other councils, 5,000 plans each, so the council is half the table, not all of it */
    static final int OTHER_PLANS = 20_000;
    static final int COUNCIL_DRAFTS = 3_000;
    static final int OTHER_DRAFTS = 4_000;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String bearer;

    private PlanWorklistBenchmark(String baseUrl, String bearer) {
        this.baseUrl = baseUrl;
        this.bearer = bearer;
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("benchmark.rounds", 1000);
        int warmup = Integer.getInteger("benchmark.warmup", 200);
        BenchmarkStack.run("plan worklist benchmark", "plan-service", "plan", (baseUrl, bearer, jdbc) -> {
            long t0 = System.nanoTime();
            seed(jdbc);
            System.out.printf(Locale.ROOT, "# seeded in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, counts(jdbc));
            int year = Integer.parseInt(one(jdbc, "select extract(year from phase_transfer_deadline)::int from"
                    + " annual_review where local_authority_code = '" + COUNCIL + "' and phase_transfer is not null"
                    + " group by 1 order by count(*) desc limit 1"));
            String somePlan = one(jdbc, "select plan_id from plan_in_force where local_authority_code = '" + COUNCIL
                    + "' and last_review_meeting is not null order by plan_id limit 1");
            new PlanWorklistBenchmark(baseUrl, bearer).measure(somePlan, year, warmup, rounds);
            explain(jdbc, year);
        });
    }

    /**
     * The council's 20,500 plans (issued over five years; those older than a year had a review meeting in the last
     * 420 days, so about one in eight is overdue for its next), their reviews (the last one: one in ten undecided,
     * one in ten decided AMEND, half of those still waiting for the amended plan; one in twelve before a phase
     * transfer, due 15 February after the meeting; and the one before it, KEEP, for plans over two years old), 3,000
     * plans being made (drafts of the last 60 days, a third with the family's response, those over 40 days old
     * final) with one or two settings consulted each (a third unanswered); the same again, smaller, for 996-999.
     */
    private static void seed(String jdbc) throws Exception {
        int plans = COUNCIL_PLANS + OTHER_PLANS;
        WorklistBenchmark.sql(jdbc, """
                insert into plan_in_force (plan_id, case_id, local_authority_code, issued_date, advice_outstanding_at_issue,
                                           last_review_meeting, review_due, ceased_date, cease_reason)
                select md5('plan' || i)::uuid, md5('case' || i)::uuid, la, issued, i % 7 = 0, meeting,
                       (coalesce(meeting, issued) + interval '12 months')::date,
                       case when i % 41 = 0 then current_date - 3 end,
                       case when i % 41 = 0 then 'NO_LONGER_NECESSARY' end
                from (select i, la, issued,
                             case when issued < current_date - 365
                                  then greatest(issued + 1, current_date - (i * 13 % 420)) end as meeting
                      from (select i, case when i <= {councilPlans} then '{council}' else '99' || (6 + i % 4) end as la,
                                   current_date - (i * 7 % 1826) as issued
                            from generate_series(1, {plans}) as i) p) q
                """.replace("{councilPlans}", String.valueOf(COUNCIL_PLANS)).replace("{council}", COUNCIL)
                .replace("{plans}", String.valueOf(plans)));
        WorklistBenchmark.sql(jdbc, """
                insert into annual_review (review_id, plan_id, case_id, local_authority_code, meeting_date, decision_due,
                                           outcome, decided_date, amended_plan_due, amended_issued_date,
                                           phase_transfer, phase_transfer_deadline, amended_setting)
                select md5('review' || i)::uuid, md5('plan' || i)::uuid, md5('case' || i)::uuid, p.local_authority_code,
                       p.last_review_meeting, p.last_review_meeting + 28,
                       case when i % 10 = 0 then null when i % 10 = 1 then 'AMEND' else 'KEEP' end,
                       case when i % 10 = 0 then null else p.last_review_meeting + 21 end,
                       case when i % 10 = 1 then p.last_review_meeting + 21 + 56 end,
                       case when i % 20 = 11 then p.last_review_meeting + 21 + 50 end,
                       case when i % 12 = 5 then 'PRIMARY_TO_SECONDARY' end,
                       case when i % 12 = 5 then make_date(extract(year from p.last_review_meeting)::int + 1, 2, 15) end,
                       case when i % 12 = 5 and i % 20 = 11 then '139021' end
                from generate_series(1, {plans}) as i
                join plan_in_force p on p.plan_id = md5('plan' || i)::uuid
                where p.last_review_meeting is not null
                """.replace("{plans}", String.valueOf(plans)));
        WorklistBenchmark.sql(jdbc, """
                insert into annual_review (review_id, plan_id, case_id, local_authority_code, meeting_date, decision_due,
                                           outcome, decided_date)
                select md5('earlier review' || i)::uuid, p.plan_id, p.case_id, p.local_authority_code,
                       p.last_review_meeting - 365, p.last_review_meeting - 365 + 28, 'KEEP', p.last_review_meeting - 350
                from generate_series(1, {plans}) as i
                join plan_in_force p on p.plan_id = md5('plan' || i)::uuid
                where p.last_review_meeting is not null and p.issued_date < p.last_review_meeting - 366
                """.replace("{plans}", String.valueOf(plans)));
        // a review undecided, or decided AMEND and not amended, is the plan's open one
        WorklistBenchmark.sql(jdbc, """
                update plan_in_force p set open_review_id = r.review_id
                from annual_review r
                where r.plan_id = p.plan_id and p.ceased_date is null and r.meeting_date = p.last_review_meeting
                  and (r.outcome is null or (r.outcome = 'AMEND' and r.amended_issued_date is null))
                """);
        int drafts = COUNCIL_DRAFTS + OTHER_DRAFTS;
        WorklistBenchmark.sql(jdbc, """
                insert into draft_in_progress (plan_id, case_id, local_authority_code, draft_issued_date, comments_end,
                                               parent_response_date, final_issued_date)
                select md5('draft' || i)::uuid, md5('draft case' || i)::uuid, la, drafted, drafted + 15,
                       case when i % 3 = 0 then least(drafted + 5, current_date) end,
                       case when drafted < current_date - 40 then drafted + 35 end
                from (select i, case when i <= {councilDrafts} then '{council}' else '99' || (6 + i % 4) end as la,
                             current_date - (i % 60) as drafted
                      from generate_series(1, {drafts}) as i) d
                """.replace("{councilDrafts}", String.valueOf(COUNCIL_DRAFTS)).replace("{council}", COUNCIL)
                .replace("{drafts}", String.valueOf(drafts)));
        WorklistBenchmark.sql(jdbc, """
                insert into setting_consultation (plan_id, setting_urn, case_id, local_authority_code, consulted_date,
                                                  answer_due, answered_date, case_open)
                select d.plan_id, lpad((100000 + (i * 37 + k) % 50000)::text, 6, '0'), d.case_id, d.local_authority_code,
                       least(d.draft_issued_date + 2, current_date), least(d.draft_issued_date + 2, current_date) + 15,
                       case when (i + k) % 3 <> 0 and d.draft_issued_date + 12 <= current_date
                            then d.draft_issued_date + 12 end,
                       d.final_issued_date is null
                from generate_series(1, {drafts}) as i
                cross join generate_series(0, 1) as k
                join draft_in_progress d on d.plan_id = md5('draft' || i)::uuid
                where k = 0 or i % 2 = 0
                """.replace("{drafts}", String.valueOf(drafts)));
        WorklistBenchmark.sql(jdbc, "analyze plan_in_force, annual_review, draft_in_progress, setting_consultation");
    }

    private static String counts(String jdbc) throws Exception {
        String in = "local_authority_code = '" + COUNCIL + "'";
        return "council " + COUNCIL + ": " + one(jdbc, "select count(*) from plan_in_force where " + in
                + " and ceased_date is null") + " plans in force, "
                + one(jdbc, "select count(*) from annual_review where " + in) + " reviews, "
                + one(jdbc, "select count(*) from draft_in_progress where " + in) + " drafts, "
                + one(jdbc, "select count(*) from setting_consultation where " + in) + " consultations; all councils: "
                + one(jdbc, "select count(*) from plan_in_force") + " plans, "
                + one(jdbc, "select count(*) from annual_review") + " reviews";
    }

    private void measure(String somePlan, int year, int warmup, int rounds) throws Exception {
        String la = "la=" + COUNCIL;
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("drafts-awaiting-family", "/api/plan-worklists/drafts-awaiting-family?" + la);
        shapes.put("consultations-overdue", "/api/plan-worklists/consultations-overdue?" + la);
        shapes.put("reviews-due (weeks=8)", "/api/plan-worklists/reviews-due?" + la);
        shapes.put("reviews-due weeks=52&page=100 (deep page)", "/api/plan-worklists/reviews-due?" + la
                + "&weeks=52&page=100");
        shapes.put("review-decisions-overdue", "/api/plan-worklists/review-decisions-overdue?" + la);
        shapes.put("amendments-overdue", "/api/plan-worklists/amendments-overdue?" + la);
        shapes.put("phase-transfers year=" + year + " (counts and a page of 50)", "/api/phase-transfers?" + la + "&year=" + year);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("baseline: GET /api/plans/{id}", "/api/plans/" + somePlan);
        all.put("baseline: GET /q/health/live", "/q/health/live");
        all.putAll(shapes);
        for (var shape : all.entrySet()) {
            String body = get(shape.getValue());
            System.out.printf(Locale.ROOT, "# %s: %d bytes, %s%n", shape.getKey(), body.length(),
                    body.length() > 160 ? body.substring(0, 160) + "..." : body);
        }
        Map<String, LatencyReading> readings = ShapeTimings.time(all, warmup, rounds, this::get);
        ShapeTimings.print(readings, "baseline: GET /api/plans/{id}", "plan by id", "baseline: GET /q/health/live",
                shapes.keySet(), warmup, rounds, "plan worklist");
    }

    /** The queries behind each list (as PlanWorklistQueries words them), page and count, on the seeded data. */
    private static void explain(String jdbc, int year) throws Exception {
        String la = "local_authority_code = '" + COUNCIL + "'";
        String page = " offset 0 rows fetch first 50 rows only";
        for (String query : List.of(
                "select * from draft_in_progress where " + la + " and parent_response_date is null and final_issued_date"
                        + " is null and comments_end >= current_date order by comments_end, case_id" + page,
                "select count(*) from draft_in_progress where " + la + " and parent_response_date is null and"
                        + " final_issued_date is null and comments_end >= current_date",
                "select * from setting_consultation where " + la + " and answered_date is null and case_open and"
                        + " answer_due < current_date order by answer_due, case_id, plan_id, setting_urn" + page,
                "select * from plan_in_force where " + la + " and ceased_date is null and review_due >= date '2014-09-01'"
                        + " and review_due <= current_date + 56 order by review_due, plan_id" + page,
                "select count(*) from plan_in_force where " + la + " and ceased_date is null and review_due >= date"
                        + " '2014-09-01' and review_due <= current_date + 56",
                "select * from plan_in_force where " + la + " and ceased_date is null and review_due >= date '2014-09-01'"
                        + " and review_due <= current_date + 364 order by review_due, plan_id offset 5000 rows fetch"
                        + " first 50 rows only",
                "select * from annual_review where " + la + " and outcome is null and decision_due < current_date"
                        + " order by decision_due, review_id" + page,
                "select * from annual_review where " + la + " and outcome = 'AMEND' and amended_issued_date is null and"
                        + " amended_plan_due < current_date order by amended_plan_due, review_id" + page,
                "select * from annual_review where " + la + " and phase_transfer is not null and phase_transfer_deadline"
                        + " between date '" + year + "-01-01' and date '" + year + "-12-31'"
                        + " order by phase_transfer_deadline, review_id" + page)) {
            System.out.println("\nEXPLAIN ANALYZE " + query);
            try (Connection c = DriverManager.getConnection(jdbc, EmbeddedPostgresServer.USER,
                    EmbeddedPostgresServer.PASSWORD);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("explain analyze " + query)) {
                while (rs.next()) {
                    System.out.println("  " + rs.getString(1));
                }
            }
        }
    }

    private static String one(String jdbc, String query) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row for " + query);
            }
            return rs.getString(1);
        }
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
}
