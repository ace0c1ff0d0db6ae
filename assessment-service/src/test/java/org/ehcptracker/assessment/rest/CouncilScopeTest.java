package org.ehcptracker.assessment.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.CHILD_NAME;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.RECEIVED;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.TODAY;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.requestBody;
import static org.ehcptracker.assessment.rest.ExceptionsTransfersDisputesResourceTest.exceptionBody;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.eventstore.EventStore;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Council and agency scope with real cases (issue 11, item 3): a caseworker of 857 is refused (403 problem+json)
 * every read and every command on an 839 case and nothing is appended, read or changed; the 839 caseworker is
 * allowed; agency users and board members get no case data; a search lists only the actor's councils, every
 * council only for {@code *}. Unknown cases stay 404 for everybody.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
class CouncilScopeTest {

    static final TestTokens.Caller CW_839 = TestTokens.as("caseworker:cw-839").councils("839");
    static final TestTokens.Caller TM_839 = TestTokens.as("team-manager:tm-839").councils("839");
    static final TestTokens.Caller CW_857 = TestTokens.as("caseworker:cw-857").councils("857");
    static final TestTokens.Caller TM_857 = TestTokens.as("team-manager:tm-857").councils("857");
    static final TestTokens.Caller NATIONAL = TestTokens.as("caseworker:national").councils("*");
    static final TestTokens.Caller BOTH = TestTokens.as("caseworker:cw-839-857").councils("839", "857");
    static final TestTokens.Caller AGENCY_839 = TestTokens.as("agency:ep-839").councils("839").agency("ep-839");
    static final TestTokens.Caller BOARD_839 = TestTokens.as("board:chair-839").councils("839");

    @Inject
    EventStore store;

    @Inject
    Pool pool;

    static RequestSpecification as(TestTokens.Caller caller) {
        return given().header("Authorization", caller.bearer()).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    int events(UUID caseId) {
        return store.load(caseId).await().indefinitely().size();
    }

    long reads(UUID caseId) {
        return pool.preparedQuery("select count(*) from personal_data_read where case_id = $1").execute(Tuple.of(caseId))
                .await().indefinitely().iterator().next().getLong(0);
    }

    static void refused(Response answer, String what) {
        assertThat(answer.statusCode()).as(what + ": " + answer.asString()).isEqualTo(403);
        assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
        assertThat(answer.jsonPath().getInt("status")).as(what).isEqualTo(403);
        assertThat(answer.asString()).as(what + " discloses nothing of the case").doesNotContain(CHILD_NAME);
    }

    /** An 839 case with personal details, an exception and a dispute (both with notes), a refusal and an assignee. */
    UUID case839(UUID exceptionId, UUID disputeId) {
        UUID caseId = UUID.randomUUID();
        as(CW_839).body(requestBody(caseId)).post("/api/cases").then().statusCode(201);
        as(CW_839).body(exceptionBody(exceptionId, "DECISION_6_WEEKS", "SCHOOL_CLOSURE", RECEIVED.plusDays(1), null, "note"))
                .post("/api/cases/{id}/exceptions", caseId).then().statusCode(201);
        as(CW_839).body(Map.of("decision", "REFUSE", "decisionDate", RECEIVED.plusDays(7).toString(),
                "refusalReason", "NEEDS_MET_FROM_AVAILABLE_RESOURCES", "refusalNote", "a note"))
                .post("/api/cases/{id}/decision", caseId).then().statusCode(200);
        as(CW_839).body(Map.of("disputeId", disputeId.toString(), "kind", "MEDIATION", "stage", "REFUSAL_TO_ASSESS",
                "registeredDate", RECEIVED.plusDays(8).toString(), "note", "a note"))
                .post("/api/cases/{id}/disputes", caseId).then().statusCode(201);
        as(TM_839).body(Map.of("caseworker", "cw-839")).put("/api/cases/{id}/assignment", caseId).then().statusCode(200);
        return caseId;
    }

    @Test
    void a_caseworker_of_another_council_is_refused_every_read_and_command_on_the_case_and_nothing_is_appended() {
        UUID exceptionId = UUID.randomUUID();
        UUID disputeId = UUID.randomUUID();
        UUID caseId = case839(exceptionId, disputeId);
        int eventsBefore = events(caseId);
        long readsBefore = reads(caseId);

        // reads
        refused(as(CW_857).get("/api/cases/{id}", caseId), "GET case");
        refused(as(CW_857).get("/api/cases/{id}/exceptions", caseId), "GET exceptions");
        refused(as(CW_857).get("/api/cases/{id}/disputes", caseId), "GET disputes");
        refused(as(CW_857).get("/api/cases/{id}/assignment", caseId), "GET assignment");
        refused(as(TM_857).get("/api/cases/{id}/audit", caseId), "GET audit");
        refused(as(CW_857).get("/api/worklist?la=839"), "GET worklist of 839");
        // commands, each with a body that would otherwise be accepted
        refused(as(CW_857).body(Map.of("decision", "ASSESS", "decisionDate", TODAY.toString(), "overturnsRefusal", true))
                .post("/api/cases/{id}/decision", caseId), "decision");
        refused(as(CW_857).body(Map.of("outcome", "NO_PLAN", "conclusionDate", TODAY.toString()))
                .post("/api/cases/{id}/conclusion", caseId), "conclusion");
        refused(as(CW_857).body(Map.of("withdrawnDate", TODAY.toString()))
                .post("/api/cases/{id}/withdrawal", caseId), "withdrawal");
        refused(as(CW_857).body(Map.of("fromLocalAuthorityCode", "850", "transferDate", TODAY.toString()))
                .post("/api/cases/{id}/transfer-in", caseId), "transfer in");
        refused(as(CW_857).body(exceptionBody(UUID.randomUUID(), "FINAL_PLAN_20_WEEKS", "SCHOOL_CLOSURE", TODAY, null, null))
                .post("/api/cases/{id}/exceptions", caseId), "exception");
        refused(as(CW_857).body(Map.of("disputeId", UUID.randomUUID().toString(), "kind", "TRIBUNAL",
                        "stage", "REFUSAL_TO_ASSESS", "registeredDate", TODAY.toString()))
                .post("/api/cases/{id}/disputes", caseId), "dispute");
        refused(as(CW_857).body(Map.of("outcome", "DECISION_CHANGED", "outcomeDate", TODAY.toString()))
                .post("/api/cases/{id}/disputes/{d}/outcome", caseId, disputeId), "dispute outcome");
        refused(as(TM_857).body(Map.of("endDate", RECEIVED.plusDays(3).toString()))
                .post("/api/cases/{id}/exceptions/{x}/correction", caseId, exceptionId), "exception correction");
        refused(as(TM_857).post("/api/cases/{id}/exceptions/{x}/withdrawal", caseId, exceptionId), "exception withdrawal");
        refused(as(TM_857).delete("/api/cases/{id}/personal-details", caseId), "erasure");
        refused(as(TM_857).body(Map.of("caseworker", "cw-857")).put("/api/cases/{id}/assignment", caseId), "assign");
        refused(as(TM_857).delete("/api/cases/{id}/assignment", caseId), "unassign");
        // the same caseId recorded again as a case of 857: the existing case is 839's
        Map<String, Object> again = new HashMap<>(requestBody(caseId));
        again.put("localAuthorityCode", "857");
        refused(as(CW_857).body(again).post("/api/cases"), "the existing case's id again");

        assertThat(events(caseId)).as("nothing appended").isEqualTo(eventsBefore);
        assertThat(reads(caseId)).as("no personal data read").isEqualTo(readsBefore);
        as(CW_839).get("/api/cases/{id}", caseId).then().statusCode(200)
                .body("childName", equalTo(CHILD_NAME))
                .body("status", equalTo("REFUSED"))
                .body("exceptions[0].endDate", org.hamcrest.Matchers.nullValue())
                .body("exceptions[0].withdrawn", equalTo(false));
        as(CW_839).get("/api/cases/{id}/assignment", caseId).then().statusCode(200)
                .body("caseworker", equalTo("cw-839")).body("history.size()", equalTo(1));
        as(CW_839).get("/api/cases/{id}/disputes", caseId).then().statusCode(200)
                .body("[0].outcome", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void nobody_records_a_case_for_a_council_they_do_not_act_for() {
        UUID caseId = UUID.randomUUID();
        refused(as(CW_857).body(requestBody(caseId)).post("/api/cases"), "record an 839 case as 857");
        assertThat(events(caseId)).isZero();
        as(CW_839).get("/api/cases/{id}", caseId).then().statusCode(404);
        as(CW_839).body(requestBody(caseId)).post("/api/cases").then().statusCode(201);
    }

    @Test
    void the_caseworker_and_team_manager_of_the_cases_council_are_allowed() {
        UUID disputeId = UUID.randomUUID();
        UUID exceptionId = UUID.randomUUID();
        UUID caseId = case839(exceptionId, disputeId);
        as(CW_839).get("/api/cases/{id}", caseId).then().statusCode(200).body("childName", equalTo(CHILD_NAME));
        as(CW_839).get("/api/cases/{id}/exceptions", caseId).then().statusCode(200).body("[0].note", equalTo("note"));
        as(CW_839).get("/api/cases/{id}/disputes", caseId).then().statusCode(200).body("[0].note", equalTo("a note"));
        as(CW_839).get("/api/worklist?la=839").then().statusCode(200);
        as(CW_839).body(Map.of("outcome", "DECISION_CHANGED", "outcomeDate", TODAY.toString()))
                .post("/api/cases/{id}/disputes/{d}/outcome", caseId, disputeId).then().statusCode(200);
        as(TM_839).body(Map.of("endDate", RECEIVED.plusDays(3).toString()))
                .post("/api/cases/{id}/exceptions/{x}/correction", caseId, exceptionId).then().statusCode(200);
        as(TM_839).get("/api/cases/{id}/audit", caseId).then().statusCode(200);
        as(TM_839).delete("/api/cases/{id}/personal-details", caseId).then().statusCode(204);
        // a caseworker without the team manager's role may not erase, correct or assign
        refused(as(CW_839).delete("/api/cases/{id}/personal-details", caseId), "erasure by a caseworker");
        refused(as(CW_839).post("/api/cases/{id}/exceptions/{x}/withdrawal", caseId, exceptionId), "exception withdrawal by a caseworker");
        refused(as(CW_839).body(Map.of("caseworker", "cw-839")).put("/api/cases/{id}/assignment", caseId), "assign by a caseworker");
    }

    @Test
    void an_unknown_case_stays_404_whatever_the_council() {
        UUID unknown = UUID.randomUUID();
        as(CW_857).get("/api/cases/{id}", unknown).then().statusCode(404).contentType("application/problem+json");
        as(CW_857).body(Map.of("withdrawnDate", TODAY.toString())).post("/api/cases/{id}/withdrawal", unknown)
                .then().statusCode(404);
        as(CW_857).get("/api/cases/{id}/assignment", unknown).then().statusCode(404);
        as(TM_857).get("/api/cases/{id}/audit", unknown).then().statusCode(404);
    }

    @Test
    void agency_users_and_board_members_get_no_case_data() {
        UUID caseId = case839(UUID.randomUUID(), UUID.randomUUID());
        int eventsBefore = events(caseId);
        long readsBefore = reads(caseId);
        String childRef = (String) requestBody(caseId).get("childRef");
        for (TestTokens.Caller caller : List.of(AGENCY_839, BOARD_839)) {
            refused(as(caller).get("/api/cases/{id}", caseId), caller.subject() + " GET case");
            refused(as(caller).get("/api/cases/{id}/exceptions", caseId), caller.subject() + " GET exceptions");
            refused(as(caller).get("/api/cases?childRef=" + childRef), caller.subject() + " search");
            refused(as(caller).get("/api/worklist?la=839"), caller.subject() + " worklist");
            refused(as(caller).body(Map.of("withdrawnDate", TODAY.toString())).post("/api/cases/{id}/withdrawal", caseId),
                    caller.subject() + " withdrawal");
        }
        // an agency user of another agency (and another council) no more
        refused(as(TestTokens.as("agency:eps-873").councils("873").agency("eps-873")).get("/api/cases/{id}", caseId),
                "another agency");
        assertThat(events(caseId)).isEqualTo(eventsBefore);
        assertThat(reads(caseId)).isEqualTo(readsBefore);
    }

    @Test
    void a_search_lists_only_the_callers_councils_and_every_council_only_for_a_national_user() {
        // a child who moved: one case in 839, one in 857, the same pseudonymous reference
        String childRef = "S-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID in839 = UUID.randomUUID();
        UUID in857 = UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(requestBody(in839));
        body.put("childRef", childRef);
        as(CW_839).body(body).post("/api/cases").then().statusCode(201);
        body = new HashMap<>(requestBody(in857));
        body.put("childRef", childRef);
        body.put("localAuthorityCode", "857");
        as(CW_857).body(body).post("/api/cases").then().statusCode(201);

        assertThat(found(CW_839, childRef)).containsExactly(in839.toString());
        assertThat(found(CW_857, childRef)).containsExactly(in857.toString());
        assertThat(found(BOTH, childRef)).containsExactlyInAnyOrder(in839.toString(), in857.toString());
        assertThat(found(NATIONAL, childRef)).containsExactlyInAnyOrder(in839.toString(), in857.toString());
        assertThat(found(TestTokens.as("caseworker:cw-873").councils("873"), childRef)).isEmpty();
    }

    static List<String> found(TestTokens.Caller caller, String childRef) {
        return as(caller).get("/api/cases?childRef=" + childRef).then().statusCode(200).extract().jsonPath()
                .getList("caseId", String.class);
    }

    @Test
    void a_transfer_into_a_council_the_caller_does_not_act_for_is_refused() {
        UUID caseId = UUID.randomUUID();
        as(CW_839).body(requestBody(caseId)).post("/api/cases").then().statusCode(201);
        int before = events(caseId);
        refused(as(CW_839).body(Map.of("localAuthorityCode", "857", "fromLocalAuthorityCode", "839",
                "transferDate", TODAY.toString())).post("/api/cases/{id}/transfer-in", caseId), "transfer into 857");
        assertThat(events(caseId)).isEqualTo(before);

        // a caseworker acting for both councils moves it; from then on it is 857's
        as(BOTH).body(Map.of("localAuthorityCode", "857", "fromLocalAuthorityCode", "839", "transferDate", TODAY.toString()))
                .post("/api/cases/{id}/transfer-in", caseId).then().statusCode(200).body("localAuthorityCode", equalTo("857"));
        refused(as(CW_839).get("/api/cases/{id}", caseId), "the 839 caseworker after the transfer");
        refused(as(CW_839).get("/api/cases/{id}/assignment", caseId), "the 839 caseworker's assignment view after the transfer");
        as(CW_857).get("/api/cases/{id}", caseId).then().statusCode(200).body("childName", equalTo(CHILD_NAME));
    }
}
