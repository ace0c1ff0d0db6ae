package org.ehcptracker.assessment.rest;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.assessment.AssessmentConcluded;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.RefusalReason;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.eventstore.EventStore;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API against real PostgreSQL and Kafka: what it answers, what lands on
 * ehcp.assessment.events, and every refusal path.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
class AssessmentCaseResourceTest {

    static final String ACTOR = "caseworker:jsmith";
    /** corrections of the record, erasure and the audit are the team manager's (issue 11) */
    static final String MANAGER = "team-manager:mjones";
    static final String CHILD_NAME = "Zebedee Quartermaine";
    static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Europe/London"));
    static final LocalDate RECEIVED = TODAY.minusWeeks(3);
    static final LocalDate DATE_OF_BIRTH = LocalDate.of(2016, 7, 19);

    private final EventJson eventJson = new EventJson();

    @Inject
    Pool pool;

    @Inject
    EventStore store;

    @Inject
    org.ehcptracker.assessment.app.AssessmentCases cases;

    /** The case's stream as stored. */
    List<AssessmentEvent> stream(UUID caseId) {
        return store.load(caseId).await().indefinitely().stream()
                .map(e -> eventJson.read(e.payloadJson(), AssessmentEvent.class)).toList();
    }

    static RequestSpecification api() {
        return given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static RequestSpecification manager() {
        return given().header("Authorization", TestTokens.bearer(MANAGER)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static Map<String, Object> requestBody(UUID caseId) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId.toString());
        body.put("localAuthorityCode", "839");
        body.put("receivedDate", RECEIVED.toString());
        body.put("requestedBy", "PARENT");
        body.put("childRef", "C-" + caseId.toString().substring(0, 8).toUpperCase());
        body.put("childName", CHILD_NAME);
        body.put("childDateOfBirth", DATE_OF_BIRTH.toString());
        return body;
    }

    static UUID recordCase() {
        UUID caseId = UUID.randomUUID();
        api().body(requestBody(caseId)).post("/api/cases").then().statusCode(201);
        return caseId;
    }

    /** A decision to assess that replaces the case's refusal (after mediation, tribunal or review). */
    static Response overturnRefusal(UUID caseId, LocalDate on) {
        return api().body(Map.of("decision", "ASSESS", "decisionDate", on.toString(), "overturnsRefusal", true))
                .post("/api/cases/{id}/decision", caseId);
    }

    static Response decide(UUID caseId, String decision, LocalDate on, Object reason) {
        return decide(caseId, decision, on, reason, null);
    }

    static Response decide(UUID caseId, String decision, LocalDate on, Object reason, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        body.put("decisionDate", on.toString());
        if (reason != null) {
            body.put("refusalReason", reason);
        }
        if (note != null) {
            body.put("refusalNote", note);
        }
        return api().body(body).post("/api/cases/{id}/decision", caseId);
    }

    static Response conclude(UUID caseId, String outcome, LocalDate on) {
        Map<String, Object> body = new HashMap<>();
        body.put("outcome", outcome);
        body.put("conclusionDate", on == null ? null : on.toString());
        return api().body(body).post("/api/cases/{id}/conclusion", caseId);
    }

    // ---- recording a request ------------------------------------------------------------------------------

    @Test
    void the_openapi_document_names_the_sign_in_requirement_on_every_api_operation() {
        String json = given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        io.restassured.path.json.JsonPath openapi = new io.restassured.path.json.JsonPath(json);
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        assertThat(paths).isNotEmpty();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            List<Map<String, Object>> security = openapi.getList("paths.'" + path + "'." + method + ".security");
            assertThat(security).as(method + " " + path + " says it needs a token").isNotEmpty();
            assertThat(openapi.getMap("paths.'" + path + "'." + method + ".responses")).as(method + " " + path)
                    .containsKeys("401", "403");
        }));
    }

    @Test
    void recording_a_request_answers_201_with_the_case_and_publishes_AssessmentRequested_keyed_by_caseId() {
        UUID caseId = UUID.randomUUID();

        api().body(requestBody(caseId)).post("/api/cases").then()
                .statusCode(201)
                .header("Location", endsWith("/api/cases/" + caseId))
                .body("caseId", equalTo(caseId.toString()))
                .body("localAuthorityCode", equalTo("839"))
                .body("status", equalTo("REQUESTED"))
                .body("receivedDate", equalTo(RECEIVED.toString()))
                .body("decisionDue", equalTo(RECEIVED.plusWeeks(6).toString()))
                .body("finalPlanDue", equalTo(RECEIVED.plusDays(140).toString()))
                .body("noPlanDecisionDue", equalTo(RECEIVED.plusWeeks(16).toString()))
                .body("outcome", nullValue())
                .body("decision", nullValue())
                .body("decisionDate", nullValue())
                .body("refusalReason", nullValue())
                .body("childName", equalTo(CHILD_NAME))
                .body("childDateOfBirth", equalTo(DATE_OF_BIRTH.toString()));

        List<ConsumerRecord<String, String>> records = AssessmentTopic.records(caseId, 1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(record.key()).isEqualTo(caseId.toString());
        AssessmentRequested event = eventJson.read(record.value(), AssessmentRequested.class);
        assertThat(event.caseId()).isEqualTo(caseId);
        assertThat(event.businessDate()).isEqualTo(RECEIVED);
        assertThat(event.childRef()).isEqualTo(requestBody(caseId).get("childRef"));
        assertThat(record.value())
                .doesNotContain(CHILD_NAME).doesNotContain("Zebedee").doesNotContain(DATE_OF_BIRTH.toString())
                .doesNotContainIgnoringCase("childName").doesNotContainIgnoringCase("dateOfBirth");
    }

    @Test
    void personal_details_are_kept_only_in_child_personal_details_never_in_the_event_store() {
        UUID caseId = recordCase();

        long inEvents = pool.preparedQuery("select count(*) from event where stream_id = $1"
                        + " and (payload::text like '%' || $2 || '%' or payload::text like '%' || $3 || '%'"
                        + " or metadata::text like '%' || $2 || '%' or metadata::text like '%' || $3 || '%')")
                .execute(Tuple.of(caseId, "Zebedee", DATE_OF_BIRTH.toString()))
                .await().indefinitely().iterator().next().getLong(0);
        assertThat(inEvents).isZero();
        var row = pool.preparedQuery("select child_name, date_of_birth from child_personal_details where case_id = $1")
                .execute(Tuple.of(caseId)).await().indefinitely().iterator().next();
        assertThat(row.getString("child_name")).isEqualTo(CHILD_NAME);
        assertThat(row.getLocalDate("date_of_birth")).isEqualTo(DATE_OF_BIRTH);
    }

    @Test
    void without_personal_details_the_case_view_leaves_those_fields_out() {
        UUID caseId = UUID.randomUUID();
        Map<String, Object> body = requestBody(caseId);
        body.remove("childName");
        body.remove("childDateOfBirth");

        api().body(body).post("/api/cases").then().statusCode(201)
                .body("$", not(hasKey("childName")))
                .body("$", not(hasKey("childDateOfBirth")))
                .body("$", hasKey("decision"));
    }

    @Test
    void a_request_without_caseId_gets_a_new_case_id() {
        Map<String, Object> body = requestBody(UUID.randomUUID());
        body.remove("caseId");

        String caseId = api().body(body).post("/api/cases").then().statusCode(201)
                .extract().path("caseId");

        assertThat(UUID.fromString(caseId)).isNotNull();
        api().get("/api/cases/{id}", caseId).then().statusCode(200).body("status", equalTo("REQUESTED"));
    }

    @Test
    void a_second_POST_with_the_same_caseId_is_409_and_records_nothing_more() {
        UUID caseId = recordCase();
        Map<String, Object> retry = requestBody(caseId);
        retry.put("childName", "Someone Else");

        api().body(retry).post("/api/cases").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already exists"));

        assertThat(stream(caseId)).hasSize(1);
        api().get("/api/cases/{id}", caseId).then().statusCode(200).body("childName", equalTo(CHILD_NAME));
    }

    @Test
    void a_future_receivedDate_is_422_naming_receivedDate() {
        UUID caseId = UUID.randomUUID();
        Map<String, Object> body = requestBody(caseId);
        body.put("receivedDate", TODAY.plusDays(10).toString());

        api().body(body).post("/api/cases").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("field", equalTo("receivedDate"));
        api().get("/api/cases/{id}", caseId).then().statusCode(404);
    }

    @Test
    void a_date_of_birth_after_the_request_is_422_and_records_nothing() {
        UUID caseId = UUID.randomUUID();
        Map<String, Object> body = requestBody(caseId);
        body.put("childDateOfBirth", RECEIVED.plusDays(1).toString());

        api().body(body).post("/api/cases").then().statusCode(422).body("field", equalTo("childDateOfBirth"));
        api().get("/api/cases/{id}", caseId).then().statusCode(404);
    }

    @Test
    void a_malformed_date_is_400_naming_receivedDate() {
        Map<String, Object> body = requestBody(UUID.randomUUID());
        body.put("receivedDate", "2025-13-01");

        api().body(body).post("/api/cases").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("receivedDate"));
    }

    @Test
    void a_date_no_ehcp_case_can_have_is_400_naming_it_and_nothing_is_recorded() {
        UUID caseId = UUID.randomUUID();
        Map<String, Object> body = requestBody(caseId);
        body.put("receivedDate", "2014-08-31"); // a day before the 2014 Act's EHC plans began

        api().body(body).post("/api/cases").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("receivedDate")))
                .body("violations.message", org.hamcrest.Matchers.hasItem("must not be before 2014-09-01"));
        // ISO 8601's signed years (beyond PostgreSQL's date range) are not yyyy-mm-dd: refused as such (StrictJson)
        body.put("receivedDate", "-5000-01-06");
        api().body(body).post("/api/cases").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("receivedDate"));
        api().get("/api/cases/{id}", caseId).then().statusCode(404);
    }

    @Test
    void a_missing_or_malformed_field_is_400_naming_it() {
        Map<String, Object> body = requestBody(UUID.randomUUID());
        body.remove("childRef");
        body.put("localAuthorityCode", "83");

        api().body(body).post("/api/cases").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("childRef"))
                .body("violations.field", hasItem("localAuthorityCode"));
    }

    @Test
    void a_request_without_a_token_is_401_and_a_forged_actor_header_changes_nothing() {
        given().contentType(ContentType.JSON).body(requestBody(UUID.randomUUID()))
                .post("/api/cases").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().header("X-Actor", "caseworker:jsmith").get("/api/cases/{id}", UUID.randomUUID()).then().statusCode(401);
    }

    // ---- deciding whether to assess -----------------------------------------------------------------------

    @Test
    void deciding_to_assess_answers_200_and_publishes_AssessmentDecided() {
        UUID caseId = recordCase();
        LocalDate on = RECEIVED.plusWeeks(2);

        decide(caseId, "ASSESS", on, null).then()
                .statusCode(200)
                .body("status", equalTo("ASSESSING"))
                .body("decision", equalTo("ASSESS"))
                .body("decisionDate", equalTo(on.toString()))
                .body("decisionOnTime", equalTo(true))
                .body("refusalReason", nullValue())
                .body("childName", equalTo(CHILD_NAME));

        List<ConsumerRecord<String, String>> records = AssessmentTopic.recordsThrough(caseId, "AssessmentDecided");
        AssessmentDecided event = eventJson.read(records.get(records.size() - 1).value(), AssessmentDecided.class);
        assertThat(event.decision().name()).isEqualTo("ASSESS");
        assertThat(event.businessDate()).isEqualTo(on);
        api().get("/api/cases/{id}", caseId).then().statusCode(200).body("status", equalTo("ASSESSING"));
    }

    @Test
    void refusing_without_a_reason_is_422_naming_refusalReason_and_with_a_reason_is_200() {
        UUID caseId = recordCase();

        decide(caseId, "REFUSE", TODAY, null).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("field", equalTo("refusalReason"));
        decide(caseId, "REFUSE", TODAY, "NEEDS_MET_FROM_AVAILABLE_RESOURCES").then()
                .statusCode(200)
                .body("status", equalTo("REFUSED"))
                .body("refusalReason", equalTo("NEEDS_MET_FROM_AVAILABLE_RESOURCES"))
                .body("$", not(hasKey("refusalNote")));

        List<ConsumerRecord<String, String>> records = AssessmentTopic.recordsThrough(caseId, "AssessmentDecided");
        assertThat(eventJson.read(records.get(records.size() - 1).value(), AssessmentDecided.class).refusalReason())
                .isEqualTo(RefusalReason.NEEDS_MET_FROM_AVAILABLE_RESOURCES);
    }

    @Test
    void a_refusal_reason_that_is_not_a_code_is_a_400_naming_the_field() {
        UUID caseId = recordCase();
        // free text, the wrong case, and a number (even the position of a real code: 4 is OTHER)
        for (Object bad : new Object[] {"needs can be met from the setting's resources", "other", 0, 4}) {
            decide(caseId, "REFUSE", TODAY, bad).then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("field", equalTo("refusalReason"));
        }
        decide(caseId, "REFUSE", TODAY, "OTHER", "nul\u0000here").then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("refusalNote"));
        decide(caseId, "REFUSE", TODAY, "OTHER", "x".repeat(2001)).then()
                .statusCode(400).body("field", equalTo("refusalNote"));
        decide(caseId, "ASSESS", TODAY, null, "a note without a refusal").then()
                .statusCode(422).body("field", equalTo("refusalNote"));
        // nothing was recorded by any of them
        assertThat(stream(caseId)).hasSize(1);
        decide(caseId, "REFUSE", TODAY, "OTHER").then().statusCode(200).body("refusalReason", equalTo("OTHER"));
    }

    @Test
    void a_refusal_note_stays_here_shown_while_held_and_is_erased_with_the_personal_details() {
        UUID caseId = recordCase();
        String note = CHILD_NAME + " (born 19/07/2016): the school's SENCo says her needs are met";

        decide(caseId, "REFUSE", TODAY, "NEEDS_MET_FROM_AVAILABLE_RESOURCES", "  " + note + "  ").then()
                .statusCode(200)
                .body("refusalReason", equalTo("NEEDS_MET_FROM_AVAILABLE_RESOURCES"))
                .body("refusalNote", equalTo(note))
                .body("decisions[0].refusalNote", equalTo(note));
        api().get("/api/cases/{id}", caseId).then().statusCode(200)
                .body("refusalNote", equalTo(note))
                .body("decisions[0].refusalReason", equalTo("NEEDS_MET_FROM_AVAILABLE_RESOURCES"));

        // never on the topic, never in the stored event
        List<ConsumerRecord<String, String>> records = AssessmentTopic.recordsThrough(caseId, "AssessmentDecided");
        for (ConsumerRecord<String, String> r : records) {
            assertThat(r.value()).doesNotContain("Zebedee").doesNotContain("SENCo").doesNotContain("2016");
        }
        String stored = pool.preparedQuery("select string_agg(payload::text || metadata::text, ' ') from event where stream_id = $1")
                .execute(Tuple.of(caseId)).await().indefinitely().iterator().next().getString(0);
        assertThat(stored).doesNotContain("Zebedee").doesNotContain("SENCo").contains("NEEDS_MET_FROM_AVAILABLE_RESOURCES");
        UUID decisionId = ((AssessmentDecided) stream(caseId).get(1)).eventId();
        var row = pool.preparedQuery("select subject, note from case_note where subject_id = $1")
                .execute(Tuple.of(decisionId)).await().indefinitely().iterator().next();
        assertThat(row.getString("subject")).isEqualTo("DECISION");
        assertThat(row.getString("note")).isEqualTo(note);

        // the refusal overturned: the note stays with the refusal it was about
        overturnRefusal(caseId, TODAY).then().statusCode(200)
                .body("$", not(hasKey("refusalNote")))
                .body("decisions[0].refusalNote", equalTo(note))
                .body("decisions[1]", not(hasKey("refusalNote")));

        manager().delete("/api/cases/{id}/personal-details", caseId).then().statusCode(204);
        api().get("/api/cases/{id}", caseId).then().statusCode(200)
                .body("decisions[0].refusalReason", equalTo("NEEDS_MET_FROM_AVAILABLE_RESOURCES"))
                .body("decisions[0]", not(hasKey("refusalNote")));
        var erased = pool.preparedQuery("select note, erased_at from case_note where subject_id = $1")
                .execute(Tuple.of(decisionId)).await().indefinitely().iterator().next();
        assertThat(erased.getString("note")).isNull();
        assertThat(erased.getOffsetDateTime("erased_at")).isNotNull();
    }

    @Test
    void deciding_twice_is_409() {
        UUID caseId = recordCase();
        decide(caseId, "ASSESS", TODAY, null).then().statusCode(200);

        decide(caseId, "REFUSE", TODAY, "OTHER").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already"));
    }

    @Test
    void a_decision_before_the_request_was_received_is_422() {
        UUID caseId = recordCase();
        decide(caseId, "ASSESS", RECEIVED.minusDays(1), null).then().statusCode(422).body("field", equalTo("decisionDate"));
    }

    @Test
    void an_unknown_case_is_a_404_problem() {
        UUID unknown = UUID.randomUUID();
        api().get("/api/cases/{id}", unknown).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString(unknown.toString()));
        decide(unknown, "ASSESS", TODAY, null).then().statusCode(404).contentType("application/problem+json");
        api().body(Map.of("withdrawnDate", TODAY.toString())).post("/api/cases/{id}/withdrawal", unknown).then().statusCode(404);
        manager().delete("/api/cases/{id}/personal-details", unknown).then().statusCode(404);
        assertThat(stream(unknown)).isEmpty();
    }

    @Test
    void concurrent_decisions_on_one_case_let_exactly_one_win() throws Exception {
        UUID caseId = recordCase();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> calls = new ArrayList<>();
            for (String decision : new String[] {"ASSESS", "REFUSE"}) {
                calls.add(executor.submit(() -> {
                    start.await();
                    return decide(caseId, decision, TODAY, decision.equals("REFUSE") ? "INSUFFICIENT_EVIDENCE_OF_SEN" : null).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> call : calls) {
                statuses.add(call.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            executor.shutdownNow();
        }

        List<AssessmentEvent> stream = stream(caseId);
        assertThat(stream).filteredOn(AssessmentDecided.class::isInstance).hasSize(1);
        // The relay publishes a case's events in order: once the later withdrawal is on the topic, a second
        // AssessmentDecided would be there too.
        boolean assessed = ((AssessmentDecided) stream.get(1)).decision().name().equals("ASSESS");
        if (assessed) {
            api().body(Map.of("withdrawnDate", TODAY.toString())).post("/api/cases/{id}/withdrawal", caseId).then().statusCode(200);
        }
        List<ConsumerRecord<String, String>> records =
                AssessmentTopic.recordsThrough(caseId, assessed ? "RequestWithdrawn" : "AssessmentDecided");
        assertThat(records).filteredOn(r -> EventJson.typeOf(r.value()).equals("AssessmentDecided")).hasSize(1);
    }

    // ---- concluding the assessment -------------------------------------------------------------------------

    @Test
    void concluding_with_no_plan_answers_200_and_publishes_AssessmentConcluded_keyed_by_caseId() {
        UUID caseId = recordCase();
        LocalDate assessedOn = RECEIVED.plusDays(2);
        LocalDate concludedOn = TODAY.minusDays(1);
        decide(caseId, "ASSESS", assessedOn, null).then().statusCode(200);

        conclude(caseId, "NO_PLAN", concludedOn).then()
                .statusCode(200)
                .body("status", equalTo("CONCLUDED_NO_PLAN"))
                .body("outcome", equalTo("NO_PLAN"))
                .body("conclusionDate", equalTo(concludedOn.toString()))
                .body("noPlanDecisionDue", equalTo(RECEIVED.plusWeeks(16).toString()))
                .body("decision", equalTo("ASSESS"))
                .body("childName", equalTo(CHILD_NAME));

        List<ConsumerRecord<String, String>> records = AssessmentTopic.recordsThrough(caseId, "AssessmentConcluded");
        ConsumerRecord<String, String> record = records.get(records.size() - 1);
        assertThat(record.key()).isEqualTo(caseId.toString());
        AssessmentConcluded event = eventJson.read(record.value(), AssessmentConcluded.class);
        assertThat(event.caseId()).isEqualTo(caseId);
        assertThat(event.outcome().name()).isEqualTo("NO_PLAN");
        assertThat(event.businessDate()).isEqualTo(concludedOn);
        assertThat(record.value()).doesNotContain("Zebedee").doesNotContain(DATE_OF_BIRTH.toString());
        // the stream with the conclusion rebuilds: the case reads back as concluded
        api().get("/api/cases/{id}", caseId).then().statusCode(200).body("status", equalTo("CONCLUDED_NO_PLAN"));
    }

    @Test
    void concluding_a_case_not_yet_decided_is_422_and_records_nothing() {
        UUID caseId = recordCase();

        conclude(caseId, "NO_PLAN", TODAY).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("not yet decided"));

        assertThat(stream(caseId)).hasSize(1);
        api().get("/api/cases/{id}", caseId).then().statusCode(200).body("status", equalTo("REQUESTED"));
    }

    @Test
    void concluding_twice_is_409_and_one_AssessmentConcluded_is_stored() {
        UUID caseId = recordCase();
        decide(caseId, "ASSESS", TODAY, null).then().statusCode(200);
        conclude(caseId, "NO_PLAN", TODAY).then().statusCode(200);

        conclude(caseId, "ISSUE_PLAN", TODAY).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already concluded"));

        assertThat(stream(caseId))
                .filteredOn(AssessmentConcluded.class::isInstance).hasSize(1);
    }

    @Test
    void a_conclusion_without_a_date_or_before_the_decision_is_refused_naming_conclusionDate() {
        UUID caseId = recordCase();
        decide(caseId, "ASSESS", TODAY.minusDays(1), null).then().statusCode(200);

        conclude(caseId, "NO_PLAN", null).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("conclusionDate")));
        conclude(caseId, "NO_PLAN", TODAY.minusDays(2)).then()
                .statusCode(422)
                .body("field", equalTo("conclusionDate"));
        conclude(UUID.randomUUID(), "NO_PLAN", TODAY).then().statusCode(404);
    }

    // ---- withdrawal ---------------------------------------------------------------------------------------

    @Test
    void a_withdrawal_answers_200_and_a_second_one_is_409() {
        UUID caseId = recordCase();

        api().body(Map.of("withdrawnDate", TODAY.toString())).post("/api/cases/{id}/withdrawal", caseId).then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("withdrawnDate", equalTo(TODAY.toString()));
        api().body(Map.of("withdrawnDate", TODAY.toString())).post("/api/cases/{id}/withdrawal", caseId).then()
                .statusCode(409);
        decide(caseId, "ASSESS", TODAY, null).then().statusCode(422);
        AssessmentTopic.recordsThrough(caseId, "RequestWithdrawn");
    }

    @Test
    void a_refused_request_cannot_be_withdrawn() {
        UUID caseId = recordCase();
        decide(caseId, "REFUSE", TODAY, "INSUFFICIENT_EVIDENCE_OF_SEN").then().statusCode(200);

        api().body(Map.of("withdrawnDate", TODAY.toString())).post("/api/cases/{id}/withdrawal", caseId).then()
                .statusCode(422)
                .contentType("application/problem+json");
    }

    // ---- personal details ---------------------------------------------------------------------------------

    @Test
    void erasing_a_case_that_never_had_details_records_the_erasure_and_a_second_erasure_keeps_the_first_time() {
        UUID caseId = UUID.randomUUID();
        Map<String, Object> body = requestBody(caseId);
        body.remove("childName");
        body.remove("childDateOfBirth");
        api().body(body).post("/api/cases").then().statusCode(201);
        String erasedAt = "select erased_at::text from child_personal_details where case_id = $1 and child_name is null"
                + " and date_of_birth is null";

        manager().delete("/api/cases/{id}/personal-details", caseId).then().statusCode(204);
        String first = pool.preparedQuery(erasedAt).execute(Tuple.of(caseId)).await().indefinitely().iterator().next().getString(0);
        manager().delete("/api/cases/{id}/personal-details", caseId).then().statusCode(204);

        assertThat(first).isNotNull();
        assertThat(pool.preparedQuery(erasedAt).execute(Tuple.of(caseId)).await().indefinitely().iterator().next().getString(0))
                .isEqualTo(first);
        api().get("/api/cases/{id}", caseId).then().statusCode(200).body("$", not(hasKey("childName")));
    }

    @Test
    void a_nul_in_the_name_is_a_400_naming_the_field_before_anything_is_appended() {
        UUID caseId = UUID.randomUUID();
        Map<String, Object> body = requestBody(caseId);
        // valid by the body's rules, but no text may hold a NUL: service-kit's StrictJson refuses it while reading
        body.put("childName", "Zebedee\0Quartermaine");

        api().body(body).post("/api/cases").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("childName"));

        assertThat(AppendedCases.appendedFor(caseId)).as("refused before the append").isFalse();
        api().get("/api/cases/{id}", caseId).then().statusCode(404);
    }

    @Test
    void a_name_the_database_refuses_after_the_append_rolls_the_append_back_and_is_a_400_problem() {
        UUID caseId = UUID.randomUUID();
        // the JSON layer refuses a NUL (above), so the command is given straight to the application service: the
        // table's refusal after the append must still roll the append back and name the field
        var command = new org.ehcptracker.assessment.domain.RecordAssessmentRequest(caseId, "839", RECEIVED,
                org.ehcptracker.contracts.assessment.RequesterType.PARENT, "C-" + caseId.toString().substring(0, 8),
                new org.ehcptracker.assessment.domain.ChildPersonalDetails("Zebedee\0Quartermaine", DATE_OF_BIRTH));
        assertThatThrownBy(() -> org.ehcptracker.devinfra.VertxContexts.onNewContext(() ->
                cases.record(caseId, org.ehcptracker.kit.domain.Actor.of("jsmith", java.util.Set.of("caseworker"),
                        java.util.Set.of("839"), null), command)).join())
                .rootCause()
                .isInstanceOfSatisfying(org.ehcptracker.kit.domain.CommandRejected.class, e -> {
                    assertThat(e.kind()).isEqualTo(org.ehcptracker.kit.domain.CommandRejected.Kind.INVALID);
                    assertThat(e.field()).isEqualTo("childName");
                });

        assertThat(AppendedCases.appendedFor(caseId)).as("the event was appended before the details were written").isTrue();
        assertThat(stream(caseId)).as("the append was rolled back").isEmpty();
        long rows = pool.preparedQuery("select count(*) from child_personal_details where case_id = $1")
                .execute(Tuple.of(caseId)).await().indefinitely().iterator().next().getLong(0);
        assertThat(rows).isZero();
        api().get("/api/cases/{id}", caseId).then().statusCode(404);
        // nothing half-recorded stands in the way of the corrected request
        api().body(requestBody(caseId)).post("/api/cases").then().statusCode(201).body("childName", equalTo(CHILD_NAME));
    }

    @Test
    void erasing_personal_details_removes_the_name_and_date_of_birth_and_keeps_the_case() {
        UUID caseId = recordCase();
        api().get("/api/cases/{id}", caseId).then().statusCode(200).body("childName", equalTo(CHILD_NAME));

        manager().delete("/api/cases/{id}/personal-details", caseId).then().statusCode(204);

        api().get("/api/cases/{id}", caseId).then()
                .statusCode(200)
                .body("$", not(hasKey("childName")))
                .body("$", not(hasKey("childDateOfBirth")))
                .body("status", equalTo("REQUESTED"))
                .body("childRef", equalTo(requestBody(caseId).get("childRef")));
        var row = pool.preparedQuery("select child_name, date_of_birth, erased_at from child_personal_details where case_id = $1")
                .execute(Tuple.of(caseId)).await().indefinitely().iterator().next();
        assertThat(row.getString("child_name")).isNull();
        assertThat(row.getLocalDate("date_of_birth")).isNull();
        assertThat(row.getOffsetDateTime("erased_at")).isNotNull();
        // idempotent
        manager().delete("/api/cases/{id}/personal-details", caseId).then().statusCode(204);
        // later steps do not bring them back
        decide(caseId, "ASSESS", TODAY, null).then().statusCode(200).body("$", not(hasKey("childName")));
    }

    @Test
    void erasing_appends_one_PersonalDetailsErased_without_text_and_publishes_it_and_a_repeat_appends_nothing() {
        UUID caseId = recordCase();

        manager().delete("/api/cases/{id}/personal-details", caseId).then().statusCode(204);
        manager().delete("/api/cases/{id}/personal-details", caseId).then().statusCode(204);

        List<AssessmentEvent> events = stream(caseId);
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isInstanceOfSatisfying(org.ehcptracker.contracts.assessment.PersonalDetailsErased.class, e -> {
            assertThat(e.caseId()).isEqualTo(caseId);
            assertThat(e.businessDate()).isEqualTo(TODAY);
            assertThat(e.schemaVersion()).isEqualTo(1);
        });
        List<ConsumerRecord<String, String>> records = AssessmentTopic.recordsThrough(caseId, "PersonalDetailsErased");
        ConsumerRecord<String, String> record = records.get(records.size() - 1);
        assertThat(record.key()).isEqualTo(caseId.toString());
        assertThat(eventJson.read(record.value())).isInstanceOf(org.ehcptracker.contracts.assessment.PersonalDetailsErased.class);
        assertThat(record.value()).doesNotContain(CHILD_NAME).doesNotContain(DATE_OF_BIRTH.toString());
    }

    @Test
    void erasing_an_unknown_case_appends_nothing() {
        UUID unknown = UUID.randomUUID();
        manager().delete("/api/cases/{id}/personal-details", unknown).then().statusCode(404);
        assertThat(stream(unknown)).isEmpty();
    }
}
