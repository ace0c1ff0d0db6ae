package org.ehcptracker.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.AbstractThrowableAssert;
import org.ehcptracker.contracts.assessment.AssessmentConcluded;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.ExceptionRecorded;
import org.ehcptracker.contracts.assessment.ExceptionReason;
import org.ehcptracker.contracts.assessment.RequestWithdrawn;
import org.ehcptracker.contracts.assessment.RequesterType;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.kit.domain.CommandRejected;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Given events / when command / then events or rejection, for every rule of {@link AssessmentCase}. */
class AssessmentCaseTest {

    static final UUID CASE = UUID.fromString("d6c826ed-1d5b-41a3-8b42-65ac9e572462");
    static final LocalDate RECEIVED = LocalDate.of(2025, 3, 3); // a Monday
    static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
    static final Instant NOW = Instant.parse("2025-06-02T10:15:00Z");

    // ---- given ---------------------------------------------------------------------------------------------

    static AssessmentRequested requested() {
        return new AssessmentRequested(UUID.randomUUID(), CASE, "839", RECEIVED, Instant.parse("2025-03-03T10:00:00Z"), 1,
                "C-7Q4M2K", RequesterType.PARENT);
    }

    static AssessmentDecided decided(AssessmentDecision decision, LocalDate on) {
        return new AssessmentDecided(UUID.randomUUID(), CASE, "839", on, on.atStartOfDay().toInstant(java.time.ZoneOffset.UTC), 1,
                decision, decision == AssessmentDecision.REFUSE ? "needs met from school's own resources" : null);
    }

    static RequestWithdrawn withdrawn(LocalDate on) {
        return new RequestWithdrawn(UUID.randomUUID(), CASE, "839", on, on.atStartOfDay().toInstant(java.time.ZoneOffset.UTC), 1);
    }

    static AssessmentConcluded concluded(AssessmentOutcome outcome, LocalDate on) {
        return new AssessmentConcluded(UUID.randomUUID(), CASE, "839", on, on.atStartOfDay().toInstant(java.time.ZoneOffset.UTC), 1,
                outcome);
    }

    static List<AssessmentEvent> given(AssessmentEvent... events) {
        return new ArrayList<>(List.of(events));
    }

    // ---- when ----------------------------------------------------------------------------------------------

    static RecordAssessmentRequest request() {
        return new RecordAssessmentRequest(CASE, "839", RECEIVED, RequesterType.PARENT, "C-7Q4M2K");
    }

    static DecideWhetherToAssess assess(LocalDate on) {
        return new DecideWhetherToAssess(CASE, AssessmentDecision.ASSESS, on, null);
    }

    static DecideWhetherToAssess refuse(LocalDate on, String reason) {
        return new DecideWhetherToAssess(CASE, AssessmentDecision.REFUSE, on, reason);
    }

    static ConcludeAssessment conclude(AssessmentOutcome outcome, LocalDate on) {
        return new ConcludeAssessment(CASE, outcome, on);
    }

    static AbstractThrowableAssert<?, ? extends Throwable> rejected(Runnable when, CommandRejected.Kind kind, String field) {
        return assertThatThrownBy(when::run)
                .isInstanceOfSatisfying(CommandRejected.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).isNotBlank();
                });
    }

    @Nested
    class RecordingARequest {

        @Test
        void a_new_case_records_AssessmentRequested_with_the_request_details() {
            List<AssessmentEvent> events = AssessmentCase.from(given()).decide(request(), TODAY, NOW);

            assertThat(events).singleElement().isInstanceOfSatisfying(AssessmentRequested.class, e -> {
                assertThat(e.caseId()).isEqualTo(CASE);
                assertThat(e.localAuthorityCode()).isEqualTo("839");
                assertThat(e.businessDate()).isEqualTo(RECEIVED);
                assertThat(e.occurredAt()).isEqualTo(NOW);
                assertThat(e.schemaVersion()).isEqualTo(1);
                assertThat(e.childRef()).isEqualTo("C-7Q4M2K");
                assertThat(e.requestedBy()).isEqualTo(RequesterType.PARENT);
                assertThat(e.eventId()).isNotNull();
            });
        }

        @Test
        void a_request_received_today_is_accepted() {
            var command = new RecordAssessmentRequest(CASE, "839", TODAY, RequesterType.SCHOOL_OR_SETTING, "C-1");
            assertThat(AssessmentCase.from(given()).decide(command, TODAY, NOW)).hasSize(1);
        }

        @Test
        void a_request_received_in_the_future_is_unprocessable() {
            var command = new RecordAssessmentRequest(CASE, "839", TODAY.plusDays(1), RequesterType.PARENT, "C-1");
            rejected(() -> AssessmentCase.from(given()).decide(command, TODAY, NOW),
                    CommandRejected.Kind.UNPROCESSABLE, "receivedDate").hasMessageContaining("future");
        }

        @Test
        void a_second_request_for_the_same_case_is_a_conflict() {
            rejected(() -> AssessmentCase.from(given(requested())).decide(request(), TODAY, NOW),
                    CommandRejected.Kind.CONFLICT, null).hasMessageContaining("already exists");
        }

        @Test
        void the_local_authority_code_must_have_three_digits() {
            for (String bad : new String[] {null, "", "83", "8390", "BCP", "83a"}) {
                var command = new RecordAssessmentRequest(CASE, bad, RECEIVED, RequesterType.PARENT, "C-1");
                rejected(() -> AssessmentCase.from(given()).decide(command, TODAY, NOW),
                        CommandRejected.Kind.INVALID, "localAuthorityCode");
            }
        }

        @Test
        void the_received_date_is_required() {
            var command = new RecordAssessmentRequest(CASE, "839", null, RequesterType.PARENT, "C-1");
            rejected(() -> AssessmentCase.from(given()).decide(command, TODAY, NOW), CommandRejected.Kind.INVALID, "receivedDate");
        }

        @Test
        void the_requester_is_required() {
            var command = new RecordAssessmentRequest(CASE, "839", RECEIVED, null, "C-1");
            rejected(() -> AssessmentCase.from(given()).decide(command, TODAY, NOW), CommandRejected.Kind.INVALID, "requestedBy");
        }

        @Test
        void the_child_ref_is_required_and_cannot_look_like_a_name() {
            for (String bad : new String[] {null, "", " ", "Jane Smith", "-C1", "x".repeat(65)}) {
                var command = new RecordAssessmentRequest(CASE, "839", RECEIVED, RequesterType.PARENT, bad);
                rejected(() -> AssessmentCase.from(given()).decide(command, TODAY, NOW), CommandRejected.Kind.INVALID, "childRef");
            }
        }

        @Test
        void the_case_id_is_required() {
            var command = new RecordAssessmentRequest(null, "839", RECEIVED, RequesterType.PARENT, "C-1");
            rejected(() -> AssessmentCase.from(given()).decide(command, TODAY, NOW), CommandRejected.Kind.INVALID, "caseId");
        }
    }

    @Nested
    class DecidingWhetherToAssess {

        @Test
        void assess_records_AssessmentDecided_without_a_reason() {
            LocalDate on = RECEIVED.plusWeeks(5);
            List<AssessmentEvent> events = AssessmentCase.from(given(requested())).decide(assess(on), TODAY, NOW);

            assertThat(events).singleElement().isInstanceOfSatisfying(AssessmentDecided.class, e -> {
                assertThat(e.caseId()).isEqualTo(CASE);
                assertThat(e.localAuthorityCode()).isEqualTo("839");
                assertThat(e.businessDate()).isEqualTo(on);
                assertThat(e.occurredAt()).isEqualTo(NOW);
                assertThat(e.decision()).isEqualTo(AssessmentDecision.ASSESS);
                assertThat(e.refusalReason()).isNull();
            });
        }

        @Test
        void a_blank_refusal_reason_with_assess_is_treated_as_absent() {
            var command = new DecideWhetherToAssess(CASE, AssessmentDecision.ASSESS, RECEIVED, "  ");
            assertThat(AssessmentCase.from(given(requested())).decide(command, TODAY, NOW))
                    .singleElement().extracting(e -> ((AssessmentDecided) e).refusalReason()).isNull();
        }

        @Test
        void refuse_records_AssessmentDecided_with_the_reason() {
            List<AssessmentEvent> events = AssessmentCase.from(given(requested()))
                    .decide(refuse(RECEIVED.plusWeeks(2), "  needs can be met by the setting  "), TODAY, NOW);

            assertThat(events).singleElement().isInstanceOfSatisfying(AssessmentDecided.class, e -> {
                assertThat(e.decision()).isEqualTo(AssessmentDecision.REFUSE);
                assertThat(e.refusalReason()).isEqualTo("needs can be met by the setting");
            });
        }

        @Test
        void refuse_without_a_reason_is_unprocessable_naming_refusalReason() {
            for (String reason : new String[] {null, "", "   "}) {
                rejected(() -> AssessmentCase.from(given(requested())).decide(refuse(RECEIVED, reason), TODAY, NOW),
                        CommandRejected.Kind.UNPROCESSABLE, "refusalReason");
            }
        }

        @Test
        void assess_with_a_refusal_reason_is_unprocessable() {
            var command = new DecideWhetherToAssess(CASE, AssessmentDecision.ASSESS, RECEIVED, "why not");
            rejected(() -> AssessmentCase.from(given(requested())).decide(command, TODAY, NOW),
                    CommandRejected.Kind.UNPROCESSABLE, "refusalReason");
        }

        @Test
        void an_overlong_refusal_reason_is_invalid() {
            String reason = "x".repeat(AssessmentCase.MAX_REFUSAL_REASON_LENGTH + 1);
            rejected(() -> AssessmentCase.from(given(requested())).decide(refuse(RECEIVED, reason), TODAY, NOW),
                    CommandRejected.Kind.INVALID, "refusalReason");
        }

        @Test
        void an_unknown_case_is_not_found() {
            rejected(() -> AssessmentCase.from(given()).decide(assess(RECEIVED), TODAY, NOW), CommandRejected.Kind.NOT_FOUND, null);
        }

        @Test
        void deciding_twice_is_a_conflict() {
            rejected(() -> AssessmentCase.from(given(requested(), decided(AssessmentDecision.ASSESS, RECEIVED.plusWeeks(1))))
                            .decide(refuse(RECEIVED.plusWeeks(2), "changed our mind"), TODAY, NOW),
                    CommandRejected.Kind.CONFLICT, null).hasMessageContaining("already");
        }

        @Test
        void deciding_after_a_refusal_is_a_conflict_too() {
            rejected(() -> AssessmentCase.from(given(requested(), decided(AssessmentDecision.REFUSE, RECEIVED.plusWeeks(1))))
                            .decide(assess(RECEIVED.plusWeeks(2)), TODAY, NOW),
                    CommandRejected.Kind.CONFLICT, null);
        }

        @Test
        void deciding_a_withdrawn_request_is_unprocessable() {
            rejected(() -> AssessmentCase.from(given(requested(), withdrawn(RECEIVED.plusDays(3))))
                            .decide(assess(RECEIVED.plusWeeks(2)), TODAY, NOW),
                    CommandRejected.Kind.UNPROCESSABLE, null).hasMessageContaining("withdrawn");
        }

        @Test
        void a_decision_before_the_request_was_received_is_unprocessable() {
            rejected(() -> AssessmentCase.from(given(requested())).decide(assess(RECEIVED.minusDays(1)), TODAY, NOW),
                    CommandRejected.Kind.UNPROCESSABLE, "decisionDate");
        }

        @Test
        void a_decision_on_the_day_of_receipt_is_accepted() {
            assertThat(AssessmentCase.from(given(requested())).decide(assess(RECEIVED), TODAY, NOW)).hasSize(1);
        }

        @Test
        void a_decision_dated_in_the_future_is_unprocessable() {
            rejected(() -> AssessmentCase.from(given(requested())).decide(assess(TODAY.plusDays(1)), TODAY, NOW),
                    CommandRejected.Kind.UNPROCESSABLE, "decisionDate");
        }

        @Test
        void the_decision_and_its_date_are_required() {
            rejected(() -> AssessmentCase.from(given(requested()))
                            .decide(new DecideWhetherToAssess(CASE, null, RECEIVED, null), TODAY, NOW),
                    CommandRejected.Kind.INVALID, "decision");
            rejected(() -> AssessmentCase.from(given(requested()))
                            .decide(new DecideWhetherToAssess(CASE, AssessmentDecision.ASSESS, null, null), TODAY, NOW),
                    CommandRejected.Kind.INVALID, "decisionDate");
        }
    }

    @Nested
    class WithdrawingARequest {

        @Test
        void a_pending_request_can_be_withdrawn() {
            LocalDate on = RECEIVED.plusDays(10);
            List<AssessmentEvent> events = AssessmentCase.from(given(requested())).decide(new WithdrawRequest(CASE, on), TODAY, NOW);

            assertThat(events).singleElement().isInstanceOfSatisfying(RequestWithdrawn.class, e -> {
                assertThat(e.caseId()).isEqualTo(CASE);
                assertThat(e.localAuthorityCode()).isEqualTo("839");
                assertThat(e.businessDate()).isEqualTo(on);
                assertThat(e.occurredAt()).isEqualTo(NOW);
            });
        }

        @Test
        void a_request_being_assessed_can_be_withdrawn() {
            var c = AssessmentCase.from(given(requested(), decided(AssessmentDecision.ASSESS, RECEIVED.plusWeeks(4))));
            assertThat(c.decide(new WithdrawRequest(CASE, RECEIVED.plusWeeks(8)), TODAY, NOW))
                    .singleElement().isInstanceOf(RequestWithdrawn.class);
        }

        @Test
        void a_refused_request_cannot_be_withdrawn() {
            var c = AssessmentCase.from(given(requested(), decided(AssessmentDecision.REFUSE, RECEIVED.plusWeeks(4))));
            rejected(() -> c.decide(new WithdrawRequest(CASE, RECEIVED.plusWeeks(5)), TODAY, NOW),
                    CommandRejected.Kind.UNPROCESSABLE, null).hasMessageContaining("refused");
        }

        @Test
        void withdrawing_twice_is_a_conflict() {
            var c = AssessmentCase.from(given(requested(), withdrawn(RECEIVED.plusDays(1))));
            rejected(() -> c.decide(new WithdrawRequest(CASE, RECEIVED.plusDays(2)), TODAY, NOW), CommandRejected.Kind.CONFLICT, null);
        }

        @Test
        void an_unknown_case_is_not_found() {
            rejected(() -> AssessmentCase.from(given()).decide(new WithdrawRequest(CASE, RECEIVED), TODAY, NOW),
                    CommandRejected.Kind.NOT_FOUND, null);
        }

        @Test
        void the_date_is_required_and_must_lie_between_the_last_step_and_today() {
            var pending = AssessmentCase.from(given(requested()));
            rejected(() -> pending.decide(new WithdrawRequest(CASE, null), TODAY, NOW), CommandRejected.Kind.INVALID, "withdrawnDate");
            rejected(() -> pending.decide(new WithdrawRequest(CASE, RECEIVED.minusDays(1)), TODAY, NOW),
                    CommandRejected.Kind.UNPROCESSABLE, "withdrawnDate");
            rejected(() -> pending.decide(new WithdrawRequest(CASE, TODAY.plusDays(1)), TODAY, NOW),
                    CommandRejected.Kind.UNPROCESSABLE, "withdrawnDate");
            var assessing = AssessmentCase.from(given(requested(), decided(AssessmentDecision.ASSESS, RECEIVED.plusWeeks(4))));
            rejected(() -> assessing.decide(new WithdrawRequest(CASE, RECEIVED.plusWeeks(4).minusDays(1)), TODAY, NOW),
                    CommandRejected.Kind.UNPROCESSABLE, "withdrawnDate");
        }
    }

    @Nested
    class ConcludingTheAssessment {

        static final LocalDate ASSESS_ON = RECEIVED.plusWeeks(5);

        AssessmentCase assessing() {
            return AssessmentCase.from(given(requested(), decided(AssessmentDecision.ASSESS, ASSESS_ON)));
        }

        @Test
        void no_plan_records_AssessmentConcluded_with_the_outcome_and_date() {
            LocalDate on = RECEIVED.plusWeeks(12);
            List<AssessmentEvent> events = assessing().decide(conclude(AssessmentOutcome.NO_PLAN, on), TODAY, NOW);

            assertThat(events).singleElement().isInstanceOfSatisfying(AssessmentConcluded.class, e -> {
                assertThat(e.caseId()).isEqualTo(CASE);
                assertThat(e.localAuthorityCode()).isEqualTo("839");
                assertThat(e.businessDate()).isEqualTo(on);
                assertThat(e.occurredAt()).isEqualTo(NOW);
                assertThat(e.schemaVersion()).isEqualTo(1);
                assertThat(e.outcome()).isEqualTo(AssessmentOutcome.NO_PLAN);
                assertThat(e.eventId()).isNotNull();
            });
        }

        @Test
        void issue_plan_records_AssessmentConcluded_with_that_outcome() {
            assertThat(assessing().decide(conclude(AssessmentOutcome.ISSUE_PLAN, TODAY), TODAY, NOW))
                    .singleElement().extracting(e -> ((AssessmentConcluded) e).outcome()).isEqualTo(AssessmentOutcome.ISSUE_PLAN);
        }

        @Test
        void on_the_day_of_the_decision_to_assess_is_accepted() {
            assertThat(assessing().decide(conclude(AssessmentOutcome.NO_PLAN, ASSESS_ON), TODAY, NOW)).hasSize(1);
        }

        @Test
        void an_unknown_case_is_not_found() {
            rejected(() -> AssessmentCase.from(given()).decide(conclude(AssessmentOutcome.NO_PLAN, TODAY), TODAY, NOW),
                    CommandRejected.Kind.NOT_FOUND, null);
        }

        @Test
        void a_case_not_yet_decided_is_unprocessable() {
            rejected(() -> AssessmentCase.from(given(requested())).decide(conclude(AssessmentOutcome.NO_PLAN, TODAY), TODAY, NOW),
                    CommandRejected.Kind.UNPROCESSABLE, null).hasMessageContaining("not yet decided");
        }

        @Test
        void a_refused_case_is_unprocessable() {
            var c = AssessmentCase.from(given(requested(), decided(AssessmentDecision.REFUSE, ASSESS_ON)));
            rejected(() -> c.decide(conclude(AssessmentOutcome.NO_PLAN, TODAY), TODAY, NOW),
                    CommandRejected.Kind.UNPROCESSABLE, null).hasMessageContaining("refused");
        }

        @Test
        void a_withdrawn_case_is_unprocessable_whether_or_not_it_was_being_assessed() {
            var pending = AssessmentCase.from(given(requested(), withdrawn(RECEIVED.plusDays(3))));
            rejected(() -> pending.decide(conclude(AssessmentOutcome.NO_PLAN, TODAY), TODAY, NOW),
                    CommandRejected.Kind.UNPROCESSABLE, null).hasMessageContaining("withdrawn");
            var assessed = AssessmentCase.from(given(requested(), decided(AssessmentDecision.ASSESS, ASSESS_ON),
                    withdrawn(ASSESS_ON.plusDays(3))));
            rejected(() -> assessed.decide(conclude(AssessmentOutcome.NO_PLAN, TODAY), TODAY, NOW),
                    CommandRejected.Kind.UNPROCESSABLE, null).hasMessageContaining("withdrawn");
        }

        @Test
        void concluding_twice_is_a_conflict_whatever_the_outcome() {
            for (AssessmentOutcome first : AssessmentOutcome.values()) {
                var c = AssessmentCase.from(given(requested(), decided(AssessmentDecision.ASSESS, ASSESS_ON),
                        concluded(first, RECEIVED.plusWeeks(15))));
                for (AssessmentOutcome second : AssessmentOutcome.values()) {
                    rejected(() -> c.decide(conclude(second, TODAY), TODAY, NOW), CommandRejected.Kind.CONFLICT, null)
                            .hasMessageContaining("already concluded");
                }
            }
        }

        @Test
        void a_conclusion_before_the_decision_to_assess_is_unprocessable_naming_conclusionDate() {
            rejected(() -> assessing().decide(conclude(AssessmentOutcome.NO_PLAN, ASSESS_ON.minusDays(1)), TODAY, NOW),
                    CommandRejected.Kind.UNPROCESSABLE, "conclusionDate").hasMessageContaining("before the decision to assess");
        }

        @Test
        void a_conclusion_in_the_future_is_unprocessable_naming_conclusionDate() {
            rejected(() -> assessing().decide(conclude(AssessmentOutcome.NO_PLAN, TODAY.plusDays(1)), TODAY, NOW),
                    CommandRejected.Kind.UNPROCESSABLE, "conclusionDate").hasMessageContaining("future");
        }

        @Test
        void the_outcome_and_its_date_are_required() {
            rejected(() -> assessing().decide(conclude(null, TODAY), TODAY, NOW), CommandRejected.Kind.INVALID, "outcome");
            rejected(() -> assessing().decide(conclude(AssessmentOutcome.NO_PLAN, null), TODAY, NOW),
                    CommandRejected.Kind.INVALID, "conclusionDate");
        }

        @Test
        void a_concluded_case_cannot_be_withdrawn_or_decided_again() {
            var c = AssessmentCase.from(given(requested(), decided(AssessmentDecision.ASSESS, ASSESS_ON),
                    concluded(AssessmentOutcome.NO_PLAN, RECEIVED.plusWeeks(15))));
            rejected(() -> c.decide(new WithdrawRequest(CASE, TODAY), TODAY, NOW), CommandRejected.Kind.UNPROCESSABLE, null)
                    .hasMessageContaining("concluded");
            rejected(() -> c.decide(assess(TODAY), TODAY, NOW), CommandRejected.Kind.CONFLICT, null);
        }
    }

    @Nested
    class TheCaseView {

        @Test
        void an_empty_history_is_a_case_that_does_not_exist() {
            var c = AssessmentCase.from(given());
            assertThat(c.exists()).isFalse();
            assertThat(c.decisionDue()).isNull();
            assertThat(c.noPlanDecisionDue()).isNull();
        }

        @Test
        void a_new_request_is_REQUESTED_with_its_statutory_deadlines() {
            var c = AssessmentCase.from(given(requested()));
            assertThat(c.exists()).isTrue();
            assertThat(c.caseId()).isEqualTo(CASE);
            assertThat(c.status()).isEqualTo(CaseStatus.REQUESTED);
            assertThat(c.receivedDate()).isEqualTo(RECEIVED);
            assertThat(c.childRef()).isEqualTo("C-7Q4M2K");
            assertThat(c.requestedBy()).isEqualTo(RequesterType.PARENT);
            // 6 weeks from Monday 3 March 2025 is Monday 14 April; 140 days is Monday 21 July
            assertThat(c.decisionDue()).isEqualTo(LocalDate.of(2025, 4, 14));
            assertThat(c.finalPlanDue()).isEqualTo(LocalDate.of(2025, 7, 21));
            // Reg 10: 16 weeks from Monday 3 March 2025 is Monday 23 June
            assertThat(c.noPlanDecisionDue()).isEqualTo(LocalDate.of(2025, 6, 23));
            assertThat(c.outcome()).isEmpty();
            assertThat(c.conclusionDate()).isEmpty();
            assertThat(c.decision()).isEmpty();
            assertThat(c.decisionOnTime()).isEmpty();
        }

        @Test
        void assess_makes_the_case_ASSESSING() {
            var c = AssessmentCase.from(given(requested(), decided(AssessmentDecision.ASSESS, RECEIVED.plusWeeks(3))));
            assertThat(c.status()).isEqualTo(CaseStatus.ASSESSING);
            assertThat(c.decision()).contains(AssessmentDecision.ASSESS);
            assertThat(c.decisionDate()).contains(RECEIVED.plusWeeks(3));
            assertThat(c.refusalReason()).isEmpty();
        }

        @Test
        void refuse_makes_the_case_REFUSED_with_its_reason() {
            var c = AssessmentCase.from(given(requested(), decided(AssessmentDecision.REFUSE, RECEIVED.plusWeeks(3))));
            assertThat(c.status()).isEqualTo(CaseStatus.REFUSED);
            assertThat(c.refusalReason()).contains("needs met from school's own resources");
        }

        @Test
        void a_withdrawal_makes_the_case_WITHDRAWN() {
            var c = AssessmentCase.from(given(requested(), withdrawn(RECEIVED.plusDays(4))));
            assertThat(c.status()).isEqualTo(CaseStatus.WITHDRAWN);
            assertThat(c.withdrawnDate()).contains(RECEIVED.plusDays(4));
        }

        @Test
        void a_conclusion_makes_the_case_CONCLUDED_with_its_outcome_and_date() {
            var noPlan = AssessmentCase.from(given(requested(), decided(AssessmentDecision.ASSESS, RECEIVED.plusWeeks(3)),
                    concluded(AssessmentOutcome.NO_PLAN, RECEIVED.plusWeeks(15))));
            assertThat(noPlan.status()).isEqualTo(CaseStatus.CONCLUDED_NO_PLAN);
            assertThat(noPlan.outcome()).contains(AssessmentOutcome.NO_PLAN);
            assertThat(noPlan.conclusionDate()).contains(RECEIVED.plusWeeks(15));
            assertThat(noPlan.decision()).contains(AssessmentDecision.ASSESS);
            var issuePlan = AssessmentCase.from(given(requested(), decided(AssessmentDecision.ASSESS, RECEIVED.plusWeeks(3)),
                    concluded(AssessmentOutcome.ISSUE_PLAN, RECEIVED.plusWeeks(12))));
            assertThat(issuePlan.status()).isEqualTo(CaseStatus.CONCLUDED_ISSUE_PLAN);
            assertThat(issuePlan.outcome()).contains(AssessmentOutcome.ISSUE_PLAN);
        }

        @Test
        void a_decision_on_the_due_day_is_on_time_and_a_day_later_is_late() {
            LocalDate due = LocalDate.of(2025, 4, 14);
            assertThat(AssessmentCase.from(given(requested(), decided(AssessmentDecision.ASSESS, due))).decisionOnTime())
                    .contains(true);
            assertThat(AssessmentCase.from(given(requested(), decided(AssessmentDecision.ASSESS, due.plusDays(1)))).decisionOnTime())
                    .contains(false);
        }

        @Test
        void the_events_a_command_returns_rebuild_the_state_it_describes() {
            List<AssessmentEvent> history = new ArrayList<>(AssessmentCase.from(given()).decide(request(), TODAY, NOW));
            history.addAll(AssessmentCase.from(history).decide(refuse(RECEIVED.plusWeeks(7), "no evidence of SEN"), TODAY, NOW));
            var c = AssessmentCase.from(history);
            assertThat(c.status()).isEqualTo(CaseStatus.REFUSED);
            assertThat(c.decisionOnTime()).contains(false);
            assertThat(c.refusalReason()).contains("no evidence of SEN");
        }

        @Test
        void the_events_of_a_conclusion_rebuild_the_concluded_case() {
            List<AssessmentEvent> history = new ArrayList<>(AssessmentCase.from(given()).decide(request(), TODAY, NOW));
            history.addAll(AssessmentCase.from(history).decide(assess(RECEIVED.plusWeeks(4)), TODAY, NOW));
            history.addAll(AssessmentCase.from(history).decide(conclude(AssessmentOutcome.NO_PLAN, TODAY),
                    TODAY, NOW));
            var c = AssessmentCase.from(history);
            assertThat(c.status()).isEqualTo(CaseStatus.CONCLUDED_NO_PLAN);
            assertThat(c.conclusionDate()).contains(TODAY);
            assertThat(c.decisionOnTime()).contains(true);
        }

        @Test
        void a_stream_that_does_not_start_with_the_request_is_refused_loudly() {
            assertThatThrownBy(() -> AssessmentCase.from(given(decided(AssessmentDecision.ASSESS, RECEIVED))))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void an_event_this_aggregate_cannot_apply_yet_is_refused_loudly() {
            var exception = new ExceptionRecorded(UUID.randomUUID(), CASE, "839", RECEIVED, NOW, 1, UUID.randomUUID(),
                    StatutoryLimit.DECISION_6_WEEKS, ExceptionReason.ABSENT_FROM_AREA, RECEIVED, null);
            assertThatThrownBy(() -> AssessmentCase.from(given(requested(), exception)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("ExceptionRecorded");
        }
    }
}
