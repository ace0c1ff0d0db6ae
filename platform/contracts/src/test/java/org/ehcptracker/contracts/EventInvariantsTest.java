package org.ehcptracker.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.RefusalReason;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.ExceptionReason;
import org.ehcptracker.contracts.assessment.ExceptionRecorded;
import org.ehcptracker.contracts.assessment.RequesterType;
import org.ehcptracker.contracts.assessment.ResponsibilityTransferredIn;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.contracts.plan.FinalPlanIssued;
import org.ehcptracker.contracts.plan.SenNeedType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventInvariantsTest {

    /** The only fields the contract lets be null. */
    private static final Set<String> NULLABLE =
            Set.of("refusalReason", "endDate", "requestedSetting", "requestedSettingType", "namedSettingUrn", "settingType",
                    "amendedPlanDue", "phaseTransfer", "phaseTransferDeadline", "yearGroup");

    private static final UUID EVENT = UUID.fromString("0b3f7a52-6c1d-4e8a-9f24-7d5e1c2b9a60");
    private static final UUID CASE = UUID.fromString("5c9e2d14-3b7a-4f61-8e0d-2a6b4c8f1e37");
    private static final UUID PLAN = UUID.fromString("7f2a9c41-0e6b-4d38-a5c7-3b1e8d6f2a94");
    private static final Instant AT = Instant.parse("2025-07-18T13:05:44Z");

    /** Every (type, required reference field) pair, taken from the examples. */
    static Stream<Arguments> requiredFields() {
        return ContractExamples.types().stream().flatMap(type -> {
            Class<? extends IntegrationEvent> cls = EventJson.classOf(type);
            return Arrays.stream(cls.getRecordComponents())
                    .filter(c -> !c.getType().isPrimitive() && !NULLABLE.contains(c.getName()))
                    .map(c -> Arguments.of(type, c.getName()));
        });
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("requiredFields")
    void a_required_field_cannot_be_null(String type, String field) throws Throwable {
        IntegrationEvent example = ContractExamples.event(type);
        Object original = example.getClass().getMethod(field).invoke(example);
        // the copy works with the real value, so the failure below is down to the null alone
        assertThat(copyWith(example, field, original)).isEqualTo(example);

        assertThatThrownBy(() -> copyWith(example, field, null))
                .isInstanceOf(NullPointerException.class).hasMessage(field);
    }

    @Test
    void schema_version_starts_at_one() {
        assertThatThrownBy(() -> new AssessmentRequested(EVENT, CASE, "839", LocalDate.of(2025, 3, 3), AT, 0,
                "C-7Q4M2K", RequesterType.PARENT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schemaVersion");
    }

    @Test
    void blank_text_is_rejected() {
        assertThatThrownBy(() -> new AssessmentRequested(EVENT, CASE, " ", LocalDate.of(2025, 3, 3), AT, 1,
                "C-7Q4M2K", RequesterType.PARENT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("localAuthorityCode");
        assertThatThrownBy(() -> new AssessmentRequested(EVENT, CASE, "839", LocalDate.of(2025, 3, 3), AT, 1,
                "", RequesterType.PARENT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("childRef");
    }

    private static FinalPlanIssued finalPlan(String namedSettingUrn, String settingType) {
        return new FinalPlanIssued(EVENT, CASE, "839", LocalDate.of(2025, 7, 18), AT, 1, PLAN,
                namedSettingUrn, settingType, LocalDate.of(2025, 3, 3));
    }

    @Test
    void final_plan_names_a_setting_or_a_setting_type() {
        assertThatCode(() -> finalPlan("139021", null)).doesNotThrowAnyException();
        assertThatCode(() -> finalPlan(null, "SPS")).doesNotThrowAnyException();
    }

    @Test
    void final_plan_with_both_or_neither_setting_is_rejected() {
        assertThatThrownBy(() -> finalPlan("139021", "SPS")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> finalPlan(null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one");
        // an empty string is not a way to say "absent"
        assertThatThrownBy(() -> finalPlan("139021", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void final_plan_cannot_be_issued_before_the_request_was_received() {
        assertThatThrownBy(() -> new FinalPlanIssued(EVENT, CASE, "839", LocalDate.of(2025, 3, 2), AT, 1, PLAN,
                "139021", null, LocalDate.of(2025, 3, 3))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_decision_to_assess_carries_no_refusal_reason() {
        assertThatThrownBy(() -> new AssessmentDecided(EVENT, CASE, "839", LocalDate.of(2025, 4, 10), AT, 2,
                AssessmentDecision.ASSESS, RefusalReason.NEEDS_MET_FROM_AVAILABLE_RESOURCES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> new AssessmentDecided(EVENT, CASE, "839", LocalDate.of(2025, 4, 10), AT, 2,
                AssessmentDecision.REFUSE, RefusalReason.NEEDS_MET_FROM_AVAILABLE_RESOURCES))
                .doesNotThrowAnyException();
    }

    @Test
    void a_refusal_carries_its_reason_code() {
        assertThatThrownBy(() -> new AssessmentDecided(EVENT, CASE, "839", LocalDate.of(2025, 4, 10), AT, 2,
                AssessmentDecision.REFUSE, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("refusalReason");
    }

    @Test
    void an_exception_cannot_end_before_it_starts() {
        UUID id = UUID.fromString("c4a1e8f2-7b3d-4a96-8e5c-0f2d6b9a1c73");
        assertThatThrownBy(() -> new ExceptionRecorded(EVENT, CASE, "839", LocalDate.of(2025, 7, 15), AT, 1, id,
                StatutoryLimit.FINAL_PLAN_20_WEEKS, ExceptionReason.SCHOOL_CLOSURE,
                LocalDate.of(2025, 7, 15), LocalDate.of(2025, 7, 14))).isInstanceOf(IllegalArgumentException.class);
        // a one-day exception (end == start) is allowed
        assertThatCode(() -> new ExceptionRecorded(EVENT, CASE, "839", LocalDate.of(2025, 7, 15), AT, 1, id,
                StatutoryLimit.FINAL_PLAN_20_WEEKS, ExceptionReason.SCHOOL_CLOSURE,
                LocalDate.of(2025, 7, 15), LocalDate.of(2025, 7, 15))).doesNotThrowAnyException();
    }

    @Test
    void a_correction_names_the_exception_and_its_end_date() {
        UUID id = UUID.fromString("c4a1e8f2-7b3d-4a96-8e5c-0f2d6b9a1c73");
        assertThatThrownBy(() -> new org.ehcptracker.contracts.assessment.ExceptionCorrected(EVENT, CASE, "839",
                LocalDate.of(2025, 7, 15), AT, 1, null, LocalDate.of(2025, 7, 14))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new org.ehcptracker.contracts.assessment.ExceptionCorrected(EVENT, CASE, "839",
                LocalDate.of(2025, 7, 15), AT, 1, id, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new org.ehcptracker.contracts.assessment.ExceptionWithdrawn(EVENT, CASE, "839",
                LocalDate.of(2025, 7, 15), AT, 1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void a_dispute_names_its_id_and_stage_and_its_outcome_names_the_dispute() {
        UUID id = UUID.fromString("7d1c5a0e-3b8f-4f2a-9c6d-2e5b8a1f4c90");
        assertThatThrownBy(() -> new org.ehcptracker.contracts.assessment.MediationOrTribunalRecorded(EVENT, CASE, "839",
                LocalDate.of(2025, 6, 16), AT, 1, org.ehcptracker.contracts.assessment.DisputeKind.MEDIATION, id, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new org.ehcptracker.contracts.assessment.MediationOrTribunalRecorded(EVENT, CASE, "839",
                LocalDate.of(2025, 6, 16), AT, 1, org.ehcptracker.contracts.assessment.DisputeKind.MEDIATION, null,
                org.ehcptracker.contracts.assessment.DisputeStage.PLAN_CONTENTS)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new org.ehcptracker.contracts.assessment.DisputeResolved(EVENT, CASE, "839",
                LocalDate.of(2025, 7, 28), AT, 1, id, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void a_transfer_comes_from_another_authority() {
        assertThatThrownBy(() -> new ResponsibilityTransferredIn(EVENT, CASE, "839", LocalDate.of(2025, 9, 8), AT, 1,
                "839")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sen_needs_name_each_type_once_primary_first() {
        LocalDate day = LocalDate.of(2025, 6, 2);
        var needs = new org.ehcptracker.contracts.plan.SenNeedsRecorded(EVENT, CASE, "839", day, AT, 1, PLAN,
                new java.util.ArrayList<>(java.util.List.of(SenNeedType.ASD, SenNeedType.SLCN)));
        assertThat(needs.needs()).containsExactly(SenNeedType.ASD, SenNeedType.SLCN);
        assertThatThrownBy(() -> needs.needs().add(SenNeedType.HI)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new org.ehcptracker.contracts.plan.SenNeedsRecorded(EVENT, CASE, "839", day, AT, 1,
                PLAN, java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new org.ehcptracker.contracts.plan.SenNeedsRecorded(EVENT, CASE, "839", day, AT, 1,
                PLAN, java.util.List.of(SenNeedType.ASD, SenNeedType.ASD))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new org.ehcptracker.contracts.plan.SenNeedsRecorded(EVENT, CASE, "839", day, AT, 1,
                PLAN, java.util.Arrays.asList(SenNeedType.ASD, null))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void examples_are_valid_events() {
        assertThat(ContractExamples.types()).allSatisfy(type ->
                assertThatCode(() -> ContractExamples.event(type)).doesNotThrowAnyException());
    }

    /** Calls the canonical constructor with one component replaced, so every record is covered generically. */
    private static IntegrationEvent copyWith(IntegrationEvent event, String field, Object value) throws Throwable {
        RecordComponent[] components = event.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = components[i].getName().equals(field) ? value : components[i].getAccessor().invoke(event);
        }
        Constructor<?> canonical = event.getClass().getDeclaredConstructor(types);
        try {
            return (IntegrationEvent) canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
