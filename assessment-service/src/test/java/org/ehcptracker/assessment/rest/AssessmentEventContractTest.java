package org.ehcptracker.assessment.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ehcptracker.contracts.ContractExamples;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/**
 * Producer side of the contract: each record this service puts on ehcp.assessment.events has exactly
 * the fields of the checked-in example (ContractExamples), with the same JSON types where both are non-null.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
class AssessmentEventContractTest {

    private static final ObjectMapper JSON = EventJson.newObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Europe/London"));

    @Test
    void AssessmentRequested_on_the_topic_matches_the_contract_example() throws Exception {
        UUID caseId = AssessmentCaseResourceTest.recordCase();

        ConsumerRecord<String, String> record = last(AssessmentTopic.recordsThrough(caseId, "AssessmentRequested"));

        assertMatchesExample(record, caseId, "AssessmentRequested");
    }

    @Test
    void AssessmentDecided_to_assess_on_the_topic_matches_the_contract_example() throws Exception {
        UUID caseId = AssessmentCaseResourceTest.recordCase();
        AssessmentCaseResourceTest.decide(caseId, "ASSESS", TODAY, null).then().statusCode(200);

        ConsumerRecord<String, String> record = last(AssessmentTopic.recordsThrough(caseId, "AssessmentDecided"));

        assertMatchesExample(record, caseId, "AssessmentDecided");
        assertThat(JSON.readTree(record.value()).get("refusalReason").isNull()).isTrue();
    }

    @Test
    void AssessmentDecided_refusal_on_the_topic_matches_the_contract_example() throws Exception {
        UUID caseId = AssessmentCaseResourceTest.recordCase();
        AssessmentCaseResourceTest.decide(caseId, "REFUSE", TODAY, "INSUFFICIENT_EVIDENCE_OF_SEN").then().statusCode(200);

        ConsumerRecord<String, String> record = last(AssessmentTopic.recordsThrough(caseId, "AssessmentDecided"));

        assertMatchesExample(record, caseId, "AssessmentDecided");
        assertThat(JSON.readTree(record.value()).get("refusalReason").asText()).isEqualTo("INSUFFICIENT_EVIDENCE_OF_SEN");
    }

    @Test
    void AssessmentConcluded_no_plan_on_the_topic_matches_the_contract_example() throws Exception {
        UUID caseId = AssessmentCaseResourceTest.recordCase();
        AssessmentCaseResourceTest.decide(caseId, "ASSESS", TODAY, null).then().statusCode(200);
        AssessmentCaseResourceTest.conclude(caseId, "NO_PLAN", TODAY).then().statusCode(200);

        ConsumerRecord<String, String> record = last(AssessmentTopic.recordsThrough(caseId, "AssessmentConcluded"));

        assertMatchesExample(record, caseId, "AssessmentConcluded");
        assertThat(JSON.readTree(record.value()).get("outcome").asText()).isEqualTo("NO_PLAN");
    }

    @Test
    void PersonalDetailsErased_on_the_topic_matches_the_contract_example() throws Exception {
        UUID caseId = AssessmentCaseResourceTest.recordCase();
        AssessmentCaseResourceTest.manager().delete("/api/cases/{id}/personal-details", caseId).then().statusCode(204);

        ConsumerRecord<String, String> record = last(AssessmentTopic.recordsThrough(caseId, "PersonalDetailsErased"));

        assertMatchesExample(record, caseId, "PersonalDetailsErased");
    }

    @Test
    void exceptions_transfer_and_disputes_on_the_topic_match_their_contract_examples() throws Exception {
        UUID caseId = AssessmentCaseResourceTest.recordCase();
        LocalDate received = AssessmentCaseResourceTest.RECEIVED;
        UUID exceptionId = UUID.randomUUID();
        UUID disputeId = UUID.randomUUID();
        ExceptionsTransfersDisputesResourceTest.transferIn(caseId, "850", received.plusDays(1)).then().statusCode(200);
        ExceptionsTransfersDisputesResourceTest.recordException(caseId, ExceptionsTransfersDisputesResourceTest.exceptionBody(
                exceptionId, "FINAL_PLAN_20_WEEKS", "SCHOOL_CLOSURE", received.plusDays(2), null, "a note")).then().statusCode(201);
        AssessmentCaseResourceTest.manager().body(java.util.Map.of("endDate", received.plusDays(4).toString()))
                .post("/api/cases/{id}/exceptions/{x}/correction", caseId, exceptionId).then().statusCode(200);
        AssessmentCaseResourceTest.manager().post("/api/cases/{id}/exceptions/{x}/withdrawal", caseId, exceptionId)
                .then().statusCode(200);
        AssessmentCaseResourceTest.decide(caseId, "REFUSE", received.plusDays(5), "INSUFFICIENT_EVIDENCE_OF_SEN").then().statusCode(200);
        ExceptionsTransfersDisputesResourceTest.recordDispute(caseId, disputeId, "REFUSAL_TO_ASSESS", received.plusDays(6), null)
                .then().statusCode(201);
        AssessmentCaseResourceTest.api().body(java.util.Map.of("outcome", "DECISION_UPHELD", "outcomeDate", TODAY.toString()))
                .post("/api/cases/{id}/disputes/{d}/outcome", caseId, disputeId).then().statusCode(200);

        List<ConsumerRecord<String, String>> records = AssessmentTopic.recordsThrough(caseId, "DisputeResolved");
        for (String type : List.of("ResponsibilityTransferredIn", "ExceptionRecorded", "ExceptionCorrected", "ExceptionWithdrawn",
                "MediationOrTribunalRecorded", "DisputeResolved")) {
            ConsumerRecord<String, String> record = records.stream().filter(r -> type.equals(EventJson.typeOf(r.value())))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + type + " on the topic"));
            assertMatchesExample(record, caseId, type);
        }
    }

    private static void assertMatchesExample(ConsumerRecord<String, String> record, UUID caseId, String type) throws Exception {
        assertThat(record.key()).isEqualTo(caseId.toString());
        JsonNode actual = JSON.readTree(record.value());
        JsonNode example = JSON.readTree(ContractExamples.json(type));

        assertThat(fieldNames(actual)).as("fields of %s", type).containsExactlyInAnyOrderElementsOf(fieldNames(example));
        example.fields().forEachRemaining(field -> {
            JsonNode value = actual.get(field.getKey());
            if (!field.getValue().isNull() && !value.isNull()) {
                assertThat(value.getNodeType()).as("JSON type of %s.%s", type, field.getKey())
                        .isEqualTo(field.getValue().getNodeType());
            }
        });
        assertThat(actual.get("type").asText()).isEqualTo(type);
        assertThat(actual.get("caseId").asText()).isEqualTo(caseId.toString());
        // and a consumer using the shared mapping reads it as that type
        assertThat(new EventJson().read(record.value(), EventJson.classOf(type)).caseId()).isEqualTo(caseId);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static ConsumerRecord<String, String> last(List<ConsumerRecord<String, String>> records) {
        return records.get(records.size() - 1);
    }
}
