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
import static org.ehcptracker.assessment.domain.ExceptionsTransfersDisputesTest.exception;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.ExceptionReason;
import org.ehcptracker.contracts.assessment.ExceptionRecorded;
import org.ehcptracker.contracts.assessment.ResponsibilityTransferredIn;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.kit.domain.CommandRejected;
import org.junit.jupiter.api.Test;

/**
 * plan-service's final plan, as the local view passes it to the rules and to the worklist's next step. The case was
 * received on Monday 3 March 2025 by LA 839, assessed from Monday 7 April, concluded ISSUE_PLAN on Monday 12 May;
 * plan-service issued the final plan on Friday 23 May 2025 (day 81: Mar 31 = 28, Apr 30 = 58, May 23 = 81). Today
 * is Monday 2 June 2025.
 */
class FinalPlanIssuedTest {

    static final LocalDate ISSUED_FRI_2025_05_23 = LocalDate.of(2025, 5, 23);
    static final Optional<IssuedFinalPlan> FINAL_PLAN = Optional.of(new IssuedFinalPlan(
            UUID.fromString("03aa49de-d340-46b2-b950-1502dffa5160"), ISSUED_FRI_2025_05_23));

    static CaseState concludedToIssueAPlan() {
        return given(requested(), decided(AssessmentDecision.ASSESS, LocalDate.of(2025, 4, 7)),
                concluded(AssessmentOutcome.ISSUE_PLAN, LocalDate.of(2025, 5, 12)));
    }

    // ---- the rules -------------------------------------------------------------------------------------------

    @Test
    void an_exception_starting_after_the_final_plan_is_refused_naming_the_issue_date() {
        // Monday 26 May is three days after the final plan of Friday 23 May
        rejected(() -> AssessmentDecider.decide(exception(StatutoryLimit.FINAL_PLAN_20_WEEKS, ExceptionReason.SCHOOL_CLOSURE,
                        LocalDate.of(2025, 5, 26), null), concludedToIssueAPlan(), FINAL_PLAN, ctx()),
                CommandRejected.Kind.UNPROCESSABLE, "startDate")
                .hasMessageContaining("2025-05-23").hasMessageContaining("final plan");
    }

    @Test
    void without_a_final_plan_the_same_exception_is_recorded() {
        assertThat(AssessmentDecider.decide(exception(StatutoryLimit.FINAL_PLAN_20_WEEKS, ExceptionReason.SCHOOL_CLOSURE,
                LocalDate.of(2025, 5, 26), null), concludedToIssueAPlan(), Optional.empty(), ctx()))
                .containsExactly(new ExceptionRecorded(id(1), CASE, "839", TODAY, NOW, 1, EXCEPTION,
                        StatutoryLimit.FINAL_PLAN_20_WEEKS, ExceptionReason.SCHOOL_CLOSURE, LocalDate.of(2025, 5, 26), null));
    }

    @Test
    void an_exception_that_started_on_or_before_the_issue_day_can_still_be_recorded_after_it() {
        // recorded late (today, 2 June) for a circumstance of 14-23 May: it may explain the plan's timing
        assertThat(AssessmentDecider.decide(exception(StatutoryLimit.FINAL_PLAN_20_WEEKS,
                ExceptionReason.EXCEPTIONAL_PERSONAL_CIRCUMSTANCES, LocalDate.of(2025, 5, 14), ISSUED_FRI_2025_05_23),
                concludedToIssueAPlan(), FINAL_PLAN, ctx()))
                .containsExactly(new ExceptionRecorded(id(1), CASE, "839", TODAY, NOW, 1, EXCEPTION,
                        StatutoryLimit.FINAL_PLAN_20_WEEKS, ExceptionReason.EXCEPTIONAL_PERSONAL_CIRCUMSTANCES,
                        LocalDate.of(2025, 5, 14), ISSUED_FRI_2025_05_23));
        assertThat(AssessmentDecider.decide(exception(StatutoryLimit.FINAL_PLAN_20_WEEKS, ExceptionReason.SCHOOL_CLOSURE,
                ISSUED_FRI_2025_05_23, null), concludedToIssueAPlan(), FINAL_PLAN, ctx())).hasSize(1);
    }

    @Test
    void a_transfer_in_after_the_final_plan_is_refused_naming_the_issue_date() {
        // Tuesday 27 May, four days after the final plan
        rejected(() -> AssessmentDecider.decide(new RecordTransferIn(CASE, null, "850", LocalDate.of(2025, 5, 27)),
                        concludedToIssueAPlan(), FINAL_PLAN, ctx()),
                CommandRejected.Kind.UNPROCESSABLE, "transferDate")
                .hasMessageContaining("2025-05-23").hasMessageContaining("transfer after the final plan");
    }

    @Test
    void a_transfer_in_on_the_issue_day_or_without_a_final_plan_is_recorded() {
        assertThat(AssessmentDecider.decide(new RecordTransferIn(CASE, null, "850", ISSUED_FRI_2025_05_23),
                concludedToIssueAPlan(), FINAL_PLAN, ctx()))
                .containsExactly(new ResponsibilityTransferredIn(id(1), CASE, "839", ISSUED_FRI_2025_05_23, NOW, 1, "850"));
        assertThat(AssessmentDecider.decide(new RecordTransferIn(CASE, null, "850", LocalDate.of(2025, 5, 27)),
                concludedToIssueAPlan(), Optional.empty(), ctx()))
                .containsExactly(new ResponsibilityTransferredIn(id(1), CASE, "839", LocalDate.of(2025, 5, 27), NOW, 1, "850"));
    }

    @Test
    void the_same_transfer_twice_stays_a_conflict_after_the_final_plan() {
        var transferred = given(requested(), new ResponsibilityTransferredIn(UUID.randomUUID(), CASE, "839",
                LocalDate.of(2025, 3, 10), NOW, 1, "850"));
        rejected(() -> AssessmentDecider.decide(new RecordTransferIn(CASE, null, "850", LocalDate.of(2025, 3, 10)),
                transferred, FINAL_PLAN, ctx()), CommandRejected.Kind.CONFLICT, null);
    }

    // ---- the worklist's next step ----------------------------------------------------------------------------

    @Test
    void a_case_concluded_to_issue_a_plan_waits_for_the_final_plan_until_it_is_issued() {
        // 140 days from Mon 3 Mar: Mar 31 = 28, Apr 30 = 58, May 31 = 89, Jun 30 = 119, Jul 21 = 140 -> Mon 21 Jul 2025
        assertThat(NextStatutoryStep.after(CaseStatus.CONCLUDED_ISSUE_PLAN, RECEIVED, null, 0))
                .isEqualTo(new NextStatutoryStep(StatutoryStep.FINAL_PLAN_20_WEEKS, LocalDate.of(2025, 7, 21), false));
        assertThat(NextStatutoryStep.after(CaseStatus.CONCLUDED_ISSUE_PLAN, RECEIVED, ISSUED_FRI_2025_05_23, 0))
                .isEqualTo(NextStatutoryStep.NONE);
    }

    @Test
    void once_the_final_plan_is_issued_nothing_is_due_whatever_the_status_or_open_exceptions() {
        // plan-service may issue the plan before the conclusion ISSUE_PLAN is recorded here: the case is still ASSESSING
        assertThat(NextStatutoryStep.after(CaseStatus.ASSESSING, RECEIVED, ISSUED_FRI_2025_05_23, 0))
                .isEqualTo(NextStatutoryStep.NONE);
        assertThat(NextStatutoryStep.after(CaseStatus.CONCLUDED_ISSUE_PLAN, RECEIVED, ISSUED_FRI_2025_05_23, 2))
                .isEqualTo(NextStatutoryStep.NONE);
        // without the plan an open exception on the 20-week limit applies to the step
        assertThat(NextStatutoryStep.after(CaseStatus.CONCLUDED_ISSUE_PLAN, RECEIVED, null, 2))
                .isEqualTo(new NextStatutoryStep(StatutoryStep.FINAL_PLAN_20_WEEKS, LocalDate.of(2025, 7, 21), true));
    }

    @Test
    void a_withdrawal_dated_after_the_final_plan_is_refused_and_one_before_it_is_recorded() {
        // withdrawn Tuesday 27 May 2025: four days after the final plan of Friday 23 May
        rejected(() -> AssessmentDecider.decide(new WithdrawRequest(CASE, LocalDate.of(2025, 5, 27)), concludedToIssueAPlan(),
                        FINAL_PLAN, ctx()), CommandRejected.Kind.UNPROCESSABLE, "withdrawnDate")
                .hasMessageContaining("2025-05-23").hasMessageContaining("final plan");
        // withdrawn Wednesday 21 May (after the conclusion of 12 May, before the plan): the history keeps it
        assertThat(AssessmentDecider.decide(new WithdrawRequest(CASE, LocalDate.of(2025, 5, 21)), concludedToIssueAPlan(),
                FINAL_PLAN, ctx())).containsExactly(new org.ehcptracker.contracts.assessment.RequestWithdrawn(id(1), CASE,
                "839", LocalDate.of(2025, 5, 21), NOW, 1));
    }

    @Test
    void an_exception_corrected_to_end_after_the_final_plan_is_refused() {
        // open since Wednesday 14 May 2025; an end on Wednesday 28 May is five days after the final plan of 23 May
        var c = concludedToIssueAPlan().evolve(new ExceptionRecorded(UUID.randomUUID(), CASE, "839", LocalDate.of(2025, 5, 14),
                NOW, 1, EXCEPTION, StatutoryLimit.FINAL_PLAN_20_WEEKS, ExceptionReason.EXCEPTIONAL_PERSONAL_CIRCUMSTANCES,
                LocalDate.of(2025, 5, 14), null));
        rejected(() -> AssessmentDecider.decide(new CorrectException(CASE, EXCEPTION, LocalDate.of(2025, 5, 28)), c,
                FINAL_PLAN, ctx()), CommandRejected.Kind.UNPROCESSABLE, "endDate")
                .hasMessageContaining("2025-05-23").hasMessageContaining("final plan");
        // ending on the issue day itself is allowed
        assertThat(AssessmentDecider.decide(new CorrectException(CASE, EXCEPTION, ISSUED_FRI_2025_05_23), c, FINAL_PLAN, ctx()))
                .containsExactly(new org.ehcptracker.contracts.assessment.ExceptionCorrected(id(1), CASE, "839", TODAY, NOW, 1,
                        EXCEPTION, ISSUED_FRI_2025_05_23));
    }
}
