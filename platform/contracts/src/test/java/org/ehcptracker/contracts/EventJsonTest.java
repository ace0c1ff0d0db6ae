package org.ehcptracker.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.RequesterType;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final UUID EVENT = UUID.fromString("0b3f7a52-6c1d-4e8a-9f24-7d5e1c2b9a60");
    private static final UUID CASE = UUID.fromString("5c9e2d14-3b7a-4f61-8e0d-2a6b4c8f1e37");

    private final EventJson eventJson = new EventJson();

    private static AssessmentRequested requested() {
        return new AssessmentRequested(EVENT, CASE, "839", LocalDate.of(2025, 3, 2),
                Instant.parse("2025-03-03T08:30:00Z"), 1, "C-7Q4M2K", RequesterType.SCHOOL_OR_SETTING);
    }

    private static ObjectNode tree(String json) throws Exception {
        return (ObjectNode) PLAIN.readTree(json);
    }

    @Test
    void writes_the_type_name_and_iso_dates() throws Exception {
        JsonNode json = tree(eventJson.write(requested()));

        assertThat(json.get("type").asText()).isEqualTo("AssessmentRequested");
        assertThat(json.get("businessDate").isTextual()).isTrue();
        assertThat(json.get("businessDate").asText()).isEqualTo("2025-03-02");
        assertThat(json.get("occurredAt").asText()).isEqualTo("2025-03-03T08:30:00Z");
        assertThat(json.get("caseId").asText()).isEqualTo(CASE.toString());
        assertThat(json.get("requestedBy").asText()).isEqualTo("SCHOOL_OR_SETTING");
    }

    @Test
    void keeps_explicit_nulls() throws Exception {
        var decided = new AssessmentDecided(EVENT, CASE, "839", LocalDate.of(2025, 4, 10),
                Instant.parse("2025-04-10T14:00:00Z"), 2, AssessmentDecision.ASSESS, null);

        JsonNode json = tree(eventJson.write(decided));

        assertThat(json.has("refusalReason")).isTrue();
        assertThat(json.get("refusalReason").isNull()).isTrue();
    }

    @Test
    void round_trips_a_record_built_in_code() {
        var advice = new AdviceRequested(EVENT, CASE, "839", LocalDate.of(2025, 4, 11),
                Instant.parse("2025-04-11T09:05:12Z"), 1, UUID.fromString("9e1c4b27-5d3a-4f80-b6e2-1a7c3d9f0b58"),
                AdviceType.HEALTH, "839-NHS-DORSET", LocalDate.of(2025, 5, 23));

        assertThat(eventJson.read(eventJson.write(advice))).isEqualTo(advice);
    }

    @Test
    void ignores_fields_a_newer_producer_added() throws Exception {
        ObjectNode json = tree(ContractExamples.json("AssessmentRequested"));
        json.put("someFutureField", "value");
        json.putObject("someFutureObject").put("x", 1);

        IntegrationEvent event = eventJson.read(json.toString());

        assertThat(event).isEqualTo(ContractExamples.event("AssessmentRequested"));
    }

    @Test
    void dispatches_across_all_three_families() {
        assertThat(eventJson.read(ContractExamples.json("AssessmentDecided"))).isInstanceOf(AssessmentEvent.class);
        assertThat(eventJson.read(ContractExamples.json("AdviceSubmitted"))).isInstanceOf(AdviceEvent.class);
        assertThat(eventJson.read(ContractExamples.json("DraftPlanIssued"))).isInstanceOf(PlanEvent.class);
    }

    @Test
    void typed_read_accepts_the_record_its_family_or_any_event() {
        String json = ContractExamples.json("AssessmentRequested");

        assertThat(eventJson.read(json, AssessmentRequested.class).childRef()).isEqualTo("C-7Q4M2K");
        assertThat(eventJson.read(json, AssessmentEvent.class)).isInstanceOf(AssessmentRequested.class);
        assertThat(eventJson.read(json, IntegrationEvent.class)).isInstanceOf(AssessmentRequested.class);
    }

    @Test
    void typed_read_rejects_another_type() {
        String json = ContractExamples.json("AssessmentRequested");

        assertThatThrownBy(() -> eventJson.read(json, AssessmentDecided.class))
                .isInstanceOf(EventJsonException.class)
                .hasMessageContaining("AssessmentDecided").hasMessageContaining("AssessmentRequested");
        assertThatThrownBy(() -> eventJson.read(json, PlanEvent.class)).isInstanceOf(EventJsonException.class);
    }

    @Test
    void unknown_type_is_reported_with_its_name() throws Exception {
        ObjectNode json = tree(ContractExamples.json("AssessmentRequested"));
        json.put("type", "AssessmentTeleported");

        assertThatThrownBy(() -> eventJson.read(json.toString()))
                .isInstanceOfSatisfying(UnknownEventTypeException.class,
                        e -> assertThat(e.type()).isEqualTo("AssessmentTeleported"));
        assertThat(EventJson.isKnownType("AssessmentTeleported")).isFalse();
        assertThat(EventJson.isKnownType("AssessmentRequested")).isTrue();
    }

    @Test
    void json_without_a_type_or_not_json_at_all_is_rejected() throws Exception {
        ObjectNode json = tree(ContractExamples.json("AssessmentRequested"));
        json.remove("type");

        assertThatThrownBy(() -> eventJson.read(json.toString())).isInstanceOf(EventJsonException.class)
                .hasMessageContaining("type");
        assertThatThrownBy(() -> EventJson.typeOf("{not json")).isInstanceOf(EventJsonException.class);
        assertThatThrownBy(() -> EventJson.typeOf("[]")).isInstanceOf(EventJsonException.class);
    }

    @Test
    void type_of_reads_only_the_type() {
        assertThat(EventJson.typeOf("{\"caseId\":\"x\",\"type\":\"PlanCeased\"}")).isEqualTo("PlanCeased");
    }

    @Test
    void an_event_that_breaks_its_invariants_does_not_deserialize() throws Exception {
        ObjectNode json = tree(ContractExamples.json("AssessmentRequested"));
        json.putNull("caseId");

        assertThatThrownBy(() -> eventJson.read(json.toString()))
                .isInstanceOf(EventJsonException.class).hasMessageContaining("caseId");
    }

    @Test
    void a_missing_schema_version_is_not_read_as_zero() throws Exception {
        ObjectNode json = tree(ContractExamples.json("AssessmentRequested"));
        json.remove("schemaVersion");

        assertThatThrownBy(() -> eventJson.read(json.toString()))
                .isInstanceOf(EventJsonException.class).hasMessageContaining("schemaVersion");
    }

    @Test
    void a_missing_or_null_boolean_is_not_read_as_false() throws Exception {
        ObjectNode missing = tree(ContractExamples.json("ConsultationAnswered"));
        missing.remove("canMeetNeeds");
        ObjectNode explicitNull = tree(ContractExamples.json("ConsultationAnswered"));
        explicitNull.putNull("canMeetNeeds");

        assertThatThrownBy(() -> eventJson.read(missing.toString())).isInstanceOf(EventJsonException.class)
                .hasMessageContaining("canMeetNeeds");
        assertThatThrownBy(() -> eventJson.read(explicitNull.toString())).isInstanceOf(EventJsonException.class);
    }

    @Test
    void a_configured_external_mapper_writes_the_same_json() throws Exception {
        ObjectMapper external = EventJson.configure(new ObjectMapper());

        assertThat(PLAIN.readTree(external.writeValueAsString(requested())))
                .isEqualTo(PLAIN.readTree(eventJson.write(requested())));
    }
}
