package org.ehcptracker.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.assessment.domain.AssessmentCaseTest.CASE;
import static org.ehcptracker.assessment.domain.AssessmentCaseTest.NOW;
import static org.ehcptracker.assessment.domain.AssessmentCaseTest.RECEIVED;
import static org.ehcptracker.assessment.domain.AssessmentCaseTest.TODAY;
import static org.ehcptracker.assessment.domain.AssessmentCaseTest.concluded;
import static org.ehcptracker.assessment.domain.AssessmentCaseTest.ctx;
import static org.ehcptracker.assessment.domain.AssessmentCaseTest.decided;
import static org.ehcptracker.assessment.domain.AssessmentCaseTest.given;
import static org.ehcptracker.assessment.domain.AssessmentCaseTest.id;
import static org.ehcptracker.assessment.domain.AssessmentCaseTest.rejected;
import static org.ehcptracker.assessment.domain.AssessmentCaseTest.requested;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.PersonalDetailsErased;
import org.ehcptracker.kit.domain.CommandRejected;
import org.junit.jupiter.api.Test;

/**
 * Erasing the child's personal details: {@link PersonalDetailsErased} once, dated today, carrying no text.
 * Dates: received Mon 3 March 2025; today Mon 2 June 2025 (context); an earlier erasure on Thu 1 May 2025.
 */
class ErasingPersonalDetailsTest {

    static final LocalDate EARLIER_ERASURE = LocalDate.of(2025, 5, 1);

    static PersonalDetailsErased erased(LocalDate on) {
        return new PersonalDetailsErased(UUID.randomUUID(), CASE, "839", on, Instant.parse("2025-05-01T09:00:00Z"), 1);
    }

    @Test
    void the_first_erasure_emits_PersonalDetailsErased_dated_today_with_the_next_event_id() {
        // given AssessmentRequested (3 Mar) / when erased on 2 Jun / then one event dated 2 Jun, id ...0001
        assertThat(AssessmentDecider.decide(new ErasePersonalDetails(CASE), given(requested()), ctx()))
                .containsExactly(new PersonalDetailsErased(id(1), CASE, "839", TODAY, NOW, PersonalDetailsErased.SCHEMA_VERSION));
    }

    @Test
    void a_second_erasure_emits_nothing() {
        // given requested (3 Mar) and erased (1 May) / when erased again on 2 Jun / then no event
        assertThat(AssessmentDecider.decide(new ErasePersonalDetails(CASE), given(requested(), erased(EARLIER_ERASURE)), ctx()))
                .isEmpty();
    }

    @Test
    void a_closed_case_can_be_erased() {
        // given requested (3 Mar), assessed (10 Mar), concluded NO_PLAN (12 May) / when erased on 2 Jun / then the event
        var state = given(requested(), decided(AssessmentDecision.ASSESS, RECEIVED.plusDays(7)),
                concluded(AssessmentOutcome.NO_PLAN, LocalDate.of(2025, 5, 12)));
        assertThat(AssessmentDecider.decide(new ErasePersonalDetails(CASE), state, ctx()))
                .singleElement().isInstanceOf(PersonalDetailsErased.class);
    }

    @Test
    void an_unknown_case_is_not_found() {
        rejected(() -> AssessmentDecider.decide(new ErasePersonalDetails(CASE), CaseState.NONE, ctx()),
                CommandRejected.Kind.NOT_FOUND, null);
    }

    @Test
    void the_state_keeps_the_first_erasure_date_and_nothing_else_changes() {
        var before = given(requested(), decided(AssessmentDecision.ASSESS, RECEIVED.plusDays(7)));
        var after = before.evolve(erased(EARLIER_ERASURE)).evolve(erased(TODAY));
        assertThat(after.personalDetailsErasedDate()).isEqualTo(EARLIER_ERASURE);
        assertThat(before.personalDetailsErasedDate()).isNull();
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(after.decisions()).isEqualTo(before.decisions());
        assertThat(after.receivedDate()).isEqualTo(RECEIVED);
    }
}
