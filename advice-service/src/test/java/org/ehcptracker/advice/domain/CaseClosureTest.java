package org.ehcptracker.advice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.advice.domain.AdviceRequestTest.CASE;
import static org.ehcptracker.advice.domain.AdviceRequestTest.FIRST_EVENT_ID;
import static org.ehcptracker.advice.domain.AdviceRequestTest.NOW;
import static org.ehcptracker.advice.domain.AdviceRequestTest.REQUEST;
import static org.ehcptracker.advice.domain.AdviceRequestTest.REQUESTED_ON;
import static org.ehcptracker.advice.domain.AdviceRequestTest.aCase;
import static org.ehcptracker.advice.domain.AdviceRequestTest.cancelled;
import static org.ehcptracker.advice.domain.AdviceRequestTest.ctx;
import static org.ehcptracker.advice.domain.AdviceRequestTest.given;
import static org.ehcptracker.advice.domain.AdviceRequestTest.rejected;
import static org.ehcptracker.advice.domain.AdviceRequestTest.requestAdvice;
import static org.ehcptracker.advice.domain.AdviceRequestTest.requested;
import static org.ehcptracker.advice.domain.AdviceRequestTest.submitted;

import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.advice.AdviceCancellationReason;
import org.ehcptracker.contracts.advice.AdviceRequestCancelled;
import org.ehcptracker.contracts.assessment.AssessmentConcluded;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.kit.domain.CommandRejected;
import org.junit.jupiter.api.Test;

/**
 * Item 7, case life: the request of 11 April 2025 (due 23 May) is cancelled when its case closes, and no
 * request is made for a closed case.
 */
class CaseClosureTest {

    @Test
    void a_withdrawn_case_cancels_the_open_request_on_the_day_it_was_withdrawn() {
        LocalDate withdrawn = LocalDate.of(2025, 5, 2);
        var events = AdviceDecider.decide(new CancelForClosedCase(REQUEST, CaseStatus.WITHDRAWN, withdrawn),
                given(requested()), ctx());
        assertThat(events).containsExactly(new AdviceRequestCancelled(FIRST_EVENT_ID, CASE, "839", withdrawn, NOW, 2,
                REQUEST, AdviceCancellationReason.CASE_WITHDRAWN));
    }

    @Test
    void a_case_concluded_without_a_plan_cancels_with_its_own_reason_code() {
        LocalDate concluded = LocalDate.of(2025, 6, 2);
        var events = AdviceDecider.decide(new CancelForClosedCase(REQUEST, CaseStatus.CONCLUDED_WITHOUT_PLAN, concluded),
                given(requested()), ctx());
        assertThat(events).containsExactly(new AdviceRequestCancelled(FIRST_EVENT_ID, CASE, "839", concluded, NOW, 2,
                REQUEST, AdviceCancellationReason.CASE_CONCLUDED_WITHOUT_PLAN));
    }

    @Test
    void a_closure_dated_before_the_request_cancels_on_the_day_of_the_request() {
        // withdrawn 10 April, recorded after the request of 11 April: the cancellation cannot precede the request
        var events = AdviceDecider.decide(new CancelForClosedCase(REQUEST, CaseStatus.WITHDRAWN, LocalDate.of(2025, 4, 10)),
                given(requested()), ctx());
        assertThat(((AdviceRequestCancelled) events.get(0)).businessDate()).isEqualTo(REQUESTED_ON);
    }

    @Test
    void submitted_or_cancelled_requests_are_left_alone() {
        LocalDate closed = LocalDate.of(2025, 6, 2);
        assertThat(AdviceDecider.decide(new CancelForClosedCase(REQUEST, CaseStatus.WITHDRAWN, closed),
                given(requested(), submitted(LocalDate.of(2025, 5, 20))), ctx())).isEmpty();
        assertThat(AdviceDecider.decide(new CancelForClosedCase(REQUEST, CaseStatus.WITHDRAWN, closed),
                given(requested(), cancelled(LocalDate.of(2025, 4, 14))), ctx())).isEmpty();
    }

    @Test
    void a_case_concluded_without_a_plan_takes_no_new_request() {
        rejected(() -> AdviceDecider.decide(requestAdvice(REQUESTED_ON), given(), aCase(CaseStatus.CONCLUDED_WITHOUT_PLAN), ctx()),
                CommandRejected.Kind.UNPROCESSABLE, "caseId", "was concluded without a plan");
    }

    @Test
    void only_a_conclusion_without_a_plan_closes_the_case() {
        UUID id = UUID.randomUUID();
        var noPlan = new AssessmentConcluded(id, CASE, "839", LocalDate.of(2025, 6, 2), NOW, 1, AssessmentOutcome.NO_PLAN);
        var plan = new AssessmentConcluded(id, CASE, "839", LocalDate.of(2025, 6, 2), NOW, 1, AssessmentOutcome.ISSUE_PLAN);
        assertThat(CaseStatus.after(noPlan)).contains(CaseStatus.CONCLUDED_WITHOUT_PLAN);
        assertThat(CaseStatus.after(plan)).isEmpty();
        assertThat(CaseStatus.CONCLUDED_WITHOUT_PLAN.closesAdvice()).isTrue();
        assertThat(CaseStatus.ASSESSING.closesAdvice()).isFalse();
    }
}
