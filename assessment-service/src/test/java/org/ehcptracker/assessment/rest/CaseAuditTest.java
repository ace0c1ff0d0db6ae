package org.ehcptracker.assessment.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.RECEIVED;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.requestBody;
import static org.ehcptracker.assessment.rest.CouncilScopeTest.as;
import static org.ehcptracker.assessment.rest.CouncilScopeTest.refused;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The case's audit (issue 11, item 5): who did what and when, from the stream's event metadata, the assignment
 * changes and the recorded reads of the child's personal details; team managers of the case's council only.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
class CaseAuditTest {

    static final TestTokens.Caller RECORDER = TestTokens.as("caseworker:sub-7f3a").councils("839");
    static final TestTokens.Caller DECIDER = TestTokens.as("caseworker:sub-91c2").councils("839");
    static final TestTokens.Caller MANAGER = TestTokens.as("team-manager:sub-0d44").councils("839");

    @Inject
    Pool pool;

    @Test
    void the_audit_says_who_did_what_and_when_including_every_read_of_personal_data() {
        Instant before = Instant.now();
        UUID caseId = UUID.randomUUID();
        // recording echoes what the caller typed: not a read of stored data
        as(RECORDER).body(requestBody(caseId)).post("/api/cases").then().statusCode(201);
        as(RECORDER).get("/api/cases/{id}", caseId).then().statusCode(200);
        // a command's answer shows the case with the details: a read too
        as(DECIDER).body(Map.of("decision", "ASSESS", "decisionDate", RECEIVED.plusDays(5).toString()))
                .post("/api/cases/{id}/decision", caseId).then().statusCode(200);
        as(MANAGER).body(Map.of("caseworker", "sub-91c2")).put("/api/cases/{id}/assignment", caseId).then().statusCode(200);
        // the exceptions list shows no note when there is none: nothing read
        as(RECORDER).get("/api/cases/{id}/exceptions", caseId).then().statusCode(200);
        as(MANAGER).delete("/api/cases/{id}/personal-details", caseId).then().statusCode(204);
        // after the erasure nothing personal is shown, so nothing is recorded
        as(RECORDER).get("/api/cases/{id}", caseId).then().statusCode(200);

        JsonPath audit = as(MANAGER).get("/api/cases/{id}/audit", caseId).then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        List<Map<String, Object>> entries = audit.getList("$");
        assertThat(entries).extracting(e -> e.get("kind"), e -> e.get("actor"), e -> e.get("action")).containsExactly(
                tuple("EVENT", "caseworker:sub-7f3a", "AssessmentRequested"),
                tuple("PERSONAL_DATA_READ", "caseworker:sub-7f3a", "childName,childDateOfBirth"),
                tuple("EVENT", "caseworker:sub-91c2", "AssessmentDecided"),
                tuple("PERSONAL_DATA_READ", "caseworker:sub-91c2", "childName,childDateOfBirth"),
                tuple("ASSIGNMENT", "team-manager:sub-0d44", "assigned sub-91c2"),
                tuple("EVENT", "team-manager:sub-0d44", "PersonalDetailsErased"));
        assertThat(entries).allSatisfy(e -> assertThat(Instant.parse((String) e.get("at")))
                .isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1)));

        // the table holds the token's subject and role, when, and the field names: never the values
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("select actor_subject, actor_role, read_at, fields from personal_data_read where case_id = $1"
                + " order by id").execute(Tuple.of(caseId)).await().indefinitely().forEach(rows::add);
        assertThat(rows).extracting(r -> r.getString("actor_subject"), r -> r.getString("actor_role"), r -> r.getString("fields"))
                .containsExactly(tuple("sub-7f3a", "caseworker", "childName,childDateOfBirth"),
                        tuple("sub-91c2", "caseworker", "childName,childDateOfBirth"));
    }

    @Test
    void reads_of_the_notes_are_recorded_too() {
        UUID caseId = UUID.randomUUID();
        UUID exceptionId = UUID.randomUUID();
        as(RECORDER).body(requestBody(caseId)).post("/api/cases").then().statusCode(201);
        as(RECORDER).body(ExceptionsTransfersDisputesResourceTest.exceptionBody(exceptionId, "DECISION_6_WEEKS",
                        "SCHOOL_CLOSURE", RECEIVED.plusDays(1), null, "school closed for a fortnight"))
                .post("/api/cases/{id}/exceptions", caseId).then().statusCode(201);
        as(DECIDER).body(Map.of("decision", "REFUSE", "decisionDate", RECEIVED.plusDays(6).toString(),
                        "refusalReason", "NEEDS_MET_FROM_AVAILABLE_RESOURCES", "refusalNote", "support plan in place"))
                .post("/api/cases/{id}/decision", caseId).then().statusCode(200);
        as(DECIDER).get("/api/cases/{id}/exceptions", caseId).then().statusCode(200);

        List<Map<String, Object>> reads = as(MANAGER).get("/api/cases/{id}/audit", caseId).then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.kind == 'PERSONAL_DATA_READ' }");
        assertThat(reads).extracting(e -> e.get("actor"), e -> e.get("action")).containsExactly(
                tuple("caseworker:sub-7f3a", "childName,childDateOfBirth"),
                tuple("caseworker:sub-91c2", "childName,childDateOfBirth,refusalNote"),
                tuple("caseworker:sub-91c2", "exceptions.note"));
    }

    @Test
    void only_team_managers_of_the_cases_council_read_the_audit() {
        UUID caseId = UUID.randomUUID();
        as(RECORDER).body(requestBody(caseId)).post("/api/cases").then().statusCode(201);
        refused(as(RECORDER).get("/api/cases/{id}/audit", caseId), "a caseworker");
        refused(as(TestTokens.as("team-manager:sub-857").councils("857")).get("/api/cases/{id}/audit", caseId),
                "a team manager of another council");
        refused(as(TestTokens.as("board:sub-b839").councils("839")).get("/api/cases/{id}/audit", caseId), "a board member");
        as(MANAGER).get("/api/cases/{id}/audit", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
