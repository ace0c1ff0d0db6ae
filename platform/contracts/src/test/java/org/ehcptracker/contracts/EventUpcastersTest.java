package org.ehcptracker.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.ehcptracker.contracts.advice.AdviceCancellationReason;
import org.ehcptracker.contracts.advice.AdviceExceptionReason;
import org.ehcptracker.contracts.advice.AdviceExceptionRecorded;
import org.ehcptracker.contracts.advice.AdviceRequestCancelled;
import org.ehcptracker.contracts.advice.AdviceReturnedForRework;
import org.ehcptracker.contracts.advice.AdviceReworkReason;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.NationalCurriculumYear;
import org.ehcptracker.contracts.assessment.RequestKind;
import org.ehcptracker.contracts.assessment.RefusalReason;
import org.junit.jupiter.api.Test;

/**
 * The upcasting hook: the published steps (AssessmentDecided v1's free-text refusal reason becomes the
 * code OTHER; AdviceRequestCancelled v1's free-text reason becomes a code), and a hypothetical worked
 * example: suppose AdviceExceptionRecorded v1 had called its reason "note" and v2 renamed it "reason". A v1 record read by a v2 reader is upcast on reading; the
 * stored JSON is never rewritten.
 */
class EventUpcastersTest {

    /** AssessmentDecided as assessment-service stored and published it before refusal reasons became codes. */
    static final String DECIDED_V1_REFUSE = """
            {"type":"AssessmentDecided","eventId":"6f49c457-7df8-41c4-9f92-86d4a7fd6049",
             "caseId":"d6c826ed-1d5b-41a3-8b42-65ac9e572462","localAuthorityCode":"839",
             "businessDate":"2025-04-10","occurredAt":"2025-04-10T14:03:51Z","schemaVersion":1,
             "decision":"REFUSE","refusalReason":"Jane Smith (dob 19/07/2016): needs met by her school"}""";

    static final String DECIDED_V1_ASSESS = """
            {"type":"AssessmentDecided","eventId":"6f49c457-7df8-41c4-9f92-86d4a7fd6049",
             "caseId":"d6c826ed-1d5b-41a3-8b42-65ac9e572462","localAuthorityCode":"839",
             "businessDate":"2025-04-10","occurredAt":"2025-04-10T14:03:51Z","schemaVersion":1,
             "decision":"ASSESS","refusalReason":null}""";

    /** AssessmentRequested as stored and published before re-assessments (no requestKind). */
    static final String REQUESTED_V1 = """
            {"type":"AssessmentRequested","eventId":"7b7642da-bb05-4ad8-b97e-4472ad54f0be",
             "caseId":"d6c826ed-1d5b-41a3-8b42-65ac9e572462","localAuthorityCode":"839",
             "businessDate":"2025-03-03","occurredAt":"2025-03-03T10:42:17Z","schemaVersion":1,
             "childRef":"C-7Q4M2K","requestedBy":"PARENT"}""";

    /** AdviceRequestCancelled v1 as advice-service stored it when a caseworker cancelled with free text. */
    static final String CANCELLED_V1_TEXT = """
            {"type":"AdviceRequestCancelled","eventId":"18a161fa-f145-4f85-a479-250bedee85b9",
             "caseId":"d6c826ed-1d5b-41a3-8b42-65ac9e572462","localAuthorityCode":"839",
             "businessDate":"2025-04-14","occurredAt":"2025-04-14T12:30:02Z","schemaVersion":1,
             "adviceRequestId":"dc14ad1b-0608-4aab-8257-2a2481186ac5",
             "reason":"Jane Smith's EP report from 2024 reused (Reg 6(4))"}""";

    /** AdviceRequestCancelled v1 as advice-service wrote it itself when the case closed: already a code's name. */
    static final String CANCELLED_V1_CODE = CANCELLED_V1_TEXT.replace(
            "Jane Smith's EP report from 2024 reused (Reg 6(4))", "CASE_WITHDRAWN");

    /** The hypothetical example's v1 JSON. */
    static final String V1 = """
            {"type":"AdviceExceptionRecorded","eventId":"bbc392a7-2d7c-49e4-91f1-0eb1ea5c300c",
             "caseId":"d6c826ed-1d5b-41a3-8b42-65ac9e572462","localAuthorityCode":"839",
             "businessDate":"2025-05-06","occurredAt":"2025-05-06T13:54:21Z","schemaVersion":1,
             "adviceRequestId":"dc14ad1b-0608-4aab-8257-2a2481186ac5","note":"MISSED_APPOINTMENT"}""";

    /** The v1 -> v2 step of the hypothetical example. */
    static final EventUpcaster RENAME_NOTE = new EventUpcaster("AdviceExceptionRecorded", 1, json -> {
        json.set("reason", json.remove("note"));
        return json;
    });

    /** A reader whose AdviceExceptionRecorded is at v2 (every other type at its published version). */
    static final EventUpcasters V2_READER = new EventUpcasters(List.of(RENAME_NOTE),
            type -> type.equals("AdviceExceptionRecorded") ? 2 : EventUpcasters.schemaVersionOf(type));

    private static ObjectNode tree(String json) throws Exception {
        return (ObjectNode) EventJson.newObjectMapper().readTree(json);
    }

    // ---- the published step: AssessmentDecided v1 -> v2 ---------------------------------------------

    @Test
    void a_v1_refusal_reason_in_free_text_becomes_OTHER_and_the_text_is_gone() throws Exception {
        ObjectNode v2 = EventUpcasters.PUBLISHED.upcast("AssessmentDecided", tree(DECIDED_V1_REFUSE));
        assertThat(v2.get("schemaVersion").intValue()).isEqualTo(2);
        assertThat(v2.get("refusalReason").asText()).isEqualTo("OTHER");
        assertThat(v2.toString()).doesNotContain("Jane").doesNotContain("2016").doesNotContain("school");
    }

    @Test
    void event_json_reads_a_stored_v1_refusal_as_OTHER() {
        AssessmentDecided decided = new EventJson().read(DECIDED_V1_REFUSE, AssessmentDecided.class);
        assertThat(decided.schemaVersion()).isEqualTo(2);
        assertThat(decided.decision()).isEqualTo(AssessmentDecision.REFUSE);
        assertThat(decided.refusalReason()).isEqualTo(RefusalReason.OTHER);
    }

    @Test
    void a_v1_decision_to_assess_keeps_its_null_reason() {
        AssessmentDecided decided = new EventJson().read(DECIDED_V1_ASSESS, AssessmentDecided.class);
        assertThat(decided.schemaVersion()).isEqualTo(2);
        assertThat(decided.decision()).isEqualTo(AssessmentDecision.ASSESS);
        assertThat(decided.refusalReason()).isNull();
    }

    @Test
    void a_v1_refusal_without_a_reason_is_read_as_OTHER() {
        // v1 allowed it (assessment-service never wrote one); v2 requires a reason for every refusal
        String noReason = DECIDED_V1_REFUSE.replaceAll("\"refusalReason\":\"[^\"]*\"", "\"refusalReason\":null");
        assertThat(new EventJson().read(noReason, AssessmentDecided.class).refusalReason()).isEqualTo(RefusalReason.OTHER);
        String absent = DECIDED_V1_REFUSE.replaceAll(",\"refusalReason\":\"[^\"]*\"", "");
        assertThat(new EventJson().read(absent, AssessmentDecided.class).refusalReason()).isEqualTo(RefusalReason.OTHER);
    }

    @Test
    void a_v2_reason_that_is_not_a_code_is_refused() {
        String v2 = DECIDED_V1_REFUSE.replace("\"schemaVersion\":1", "\"schemaVersion\":2");
        assertThatThrownBy(() -> new EventJson().read(v2))
                .isInstanceOf(EventJsonException.class)
                .hasMessageContaining("AssessmentDecided");
    }

    // ---- the published step: AssessmentRequested v1 -> v2 -------------------------------------------

    @Test
    void a_v1_request_is_read_as_an_initial_request() throws Exception {
        // v1 -> v2 -> v3: the kind becomes INITIAL, then the year group null
        ObjectNode v3 = EventUpcasters.PUBLISHED.upcast("AssessmentRequested", tree(REQUESTED_V1));
        assertThat(v3.get("schemaVersion").intValue()).isEqualTo(3);
        assertThat(v3.get("requestKind").asText()).isEqualTo("INITIAL");
        assertThat(v3.get("yearGroup").isNull()).isTrue();
        AssessmentRequested requested = new EventJson().read(REQUESTED_V1, AssessmentRequested.class);
        assertThat(requested.schemaVersion()).isEqualTo(3);
        assertThat(requested.requestKind()).isEqualTo(RequestKind.INITIAL);
        assertThat(requested.childRef()).isEqualTo("C-7Q4M2K");
        assertThat(requested.yearGroup()).isNull();
    }

    // ---- the published step: AssessmentRequested v2 -> v3 -------------------------------------------

    @Test
    void a_v2_request_is_read_with_no_year_group() throws Exception {
        String v2 = REQUESTED_V1.replace("\"schemaVersion\":1", "\"schemaVersion\":2")
                .replace("\"requestedBy\":\"PARENT\"", "\"requestedBy\":\"PARENT\",\"requestKind\":\"REASSESSMENT\"");
        ObjectNode v3 = EventUpcasters.PUBLISHED.upcast("AssessmentRequested", tree(v2));
        assertThat(v3.get("schemaVersion").intValue()).isEqualTo(3);
        assertThat(v3.has("yearGroup")).isTrue();
        assertThat(v3.get("yearGroup").isNull()).isTrue();
        AssessmentRequested requested = new EventJson().read(v2, AssessmentRequested.class);
        assertThat(requested.yearGroup()).isNull();
        assertThat(requested.requestKind()).isEqualTo(RequestKind.REASSESSMENT);
    }

    @Test
    void a_v3_request_keeps_its_year_group_and_refuses_one_that_is_not_a_code() {
        String v3 = REQUESTED_V1.replace("\"schemaVersion\":1", "\"schemaVersion\":3")
                .replace("\"requestedBy\":\"PARENT\"", "\"requestedBy\":\"PARENT\",\"requestKind\":\"INITIAL\",\"yearGroup\":\"Y9\"");
        assertThat(new EventJson().read(v3, AssessmentRequested.class).yearGroup()).isEqualTo(NationalCurriculumYear.Y9);
        assertThatThrownBy(() -> new EventJson().read(v3.replace("\"Y9\"", "\"Year 9\"")))
                .isInstanceOf(EventJsonException.class).hasMessageContaining("AssessmentRequested");
    }

    @Test
    void a_v2_request_keeps_its_kind_and_must_have_one() {
        String reassessment = REQUESTED_V1.replace("\"schemaVersion\":1", "\"schemaVersion\":2")
                .replace("\"requestedBy\":\"PARENT\"", "\"requestedBy\":\"PARENT\",\"requestKind\":\"REASSESSMENT\"");
        assertThat(new EventJson().read(reassessment, AssessmentRequested.class).requestKind())
                .isEqualTo(RequestKind.REASSESSMENT);
        String noKind = REQUESTED_V1.replace("\"schemaVersion\":1", "\"schemaVersion\":2");
        assertThatThrownBy(() -> new EventJson().read(noKind)).isInstanceOf(EventJsonException.class)
                .hasMessageContaining("AssessmentRequested");
    }

    // ---- the published step: AdviceRequestCancelled v1 -> v2 ----------------------------------------

    @Test
    void a_v1_cancellation_reason_in_free_text_becomes_OTHER_and_the_text_is_gone() throws Exception {
        ObjectNode v2 = EventUpcasters.PUBLISHED.upcast("AdviceRequestCancelled", tree(CANCELLED_V1_TEXT));
        assertThat(v2.get("schemaVersion").intValue()).isEqualTo(2);
        assertThat(v2.get("reason").asText()).isEqualTo("OTHER");
        assertThat(v2.toString()).doesNotContain("Jane").doesNotContain("2024").doesNotContain("EP report");
    }

    @Test
    void event_json_reads_a_stored_v1_cancellation_whose_reason_is_a_code_as_that_code() {
        AdviceRequestCancelled cancelled = new EventJson().read(CANCELLED_V1_CODE, AdviceRequestCancelled.class);
        assertThat(cancelled.schemaVersion()).isEqualTo(2);
        assertThat(cancelled.reason()).isEqualTo(AdviceCancellationReason.CASE_WITHDRAWN);
        for (AdviceCancellationReason code : AdviceCancellationReason.values()) {
            String v1 = CANCELLED_V1_TEXT.replace("Jane Smith's EP report from 2024 reused (Reg 6(4))", code.name());
            assertThat(new EventJson().read(v1, AdviceRequestCancelled.class).reason()).as(code.name()).isEqualTo(code);
        }
    }

    @Test
    void a_v1_cancellation_reason_is_a_code_only_when_it_is_exactly_its_name() {
        // a caseworker's text that merely resembles a code is still free text
        for (String text : List.of("case_withdrawn", " CASE_WITHDRAWN", "CASE_WITHDRAWN.", "Existing advice reused", "")) {
            String v1 = CANCELLED_V1_TEXT.replace("Jane Smith's EP report from 2024 reused (Reg 6(4))", text);
            assertThat(new EventJson().read(v1, AdviceRequestCancelled.class).reason()).as(text)
                    .isEqualTo(AdviceCancellationReason.OTHER);
        }
        String noReason = CANCELLED_V1_TEXT.replace("\"Jane Smith's EP report from 2024 reused (Reg 6(4))\"", "null");
        assertThat(new EventJson().read(noReason, AdviceRequestCancelled.class).reason()).isEqualTo(AdviceCancellationReason.OTHER);
    }

    @Test
    void a_v2_cancellation_reason_that_is_not_a_code_is_refused() {
        String v2 = CANCELLED_V1_TEXT.replace("\"schemaVersion\":1", "\"schemaVersion\":2");
        assertThatThrownBy(() -> new EventJson().read(v2))
                .isInstanceOf(EventJsonException.class)
                .hasMessageContaining("AdviceRequestCancelled");
    }

    // ---- the published step: AdviceReturnedForRework v1 -> v2 ---------------------------------------

    /** AdviceReturnedForRework v1 as advice-service wrote it: a code's name in a string field. */
    static final String RETURNED_V1 = """
            {"type":"AdviceReturnedForRework","eventId":"1717909c-0021-45b4-9aaf-01491a2bff95",
             "caseId":"d6c826ed-1d5b-41a3-8b42-65ac9e572462","localAuthorityCode":"839",
             "businessDate":"2025-05-22","occurredAt":"2025-05-22T10:11:40Z","schemaVersion":1,
             "adviceRequestId":"dc14ad1b-0608-4aab-8257-2a2481186ac5","reason":"PROVISION_NOT_QUANTIFIED"}""";

    @Test
    void a_v1_rework_reason_that_is_a_code_stays_that_code() {
        AdviceReturnedForRework returned = new EventJson().read(RETURNED_V1, AdviceReturnedForRework.class);
        assertThat(returned.schemaVersion()).isEqualTo(2);
        assertThat(returned.reason()).isEqualTo(AdviceReworkReason.PROVISION_NOT_QUANTIFIED);
    }

    @Test
    void any_other_v1_rework_reason_becomes_OTHER_and_the_text_is_gone() throws Exception {
        String text = RETURNED_V1.replace("PROVISION_NOT_QUANTIFIED", "Say how many hours of SaLT Jane needs");
        ObjectNode v2 = EventUpcasters.PUBLISHED.upcast("AdviceReturnedForRework", tree(text));
        assertThat(v2.get("reason").asText()).isEqualTo("OTHER");
        assertThat(v2.toString()).doesNotContain("Jane").doesNotContain("SaLT");
        assertThat(new EventJson().read(RETURNED_V1.replace("PROVISION_NOT_QUANTIFIED", "provision_not_quantified"),
                AdviceReturnedForRework.class).reason()).isEqualTo(AdviceReworkReason.OTHER);
    }

    @Test
    void a_v2_rework_reason_that_is_not_a_code_is_refused() {
        String v2 = RETURNED_V1.replace("\"schemaVersion\":1", "\"schemaVersion\":2").replace("PROVISION_NOT_QUANTIFIED", "vague");
        assertThatThrownBy(() -> new EventJson().read(v2))
                .isInstanceOf(EventJsonException.class)
                .hasMessageContaining("AdviceReturnedForRework");
    }

    // ---- the hook, on the hypothetical example ---------------------------------------------------

    @Test
    void a_v1_json_is_upcast_to_v2_field_by_field() throws Exception {
        ObjectNode v2 = V2_READER.upcast("AdviceExceptionRecorded", tree(V1));
        assertThat(v2.get("schemaVersion").intValue()).isEqualTo(2);
        assertThat(v2.has("note")).isFalse();
        assertThat(v2.get("reason").asText()).isEqualTo("MISSED_APPOINTMENT");
    }

    @Test
    void event_json_reads_an_older_version_through_the_upcasters() {
        AdviceExceptionRecorded recorded = new EventJson(V2_READER).read(V1, AdviceExceptionRecorded.class);
        assertThat(recorded.schemaVersion()).isEqualTo(2);
        assertThat(recorded.reason()).isEqualTo(AdviceExceptionReason.MISSED_APPOINTMENT);
    }

    @Test
    void a_version_newer_than_the_reader_is_refused_not_half_read() {
        String v2 = V1.replace("\"schemaVersion\":1", "\"schemaVersion\":2");
        assertThatThrownBy(() -> new EventJson().read(v2))
                .isInstanceOf(EventJsonException.class)
                .hasMessageContaining("AdviceExceptionRecorded v2 is newer than this reader (v1)");
        String v3 = DECIDED_V1_REFUSE.replace("\"schemaVersion\":1", "\"schemaVersion\":3");
        assertThatThrownBy(() -> new EventJson().read(v3))
                .isInstanceOf(EventJsonException.class)
                .hasMessageContaining("AssessmentDecided v3 is newer than this reader (v2)");
    }

    @Test
    void a_missing_step_is_named() {
        var reader = new EventUpcasters(List.of(), type -> 3);
        assertThatThrownBy(() -> new EventJson(reader).read(V1))
                .isInstanceOf(EventJsonException.class)
                .hasMessageContaining("no upcaster for AdviceExceptionRecorded v1 to v2");
        assertThatThrownBy(() -> new EventJson(reader).read(DECIDED_V1_REFUSE))
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
