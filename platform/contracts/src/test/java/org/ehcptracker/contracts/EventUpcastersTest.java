package org.ehcptracker.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.junit.jupiter.api.Test;

/**
 * The upcasting hook, with a worked example: suppose AssessmentDecided v1 had called the refusal's
 * reason "reason" and v2 renamed it "refusalReason". A v1 record read by a v2 reader is upcast on
 * reading; the stored JSON is never rewritten.
 */
class EventUpcastersTest {

    static final String V1 = """
            {"type":"AssessmentDecided","eventId":"6f49c457-7df8-41c4-9f92-86d4a7fd6049",
             "caseId":"d6c826ed-1d5b-41a3-8b42-65ac9e572462","localAuthorityCode":"839",
             "businessDate":"2025-04-10","occurredAt":"2025-04-10T14:03:51Z","schemaVersion":1,
             "decision":"REFUSE","reason":"needs met from the setting's own resources"}""";

    /** The v1 -> v2 step of the example. */
    static final EventUpcaster RENAME_REASON = new EventUpcaster("AssessmentDecided", 1, json -> {
        json.set("refusalReason", json.remove("reason"));
        return json;
    });

    /** A reader whose AssessmentDecided is at v2 (every other type at its published version). */
    static final EventUpcasters V2_READER = new EventUpcasters(List.of(RENAME_REASON),
            type -> type.equals("AssessmentDecided") ? 2 : EventUpcasters.schemaVersionOf(type));

    @Test
    void a_v1_json_is_upcast_to_v2_field_by_field() throws Exception {
        ObjectNode v1 = (ObjectNode) EventJson.newObjectMapper().readTree(V1);
        ObjectNode v2 = V2_READER.upcast("AssessmentDecided", v1);
        assertThat(v2.get("schemaVersion").intValue()).isEqualTo(2);
        assertThat(v2.has("reason")).isFalse();
        assertThat(v2.get("refusalReason").asText()).isEqualTo("needs met from the setting's own resources");
    }

    @Test
    void event_json_reads_an_older_version_through_the_upcasters() {
        AssessmentDecided decided = new EventJson(V2_READER).read(V1, AssessmentDecided.class);
        assertThat(decided.schemaVersion()).isEqualTo(2);
        assertThat(decided.decision()).isEqualTo(AssessmentDecision.REFUSE);
        assertThat(decided.refusalReason()).isEqualTo("needs met from the setting's own resources");
    }

    @Test
    void a_version_newer_than_the_reader_is_refused_not_half_read() {
        String v2 = V1.replace("\"schemaVersion\":1", "\"schemaVersion\":2");
        assertThatThrownBy(() -> new EventJson().read(v2))
                .isInstanceOf(EventJsonException.class)
                .hasMessageContaining("AssessmentDecided v2 is newer than this reader (v1)");
    }

    @Test
    void a_missing_step_is_named() {
        var reader = new EventUpcasters(List.of(), type -> 3);
        assertThatThrownBy(() -> new EventJson(reader).read(V1))
                .isInstanceOf(EventJsonException.class)
                .hasMessageContaining("no upcaster for AssessmentDecided v1 to v2");
    }

    @Test
    void every_published_type_declares_the_version_it_writes() {
        for (String type : EventJson.knownTypes()) {
            assertThat(EventUpcasters.schemaVersionOf(type)).as(type).isGreaterThanOrEqualTo(1);
        }
    }
}
