package org.ehcptracker.advice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.assessment.AssessmentConcluded;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.RefusalReason;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.RequestWithdrawn;
import org.ehcptracker.contracts.ContractExamples;
import org.junit.jupiter.api.Test;

/** Which assessment events move the local view, and to what. */
class AssessmentCaseTest {

    static final UUID CASE = UUID.randomUUID();
    static final Instant AT = Instant.parse("2025-04-10T14:03:51Z");
    static final LocalDate ON = LocalDate.of(2025, 4, 10);

    @Test
    void a_request_makes_the_case_requested() {
        assertThat(CaseStatus.after((AssessmentEvent) ContractExamples.event("AssessmentRequested"))).contains(CaseStatus.REQUESTED);
    }

    @Test
    void a_decision_to_assess_makes_it_assessing_and_a_refusal_refused() {
        assertThat(CaseStatus.after(new AssessmentDecided(UUID.randomUUID(), CASE, "839", ON, AT, AssessmentDecided.SCHEMA_VERSION, AssessmentDecision.ASSESS, null)))
                .contains(CaseStatus.ASSESSING);
        assertThat(CaseStatus.after(new AssessmentDecided(UUID.randomUUID(), CASE, "839", ON, AT, AssessmentDecided.SCHEMA_VERSION, AssessmentDecision.REFUSE,
                RefusalReason.NEEDS_MET_FROM_AVAILABLE_RESOURCES)))
                .contains(CaseStatus.REFUSED);
    }

    @Test
    void a_withdrawal_makes_it_withdrawn() {
        assertThat(CaseStatus.after(new RequestWithdrawn(UUID.randomUUID(), CASE, "839", ON, AT, 1))).contains(CaseStatus.WITHDRAWN);
    }

    @Test
    void the_other_assessment_events_change_nothing() {
        for (String type : new String[] {"ExceptionRecorded", "ResponsibilityTransferredIn", "AssessmentConcluded",
                "MediationOrTribunalRecorded"}) {
            assertThat(CaseStatus.after((AssessmentEvent) ContractExamples.event(type))).as(type).isEmpty();
        }
        assertThat(ContractExamples.event("AssessmentConcluded")).isInstanceOf(AssessmentConcluded.class);
        assertThat(ContractExamples.event("AssessmentRequested")).isInstanceOf(AssessmentRequested.class);
    }
}
