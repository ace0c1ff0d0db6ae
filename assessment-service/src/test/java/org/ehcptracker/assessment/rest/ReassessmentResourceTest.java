package org.ehcptracker.assessment.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.assessment.rest.WorklistResourceTest.api;
import static org.ehcptracker.assessment.rest.WorklistResourceTest.childRef;
import static org.ehcptracker.assessment.rest.WorklistResourceTest.decide;
import static org.ehcptracker.assessment.rest.WorklistResourceTest.worklist;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.NationalCurriculumYear;
import org.ehcptracker.contracts.assessment.RequestKind;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/**
 * Re-assessments (Reg 27) through the API against real PostgreSQL and Kafka: the kind on the published
 * {@code AssessmentRequested}, the 14-week final plan on the case view and the worklist, the exceptions on its limit.
 * Council 916 is this class's own. Dates count from the council's today: a re-assessment received 20 days ago has
 * its final plan due in 98 - 20 = 78 days.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
class ReassessmentResourceTest {

    static final String LA = "916";
    static final LocalDate TODAY = WorklistResourceTest.TODAY;

    /** A parent's request for a new case of this class's council, received on {@code received}. */
    static Map<String, Object> requestBody(UUID caseId, LocalDate received) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId.toString());
        body.put("localAuthorityCode", LA);
        body.put("receivedDate", received.toString());
        body.put("requestedBy", "PARENT");
        body.put("childRef", childRef(caseId));
        return body;
    }

    static UUID recordReassessment(LocalDate received) {
        UUID caseId = UUID.randomUUID();
        Map<String, Object> body = requestBody(caseId, received);
        body.put("requestKind", "REASSESSMENT");
        api().body(body).post("/api/cases").then().statusCode(201)
                .body("requestKind", equalTo("REASSESSMENT"))
                .body("finalPlanDue", equalTo(received.plusDays(98).toString()))
                .body("decisionDue", nullValue())
                .body("noPlanDecisionDue", nullValue());
        return caseId;
    }

    @Test
    void a_reassessment_is_published_with_its_kind_and_due_14_weeks_after_receipt() {
        LocalDate received = TODAY.minusDays(20);
        UUID caseId = recordReassessment(received);

        api().get("/api/cases/{id}", caseId).then().statusCode(200)
                .body("requestKind", equalTo("REASSESSMENT"))
                .body("finalPlanDue", equalTo(received.plusDays(98).toString()))
                .body("decisionDue", nullValue());

        var records = AssessmentTopic.recordsThrough(caseId, "AssessmentRequested");
        AssessmentRequested published = new EventJson().read(records.get(records.size() - 1).value(), AssessmentRequested.class);
        assertThat(published.requestKind()).isEqualTo(RequestKind.REASSESSMENT);
        assertThat(published.schemaVersion()).isEqualTo(AssessmentRequested.SCHEMA_VERSION);

        // the worklist shows the 14-week final plan from the start, and still after the decision to assess
        JsonPath row = worklist("la=" + LA);
        assertThat(row.getString("cases.find { it.caseId == '" + caseId + "' }.nextStep")).isEqualTo("FINAL_PLAN_14_WEEKS_REASSESSMENT");
        assertThat(row.getString("cases.find { it.caseId == '" + caseId + "' }.dueDate")).isEqualTo(received.plusDays(98).toString());
        assertThat(row.getInt("cases.find { it.caseId == '" + caseId + "' }.daysLeft")).isEqualTo(78);
        assertThat(row.getString("cases.find { it.caseId == '" + caseId + "' }.requestKind")).isEqualTo("REASSESSMENT");
        decide(caseId, "ASSESS", TODAY.minusDays(5));
        row = worklist("la=" + LA);
        assertThat(row.getString("cases.find { it.caseId == '" + caseId + "' }.nextStep")).isEqualTo("FINAL_PLAN_14_WEEKS_REASSESSMENT");
        assertThat(row.getString("cases.find { it.caseId == '" + caseId + "' }.dueDate")).isEqualTo(received.plusDays(98).toString());
    }

    @Test
    void an_initial_request_says_so_and_a_kind_that_is_not_one_is_a_400_naming_the_field() {
        UUID initial = WorklistResourceTest.record(LA, TODAY.minusDays(3));
        api().get("/api/cases/{id}", initial).then().statusCode(200)
                .body("requestKind", equalTo("INITIAL"))
                .body("decisionDue", equalTo(TODAY.minusDays(3).plusDays(42).toString()));

        Map<String, Object> body = new HashMap<>();
        body.put("localAuthorityCode", LA);
        body.put("receivedDate", TODAY.toString());
        body.put("requestedBy", "PARENT");
        body.put("childRef", "R-BADKIND");
        body.put("requestKind", "RENEWAL");
        api().body(body).post("/api/cases").then().statusCode(400)
                .contentType("application/problem+json")
                .body(containsString("requestKind"));
    }

    @Test
    void the_year_group_is_published_as_a_code_and_a_bad_one_or_a_number_is_a_400_naming_it() throws Exception {
        UUID caseId = UUID.randomUUID();
        Map<String, Object> body = requestBody(caseId, TODAY);
        body.put("yearGroup", "Y9");
        api().body(body).post("/api/cases").then().statusCode(201);
        var records = AssessmentTopic.recordsThrough(caseId, "AssessmentRequested");
        AssessmentRequested published = new EventJson().read(records.get(records.size() - 1).value(), AssessmentRequested.class);
        assertThat(published.yearGroup()).isEqualTo(NationalCurriculumYear.Y9);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(records.get(records.size() - 1).value());
        assertThat(json.get("yearGroup").textValue()).isEqualTo("Y9");
        assertThat(json.get("schemaVersion").intValue()).isEqualTo(3);
        // the caseworker sees it in the case view, and a request without one shows null
        api().get("/api/cases/" + caseId).then().statusCode(200).body("yearGroup", org.hamcrest.Matchers.equalTo("Y9"));
        UUID without = UUID.randomUUID();
        api().body(requestBody(without, TODAY)).post("/api/cases").then().statusCode(201)
                .body("yearGroup", org.hamcrest.Matchers.nullValue());

        for (Object bad : List.of("Year 9", "y9", 9, "9")) {
            Map<String, Object> refused = new HashMap<>(body);
            refused.put("caseId", UUID.randomUUID().toString());
            refused.put("yearGroup", bad);
            api().body(refused).post("/api/cases").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body(containsString("yearGroup"));
        }
    }

    @Test
    void exceptions_on_a_reassessment_are_on_its_14_week_limit_only() {
        UUID caseId = recordReassessment(TODAY.minusDays(30));
        api().body(Map.of("exceptionId", UUID.randomUUID().toString(), "limit", "FINAL_PLAN_20_WEEKS",
                        "reason", "ABSENT_FROM_AREA", "startDate", TODAY.minusDays(10).toString()))
                .post("/api/cases/{id}/exceptions", caseId).then().statusCode(422)
                .contentType("application/problem+json")
                .body(containsString("limit")).body(containsString("re-assessment"));
        api().body(Map.of("exceptionId", UUID.randomUUID().toString(), "limit", "FINAL_PLAN_14_WEEKS_REASSESSMENT",
                        "reason", "ABSENT_FROM_AREA", "startDate", TODAY.minusDays(10).toString()))
                .post("/api/cases/{id}/exceptions", caseId).then().statusCode(201);
        JsonPath row = worklist("la=" + LA);
        assertThat(row.getBoolean("cases.find { it.caseId == '" + caseId + "' }.exceptionApplies")).isTrue();
        api().get("/api/cases/{id}", caseId).then().statusCode(200)
                .body("exceptionsApply", equalTo(false)) // SEN2's Week20 flag: not in the 20-week measure
                .body("exceptions[0].limit", equalTo("FINAL_PLAN_14_WEEKS_REASSESSMENT"));
    }
}
