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
import static org.ehcptracker.assessment.domain.AssessmentCaseTest.withdrawn;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.DisputeKind;
import org.ehcptracker.contracts.assessment.DisputeOutcome;
import org.ehcptracker.contracts.assessment.DisputeResolved;
import org.ehcptracker.contracts.assessment.DisputeStage;
import org.ehcptracker.contracts.assessment.ExceptionCorrected;
import org.ehcptracker.contracts.assessment.ExceptionReason;
import org.ehcptracker.contracts.assessment.ExceptionRecorded;
import org.ehcptracker.contracts.assessment.ExceptionWithdrawn;
import org.ehcptracker.contracts.assessment.MediationOrTribunalRecorded;
import org.ehcptracker.contracts.assessment.RequestWithdrawn;
import org.ehcptracker.contracts.assessment.RefusalReason;
import org.ehcptracker.contracts.assessment.RequesterType;
import org.ehcptracker.contracts.assessment.ResponsibilityTransferredIn;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.domain.DecisionContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Exceptions, transfers in, disputes and decisions that change: given events / when command / then the exact
 * events (ids from {@code EventIds.sequence()}, time pinned) or the rejection, with hand-worked dates. The case was
 * received on Monday 3 March 2025 by LA 839; today is Monday 2 June 2025.
 */
class ExceptionsTransfersDisputesTest {

    static final UUID EXCEPTION = UUID.fromString("fca60f4b-53ac-4a67-b534-b311cec6c834");
    static final UUID DISPUTE = UUID.fromString("7d1c5a0e-3b8f-4f2a-9c6d-2e5b8a1f4c90");
    static final LocalDate ASSESS_ON = LocalDate.of(2025, 4, 7);
    static final LocalDate REFUSED_ON = LocalDate.of(2025, 4, 10);
    /** plan-service has issued no final plan for the case (as far as the local view knows). */
    static final Optional<IssuedFinalPlan> NO_FINAL_PLAN = Optional.empty();

    static Instant at(LocalDate d) {
        return d.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    }

    static ExceptionRecorded exceptionRecorded(StatutoryLimit limit, LocalDate start, LocalDate end) {
        return new ExceptionRecorded(UUID.randomUUID(), CASE, "839", start, at(start), 1, EXCEPTION, limit,
                ExceptionReason.EXCEPTIONAL_PERSONAL_CIRCUMSTANCES, start, end);
    }

    static ExceptionWithdrawn exceptionWithdrawn() {
        return new ExceptionWithdrawn(UUID.randomUUID(), CASE, "839", TODAY, NOW, 1, EXCEPTION);
    }

    static ResponsibilityTransferredIn transferredIn(LocalDate on) {
        return new ResponsibilityTransferredIn(UUID.randomUUID(), CASE, "839", on, at(on), 1, "850");
    }

    static MediationOrTribunalRecorded disputed(DisputeStage stage, LocalDate on) {
        return new MediationOrTribunalRecorded(UUID.randomUUID(), CASE, "839", on, at(on), 1, DisputeKind.TRIBUNAL,
                DISPUTE, stage);
    }

    static DisputeResolved resolved(DisputeOutcome outcome, LocalDate on) {
        return new DisputeResolved(UUID.randomUUID(), CASE, "839", on, at(on), 1, DISPUTE, outcome);
    }

    static CaseState assessing() {
        return given(requested(), decided(AssessmentDecision.ASSESS, ASSESS_ON));
    }

    static RecordException exception(StatutoryLimit limit, ExceptionReason reason, LocalDate start, LocalDate end) {
        return new RecordException(CASE, EXCEPTION, limit, reason, start, end, null);
    }

    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class RecordingAnException {

        @Test
        void an_exception_on_the_20_week_limit_is_recorded_today_and_sets_exceptions_apply() {
            // personal circumstances from Monday 12 May 2025, still open; recorded on Monday 2 June
            var events = AssessmentDecider.decide(exception(StatutoryLimit.FINAL_PLAN_20_WEEKS,
                    ExceptionReason.EXCEPTIONAL_PERSONAL_CIRCUMSTANCES, LocalDate.of(2025, 5, 12), null), assessing(), NO_FINAL_PLAN, ctx());
            assertThat(events).containsExactly(new ExceptionRecorded(id(1), CASE, "839", TODAY, NOW, 1, EXCEPTION,
                    StatutoryLimit.FINAL_PLAN_20_WEEKS, ExceptionReason.EXCEPTIONAL_PERSONAL_CIRCUMSTANCES,
                    LocalDate.of(2025, 5, 12), null));
            CaseState after = assessing().evolve(events.get(0));
            assertThat(after.exceptionsApply()).isTrue();
            assertThat(after.exceptions()).singleElement().satisfies(x -> {
                assertThat(x.exceptionId()).isEqualTo(EXCEPTION);
                assertThat(x.recordedDate()).isEqualTo(TODAY);
                assertThat(x.withdrawn()).isFalse();
            });
            // exceptions do not move the statutory dates (statutory-clock.md)
            assertThat(after.finalPlanDue()).isEqualTo(LocalDate.of(2025, 7, 21));
        }

        @Test
        void an_exception_on_the_6_week_limit_does_not_set_the_week20_flag() {
            // absent from the area 10 March - 20 April 2025 (6 weeks); decision made late on 28 April (due 14 April)
            var c = given(requested(), decided(AssessmentDecision.ASSESS, LocalDate.of(2025, 4, 28)));
            var events = AssessmentDecider.decide(exception(StatutoryLimit.DECISION_6_WEEKS, ExceptionReason.ABSENT_FROM_AREA,
                    LocalDate.of(2025, 3, 10), LocalDate.of(2025, 4, 20)), c, NO_FINAL_PLAN, ctx());
            assertThat(events).containsExactly(new ExceptionRecorded(id(1), CASE, "839", TODAY, NOW, 1, EXCEPTION,
                    StatutoryLimit.DECISION_6_WEEKS, ExceptionReason.ABSENT_FROM_AREA, LocalDate.of(2025, 3, 10),
                    LocalDate.of(2025, 4, 20)));
            CaseState after = c.evolve(events.get(0));
            assertThat(after.exceptionsApply()).isFalse();
            assertThat(after.decisionOnTime()).contains(false);
        }

        @Test
        void every_reason_is_allowed_for_each_of_the_three_limits() {
            // 20 and 16 weeks: Regs 13(3), 10(4); 6 weeks: school closure confirmed, the others assumed (documented)
            // (an initial request's three limits; the re-assessment's 14 weeks: ReassessmentTest)
            for (StatutoryLimit limit : given(requested()).limits()) {
                for (ExceptionReason reason : ExceptionReason.values()) {
                    assertThat(AssessmentDecider.decide(exception(limit, reason, RECEIVED, null), given(requested()), NO_FINAL_PLAN, ctx()))
                            .singleElement().isInstanceOf(ExceptionRecorded.class);
                }
            }
        }

        @Test
        void a_6_week_exception_starting_after_the_decision_is_unprocessable() {
            var c = given(requested(), decided(AssessmentDecision.ASSESS, LocalDate.of(2025, 4, 28)));
            rejected(() -> AssessmentDecider.decide(exception(StatutoryLimit.DECISION_6_WEEKS, ExceptionReason.ABSENT_FROM_AREA,
                    LocalDate.of(2025, 4, 29), null), c, NO_FINAL_PLAN, ctx()), CommandRejected.Kind.UNPROCESSABLE, "startDate");
        }

        @Test
        void a_16_week_exception_starting_after_the_conclusion_is_unprocessable() {
            var c = given(requested(), decided(AssessmentDecision.ASSESS, ASSESS_ON),
                    concluded(AssessmentOutcome.ISSUE_PLAN, LocalDate.of(2025, 5, 20)));
            rejected(() -> AssessmentDecider.decide(exception(StatutoryLimit.NO_PLAN_16_WEEKS, ExceptionReason.SCHOOL_CLOSURE,
                    LocalDate.of(2025, 5, 21), null), c, NO_FINAL_PLAN, ctx()), CommandRejected.Kind.UNPROCESSABLE, "startDate");
        }

        @Test
        void dates_must_lie_within_the_cases_life() {
            var c = assessing();
            // before the request was received (Monday 3 March 2025)
            rejected(() -> AssessmentDecider.decide(exception(StatutoryLimit.FINAL_PLAN_20_WEEKS, ExceptionReason.SCHOOL_CLOSURE,
                    LocalDate.of(2025, 3, 2), null), c, NO_FINAL_PLAN, ctx()), CommandRejected.Kind.UNPROCESSABLE, "startDate")
                    .hasMessageContaining("2025-03-03");
            rejected(() -> AssessmentDecider.decide(exception(StatutoryLimit.FINAL_PLAN_20_WEEKS, ExceptionReason.SCHOOL_CLOSURE,
                    TODAY.plusDays(1), null), c, NO_FINAL_PLAN, ctx()), CommandRejected.Kind.UNPROCESSABLE, "startDate");
            rejected(() -> AssessmentDecider.decide(exception(StatutoryLimit.FINAL_PLAN_20_WEEKS, ExceptionReason.SCHOOL_CLOSURE,
                    LocalDate.of(2025, 5, 12), LocalDate.of(2025, 5, 11)), c, NO_FINAL_PLAN, ctx()), CommandRejected.Kind.UNPROCESSABLE, "endDate");
            rejected(() -> AssessmentDecider.decide(exception(StatutoryLimit.FINAL_PLAN_20_WEEKS, ExceptionReason.SCHOOL_CLOSURE,
                    LocalDate.of(2025, 5, 12), TODAY.plusDays(1)), c, NO_FINAL_PLAN, ctx()), CommandRejected.Kind.UNPROCESSABLE, "endDate");
            // a one-day exception, today, is allowed
            assertThat(AssessmentDecider.decide(exception(StatutoryLimit.FINAL_PLAN_20_WEEKS, ExceptionReason.SCHOOL_CLOSURE,
                    TODAY, TODAY), c, NO_FINAL_PLAN, ctx())).hasSize(1);
        }

        @Test
        void after_a_transfer_in_an_exception_cannot_start_before_the_new_clock_start() {
            var c = given(requested(), transferredIn(LocalDate.of(2025, 4, 1)));
            rejected(() -> AssessmentDecider.decide(exception(StatutoryLimit.FINAL_PLAN_20_WEEKS, ExceptionReason.SCHOOL_CLOSURE,
                    LocalDate.of(2025, 3, 31), null), c, NO_FINAL_PLAN, ctx()), CommandRejected.Kind.UNPROCESSABLE, "startDate")
                    .hasMessageContaining("transfer");
        }

        @Test
        void a_closed_case_takes_no_exception() {
            var start = LocalDate.of(2025, 3, 10);
            var ex = exception(StatutoryLimit.FINAL_PLAN_20_WEEKS, ExceptionReason.SCHOOL_CLOSURE, start, null);
            rejected(() -> AssessmentDecider.decide(ex, given(requested(), withdrawn(LocalDate.of(2025, 4, 1))), NO_FINAL_PLAN, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, null).hasMessageContaining("withdrawn");
            rejected(() -> AssessmentDecider.decide(ex, given(requested(), decided(AssessmentDecision.REFUSE, REFUSED_ON)), NO_FINAL_PLAN, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, null).hasMessageContaining("refused");
            rejected(() -> AssessmentDecider.decide(ex, given(requested(), decided(AssessmentDecision.ASSESS, ASSESS_ON),
                    concluded(AssessmentOutcome.NO_PLAN, LocalDate.of(2025, 5, 20))), NO_FINAL_PLAN, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, null).hasMessageContaining("not to issue a plan");
        }

        @Test
        void a_refused_case_with_an_open_appeal_and_a_case_concluded_with_a_plan_are_still_open() {
            var ex = exception(StatutoryLimit.FINAL_PLAN_20_WEEKS, ExceptionReason.SCHOOL_CLOSURE, LocalDate.of(2025, 3, 10), null);
            var appealed = given(requested(), decided(AssessmentDecision.REFUSE, REFUSED_ON),
                    disputed(DisputeStage.REFUSAL_TO_ASSESS, LocalDate.of(2025, 4, 24)));
            assertThat(AssessmentDecider.decide(ex, appealed, NO_FINAL_PLAN, ctx())).hasSize(1);
            var appealEnded = given(requested(), decided(AssessmentDecision.REFUSE, REFUSED_ON),
                    disputed(DisputeStage.REFUSAL_TO_ASSESS, LocalDate.of(2025, 4, 24)),
                    resolved(DisputeOutcome.DECISION_UPHELD, LocalDate.of(2025, 5, 15)));
            rejected(() -> AssessmentDecider.decide(ex, appealEnded, NO_FINAL_PLAN, ctx()), CommandRejected.Kind.UNPROCESSABLE, null);
            var planToCome = given(requested(), decided(AssessmentDecision.ASSESS, ASSESS_ON),
                    concluded(AssessmentOutcome.ISSUE_PLAN, LocalDate.of(2025, 5, 20)));
            assertThat(AssessmentDecider.decide(ex, planToCome, NO_FINAL_PLAN, ctx())).hasSize(1);
        }

        @Test
        void the_same_exception_twice_is_a_conflict_and_an_unknown_case_is_not_found() {
            var ex = exception(StatutoryLimit.FINAL_PLAN_20_WEEKS, ExceptionReason.SCHOOL_CLOSURE, LocalDate.of(2025, 3, 10), null);
            rejected(() -> AssessmentDecider.decide(ex, given(requested(),
                    exceptionRecorded(StatutoryLimit.DECISION_6_WEEKS, RECEIVED, null)), NO_FINAL_PLAN, ctx()), CommandRejected.Kind.CONFLICT, null);
            rejected(() -> AssessmentDecider.decide(ex, given(), NO_FINAL_PLAN, ctx()), CommandRejected.Kind.NOT_FOUND, null);
        }

        @Test
        void missing_fields_are_invalid_naming_the_field() {
            var c = assessing();
            LocalDate d = LocalDate.of(2025, 3, 10);
            rejected(() -> AssessmentDecider.decide(new RecordException(CASE, null, StatutoryLimit.FINAL_PLAN_20_WEEKS,
                    ExceptionReason.SCHOOL_CLOSURE, d, null, null), c, NO_FINAL_PLAN, ctx()), CommandRejected.Kind.INVALID, "exceptionId");
            rejected(() -> AssessmentDecider.decide(new RecordException(CASE, EXCEPTION, null,
                    ExceptionReason.SCHOOL_CLOSURE, d, null, null), c, NO_FINAL_PLAN, ctx()), CommandRejected.Kind.INVALID, "limit");
            rejected(() -> AssessmentDecider.decide(new RecordException(CASE, EXCEPTION, StatutoryLimit.FINAL_PLAN_20_WEEKS,
                    null, d, null, null), c, NO_FINAL_PLAN, ctx()), CommandRejected.Kind.INVALID, "reason");
            rejected(() -> AssessmentDecider.decide(new RecordException(CASE, EXCEPTION, StatutoryLimit.FINAL_PLAN_20_WEEKS,
                    ExceptionReason.SCHOOL_CLOSURE, null, null, null), c, NO_FINAL_PLAN, ctx()), CommandRejected.Kind.INVALID, "startDate");
        }

        @Test
        void the_note_stays_out_of_the_event_and_a_control_character_or_an_overlong_note_is_invalid() {
            var c = assessing();
            LocalDate d = LocalDate.of(2025, 3, 10);
            var withNote = new RecordException(CASE, EXCEPTION, StatutoryLimit.FINAL_PLAN_20_WEEKS,
                    ExceptionReason.EXCEPTIONAL_PERSONAL_CIRCUMSTANCES, d, null, "Sam Example in hospital");
            assertThat(AssessmentDecider.decide(withNote, c, NO_FINAL_PLAN, ctx())).containsExactly(new ExceptionRecorded(id(1), CASE, "839",
                    TODAY, NOW, 1, EXCEPTION, StatutoryLimit.FINAL_PLAN_20_WEEKS,
                    ExceptionReason.EXCEPTIONAL_PERSONAL_CIRCUMSTANCES, d, null));
            rejected(() -> AssessmentDecider.decide(new RecordException(CASE, EXCEPTION, StatutoryLimit.FINAL_PLAN_20_WEEKS,
                    ExceptionReason.SCHOOL_CLOSURE, d, null, "bad\u0000note"), c, NO_FINAL_PLAN, ctx()), CommandRejected.Kind.INVALID, "note");
            rejected(() -> AssessmentDecider.decide(new RecordException(CASE, EXCEPTION, StatutoryLimit.FINAL_PLAN_20_WEEKS,
                    ExceptionReason.SCHOOL_CLOSURE, d, null, "x".repeat(2001)), c, NO_FINAL_PLAN, ctx()), CommandRejected.Kind.INVALID, "note");
            assertThat(AssessmentDecider.requireNote("  two\nlines\t ")).isEqualTo("two\nlines");
            assertThat(AssessmentDecider.requireNote("  ")).isNull();
        }
    }

    @Nested
    class CorrectingAndWithdrawingAnException {

        CaseState withOpenException() {
            return given(requested(), decided(AssessmentDecision.ASSESS, ASSESS_ON),
                    exceptionRecorded(StatutoryLimit.FINAL_PLAN_20_WEEKS, LocalDate.of(2025, 5, 12), null));
        }

        @Test
        void the_end_date_is_set_by_an_ExceptionCorrected() {
            var events = AssessmentDecider.decide(new CorrectException(CASE, EXCEPTION, LocalDate.of(2025, 5, 30)),
                    withOpenException(), ctx());
            assertThat(events).containsExactly(new ExceptionCorrected(id(1), CASE, "839", TODAY, NOW, 1, EXCEPTION,
                    LocalDate.of(2025, 5, 30)));
            CaseState after = withOpenException().evolve(events.get(0));
            assertThat(after.exception(EXCEPTION)).get().extracting(CaseState.CaseException::endDate)
                    .isEqualTo(LocalDate.of(2025, 5, 30));
            assertThat(after.exceptionsApply()).isTrue();
        }

        @Test
        void a_correction_to_the_same_end_date_is_a_conflict_and_dates_are_checked() {
            var c = withOpenException().evolve(new ExceptionCorrected(UUID.randomUUID(), CASE, "839", TODAY, NOW, 1,
                    EXCEPTION, LocalDate.of(2025, 5, 30)));
            rejected(() -> AssessmentDecider.decide(new CorrectException(CASE, EXCEPTION, LocalDate.of(2025, 5, 30)), c, ctx()),
                    CommandRejected.Kind.CONFLICT, null);
            rejected(() -> AssessmentDecider.decide(new CorrectException(CASE, EXCEPTION, LocalDate.of(2025, 5, 11)), c, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "endDate");
            rejected(() -> AssessmentDecider.decide(new CorrectException(CASE, EXCEPTION, TODAY.plusDays(1)), c, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "endDate");
            rejected(() -> AssessmentDecider.decide(new CorrectException(CASE, EXCEPTION, null), c, ctx()),
                    CommandRejected.Kind.INVALID, "endDate");
        }

        @Test
        void an_unknown_exception_is_not_found_and_a_withdrawn_one_cannot_be_corrected() {
            rejected(() -> AssessmentDecider.decide(new CorrectException(CASE, UUID.randomUUID(), TODAY), withOpenException(), ctx()),
                    CommandRejected.Kind.NOT_FOUND, null);
            rejected(() -> AssessmentDecider.decide(new CorrectException(CASE, EXCEPTION, TODAY),
                    withOpenException().evolve(exceptionWithdrawn()), ctx()), CommandRejected.Kind.UNPROCESSABLE, "exceptionId");
        }

        @Test
        void an_exception_recorded_in_error_is_withdrawn_and_no_longer_applies() {
            var events = AssessmentDecider.decide(new WithdrawException(CASE, EXCEPTION), withOpenException(), ctx());
            assertThat(events).containsExactly(new ExceptionWithdrawn(id(1), CASE, "839", TODAY, NOW, 1, EXCEPTION));
            CaseState after = withOpenException().evolve(events.get(0));
            assertThat(after.exceptionsApply()).isFalse();
            assertThat(after.exceptions()).singleElement().extracting(CaseState.CaseException::withdrawn).isEqualTo(true);
        }

        @Test
        void withdrawing_twice_is_a_conflict_and_an_unknown_one_is_not_found() {
            rejected(() -> AssessmentDecider.decide(new WithdrawException(CASE, EXCEPTION),
                    withOpenException().evolve(exceptionWithdrawn()), ctx()), CommandRejected.Kind.CONFLICT, null);
            rejected(() -> AssessmentDecider.decide(new WithdrawException(CASE, UUID.randomUUID()), withOpenException(), ctx()),
                    CommandRejected.Kind.NOT_FOUND, null);
        }

        @Test
        void a_closed_case_can_still_have_its_exceptions_corrected() {
            var c = withOpenException().evolve(withdrawn(LocalDate.of(2025, 5, 28)));
            assertThat(AssessmentDecider.decide(new WithdrawException(CASE, EXCEPTION), c, ctx())).hasSize(1);
            assertThat(AssessmentDecider.decide(new CorrectException(CASE, EXCEPTION, LocalDate.of(2025, 5, 28)), c, ctx())).hasSize(1);
        }
    }

    @Nested
    class TransferIn {

        static final LocalDate FIRST_RECEIVED = LocalDate.of(2025, 1, 6); // Monday, received by LA 850
        static final LocalDate TRANSFER = LocalDate.of(2025, 3, 3); // Monday, LA 839 responsible

        static AssessmentRequested requestedOn(LocalDate on) {
            return new AssessmentRequested(UUID.randomUUID(), CASE, "839", on, at(on), 1, "C-7Q4M2K", RequesterType.PARENT);
        }

        @Test
        void a_transfer_in_restarts_the_clock_on_the_transfer_date() {
            var before = given(requestedOn(FIRST_RECEIVED));
            // from 6 January: Jan 31 = 25, Feb 28 = 53, Mar 31 = 84, Apr 30 = 114, May 26 = 140
            assertThat(before.finalPlanDue()).isEqualTo(LocalDate.of(2025, 5, 26));
            var events = AssessmentDecider.decide(new RecordTransferIn(CASE, null, "850", TRANSFER), before, NO_FINAL_PLAN, ctx());
            assertThat(events).containsExactly(new ResponsibilityTransferredIn(id(1), CASE, "839", TRANSFER, NOW, 1, "850"));
            var after = before.evolve(events.get(0));
            assertThat(after.receivedDate()).isEqualTo(FIRST_RECEIVED);
            assertThat(after.clockStart()).isEqualTo(TRANSFER);
            assertThat(after.transferredInDate()).isEqualTo(TRANSFER);
            // from 3 March: Mar 31 = 28, Apr 14 = 42; Jun 23 = 112; Jul 21 = 140
            assertThat(after.decisionDue()).isEqualTo(LocalDate.of(2025, 4, 14));
            assertThat(after.noPlanDecisionDue()).isEqualTo(LocalDate.of(2025, 6, 23));
            assertThat(after.finalPlanDue()).isEqualTo(LocalDate.of(2025, 7, 21));
        }

        @Test
        void a_case_recorded_by_the_old_LA_moves_to_the_receiving_LA() {
            var held850 = given(new AssessmentRequested(UUID.randomUUID(), CASE, "850", FIRST_RECEIVED, at(FIRST_RECEIVED), 1,
                    "C-7Q4M2K", RequesterType.PARENT));
            var events = AssessmentDecider.decide(new RecordTransferIn(CASE, "839", "850", TRANSFER), held850, NO_FINAL_PLAN, ctx());
            assertThat(events).containsExactly(new ResponsibilityTransferredIn(id(1), CASE, "839", TRANSFER, NOW, 1, "850"));
            assertThat(held850.evolve(events.get(0)).localAuthorityCode()).isEqualTo("839");
        }

        @Test
        void a_case_can_start_as_a_transfer_in_one_command() {
            var command = new RecordAssessmentRequest(CASE, "839", FIRST_RECEIVED, RequesterType.PARENT, "C-7Q4M2K",
                    ChildPersonalDetails.NONE, new org.ehcptracker.assessment.domain.TransferIn("850", TRANSFER));
            var events = AssessmentDecider.decide(command, given(), ctx());
            assertThat(events).containsExactly(
                    new AssessmentRequested(id(1), CASE, "839", FIRST_RECEIVED, NOW, AssessmentRequested.SCHEMA_VERSION, "C-7Q4M2K", RequesterType.PARENT),
                    new ResponsibilityTransferredIn(id(2), CASE, "839", TRANSFER, NOW, 1, "850"));
            var c = CaseState.TYPE.rebuild(events);
            assertThat(c.receivedDate()).isEqualTo(FIRST_RECEIVED);
            assertThat(c.clockStart()).isEqualTo(TRANSFER);
            assertThat(c.finalPlanDue()).isEqualTo(LocalDate.of(2025, 7, 21));
        }

        @Test
        void a_case_starting_as_a_transfer_from_itself_or_before_its_request_is_refused() {
            rejected(() -> AssessmentDecider.decide(new RecordAssessmentRequest(CASE, "839", FIRST_RECEIVED, RequesterType.PARENT,
                    "C-7Q4M2K", ChildPersonalDetails.NONE, new org.ehcptracker.assessment.domain.TransferIn("839", TRANSFER)),
                    given(), ctx()), CommandRejected.Kind.UNPROCESSABLE, "transferredIn.fromLocalAuthorityCode");
            rejected(() -> AssessmentDecider.decide(new RecordAssessmentRequest(CASE, "839", FIRST_RECEIVED, RequesterType.PARENT,
                    "C-7Q4M2K", ChildPersonalDetails.NONE, new org.ehcptracker.assessment.domain.TransferIn("850",
                    FIRST_RECEIVED.minusDays(1))), given(), ctx()), CommandRejected.Kind.UNPROCESSABLE, "transferredIn.transferDate");
            rejected(() -> AssessmentDecider.decide(new RecordAssessmentRequest(CASE, "839", FIRST_RECEIVED, RequesterType.PARENT,
                    "C-7Q4M2K", ChildPersonalDetails.NONE, new org.ehcptracker.assessment.domain.TransferIn("850",
                    TODAY.plusDays(1))), given(), ctx()), CommandRejected.Kind.UNPROCESSABLE, "transferredIn.transferDate");
            rejected(() -> AssessmentDecider.decide(new RecordAssessmentRequest(CASE, "839", FIRST_RECEIVED, RequesterType.PARENT,
                    "C-7Q4M2K", ChildPersonalDetails.NONE, new org.ehcptracker.assessment.domain.TransferIn("85", TRANSFER)),
                    given(), ctx()), CommandRejected.Kind.INVALID, "transferredIn.fromLocalAuthorityCode");
        }

        @Test
        void a_transfer_from_the_same_LA_is_unprocessable() {
            rejected(() -> AssessmentDecider.decide(new RecordTransferIn(CASE, null, "839", TRANSFER), given(requested()), NO_FINAL_PLAN, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "fromLocalAuthorityCode");
        }

        @Test
        void the_transfer_date_lies_between_the_clock_start_and_today() {
            var c = given(requested());
            rejected(() -> AssessmentDecider.decide(new RecordTransferIn(CASE, null, "850", RECEIVED.minusDays(1)), c, NO_FINAL_PLAN, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "transferDate");
            rejected(() -> AssessmentDecider.decide(new RecordTransferIn(CASE, null, "850", TODAY.plusDays(1)), c, NO_FINAL_PLAN, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "transferDate");
            var transferred = given(requested(), transferredIn(LocalDate.of(2025, 4, 1)));
            rejected(() -> AssessmentDecider.decide(new RecordTransferIn(CASE, null, "850", LocalDate.of(2025, 3, 31)), transferred, NO_FINAL_PLAN,
                    ctx()), CommandRejected.Kind.UNPROCESSABLE, "transferDate");
        }

        @Test
        void the_same_transfer_twice_is_a_conflict_and_a_closed_or_unknown_case_is_refused() {
            rejected(() -> AssessmentDecider.decide(new RecordTransferIn(CASE, null, "850", TRANSFER),
                    given(requested(), transferredIn(TRANSFER)), NO_FINAL_PLAN, ctx()), CommandRejected.Kind.CONFLICT, null);
            rejected(() -> AssessmentDecider.decide(new RecordTransferIn(CASE, null, "850", TODAY),
                    given(requested(), withdrawn(LocalDate.of(2025, 4, 1))), NO_FINAL_PLAN, ctx()), CommandRejected.Kind.UNPROCESSABLE, null);
            rejected(() -> AssessmentDecider.decide(new RecordTransferIn(CASE, null, "850", TODAY), given(), NO_FINAL_PLAN, ctx()),
                    CommandRejected.Kind.NOT_FOUND, null);
            rejected(() -> AssessmentDecider.decide(new RecordTransferIn(CASE, null, "8500", TODAY), given(requested()), NO_FINAL_PLAN, ctx()),
                    CommandRejected.Kind.INVALID, "fromLocalAuthorityCode");
            rejected(() -> AssessmentDecider.decide(new RecordTransferIn(CASE, null, "850", null), given(requested()), NO_FINAL_PLAN, ctx()),
                    CommandRejected.Kind.INVALID, "transferDate");
        }

        @Test
        void a_20_week_exception_that_ended_before_the_transfer_no_longer_applies() {
            // LA 839 recorded the request on 6 January; an exception ran 20 Jan - 14 Feb; the clock restarts 3 March
            var ended = given(requestedOn(FIRST_RECEIVED),
                    exceptionRecorded(StatutoryLimit.FINAL_PLAN_20_WEEKS, LocalDate.of(2025, 1, 20), LocalDate.of(2025, 2, 14)));
            assertThat(ended.exceptionsApply()).isTrue();
            assertThat(ended.evolve(transferredIn(TRANSFER)).exceptionsApply()).isFalse();
            var open = given(requestedOn(FIRST_RECEIVED),
                    exceptionRecorded(StatutoryLimit.FINAL_PLAN_20_WEEKS, LocalDate.of(2025, 1, 20), null));
            assertThat(open.evolve(transferredIn(TRANSFER)).exceptionsApply()).isTrue();
        }
    }

    @Nested
    class Disputes {

        static final LocalDate REGISTERED = LocalDate.of(2025, 4, 24);

        static RecordDispute dispute(DisputeStage stage, LocalDate on) {
            return new RecordDispute(CASE, DISPUTE, DisputeKind.TRIBUNAL, stage, on, null);
        }

        @Test
        void an_appeal_against_a_refusal_to_assess() {
            var refused = given(requested(), decided(AssessmentDecision.REFUSE, REFUSED_ON));
            var events = AssessmentDecider.decide(new RecordDispute(CASE, DISPUTE, DisputeKind.MEDIATION,
                    DisputeStage.REFUSAL_TO_ASSESS, REGISTERED, "mother says the school cannot cope"), refused, ctx());
            assertThat(events).containsExactly(new MediationOrTribunalRecorded(id(1), CASE, "839", REGISTERED, NOW, 1,
                    DisputeKind.MEDIATION, DISPUTE, DisputeStage.REFUSAL_TO_ASSESS));
            var after = refused.evolve(events.get(0));
            assertThat(after.hasOpenDispute(DisputeStage.REFUSAL_TO_ASSESS)).isTrue();
            assertThat(after.closed()).isFalse();
        }

        @Test
        void an_appeal_against_a_refusal_to_issue_a_plan() {
            var noPlan = given(requested(), decided(AssessmentDecision.ASSESS, ASSESS_ON),
                    concluded(AssessmentOutcome.NO_PLAN, LocalDate.of(2025, 5, 20)));
            assertThat(AssessmentDecider.decide(dispute(DisputeStage.REFUSAL_TO_ISSUE_PLAN, LocalDate.of(2025, 5, 27)), noPlan, ctx()))
                    .containsExactly(new MediationOrTribunalRecorded(id(1), CASE, "839", LocalDate.of(2025, 5, 27), NOW, 1,
                            DisputeKind.TRIBUNAL, DISPUTE, DisputeStage.REFUSAL_TO_ISSUE_PLAN));
            rejected(() -> AssessmentDecider.decide(dispute(DisputeStage.REFUSAL_TO_ISSUE_PLAN, LocalDate.of(2025, 5, 19)), noPlan,
                    ctx()), CommandRejected.Kind.UNPROCESSABLE, "registeredDate");
        }

        @Test
        void an_appeal_about_the_contents_of_the_plan() {
            var planToCome = given(requested(), decided(AssessmentDecision.ASSESS, ASSESS_ON),
                    concluded(AssessmentOutcome.ISSUE_PLAN, LocalDate.of(2025, 5, 20)));
            assertThat(AssessmentDecider.decide(dispute(DisputeStage.PLAN_CONTENTS, TODAY), planToCome, ctx()))
                    .containsExactly(new MediationOrTribunalRecorded(id(1), CASE, "839", TODAY, NOW, 1,
                            DisputeKind.TRIBUNAL, DISPUTE, DisputeStage.PLAN_CONTENTS));
        }

        @Test
        void a_stage_the_case_has_not_reached_is_unprocessable_naming_stage() {
            rejected(() -> AssessmentDecider.decide(dispute(DisputeStage.REFUSAL_TO_ASSESS, REGISTERED), assessing(), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "stage");
            rejected(() -> AssessmentDecider.decide(dispute(DisputeStage.REFUSAL_TO_ISSUE_PLAN, REGISTERED), assessing(), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "stage");
            rejected(() -> AssessmentDecider.decide(dispute(DisputeStage.PLAN_CONTENTS, REGISTERED), assessing(), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "stage");
        }

        @Test
        void dates_wrong_order_duplicates_and_withdrawn_or_unknown_cases_are_refused() {
            var refused = given(requested(), decided(AssessmentDecision.REFUSE, REFUSED_ON));
            rejected(() -> AssessmentDecider.decide(dispute(DisputeStage.REFUSAL_TO_ASSESS, REFUSED_ON.minusDays(1)), refused, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "registeredDate");
            rejected(() -> AssessmentDecider.decide(dispute(DisputeStage.REFUSAL_TO_ASSESS, TODAY.plusDays(1)), refused, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "registeredDate");
            rejected(() -> AssessmentDecider.decide(dispute(DisputeStage.REFUSAL_TO_ASSESS, REGISTERED),
                    refused.evolve(disputed(DisputeStage.REFUSAL_TO_ASSESS, REGISTERED)), ctx()), CommandRejected.Kind.CONFLICT, null);
            rejected(() -> AssessmentDecider.decide(dispute(DisputeStage.REFUSAL_TO_ASSESS, REGISTERED),
                    given(requested(), withdrawn(LocalDate.of(2025, 4, 1))), ctx()), CommandRejected.Kind.UNPROCESSABLE, null);
            rejected(() -> AssessmentDecider.decide(dispute(DisputeStage.REFUSAL_TO_ASSESS, REGISTERED), given(), ctx()),
                    CommandRejected.Kind.NOT_FOUND, null);
            rejected(() -> AssessmentDecider.decide(new RecordDispute(CASE, DISPUTE, null, DisputeStage.REFUSAL_TO_ASSESS,
                    REGISTERED, null), refused, ctx()), CommandRejected.Kind.INVALID, "kind");
            rejected(() -> AssessmentDecider.decide(new RecordDispute(CASE, DISPUTE, DisputeKind.TRIBUNAL,
                    DisputeStage.REFUSAL_TO_ASSESS, REGISTERED, "nul\u0000"), refused, ctx()), CommandRejected.Kind.INVALID, "note");
        }

        @Test
        void the_outcome_is_recorded_once_not_before_the_registration() {
            var appealed = given(requested(), decided(AssessmentDecision.REFUSE, REFUSED_ON),
                    disputed(DisputeStage.REFUSAL_TO_ASSESS, REGISTERED));
            var on = LocalDate.of(2025, 5, 19);
            var events = AssessmentDecider.decide(new RecordDisputeOutcome(CASE, DISPUTE, DisputeOutcome.DECISION_CHANGED, on),
                    appealed, ctx());
            assertThat(events).containsExactly(new DisputeResolved(id(1), CASE, "839", on, NOW, 1, DISPUTE,
                    DisputeOutcome.DECISION_CHANGED));
            var after = appealed.evolve(events.get(0));
            assertThat(after.dispute(DISPUTE)).get().satisfies(d -> {
                assertThat(d.outcome()).isEqualTo(DisputeOutcome.DECISION_CHANGED);
                assertThat(d.outcomeDate()).isEqualTo(on);
            });
            rejected(() -> AssessmentDecider.decide(new RecordDisputeOutcome(CASE, DISPUTE, DisputeOutcome.DECISION_UPHELD, TODAY),
                    after, ctx()), CommandRejected.Kind.CONFLICT, null);
            rejected(() -> AssessmentDecider.decide(new RecordDisputeOutcome(CASE, DISPUTE, DisputeOutcome.DECISION_UPHELD,
                    REGISTERED.minusDays(1)), appealed, ctx()), CommandRejected.Kind.UNPROCESSABLE, "outcomeDate");
            rejected(() -> AssessmentDecider.decide(new RecordDisputeOutcome(CASE, DISPUTE, DisputeOutcome.DECISION_UPHELD,
                    TODAY.plusDays(1)), appealed, ctx()), CommandRejected.Kind.UNPROCESSABLE, "outcomeDate");
            rejected(() -> AssessmentDecider.decide(new RecordDisputeOutcome(CASE, UUID.randomUUID(), DisputeOutcome.DECISION_UPHELD,
                    TODAY), appealed, ctx()), CommandRejected.Kind.NOT_FOUND, null);
            rejected(() -> AssessmentDecider.decide(new RecordDisputeOutcome(CASE, DISPUTE, null, TODAY), appealed, ctx()),
                    CommandRejected.Kind.INVALID, "outcome");
        }
    }

    @Nested
    class ChangingDecisions {

        @Test
        void a_refusal_overturned_by_tribunal_becomes_a_decision_to_assess_and_the_history_keeps_both() {
            // refused Thu 10 April 2025 (on time: due 14 April); appeal registered 24 April; tribunal orders an
            // assessment on 19 May; the LA decides to assess on Wed 21 May
            var appealed = given(requested(), decided(AssessmentDecision.REFUSE, REFUSED_ON),
                    disputed(DisputeStage.REFUSAL_TO_ASSESS, LocalDate.of(2025, 4, 24)),
                    resolved(DisputeOutcome.DECISION_CHANGED, LocalDate.of(2025, 5, 19)));
            var on = LocalDate.of(2025, 5, 21);
            var events = AssessmentDecider.decide(new DecideWhetherToAssess(CASE, AssessmentDecision.ASSESS, on, null, null, true),
                    appealed, ctx());
            assertThat(events).containsExactly(new AssessmentDecided(id(1), CASE, "839", on, NOW, 2, AssessmentDecision.ASSESS, null));
            var after = appealed.evolve(events.get(0));
            assertThat(after.status()).isEqualTo(CaseStatus.ASSESSING);
            assertThat(after.decision()).isEqualTo(AssessmentDecision.ASSESS);
            assertThat(after.decisionDate()).isEqualTo(on);
            assertThat(after.decisions()).extracting(CaseState.Decision::decision)
                    .containsExactly(AssessmentDecision.REFUSE, AssessmentDecision.ASSESS);
            // the 6-week measure is about the first decision
            assertThat(after.firstDecisionDate()).isEqualTo(REFUSED_ON);
            assertThat(after.decisionOnTime()).contains(true);
        }

        @Test
        void a_refusal_can_be_overturned_by_review_without_a_dispute_but_not_before_its_own_date() {
            var refused = given(requested(), decided(AssessmentDecision.REFUSE, REFUSED_ON));
            assertThat(AssessmentDecider.decide(new DecideWhetherToAssess(CASE, AssessmentDecision.ASSESS, REFUSED_ON, null, null, true),
                    refused, ctx())).hasSize(1);
            rejected(() -> AssessmentDecider.decide(new DecideWhetherToAssess(CASE, AssessmentDecision.ASSESS,
                    REFUSED_ON.minusDays(1), null, null, true), refused, ctx()), CommandRejected.Kind.UNPROCESSABLE, "decisionDate");
            var overturned = refused.evolve(decided(AssessmentDecision.ASSESS, LocalDate.of(2025, 5, 21)));
            rejected(() -> AssessmentDecider.decide(new DecideWhetherToAssess(CASE, AssessmentDecision.ASSESS, TODAY, null, null, true),
                    overturned, ctx()), CommandRejected.Kind.CONFLICT, null);
        }

        @Test
        void a_decision_to_assess_after_a_refusal_must_say_it_overturns_it_so_a_second_submission_is_a_conflict() {
            var refused = given(requested(), decided(AssessmentDecision.REFUSE, REFUSED_ON));
            rejected(() -> AssessmentDecider.decide(new DecideWhetherToAssess(CASE, AssessmentDecision.ASSESS, REFUSED_ON, null, null),
                    refused, ctx()), CommandRejected.Kind.CONFLICT, null).hasMessageContaining("overturnsRefusal=true");
            // nothing to overturn: a first decision, or a decision to assess already made
            rejected(() -> AssessmentDecider.decide(new DecideWhetherToAssess(CASE, AssessmentDecision.ASSESS, REFUSED_ON, null, null, true),
                    given(requested()), ctx()), CommandRejected.Kind.UNPROCESSABLE, "overturnsRefusal");
        }

        @Test
        void an_overturned_refusal_leads_to_a_conclusion_not_before_the_decision_to_assess() {
            var overturned = given(requested(), decided(AssessmentDecision.REFUSE, REFUSED_ON),
                    decided(AssessmentDecision.ASSESS, LocalDate.of(2025, 5, 21)));
            rejected(() -> AssessmentDecider.decide(new ConcludeAssessment(CASE, AssessmentOutcome.ISSUE_PLAN,
                    LocalDate.of(2025, 5, 20)), overturned, ctx()), CommandRejected.Kind.UNPROCESSABLE, "conclusionDate");
            assertThat(AssessmentDecider.decide(new ConcludeAssessment(CASE, AssessmentOutcome.ISSUE_PLAN, TODAY), overturned, ctx()))
                    .hasSize(1);
        }

        @Test
        void the_family_can_withdraw_after_a_conclusion_to_issue_a_plan_but_not_before_it() {
            var planToCome = given(requested(), decided(AssessmentDecision.ASSESS, ASSESS_ON),
                    concluded(AssessmentOutcome.ISSUE_PLAN, LocalDate.of(2025, 5, 20)));
            var on = LocalDate.of(2025, 5, 28);
            var events = AssessmentDecider.decide(new WithdrawRequest(CASE, on), planToCome, ctx());
            assertThat(events).containsExactly(new RequestWithdrawn(id(1), CASE, "839", on, NOW, 1));
            assertThat(planToCome.evolve(events.get(0)).status()).isEqualTo(CaseStatus.WITHDRAWN);
            rejected(() -> AssessmentDecider.decide(new WithdrawRequest(CASE, LocalDate.of(2025, 5, 19)), planToCome, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "withdrawnDate").hasMessageContaining("conclusion");
        }

        @Test
        void the_whole_story_rebuilds_from_the_events_the_commands_return() {
            DecisionContext ctx = ctx();
            List<AssessmentEvent> history = new ArrayList<>(AssessmentDecider.decide(
                    new RecordAssessmentRequest(CASE, "839", RECEIVED, RequesterType.PARENT, "C-7Q4M2K"), given(), ctx));
            history.addAll(AssessmentDecider.decide(new DecideWhetherToAssess(CASE, AssessmentDecision.REFUSE, REFUSED_ON,
                    RefusalReason.NEEDS_MET_FROM_AVAILABLE_RESOURCES, null), CaseState.TYPE.rebuild(history), ctx));
            history.addAll(AssessmentDecider.decide(new RecordDispute(CASE, DISPUTE, DisputeKind.TRIBUNAL,
                    DisputeStage.REFUSAL_TO_ASSESS, LocalDate.of(2025, 4, 24), null), CaseState.TYPE.rebuild(history), ctx));
            history.addAll(AssessmentDecider.decide(new RecordException(CASE, EXCEPTION, StatutoryLimit.FINAL_PLAN_20_WEEKS,
                    ExceptionReason.ABSENT_FROM_AREA, LocalDate.of(2025, 4, 28), null, null), CaseState.TYPE.rebuild(history), NO_FINAL_PLAN, ctx));
            history.addAll(AssessmentDecider.decide(new RecordDisputeOutcome(CASE, DISPUTE, DisputeOutcome.DECISION_CHANGED,
                    LocalDate.of(2025, 5, 19)), CaseState.TYPE.rebuild(history), ctx));
            history.addAll(AssessmentDecider.decide(new DecideWhetherToAssess(CASE, AssessmentDecision.ASSESS,
                    LocalDate.of(2025, 5, 21), null, null, true), CaseState.TYPE.rebuild(history), ctx));
            history.addAll(AssessmentDecider.decide(new CorrectException(CASE, EXCEPTION, LocalDate.of(2025, 5, 30)),
                    CaseState.TYPE.rebuild(history), ctx));
            var c = CaseState.TYPE.rebuild(history);
            assertThat(history).extracting(AssessmentEvent::eventId).containsExactly(id(1), id(2), id(3), id(4), id(5), id(6), id(7));
            assertThat(c.status()).isEqualTo(CaseStatus.ASSESSING);
            assertThat(c.decisions()).hasSize(2);
            assertThat(c.exceptionsApply()).isTrue();
            assertThat(c.disputes()).singleElement().extracting(CaseState.Dispute::outcome).isEqualTo(DisputeOutcome.DECISION_CHANGED);
        }
    }
}
