package org.ehcptracker.assessment.rest;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.Arrays;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/**
 * A reading, not a test: 5,000 open cases of one council, then 500 timed {@code GET /api/worklist} per filter
 * (after 100 warm-up rounds), printing p50/p99/max and the query plan. Its name is outside surefire's default
 * includes, so the build never runs it; run it with
 * {@code ./mvnw -o -B verify -pl assessment-service -Dtest=WorklistTimingProbe -Dsurefire.failIfNoSpecifiedTests=false}
 * and read {@code target/surefire-reports/*WorklistTimingProbe-output.txt}. Results in docs/benchmarks.md.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
class WorklistTimingProbe {
    @Inject
    Pool pool;

    @Test
    void measure() {
        pool.query("""
                insert into worklist_entry (case_id, local_authority_code, child_ref, status, received_date, clock_start,
                    assigned_caseworker, next_step, next_step_due)
                select gen_random_uuid(), '950', 'B-' || i, 'REQUESTED', current_date - (i % 140), current_date - (i % 140),
                    'cw' || (i % 25), 'DECISION_6_WEEKS', current_date - (i % 140) + 42
                from generate_series(1, 5000) i""").execute().await().indefinitely();
        pool.query("analyze worklist_entry").execute().await().indefinitely();
        String[] queries = {"la=950", "la=950&overdue=true", "la=950&dueWithinDays=7", "la=950&caseworker=cw7",
                "la=950&page=20&size=200", "la=950&status=REQUESTED&size=200"};
        for (int i = 0; i < 100; i++) {
            for (String q : queries) {
                given().header("X-Actor", "caseworker:bench").get("/api/worklist?" + q).then().statusCode(200);
            }
        }
        for (String q : queries) {
            long[] ns = new long[500];
            for (int i = 0; i < ns.length; i++) {
                long t0 = System.nanoTime();
                given().header("X-Actor", "caseworker:bench").get("/api/worklist?" + q).then().statusCode(200);
                ns[i] = System.nanoTime() - t0;
            }
            Arrays.sort(ns);
            System.out.printf("BENCH %-40s p50 %.1f ms  p99 %.1f ms  max %.1f ms%n", q, ns[250] / 1e6, ns[494] / 1e6, ns[499] / 1e6);
        }
        pool.query("explain analyze select * from worklist_entry where local_authority_code = '950' and next_step is not null"
                + " order by next_step_due nulls last, case_id limit 50").execute().await().indefinitely()
                .forEach(r -> System.out.println("PLAN " + r.getString(0)));
    }
}
