package org.ehcptracker.assessment.rest;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.assessment.ExceptionReason;
import org.ehcptracker.contracts.assessment.ExceptionRecorded;
import org.ehcptracker.contracts.assessment.MediationOrTribunalRecorded;
import org.ehcptracker.contracts.assessment.DisputeKind;
import org.ehcptracker.contracts.assessment.ResponsibilityTransferredIn;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.devinfra.VertxContexts;
import org.ehcptracker.kit.app.EventSourcedAggregates;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.AggregateType;
import org.junit.jupiter.api.Test;

/**
 * The worklist, the assignment and the search against real PostgreSQL and Kafka. Cases are driven through the
 * HTTP API (record, decide, conclude, withdraw); each test uses a council code of its own, so the cases other
 * tests record do not show. Dates count from the council's today.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
class WorklistResourceTest {

    static final String ACTOR = "caseworker:teamlead";
    /** assigning is the team manager's (issue 11) */
    static final String MANAGER = "team-manager:teamlead";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Inject
    Pool pool;

    @Inject
    EventSourcedAggregates aggregates;

    static RequestSpecification manager() {
        return given().header("Authorization", TestTokens.bearer(MANAGER)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static RequestSpecification api() {
        return given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static UUID record(String la, LocalDate received) {
        UUID caseId = UUID.randomUUID();
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId.toString());
        body.put("localAuthorityCode", la);
        body.put("receivedDate", received.toString());
        body.put("requestedBy", "PARENT");
        body.put("childRef", childRef(caseId));
        api().body(body).post("/api/cases").then().statusCode(201);
        return caseId;
    }

    static String childRef(UUID caseId) {
        return "W-" + caseId.toString().substring(0, 8).toUpperCase();
    }

    static void decide(UUID caseId, String decision, LocalDate on) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        body.put("decisionDate", on.toString());
        if (decision.equals("REFUSE")) {
            body.put("refusalReason", "NEEDS_MET_FROM_AVAILABLE_RESOURCES");
        }
        api().body(body).post("/api/cases/{id}/decision", caseId).then().statusCode(200);
    }

    static void conclude(UUID caseId, String outcome, LocalDate on) {
        api().body(Map.of("outcome", outcome, "conclusionDate", on.toString()))
                .post("/api/cases/{id}/conclusion", caseId).then().statusCode(200);
    }

    static void withdraw(UUID caseId, LocalDate on) {
        api().body(Map.of("withdrawnDate", on.toString())).post("/api/cases/{id}/withdrawal", caseId).then().statusCode(200);
    }

    static void assign(UUID caseId, String caseworker) {
        manager().body(Map.of("caseworker", caseworker)).put("/api/cases/{id}/assignment", caseId).then().statusCode(200);
    }

    static JsonPath worklist(String query) {
        return api().get("/api/worklist" + (query.isEmpty() ? "" : "?" + query)).then().statusCode(200).extract().jsonPath();
    }

    static List<String> ids(JsonPath page) {
        return page.getList("cases.caseId", String.class);
    }

    static List<String> ids(UUID... cases) {
        return java.util.Arrays.stream(cases).map(UUID::toString).toList();
    }

    /**
     * One council's caseload: open cases due on four different days (one late) and three closed ones.
     * <ul>
     * <li>late: received 50 days ago, undecided: decision due 8 days ago;</li>
     * <li>plan: received 130 days ago, assessed, concluded ISSUE_PLAN: final plan due in 10 days;</li>
     * <li>fresh: received 10 days ago: decision due in 32 days;</li>
     * <li>assessing: received 30 days ago, assessed: conclusion (16 weeks) due in 82 days;</li>
     * <li>refused, withdrawn, no plan: nothing due.</li>
     * </ul>
     */
    record Caseload(UUID late, UUID plan, UUID fresh, UUID assessing, UUID refused, UUID withdrawn, UUID noPlan) {

        static Caseload in(String la) {
            UUID late = record(la, TODAY.minusDays(50));
            UUID plan = record(la, TODAY.minusDays(130));
            decide(plan, "ASSESS", TODAY.minusDays(100));
            conclude(plan, "ISSUE_PLAN", TODAY.minusDays(20));
            UUID fresh = record(la, TODAY.minusDays(10));
            UUID assessing = record(la, TODAY.minusDays(30));
            decide(assessing, "ASSESS", TODAY.minusDays(5));
            UUID refused = record(la, TODAY.minusDays(20));
            decide(refused, "REFUSE", TODAY.minusDays(2));
            UUID withdrawn = record(la, TODAY.minusDays(20));
            withdraw(withdrawn, TODAY.minusDays(1));
            UUID noPlan = record(la, TODAY.minusDays(120));
            decide(noPlan, "ASSESS", TODAY.minusDays(90));
            conclude(noPlan, "NO_PLAN", TODAY.minusDays(3));
            return new Caseload(late, plan, fresh, assessing, refused, withdrawn, noPlan);
        }
    }

    // ---- the list, its order and each row -----------------------------------------------------------------

    @Test
    void a_councils_open_cases_are_listed_soonest_due_first_with_their_next_step() {
        Caseload c = Caseload.in("901");
        record("902", TODAY.minusDays(40)); // another council's case never shows

        JsonPath page = worklist("la=901");

        assertThat(ids(page)).isEqualTo(ids(c.late(), c.plan(), c.fresh(), c.assessing()));
        assertThat(page.getLong("total")).isEqualTo(4);
        assertThat(page.getString("today")).isEqualTo(TODAY.toString());
        assertThat(page.getList("cases.nextStep", String.class))
                .containsExactly("DECISION_6_WEEKS", "FINAL_PLAN_20_WEEKS", "DECISION_6_WEEKS", "NO_PLAN_DECISION_16_WEEKS");
        assertThat(page.getList("cases.dueDate", String.class)).containsExactly(TODAY.minusDays(8).toString(),
                TODAY.plusDays(10).toString(), TODAY.plusDays(32).toString(), TODAY.plusDays(82).toString());
        assertThat(page.getList("cases.daysLeft", Integer.class)).containsExactly(-8, 10, 32, 82);
        assertThat(page.getList("cases.status", String.class))
                .containsExactly("REQUESTED", "CONCLUDED_ISSUE_PLAN", "REQUESTED", "ASSESSING");

        Map<String, Object> plan = page.getMap("cases[1]");
        assertThat(plan).containsEntry("childRef", childRef(c.plan()))
                .containsEntry("localAuthorityCode", "901")
                .containsEntry("receivedDate", TODAY.minusDays(130).toString())
                .containsEntry("clockStart", TODAY.minusDays(130).toString())
                .containsEntry("openExceptions", 0)
                .containsEntry("exceptionApplies", false)
                .containsEntry("assignedCaseworker", null)
                .containsEntry("transferredFrom", null);
    }

    @Test
    void cases_due_on_the_same_day_are_ordered_by_case_id() {
        List<UUID> sameDay = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sameDay.add(record("903", TODAY.minusDays(7)));
        }
        List<String> byId = sameDay.stream().map(UUID::toString).sorted().toList(); // PostgreSQL orders uuids as this text
        assertThat(ids(worklist("la=903"))).isEqualTo(byId);
    }

    @Test
    void a_status_filter_lists_that_status_closed_ones_included() {
        Caseload c = Caseload.in("904");
        assertThat(ids(worklist("la=904&status=ASSESSING"))).isEqualTo(ids(c.assessing()));
        assertThat(ids(worklist("la=904&status=REQUESTED"))).isEqualTo(ids(c.late(), c.fresh()));

        JsonPath refused = worklist("la=904&status=REFUSED");
        assertThat(ids(refused)).isEqualTo(ids(c.refused()));
        assertThat(refused.getString("cases[0].nextStep")).isNull();
        assertThat(refused.getString("cases[0].dueDate")).isNull();
        assertThat(refused.getString("cases[0].daysLeft")).isNull();
        assertThat(ids(worklist("la=904&status=WITHDRAWN"))).isEqualTo(ids(c.withdrawn()));
        assertThat(ids(worklist("la=904&status=CONCLUDED_NO_PLAN"))).isEqualTo(ids(c.noPlan()));
    }

    @Test
    void due_within_days_lists_the_steps_due_from_today_to_that_day_both_included() {
        Caseload c = Caseload.in("905");
        assertThat(ids(worklist("la=905&dueWithinDays=9"))).isEmpty();
        assertThat(ids(worklist("la=905&dueWithinDays=10"))).isEqualTo(ids(c.plan()));
        assertThat(ids(worklist("la=905&dueWithinDays=32"))).isEqualTo(ids(c.plan(), c.fresh()));
        assertThat(ids(worklist("la=905&dueWithinDays=365"))).isEqualTo(ids(c.plan(), c.fresh(), c.assessing()));
        UUID dueToday = record("905", TODAY.minusDays(42)); // decision due today: in time, within 0 days
        assertThat(ids(worklist("la=905&dueWithinDays=0"))).isEqualTo(ids(dueToday));
    }

    @Test
    void overdue_lists_the_steps_due_before_today_and_false_the_others() {
        Caseload c = Caseload.in("906");
        UUID dueToday = record("906", TODAY.minusDays(42));
        JsonPath late = worklist("la=906&overdue=true");
        assertThat(ids(late)).isEqualTo(ids(c.late()));
        assertThat(late.getInt("cases[0].daysLeft")).isEqualTo(-8);
        assertThat(ids(worklist("la=906&overdue=false"))).isEqualTo(ids(dueToday, c.plan(), c.fresh(), c.assessing()));
        assertThat(ids(worklist("la=906&overdue=true&dueWithinDays=30"))).isEmpty();
    }

    @Test
    void a_caseworker_filter_lists_only_the_cases_assigned_to_them() {
        Caseload c = Caseload.in("907");
        assign(c.assessing(), "wl.jones");
        assign(c.fresh(), "wl.jones");
        assign(c.late(), "wl.patel");
        JsonPath jones = worklist("la=907&caseworker=wl.jones");
        assertThat(ids(jones)).isEqualTo(ids(c.fresh(), c.assessing()));
        assertThat(jones.getList("cases.assignedCaseworker", String.class)).containsOnly("wl.jones");
        assertThat(ids(worklist("la=907&caseworker=wl.patel&overdue=true"))).isEqualTo(ids(c.late()));
        assertThat(ids(worklist("la=907&caseworker=nobody-here"))).isEmpty();
    }

    @Test
    void pages_split_the_sorted_list_and_each_carries_the_total() {
        Caseload c = Caseload.in("908");
        JsonPath first = worklist("la=908&size=3");
        assertThat(ids(first)).isEqualTo(ids(c.late(), c.plan(), c.fresh()));
        assertThat(first.getLong("total")).isEqualTo(4);
        assertThat(first.getInt("page")).isZero();
        assertThat(first.getInt("size")).isEqualTo(3);
        JsonPath second = worklist("la=908&size=3&page=1");
        assertThat(ids(second)).isEqualTo(ids(c.assessing()));
        assertThat(second.getLong("total")).isEqualTo(4);
        JsonPath beyond = worklist("la=908&size=3&page=2");
        assertThat(ids(beyond)).isEmpty();
        assertThat(beyond.getLong("total")).isEqualTo(4);
        assertThat(worklist("la=908&size=200").getInt("size")).isEqualTo(200);
        assertThat(worklist("la=908").getInt("size")).isEqualTo(50);
    }

    // ---- bad parameters -------------------------------------------------------------------------------------

    @Test
    void a_bad_or_missing_parameter_is_a_400_problem_naming_it() {
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("", "la");
        bad.put("la=83", "la");
        bad.put("la=8390", "la");
        bad.put("la=ABC", "la");
        bad.put("la=839&status=OPEN", "status");
        bad.put("la=839&status=assessing", "status");
        bad.put("la=839&dueWithinDays=x", "dueWithinDays");
        bad.put("la=839&dueWithinDays=-1", "dueWithinDays");
        bad.put("la=839&dueWithinDays=99999", "dueWithinDays");
        bad.put("la=839&overdue=yes", "overdue");
        bad.put("la=839&page=-1", "page");
        bad.put("la=839&page=one", "page");
        bad.put("la=839&size=0", "size");
        bad.put("la=839&size=201", "size");
        bad.put("la=839&caseworker=j%20smith", "caseworker");
        bad.put("la=839&caseworker=j%00smith", "caseworker");
        bad.forEach((query, field) -> api().get("/api/worklist" + (query.isEmpty() ? "" : "?" + query)).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(field)));
        given().accept(ContentType.JSON).get("/api/worklist?la=839").then().statusCode(401).contentType("application/problem+json");
    }

    // ---- assignment ----------------------------------------------------------------------------------------

    @Test
    void assigning_reassigning_and_unassigning_are_shown_and_audited() {
        UUID caseId = record("909", TODAY.minusDays(3));
        Instant before = Instant.now();

        manager().body(Map.of("caseworker", "jsmith")).put("/api/cases/{id}/assignment", caseId).then()
                .statusCode(200)
                .body("caseId", equalTo(caseId.toString()))
                .body("caseworker", equalTo("jsmith"))
                .body("history.size()", equalTo(1))
                .body("history[0].caseworker", equalTo("jsmith"))
                .body("history[0].previousCaseworker", nullValue())
                .body("history[0].changedBy", equalTo(MANAGER));
        assertThat(worklist("la=909").getString("cases[0].assignedCaseworker")).isEqualTo("jsmith");

        // the same caseworker again changes nothing and adds no audit row
        assign(caseId, "jsmith");
        given().header("Authorization", TestTokens.bearer("team-manager:manager")).contentType(ContentType.JSON)
                .body(Map.of("caseworker", "a.khan@839")).put("/api/cases/{id}/assignment", caseId).then()
                .statusCode(200).body("caseworker", equalTo("a.khan@839"));
        manager().delete("/api/cases/{id}/assignment", caseId).then().statusCode(200).body("caseworker", nullValue());
        manager().delete("/api/cases/{id}/assignment", caseId).then().statusCode(200).body("caseworker", nullValue());

        assertThat(worklist("la=909").getString("cases[0].assignedCaseworker")).isNull();
        List<Row> audit = new ArrayList<>();
        pool.preparedQuery("select caseworker, previous_caseworker, changed_by, changed_at from case_assignment_audit"
                + " where case_id = $1 order by id").execute(Tuple.of(caseId)).await().indefinitely().forEach(audit::add);
        assertThat(audit).extracting(r -> r.getString("caseworker")).containsExactly("jsmith", "a.khan@839", null);
        assertThat(audit).extracting(r -> r.getString("previous_caseworker")).containsExactly(null, "jsmith", "a.khan@839");
        assertThat(audit).extracting(r -> r.getString("changed_by"))
                .containsExactly(MANAGER, "team-manager:manager", MANAGER);
        assertThat(audit).allSatisfy(r -> assertThat(r.getOffsetDateTime("changed_at").toInstant())
                .isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1)));

        api().get("/api/cases/{id}/assignment", caseId).then().statusCode(200)
                .body("caseworker", nullValue())
                .body("history.caseworker", org.hamcrest.Matchers.contains("jsmith", "a.khan@839", null))
                .body("history.changedBy", org.hamcrest.Matchers.contains(MANAGER, "team-manager:manager", MANAGER));
    }

    @Test
    void the_assignment_survives_the_cases_next_events() {
        UUID caseId = record("910", TODAY.minusDays(12));
        assign(caseId, "jsmith");
        decide(caseId, "ASSESS", TODAY.minusDays(1));
        JsonPath page = worklist("la=910&caseworker=jsmith");
        assertThat(ids(page)).isEqualTo(ids(caseId));
        assertThat(page.getString("cases[0].nextStep")).isEqualTo("NO_PLAN_DECISION_16_WEEKS");
    }

    @Test
    void assignment_of_an_unknown_case_is_404_and_a_bad_caseworker_400() {
        UUID unknown = UUID.randomUUID();
        manager().body(Map.of("caseworker", "jsmith")).put("/api/cases/{id}/assignment", unknown).then()
                .statusCode(404).contentType("application/problem+json");
        manager().delete("/api/cases/{id}/assignment", unknown).then().statusCode(404);
        api().get("/api/cases/{id}/assignment", unknown).then().statusCode(404);

        UUID caseId = record("911", TODAY.minusDays(3));
        for (String bad : List.of("j smith", "", "jsmith\u0000", "caseworker:jsmith", "x".repeat(101))) {
            manager().body(Map.of("caseworker", bad)).put("/api/cases/{id}/assignment", caseId).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("caseworker")));
        }
        manager().body("{}").put("/api/cases/{id}/assignment", caseId).then().statusCode(400)
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("caseworker")));
        manager().put("/api/cases/{id}/assignment", caseId).then().statusCode(400);
        manager().body(Map.of("caseworker", "jsmith")).put("/api/cases/not-a-uuid/assignment").then().statusCode(404);
        assertThat(worklist("la=911").getString("cases[0].assignedCaseworker")).isNull();
    }

    // ---- search --------------------------------------------------------------------------------------------

    @Test
    void a_child_ref_finds_the_cases_of_that_child_and_an_unknown_one_none() {
        UUID caseId = record("912", TODAY.minusDays(30));
        decide(caseId, "REFUSE", TODAY.minusDays(2));
        api().get("/api/cases?childRef={ref}", childRef(caseId)).then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].caseId", equalTo(caseId.toString()))
                .body("[0].status", equalTo("REFUSED"))
                .body("[0].localAuthorityCode", equalTo("912"))
                .body("[0].receivedDate", equalTo(TODAY.minusDays(30).toString()))
                .body("[0].clockStart", equalTo(TODAY.minusDays(30).toString()));
        api().get("/api/cases?childRef=NO-SUCH-CHILD").then().statusCode(200).body("$", empty());
        api().get("/api/cases?childRef=" + childRef(caseId).toLowerCase()).then().statusCode(200).body("$", empty());
    }

    @Test
    void a_search_without_a_valid_child_ref_is_400() {
        api().get("/api/cases").then().statusCode(400).body("field", equalTo("childRef"));
        api().get("/api/cases?childRef=Sam%20Example").then().statusCode(400).body("field", equalTo("childRef"));
        api().get("/api/cases?childRef=C-1%00").then().statusCode(400).body("field", equalTo("childRef"));
    }

    // ---- events the API cannot make yet: transfer, exception, dispute --------------------------------------

    /** Appends events to a case's stream through the real command path (and so the inline projections). */
    private void append(UUID caseId, AssessmentEvent... events) {
        AggregateType<Integer, AssessmentEvent> anyEvents =
                new AggregateType<>("test stream", AssessmentEvent.class, 0, (n, e) -> n + 1);
        VertxContexts.onNewContext(() -> aggregates.handle(anyEvents, caseId, new Actor("caseworker", "test"),
                (state, ctx) -> List.of(events))).join();
    }

    @Test
    void a_transfer_in_restarts_the_clock_and_an_open_exception_on_the_step_limit_is_counted() {
        UUID caseId = record("913", TODAY.minusDays(60));
        Instant now = Instant.now();
        LocalDate responsibleFrom = TODAY.minusDays(14);
        append(caseId,
                new ResponsibilityTransferredIn(UUID.randomUUID(), caseId, "913", responsibleFrom, now,
                        ResponsibilityTransferredIn.SCHEMA_VERSION, "838"),
                // on the 6-week limit the case now waits for: open
                new ExceptionRecorded(UUID.randomUUID(), caseId, "913", TODAY, now, ExceptionRecorded.SCHEMA_VERSION,
                        UUID.randomUUID(), StatutoryLimit.DECISION_6_WEEKS, ExceptionReason.ABSENT_FROM_AREA,
                        TODAY.minusDays(10), null),
                // on the 6-week limit but ended: not open
                new ExceptionRecorded(UUID.randomUUID(), caseId, "913", TODAY, now, ExceptionRecorded.SCHEMA_VERSION,
                        UUID.randomUUID(), StatutoryLimit.DECISION_6_WEEKS, ExceptionReason.EXCEPTIONAL_PERSONAL_CIRCUMSTANCES,
                        TODAY.minusDays(12), TODAY.minusDays(11)),
                // on another limit: counted once the case waits for it
                new ExceptionRecorded(UUID.randomUUID(), caseId, "913", TODAY, now, ExceptionRecorded.SCHEMA_VERSION,
                        UUID.randomUUID(), StatutoryLimit.FINAL_PLAN_20_WEEKS, ExceptionReason.SCHOOL_CLOSURE,
                        TODAY.minusDays(5), null),
                new MediationOrTribunalRecorded(UUID.randomUUID(), caseId, "913", TODAY, now,
                        MediationOrTribunalRecorded.SCHEMA_VERSION, DisputeKind.MEDIATION, UUID.randomUUID(),
                        org.ehcptracker.contracts.assessment.DisputeStage.REFUSAL_TO_ASSESS));

        JsonPath page = worklist("la=913");
        assertThat(ids(page)).isEqualTo(ids(caseId));
        Map<String, Object> row = page.getMap("cases[0]");
        assertThat(row).containsEntry("receivedDate", TODAY.minusDays(60).toString())
                .containsEntry("clockStart", responsibleFrom.toString())
                .containsEntry("transferredFrom", "838")
                .containsEntry("nextStep", "DECISION_6_WEEKS")
                // 42 days from the transfer, not from the request (which would be 18 days late)
                .containsEntry("dueDate", responsibleFrom.plusDays(42).toString())
                .containsEntry("daysLeft", 28)
                .containsEntry("openExceptions", 1)
                .containsEntry("exceptionApplies", true);
        Row stored = pool.preparedQuery("select dispute_kind, dispute_registered_date from worklist_entry where case_id = $1")
                .execute(Tuple.of(caseId)).await().indefinitely().iterator().next();
        assertThat(stored.getString("dispute_kind")).isEqualTo("MEDIATION");
        assertThat(stored.getLocalDate("dispute_registered_date")).isEqualTo(TODAY);
    }

    @Test
    void exceptions_recorded_corrected_and_withdrawn_through_the_api_are_counted_while_open() {
        UUID caseId = record("915", TODAY.minusDays(20));
        UUID exceptionId = UUID.randomUUID();
        api().body(Map.of("exceptionId", exceptionId.toString(), "limit", "DECISION_6_WEEKS",
                        "reason", "EXCEPTIONAL_PERSONAL_CIRCUMSTANCES", "startDate", TODAY.minusDays(5).toString()))
                .post("/api/cases/" + caseId + "/exceptions").then().statusCode(201);
        assertThat(worklist("la=915").getMap("cases[0]")).containsEntry("openExceptions", 1)
                .containsEntry("exceptionApplies", true);

        // the circumstance ended: no longer open
        manager().body(Map.of("endDate", TODAY.minusDays(1).toString()))
                .post("/api/cases/" + caseId + "/exceptions/" + exceptionId + "/correction").then().statusCode(200);
        assertThat(worklist("la=915").getMap("cases[0]")).containsEntry("openExceptions", 0);

        // a second one, recorded in error and withdrawn: it never counted
        UUID inError = UUID.randomUUID();
        api().body(Map.of("exceptionId", inError.toString(), "limit", "DECISION_6_WEEKS",
                        "reason", "ABSENT_FROM_AREA", "startDate", TODAY.minusDays(3).toString()))
                .post("/api/cases/" + caseId + "/exceptions").then().statusCode(201);
        assertThat(worklist("la=915").getMap("cases[0]")).containsEntry("openExceptions", 1);
        // no body, so no Content-Type either
        given().header("Authorization", TestTokens.bearer(MANAGER)).post("/api/cases/" + caseId + "/exceptions/" + inError + "/withdrawal")
                .then().statusCode(200);
        assertThat(worklist("la=915").getMap("cases[0]")).containsEntry("openExceptions", 0)
                .containsEntry("exceptionApplies", false);
    }

    @Test
    void a_case_without_a_row_gets_one_rebuilt_from_its_stream_at_its_next_event() {
        UUID caseId = record("914", TODAY.minusDays(20));
        assign(caseId, "jsmith"); // its own fact, not in the stream: lost with the row, as a rebuild must say
        pool.preparedQuery("delete from case_assignment_audit where case_id = $1").execute(Tuple.of(caseId)).await().indefinitely();
        pool.preparedQuery("delete from worklist_entry where case_id = $1").execute(Tuple.of(caseId)).await().indefinitely();
        assertThat(ids(worklist("la=914"))).isEmpty();

        decide(caseId, "ASSESS", TODAY.minusDays(1));

        JsonPath page = worklist("la=914");
        assertThat(ids(page)).isEqualTo(ids(caseId));
        assertThat(page.getString("cases[0].status")).isEqualTo("ASSESSING");
        assertThat(page.getString("cases[0].dueDate")).isEqualTo(TODAY.minusDays(20).plusDays(112).toString());
        assertThat(page.getString("cases[0].childRef")).isEqualTo(childRef(caseId));
    }

    @Test
    void cases_sort_the_same_way_in_java_and_sql() {
        // guards the ordering test above: PostgreSQL compares uuids as their lower-case hex text
        List<UUID> some = List.of(UUID.fromString("f0000000-0000-0000-0000-000000000000"),
                UUID.fromString("10000000-0000-0000-0000-000000000000"));
        List<String> sql = new ArrayList<>();
        pool.preparedQuery("select u::text from unnest($1::uuid[]) u order by u")
                .execute(Tuple.of(some.toArray(UUID[]::new))).await().indefinitely().forEach(r -> sql.add(r.getString(0)));
        assertThat(sql).isEqualTo(some.stream().map(UUID::toString).sorted(Comparator.naturalOrder()).toList());
    }
}
