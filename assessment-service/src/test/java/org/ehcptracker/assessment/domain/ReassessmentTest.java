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
import static org.ehcptracker.assessment.domain.ExceptionsTransfersDisputesTest.EXCEPTION;
import static org.ehcptracker.assessment.domain.ExceptionsTransfersDisputesTest.NO_FINAL_PLAN;
import static org.ehcptracker.assessment.domain.ExceptionsTransfersDisputesTest.transferredIn;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.ExceptionReason;
import org.ehcptracker.contracts.assessment.ExceptionRecorded;
import org.ehcptracker.contracts.assessment.RequestKind;
import org.ehcptracker.contracts.assessment.RequesterType;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.kit.domain.CommandRejected;
import org.junit.jupiter.api.Test;

/**
 * Re-assessment of a child who already has a plan (Reg 27): a request of its own kind whose only limit is the
 * final plan within 14 weeks, with the same exceptions. Received Monday 3 March 2025 by LA 839; today is Monday
 * 2 June 2025. 14 weeks = 98 days from 3 Mar: Mar 31 = day 28, Apr 30 = 58, May 31 = 89, Jun 9 = 98
 * -> Monday 9 June 2025 (a whole number of weeks lands on the same weekday).
 */
class ReassessmentTest {

    static final LocalDate FINAL_PLAN_DUE_MON_2025_06_09 = LocalDate.of(2025, 6, 9);

    static AssessmentRequested reassessmentRequested() {
        return new AssessmentRequested(UUID.randomUUID(), CASE, "839", RECEIVED, Instant.parse("2025-03-03T10:00:00Z"),
                AssessmentRequested.SCHEMA_VERSION, "C-7Q4M2K", RequesterType.PARENT, RequestKind.REASSESSMENT);
    }

    static RecordException exceptionOn(StatutoryLimit limit) {
        // absent from the area from Monday 5 May 2025, still open
        return new RecordException(CASE, EXCEPTION, limit, ExceptionReason.ABSENT_FROM_AREA, LocalDate.of(2025, 5, 5), null, null);
    }

    @Test
    void a_reassessment_request_is_published_with_its_kind_and_its_final_plan_is_due_in_14_weeks() {
        var command = new RecordAssessmentRequest(CASE, "839", RECEIVED, RequesterType.PARENT, "C-7Q4M2K",
                ChildPersonalDetails.NONE, null, RequestKind.REASSESSMENT);
        var events = AssessmentDecider.decide(command, given(), ctx());
        assertThat(events).containsExactly(new AssessmentRequested(id(1), CASE, "839", RECEIVED, NOW, 3, "C-7Q4M2K",
                RequesterType.PARENT, RequestKind.REASSESSMENT));
        CaseState c = CaseState.TYPE.rebuild(events);
        assertThat(c.reassessment()).isTrue();
        assertThat(c.finalPlanDue()).isEqualTo(FINAL_PLAN_DUE_MON_2025_06_09);
        // DOMAIN.md gives a re-assessment no 6-week decision and no 16-week no-plan limit
        assertThat(c.decisionDue()).isNull();
        assertThat(c.noPlanDecisionDue()).isNull();
        assertThat(c.limits()).containsExactly(StatutoryLimit.FINAL_PLAN_14_WEEKS_REASSESSMENT);
    }

    @Test
    void a_request_without_a_kind_is_an_initial_one_due_in_20_weeks() {
        var events = AssessmentDecider.decide(AssessmentCaseTest.request(), given(), ctx());
        assertThat(((AssessmentRequested) events.get(0)).requestKind()).isEqualTo(RequestKind.INITIAL);
        // 140 days from 3 Mar: Mar 31 = 28, Apr 30 = 58, May 31 = 89, Jun 30 = 119, Jul 21 = 140 -> Mon 21 Jul 2025
        assertThat(CaseState.TYPE.rebuild(events).finalPlanDue()).isEqualTo(LocalDate.of(2025, 7, 21));
    }

    @Test
    void every_open_stage_of_a_reassessment_works_to_the_14_week_final_plan() {
        var requestedCase = given(reassessmentRequested());
        var assessing = given(reassessmentRequested(), decided(AssessmentDecision.ASSESS, LocalDate.of(2025, 3, 10)));
        var concludedIssue = given(reassessmentRequested(), decided(AssessmentDecision.ASSESS, LocalDate.of(2025, 3, 10)),
                concluded(AssessmentOutcome.ISSUE_PLAN, LocalDate.of(2025, 5, 1)));
        for (CaseState c : new CaseState[] {requestedCase, assessing, concludedIssue}) {
            assertThat(NextStatutoryStep.after(c.requestKind(), c.status(), c.clockStart(), null, 0)).isEqualTo(
                    new NextStatutoryStep(StatutoryStep.FINAL_PLAN_14_WEEKS_REASSESSMENT, FINAL_PLAN_DUE_MON_2025_06_09, false));
        }
        // a decision made on 10 March has no 6-week limit to be on time for
        assertThat(assessing.decisionOnTime()).isEmpty();
        var refused = given(reassessmentRequested(), decided(AssessmentDecision.REFUSE, LocalDate.of(2025, 3, 10)));
        assertThat(NextStatutoryStep.after(refused.requestKind(), refused.status(), refused.clockStart(), null, 0))
                .isEqualTo(NextStatutoryStep.NONE);
        // the final plan issued on Friday 6 June 2025 (in time): nothing more is due
        assertThat(NextStatutoryStep.after(RequestKind.REASSESSMENT, CaseStatus.CONCLUDED_ISSUE_PLAN, RECEIVED,
                LocalDate.of(2025, 6, 6), 0)).isEqualTo(NextStatutoryStep.NONE);
    }

    @Test
    void a_transfer_in_restarts_the_14_weeks() {
        // transfer in on Monday 14 April 2025: 98 days: Apr 30 = 16, May 31 = 47, Jun 30 = 77, Jul 21 = 98 -> Mon 21 Jul 2025
        var c = given(reassessmentRequested(), transferredIn(LocalDate.of(2025, 4, 14)));
        assertThat(c.finalPlanDue()).isEqualTo(LocalDate.of(2025, 7, 21));
        assertThat(NextStatutoryStep.after(c.requestKind(), c.status(), c.clockStart(), null, 0).due())
                .isEqualTo(LocalDate.of(2025, 7, 21));
    }

    @Test
    void an_exception_is_recorded_on_the_14_week_limit_with_the_same_reasons_and_does_not_set_the_week20_flag() {
        var c = given(reassessmentRequested(), decided(AssessmentDecision.ASSESS, LocalDate.of(2025, 3, 10)));
        for (ExceptionReason reason : ExceptionReason.values()) {
            var command = new RecordException(CASE, EXCEPTION, StatutoryLimit.FINAL_PLAN_14_WEEKS_REASSESSMENT, reason,
                    LocalDate.of(2025, 5, 5), null, null);
            assertThat(AssessmentDecider.decide(command, c, NO_FINAL_PLAN, ctx())).hasSize(1);
        }
        var events = AssessmentDecider.decide(exceptionOn(StatutoryLimit.FINAL_PLAN_14_WEEKS_REASSESSMENT), c, NO_FINAL_PLAN, ctx());
        assertThat(events).containsExactly(new ExceptionRecorded(id(1), CASE, "839", TODAY, NOW, 1, EXCEPTION,
                StatutoryLimit.FINAL_PLAN_14_WEEKS_REASSESSMENT, ExceptionReason.ABSENT_FROM_AREA, LocalDate.of(2025, 5, 5), null));
        CaseState after = c.evolve(events.get(0));
        // SEN2's Week20 flag is about the 20-week measure, which a re-assessment is not in
        assertThat(after.exceptionsApply()).isFalse();
        assertThat(after.finalPlanDue()).isEqualTo(FINAL_PLAN_DUE_MON_2025_06_09); // exceptions move no date
    }

    @Test
    void a_reassessment_has_no_6_16_or_20_week_limit_to_except_and_an_initial_request_no_14_week_one() {
        var reassessing = given(reassessmentRequested());
        for (StatutoryLimit limit : new StatutoryLimit[] {StatutoryLimit.DECISION_6_WEEKS, StatutoryLimit.NO_PLAN_16_WEEKS,
                StatutoryLimit.FINAL_PLAN_20_WEEKS}) {
            rejected(() -> AssessmentDecider.decide(exceptionOn(limit), reassessing, NO_FINAL_PLAN, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "limit").hasMessageContaining("re-assessment");
        }
        var initial = given(requested());
        rejected(() -> AssessmentDecider.decide(exceptionOn(StatutoryLimit.FINAL_PLAN_14_WEEKS_REASSESSMENT), initial,
                NO_FINAL_PLAN, ctx()), CommandRejected.Kind.UNPROCESSABLE, "limit").hasMessageContaining("initial request");
    }
}
