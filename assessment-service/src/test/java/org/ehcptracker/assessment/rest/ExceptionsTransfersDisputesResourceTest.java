package org.ehcptracker.assessment.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.api;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.conclude;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.decide;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.manager;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.recordCase;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.requestBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/**
 * Exceptions, transfers in, disputes and changing decisions over HTTP against real PostgreSQL and Kafka: the
 * answers, the events on ehcp.assessment.events, and every refusal path.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
class ExceptionsTransfersDisputesResourceTest {

    static final LocalDate TODAY = AssessmentCaseResourceTest.TODAY;
    static final LocalDate RECEIVED = AssessmentCaseResourceTest.RECEIVED; // 3 weeks ago
    static final String NOTE = "Zebedee Quartermaine in hospital, see GP letter";

    @Inject
    Pool pool;

    static Map<String, Object> exceptionBody(UUID exceptionId, String limit, String reason, LocalDate start, LocalDate end,
                                             String note) {
        Map<String, Object> body = new HashMap<>();
        if (exceptionId != null) {
            body.put("exceptionId", exceptionId.toString());
        }
        body.put("limit", limit);
        body.put("reason", reason);
        body.put("startDate", start == null ? null : start.toString());
        body.put("endDate", end == null ? null : end.toString());
        if (note != null) {
            body.put("note", note);
        }
        return body;
    }

    static Response recordException(UUID caseId, Map<String, Object> body) {
        return api().body(body).post("/api/cases/{id}/exceptions", caseId);
    }

    static Response recordDispute(UUID caseId, UUID disputeId, String stage, LocalDate on, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("disputeId", disputeId.toString());
        body.put("kind", "TRIBUNAL");
        body.put("stage", stage);
        body.put("registeredDate", on.toString());
        if (note != null) {
            body.put("note", note);
        }
        return api().body(body).post("/api/cases/{id}/disputes", caseId);
    }

    static Response transferIn(UUID caseId, String from, LocalDate on) {
        return api().body(Map.of("fromLocalAuthorityCode", from, "transferDate", on.toString()))
                .post("/api/cases/{id}/transfer-in", caseId);
    }

    static String topicText(UUID caseId, String throughType) {
        return AssessmentTopic.recordsThrough(caseId, throughType).stream().map(ConsumerRecord::value)
                .reduce("", String::concat);
    }

    // ---- exceptions ------------------------------------------------------------------------------------------

    @Test
    void an_exception_is_recorded_listed_with_its_note_and_published_without_it() {
        UUID caseId = recordCase();
        UUID exceptionId = UUID.randomUUID();
        LocalDate start = RECEIVED.plusDays(7);

        recordException(caseId, exceptionBody(exceptionId, "FINAL_PLAN_20_WEEKS", "EXCEPTIONAL_PERSONAL_CIRCUMSTANCES", start,
                null, NOTE)).then()
                .statusCode(201)
                .body("exceptionsApply", equalTo(true))
                .body("exceptions", hasSize(1))
                .body("exceptions[0].exceptionId", equalTo(exceptionId.toString()))
                .body("exceptions[0].limit", equalTo("FINAL_PLAN_20_WEEKS"))
                .body("exceptions[0].startDate", equalTo(start.toString()))
                .body("exceptions[0].recordedDate", equalTo(TODAY.toString()))
                .body("exceptions[0]", not(org.hamcrest.Matchers.hasKey("note")))
                // exceptions do not move the statutory dates
                .body("finalPlanDue", equalTo(RECEIVED.plusDays(140).toString()));

        api().get("/api/cases/{id}/exceptions", caseId).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].note", equalTo(NOTE))
                .body("[0].withdrawn", equalTo(false));

        var records = AssessmentTopic.recordsThrough(caseId, "ExceptionRecorded");
        ConsumerRecord<String, String> record = records.get(records.size() - 1);
        assertThat(record.key()).isEqualTo(caseId.toString());
        var event = new EventJson().read(record.value(), org.ehcptracker.contracts.assessment.ExceptionRecorded.class);
        assertThat(event.exceptionId()).isEqualTo(exceptionId);
        assertThat(event.startDate()).isEqualTo(start);
        assertThat(record.value()).doesNotContain("Zebedee").doesNotContain("hospital");
    }

    @Test
    void an_exception_is_corrected_then_withdrawn_as_recorded_in_error() {
        UUID caseId = recordCase();
        UUID exceptionId = UUID.randomUUID();
        LocalDate start = RECEIVED.plusDays(2);
        recordException(caseId, exceptionBody(exceptionId, "FINAL_PLAN_20_WEEKS", "ABSENT_FROM_AREA", start, null, null))
                .then().statusCode(201);

        manager().body(Map.of("endDate", start.plusDays(5).toString()))
                .post("/api/cases/{id}/exceptions/{x}/correction", caseId, exceptionId).then().statusCode(200)
                .body("exceptions[0].endDate", equalTo(start.plusDays(5).toString()))
                .body("exceptionsApply", equalTo(true));
        // the same end date again: nothing to change
        manager().body(Map.of("endDate", start.plusDays(5).toString()))
                .post("/api/cases/{id}/exceptions/{x}/correction", caseId, exceptionId).then().statusCode(409);
        manager().body(Map.of("endDate", start.minusDays(1).toString()))
                .post("/api/cases/{id}/exceptions/{x}/correction", caseId, exceptionId).then().statusCode(422)
                .body("field", equalTo("endDate"));

        manager().post("/api/cases/{id}/exceptions/{x}/withdrawal", caseId, exceptionId).then().statusCode(200)
                .body("exceptions[0].withdrawn", equalTo(true))
                .body("exceptionsApply", equalTo(false));
        manager().post("/api/cases/{id}/exceptions/{x}/withdrawal", caseId, exceptionId).then().statusCode(409);

        var types = AssessmentTopic.recordsThrough(caseId, "ExceptionWithdrawn").stream()
                .map(r -> EventJson.typeOf(r.value())).toList();
        assertThat(types).containsExactly("AssessmentRequested", "ExceptionRecorded", "ExceptionCorrected", "ExceptionWithdrawn");
    }

    @Test
    void exception_refusals_name_the_field() {
        UUID caseId = recordCase();
        UUID exceptionId = UUID.randomUUID();
        LocalDate start = RECEIVED.plusDays(1);
        recordException(caseId, exceptionBody(exceptionId, "DECISION_6_WEEKS", "SCHOOL_CLOSURE", start, null, null))
                .then().statusCode(201);
        // duplicate
        recordException(caseId, exceptionBody(exceptionId, "DECISION_6_WEEKS", "SCHOOL_CLOSURE", start, null, null))
                .then().statusCode(409).contentType("application/problem+json");
        // unknown case, unknown exception
        recordException(UUID.randomUUID(), exceptionBody(null, "DECISION_6_WEEKS", "SCHOOL_CLOSURE", start, null, null))
                .then().statusCode(404);
        manager().body(Map.of("endDate", TODAY.toString()))
                .post("/api/cases/{id}/exceptions/{x}/correction", caseId, UUID.randomUUID()).then().statusCode(404);
        manager().post("/api/cases/{id}/exceptions/{x}/withdrawal", caseId, UUID.randomUUID()).then().statusCode(404);
        api().get("/api/cases/{id}/exceptions", UUID.randomUUID()).then().statusCode(404);
        // bad input
        recordException(caseId, exceptionBody(null, null, "SCHOOL_CLOSURE", start, null, null)).then().statusCode(400)
                .body("violations.field", hasItem(containsString("limit")));
        recordException(caseId, exceptionBody(null, "WEEK_99", "SCHOOL_CLOSURE", start, null, null)).then().statusCode(400);
        recordException(caseId, exceptionBody(null, "DECISION_6_WEEKS", "SCHOOL_CLOSURE", LocalDate.of(2014, 8, 31), null, null))
                .then().statusCode(400).body("violations.field", hasItem(containsString("startDate")));
        recordException(caseId, exceptionBody(null, "DECISION_6_WEEKS", "SCHOOL_CLOSURE", start, null, "nul\u0000here"))
                .then().statusCode(400).body("field", equalTo("note"));
        // wrong order: before the request, in the future, end before start
        recordException(caseId, exceptionBody(null, "DECISION_6_WEEKS", "SCHOOL_CLOSURE", RECEIVED.minusDays(1), null, null))
                .then().statusCode(422).body("field", equalTo("startDate"));
        recordException(caseId, exceptionBody(null, "DECISION_6_WEEKS", "SCHOOL_CLOSURE", TODAY.plusDays(1), null, null))
                .then().statusCode(422).body("field", equalTo("startDate"));
        recordException(caseId, exceptionBody(null, "DECISION_6_WEEKS", "SCHOOL_CLOSURE", start, start.minusDays(1), null))
                .then().statusCode(422).body("field", equalTo("endDate"));
        // a closed case
        api().body(Map.of("withdrawnDate", TODAY.toString())).post("/api/cases/{id}/withdrawal", caseId).then().statusCode(200);
        recordException(caseId, exceptionBody(null, "FINAL_PLAN_20_WEEKS", "SCHOOL_CLOSURE", start, null, null))
                .then().statusCode(422).body("detail", containsString("withdrawn"));
    }

    @Test
    void the_same_exception_sent_twice_at_once_is_recorded_once() throws Exception {
        UUID caseId = recordCase();
        Map<String, Object> body = exceptionBody(UUID.randomUUID(), "FINAL_PLAN_20_WEEKS", "SCHOOL_CLOSURE", RECEIVED, null, null);
        ExecutorService pool2 = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = List.of(
                    pool2.submit(() -> { go.await(); return recordException(caseId, body).statusCode(); }),
                    pool2.submit(() -> { go.await(); return recordException(caseId, body).statusCode(); }));
            go.countDown();
            assertThat(List.of(answers.get(0).get(), answers.get(1).get())).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool2.shutdown();
        }
        api().get("/api/cases/{id}/exceptions", caseId).then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void erasing_the_personal_details_erases_the_notes_too() {
        UUID caseId = recordCase();
        UUID exceptionId = UUID.randomUUID();
        recordException(caseId, exceptionBody(exceptionId, "FINAL_PLAN_20_WEEKS", "EXCEPTIONAL_PERSONAL_CIRCUMSTANCES",
                RECEIVED, null, NOTE)).then().statusCode(201);

        manager().delete("/api/cases/{id}/personal-details", caseId).then().statusCode(204);

        api().get("/api/cases/{id}/exceptions", caseId).then().statusCode(200)
                .body("[0].exceptionId", equalTo(exceptionId.toString()))
                .body("[0].note", nullValue());
        var row = pool.preparedQuery("select note, erased_at from case_note where subject_id = $1")
                .execute(Tuple.of(exceptionId)).await().indefinitely().iterator().next();
        assertThat(row.getString("note")).isNull();
        assertThat(row.getValue("erased_at")).isNotNull();
    }

    // ---- transfer in -----------------------------------------------------------------------------------------

    @Test
    void a_transfer_in_restarts_the_clock_and_is_published() {
        UUID caseId = recordCase();
        LocalDate transfer = RECEIVED.plusDays(10);

        transferIn(caseId, "850", transfer).then().statusCode(200)
                .body("receivedDate", equalTo(RECEIVED.toString()))
                .body("clockStart", equalTo(transfer.toString()))
                .body("transferredInDate", equalTo(transfer.toString()))
                .body("transfers[0].fromLocalAuthorityCode", equalTo("850"))
                .body("decisionDue", equalTo(transfer.plusWeeks(6).toString()))
                .body("noPlanDecisionDue", equalTo(transfer.plusWeeks(16).toString()))
                .body("finalPlanDue", equalTo(transfer.plusDays(140).toString()));

        var records = AssessmentTopic.recordsThrough(caseId, "ResponsibilityTransferredIn");
        var event = new EventJson().read(records.get(records.size() - 1).value(),
                org.ehcptracker.contracts.assessment.ResponsibilityTransferredIn.class);
        assertThat(event.businessDate()).isEqualTo(transfer);
        assertThat(event.localAuthorityCode()).isEqualTo("839");
        assertThat(event.fromLocalAuthorityCode()).isEqualTo("850");

        transferIn(caseId, "850", transfer).then().statusCode(409);
    }

    @Test
    void transfer_refusals_name_the_field() {
        UUID caseId = recordCase();
        transferIn(caseId, "839", TODAY).then().statusCode(422).body("field", equalTo("fromLocalAuthorityCode"));
        transferIn(caseId, "850", RECEIVED.minusDays(1)).then().statusCode(422).body("field", equalTo("transferDate"));
        transferIn(caseId, "850", TODAY.plusDays(1)).then().statusCode(422).body("field", equalTo("transferDate"));
        transferIn(caseId, "85", TODAY).then().statusCode(400)
                .body("violations.field", hasItem(containsString("fromLocalAuthorityCode")));
        transferIn(caseId, "850", LocalDate.of(2014, 8, 1)).then().statusCode(400);
        transferIn(UUID.randomUUID(), "850", TODAY).then().statusCode(404);
    }

    @Test
    void a_case_can_start_as_a_transfer_in_one_request() {
        UUID caseId = UUID.randomUUID();
        LocalDate transfer = RECEIVED.plusDays(7);
        Map<String, Object> body = requestBody(caseId);
        body.put("transferredIn", Map.of("fromLocalAuthorityCode", "850", "transferDate", transfer.toString()));

        api().body(body).post("/api/cases").then().statusCode(201)
                .body("receivedDate", equalTo(RECEIVED.toString()))
                .body("clockStart", equalTo(transfer.toString()))
                .body("finalPlanDue", equalTo(transfer.plusDays(140).toString()));

        var types = AssessmentTopic.recordsThrough(caseId, "ResponsibilityTransferredIn").stream()
                .map(r -> EventJson.typeOf(r.value())).toList();
        assertThat(types).containsExactly("AssessmentRequested", "ResponsibilityTransferredIn");

        Map<String, Object> sameLa = requestBody(UUID.randomUUID());
        sameLa.put("transferredIn", Map.of("fromLocalAuthorityCode", "839", "transferDate", transfer.toString()));
        api().body(sameLa).post("/api/cases").then().statusCode(422)
                .body("field", equalTo("transferredIn.fromLocalAuthorityCode"));
        Map<String, Object> otherLa = requestBody(UUID.randomUUID());
        otherLa.put("transferredIn", Map.of("localAuthorityCode", "851", "fromLocalAuthorityCode", "850",
                "transferDate", transfer.toString()));
        api().body(otherLa).post("/api/cases").then().statusCode(400)
                .body("field", equalTo("transferredIn.localAuthorityCode"));
    }

    // ---- disputes and decisions that change ------------------------------------------------------------------

    @Test
    void a_refusal_appealed_and_overturned_keeps_both_decisions() {
        UUID caseId = recordCase();
        UUID disputeId = UUID.randomUUID();
        LocalDate refused = RECEIVED.plusDays(3);
        decide(caseId, "REFUSE", refused, "NEEDS_MET_FROM_AVAILABLE_RESOURCES").then().statusCode(200);

        recordDispute(caseId, disputeId, "REFUSAL_TO_ASSESS", refused.plusDays(2), NOTE).then().statusCode(201)
                .body("status", equalTo("REFUSED"))
                .body("disputes[0].disputeId", equalTo(disputeId.toString()))
                .body("disputes[0].stage", equalTo("REFUSAL_TO_ASSESS"))
                .body("disputes[0].outcome", nullValue());
        recordDispute(caseId, disputeId, "REFUSAL_TO_ASSESS", refused.plusDays(2), null).then().statusCode(409);
        api().get("/api/cases/{id}/disputes", caseId).then().statusCode(200).body("[0].note", equalTo(NOTE));

        api().body(Map.of("outcome", "DECISION_CHANGED", "outcomeDate", refused.plusDays(9).toString()))
                .post("/api/cases/{id}/disputes/{d}/outcome", caseId, disputeId).then().statusCode(200)
                .body("disputes[0].outcome", equalTo("DECISION_CHANGED"));
        api().body(Map.of("outcome", "DECISION_CHANGED", "outcomeDate", refused.plusDays(9).toString()))
                .post("/api/cases/{id}/disputes/{d}/outcome", caseId, disputeId).then().statusCode(409);
        api().body(Map.of("outcome", "DECISION_CHANGED", "outcomeDate", TODAY.toString()))
                .post("/api/cases/{id}/disputes/{d}/outcome", caseId, UUID.randomUUID()).then().statusCode(404);

        // without saying it overturns the refusal, a decision to assess is a second decision: 409
        decide(caseId, "ASSESS", refused.plusDays(10), null).then().statusCode(409)
                .body("detail", containsString("overturnsRefusal=true"));
        api().body(Map.of("decision", "ASSESS", "decisionDate", refused.plusDays(10).toString(), "overturnsRefusal", true))
                .post("/api/cases/{id}/decision", caseId).then().statusCode(200)
                .body("status", equalTo("ASSESSING"))
                .body("decision", equalTo("ASSESS"))
                .body("decisions", hasSize(2))
                .body("decisions[0].decision", equalTo("REFUSE"))
                .body("decisions[1].decision", equalTo("ASSESS"));
        decide(caseId, "REFUSE", TODAY, "OTHER").then().statusCode(409);

        String published = topicText(caseId, "DisputeResolved");
        assertThat(published).contains("MediationOrTribunalRecorded").doesNotContain("Zebedee");
    }

    @Test
    void dispute_refusals_name_the_field() {
        UUID caseId = recordCase();
        recordDispute(caseId, UUID.randomUUID(), "REFUSAL_TO_ASSESS", TODAY, null).then().statusCode(422)
                .body("field", equalTo("stage"));
        recordDispute(UUID.randomUUID(), UUID.randomUUID(), "REFUSAL_TO_ASSESS", TODAY, null).then().statusCode(404);
        decide(caseId, "REFUSE", RECEIVED.plusDays(3), "INSUFFICIENT_EVIDENCE_OF_SEN").then().statusCode(200);
        recordDispute(caseId, UUID.randomUUID(), "REFUSAL_TO_ASSESS", RECEIVED.plusDays(2), null).then().statusCode(422)
                .body("field", equalTo("registeredDate"));
        recordDispute(caseId, UUID.randomUUID(), "REFUSAL_TO_ASSESS", TODAY.plusDays(1), null).then().statusCode(422)
                .body("field", equalTo("registeredDate"));
        recordDispute(caseId, UUID.randomUUID(), "NO_SUCH_STAGE", TODAY, null).then().statusCode(400);
        recordDispute(caseId, UUID.randomUUID(), "REFUSAL_TO_ASSESS", TODAY, "a\u0000b")
                .then().statusCode(400).body("field", equalTo("note"));
    }

    @Test
    void the_family_can_withdraw_after_a_decision_to_issue_a_plan() {
        UUID caseId = recordCase();
        decide(caseId, "ASSESS", RECEIVED.plusDays(1), null).then().statusCode(200);
        conclude(caseId, "ISSUE_PLAN", RECEIVED.plusDays(10)).then().statusCode(200);
        api().body(Map.of("withdrawnDate", RECEIVED.plusDays(9).toString())).post("/api/cases/{id}/withdrawal", caseId)
                .then().statusCode(422).body("field", equalTo("withdrawnDate"));
        api().body(Map.of("withdrawnDate", TODAY.toString())).post("/api/cases/{id}/withdrawal", caseId)
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
    }
}
