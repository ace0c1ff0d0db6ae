package org.ehcptracker.assessment.rest;

import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.RECEIVED;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.TODAY;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.api;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.decide;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.recordCase;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/**
 * A database written before AssessmentDecided v2: its refusals hold free text in {@code refusalReason}
 * (schemaVersion 1). Such a stored event still loads, through the published upcaster, as the code OTHER, and the
 * text it held is shown nowhere.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
class StoredV1DecisionTest {

    @Inject
    Pool pool;

    @Test
    void a_v1_refusal_with_free_text_stored_in_the_event_table_loads_as_OTHER() {
        UUID caseId = recordCase();
        LocalDate refused = RECEIVED.plusDays(7);
        UUID eventId = UUID.randomUUID();
        String v1 = """
                {"type":"AssessmentDecided","eventId":"%s","caseId":"%s","localAuthorityCode":"839",
                 "businessDate":"%s","occurredAt":"%sT14:03:51Z","schemaVersion":1,
                 "decision":"REFUSE","refusalReason":"Zebedee Quartermaine (dob 19/07/2016): needs met by his school"}"""
                .formatted(eventId, caseId, refused, refused);
        pool.preparedQuery("""
                        insert into event (event_id, stream_id, stream_version, case_id, type, schema_version, payload,
                                           metadata, occurred_at)
                        values ($1, $2, 2, $2, 'AssessmentDecided', 1, cast(cast($3 as text) as jsonb),
                                cast('{"actor":"caseworker:jsmith"}' as jsonb), $4)""")
                .execute(Tuple.of(eventId, caseId, v1, refused.atTime(14, 3, 51).atOffset(ZoneOffset.UTC)))
                .await().indefinitely();

        api().get("/api/cases/{id}", caseId).then()
                .statusCode(200)
                .body("status", equalTo("REFUSED"))
                .body("decision", equalTo("REFUSE"))
                .body("decisionDate", equalTo(refused.toString()))
                .body("refusalReason", equalTo("OTHER"))
                .body("decisions[0].refusalReason", equalTo("OTHER"))
                .body("$", not(hasKey("refusalNote")))
                .body(not(containsString("needs met by his school")));

        // the stream goes on from the v1 event: the refusal can be overturned
        AssessmentCaseResourceTest.overturnRefusal(caseId, TODAY).then()
                .statusCode(200)
                .body("status", equalTo("ASSESSING"))
                .body("decisions[0].refusalReason", equalTo("OTHER"))
                .body("decisions[1].decision", equalTo("ASSESS"));
    }
}
