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
import org.ehcptracker.contracts.assessment.RequestKind;
import org.ehcptracker.contracts.assessment.NationalCurriculumYear;
import org.ehcptracker.contracts.assessment.RequestWithdrawn;
import org.ehcptracker.contracts.assessment.RefusalReason;
import org.ehcptracker.contracts.assessment.RequesterType;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.domain.DecisionContext;
import org.ehcptracker.kit.domain.EventIds;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The assessment case: given events / when command ({@link AssessmentDecider}) / then events or rejection, for every
 * rule; and the state its events rebuild ({@link CaseState}), with the deadlines the view shows.
 */
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
        return new AssessmentDecided(UUID.randomUUID(), CASE, "839", on, on.atStartOfDay().toInstant(java.time.ZoneOffset.UTC), 2,
                decision, decision == AssessmentDecision.REFUSE ? RefusalReason.NEEDS_MET_FROM_AVAILABLE_RESOURCES : null);
    }

    static RequestWithdrawn withdrawn(LocalDate on) {
        return new RequestWithdrawn(UUID.randomUUID(), CASE, "839", on, on.atStartOfDay().toInstant(java.time.ZoneOffset.UTC), 1);
    }

    static AssessmentConcluded concluded(AssessmentOutcome outcome, LocalDate on) {
        return new AssessmentConcluded(UUID.randomUUID(), CASE, "839", on, on.atStartOfDay().toInstant(java.time.ZoneOffset.UTC), 1,
                outcome);
    }

    /** The case as these events leave it. */
    static CaseState given(AssessmentEvent... events) {
        return CaseState.TYPE.rebuild(List.of(events));
    }

    /** A fixed today and now, and event ids 00000000-0000-0000-0000-000000000001, ...0002, ... */
    static DecisionContext ctx() {
        return new DecisionContext(TODAY, NOW, EventIds.sequence());
    }

    static UUID id(long n) {
        return new UUID(0L, n);
    }

    // ---- when ----------------------------------------------------------------------------------------------

    static RecordAssessmentRequest request() {
        return new RecordAssessmentRequest(CASE, "839", RECEIVED, RequesterType.PARENT, "C-7Q4M2K");
    }

    static DecideWhetherToAssess assess(LocalDate on) {
        return new DecideWhetherToAssess(CASE, AssessmentDecision.ASSESS, on, null, null);
    }

    static DecideWhetherToAssess refuse(LocalDate on, RefusalReason reason) {
        return new DecideWhetherToAssess(CASE, AssessmentDecision.REFUSE, on, reason, null);
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
        void the_childs_details_are_stripped_and_never_printed() {
            var child = new ChildPersonalDetails("  Sam Example ", LocalDate.of(2016, 7, 19));
            assertThat(child.childName()).isEqualTo("Sam Example");
            assertThat(new ChildPersonalDetails(" ", null).isEmpty()).isTrue();
            assertThat(new RecordAssessmentRequest(CASE, "839", RECEIVED, RequesterType.PARENT, "C-1", child).toString())
                    .doesNotContain("Sam").doesNotContain("2016");
        }

        @Test
        void exactly_one_AssessmentRequested_with_the_next_event_id_and_without_the_childs_personal_details() {
            var command = new RecordAssessmentRequest(CASE, "839", RECEIVED, RequesterType.PARENT, "C-7Q4M2K",
                    new ChildPersonalDetails("Sam Example", LocalDate.of(2016, 7, 19)));

            assertThat(AssessmentDecider.decide(command, given(), ctx())).containsExactly(new AssessmentRequested(id(1), CASE,
                    "839", RECEIVED, NOW, AssessmentRequested.SCHEMA_VERSION, "C-7Q4M2K", RequesterType.PARENT));
        }

        @Test
        void the_year_group_given_with_the_request_is_published_on_AssessmentRequested_v3() {
            // received 3 Mar 2025 with the child in Year 9: the event carries Y9, and none when not given
            var command = new RecordAssessmentRequest(CASE, "839", RECEIVED, RequesterType.PARENT, "C-7Q4M2K",
                    ChildPersonalDetails.NONE, null, null, NationalCurriculumYear.Y9);

            assertThat(AssessmentDecider.decide(command, given(), ctx())).containsExactly(new AssessmentRequested(id(1), CASE,
                    "839", RECEIVED, NOW, 3, "C-7Q4M2K", RequesterType.PARENT, RequestKind.INITIAL, NationalCurriculumYear.Y9));
            assertThat(((AssessmentRequested) AssessmentDecider.decide(request(), given(), ctx()).get(0)).yearGroup()).isNull();
        }

        @Test
        void a_child_born_after_the_request_was_received_is_unprocessable_naming_childDateOfBirth() {
            var command = new RecordAssessmentRequest(CASE, "839", RECEIVED, RequesterType.PARENT, "C-1",
                    new ChildPersonalDetails("Sam Example", RECEIVED.plusDays(1)));
            rejected(() -> AssessmentDecider.decide(command, given(), ctx()), CommandRejected.Kind.UNPROCESSABLE, "childDateOfBirth")
                    .hasMessageContaining("not yet born");
            var bornThatDay = new RecordAssessmentRequest(CASE, "839", RECEIVED, RequesterType.PARENT, "C-1",
                    new ChildPersonalDetails(null, RECEIVED));
            assertThat(AssessmentDecider.decide(bornThatDay, given(), ctx())).hasSize(1);
        }

        @Test
        void a_new_case_records_AssessmentRequested_with_the_request_details() {
            List<AssessmentEvent> events = AssessmentDecider.decide(request(), given(), ctx());

            assertThat(events).singleElement().isInstanceOfSatisfying(AssessmentRequested.class, e -> {
                assertThat(e.caseId()).isEqualTo(CASE);
                assertThat(e.localAuthorityCode()).isEqualTo("839");
                assertThat(e.businessDate()).isEqualTo(RECEIVED);
                assertThat(e.occurredAt()).isEqualTo(NOW);
                assertThat(e.schemaVersion()).isEqualTo(3);
                assertThat(e.requestKind()).isEqualTo(org.ehcptracker.contracts.assessment.RequestKind.INITIAL);
                assertThat(e.childRef()).isEqualTo("C-7Q4M2K");
                assertThat(e.requestedBy()).isEqualTo(RequesterType.PARENT);
                assertThat(e.eventId()).isNotNull();
            });
        }

        @Test
        void a_request_received_today_is_accepted() {
            var command = new RecordAssessmentRequest(CASE, "839", TODAY, RequesterType.SCHOOL_OR_SETTING, "C-1");
            assertThat(AssessmentDecider.decide(command, given(), ctx())).hasSize(1);
        }

        @Test
        void a_request_received_in_the_future_is_unprocessable() {
            var command = new RecordAssessmentRequest(CASE, "839", TODAY.plusDays(1), RequesterType.PARENT, "C-1");
            rejected(() -> AssessmentDecider.decide(command, given(), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "receivedDate").hasMessageContaining("future");
        }

        @Test
        void a_second_request_for_the_same_case_is_a_conflict() {
            rejected(() -> AssessmentDecider.decide(request(), given(requested()), ctx()),
                    CommandRejected.Kind.CONFLICT, null).hasMessageContaining("already exists");
        }

        @Test
        void the_local_authority_code_must_have_three_digits() {
            for (String bad : new String[] {null, "", "83", "8390", "BCP", "83a"}) {
                var command = new RecordAssessmentRequest(CASE, bad, RECEIVED, RequesterType.PARENT, "C-1");
                rejected(() -> AssessmentDecider.decide(command, given(), ctx()),
                        CommandRejected.Kind.INVALID, "localAuthorityCode");
            }
        }

        @Test
        void the_received_date_is_required() {
            var command = new RecordAssessmentRequest(CASE, "839", null, RequesterType.PARENT, "C-1");
            rejected(() -> AssessmentDecider.decide(command, given(), ctx()), CommandRejected.Kind.INVALID, "receivedDate");
        }

        @Test
        void the_requester_is_required() {
            var command = new RecordAssessmentRequest(CASE, "839", RECEIVED, null, "C-1");
            rejected(() -> AssessmentDecider.decide(command, given(), ctx()), CommandRejected.Kind.INVALID, "requestedBy");
        }

        @Test
        void the_child_ref_is_required_and_cannot_look_like_a_name() {
            for (String bad : new String[] {null, "", " ", "Jane Smith", "-C1", "x".repeat(65)}) {
                var command = new RecordAssessmentRequest(CASE, "839", RECEIVED, RequesterType.PARENT, bad);
                rejected(() -> AssessmentDecider.decide(command, given(), ctx()), CommandRejected.Kind.INVALID, "childRef");
            }
        }

        @Test
        void the_case_id_is_required() {
            var command = new RecordAssessmentRequest(null, "839", RECEIVED, RequesterType.PARENT, "C-1");
            rejected(() -> AssessmentDecider.decide(command, given(), ctx()), CommandRejected.Kind.INVALID, "caseId");
        }
    }

    @Nested
    class DecidingWhetherToAssess {

        @Test
        void exactly_one_AssessmentDecided_with_the_next_event_id() {
            LocalDate on = RECEIVED.plusWeeks(5);
            assertThat(AssessmentDecider.decide(assess(on), given(requested()), ctx())).containsExactly(new AssessmentDecided(
                    id(1), CASE, "839", on, NOW, AssessmentDecided.SCHEMA_VERSION, AssessmentDecision.ASSESS, null));
            assertThat(AssessmentDecider.decide(refuse(on, RefusalReason.INSUFFICIENT_EVIDENCE_OF_SEN), given(requested()), ctx()))
                    .containsExactly(new AssessmentDecided(id(1), CASE, "839", on, NOW, 2,
                            AssessmentDecision.REFUSE, RefusalReason.INSUFFICIENT_EVIDENCE_OF_SEN));
        }

        @Test
        void assess_records_AssessmentDecided_without_a_reason() {
            LocalDate on = RECEIVED.plusWeeks(5);
            List<AssessmentEvent> events = AssessmentDecider.decide(assess(on), given(requested()), ctx());

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
        void a_blank_refusal_note_with_assess_is_treated_as_absent() {
            var command = new DecideWhetherToAssess(CASE, AssessmentDecision.ASSESS, RECEIVED, null, "  ");
            assertThat(AssessmentDecider.decide(command, given(requested()), ctx()))
                    .singleElement().extracting(e -> ((AssessmentDecided) e).refusalReason()).isNull();
        }

        @Test
        void refuse_records_AssessmentDecided_with_the_reason_code_and_never_the_note() {
            var command = new DecideWhetherToAssess(CASE, AssessmentDecision.REFUSE, RECEIVED.plusWeeks(2),
                    RefusalReason.NEEDS_MET_FROM_AVAILABLE_RESOURCES, "Jane Smith, born 19/07/2016: her school can meet her needs");
            // Mon 17 Mar 2025 (received Mon 3 Mar + 2 weeks): exactly one event, the code and nothing else
            assertThat(AssessmentDecider.decide(command, given(requested()), ctx())).containsExactly(new AssessmentDecided(
                    id(1), CASE, "839", LocalDate.of(2025, 3, 17), NOW, 2, AssessmentDecision.REFUSE,
                    RefusalReason.NEEDS_MET_FROM_AVAILABLE_RESOURCES));
        }

        @Test
        void every_refusal_reason_code_is_accepted() {
            for (RefusalReason reason : RefusalReason.values()) {
                assertThat(AssessmentDecider.decide(refuse(RECEIVED, reason), given(requested()), ctx()))
                        .singleElement().extracting(e -> ((AssessmentDecided) e).refusalReason()).isEqualTo(reason);
            }
        }

        @Test
        void refuse_without_a_reason_is_unprocessable_naming_refusalReason() {
            rejected(() -> AssessmentDecider.decide(refuse(RECEIVED, null), given(requested()), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "refusalReason").hasMessageContaining("OTHER");
            // a note is no reason: the published ground must be a code
            rejected(() -> AssessmentDecider.decide(new DecideWhetherToAssess(CASE, AssessmentDecision.REFUSE, RECEIVED, null,
                    "needs met from the school's resources"), given(requested()), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "refusalReason");
        }

        @Test
        void assess_with_a_refusal_reason_or_note_is_unprocessable() {
            var withReason = new DecideWhetherToAssess(CASE, AssessmentDecision.ASSESS, RECEIVED, RefusalReason.OTHER, null);
            rejected(() -> AssessmentDecider.decide(withReason, given(requested()), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "refusalReason");
            var withNote = new DecideWhetherToAssess(CASE, AssessmentDecision.ASSESS, RECEIVED, null, "why not");
            rejected(() -> AssessmentDecider.decide(withNote, given(requested()), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "refusalNote");
        }

        @Test
        void an_overlong_refusal_note_or_one_with_a_control_character_is_invalid() {
            for (String note : new String[] {"x".repeat(AssessmentDecider.MAX_NOTE_LENGTH + 1), "nul\u0000here", "bell\u0007"}) {
                var command = new DecideWhetherToAssess(CASE, AssessmentDecision.REFUSE, RECEIVED, RefusalReason.OTHER, note);
                rejected(() -> AssessmentDecider.decide(command, given(requested()), ctx()),
                        CommandRejected.Kind.INVALID, "refusalNote");
            }
            assertThat(AssessmentDecider.requireNote("  two\nlines\t ", "refusalNote")).isEqualTo("two\nlines");
        }

        @Test
        void an_unknown_case_is_not_found() {
            rejected(() -> AssessmentDecider.decide(assess(RECEIVED), given(), ctx()), CommandRejected.Kind.NOT_FOUND, null);
        }

        @Test
        void deciding_twice_is_a_conflict() {
            rejected(() -> AssessmentDecider.decide(refuse(RECEIVED.plusWeeks(2), RefusalReason.OTHER), given(requested(), decided(AssessmentDecision.ASSESS, RECEIVED.plusWeeks(1))), ctx()),
                    CommandRejected.Kind.CONFLICT, null).hasMessageContaining("already");
        }

        @Test
        void refusing_again_after_a_refusal_is_a_conflict_too() {
            // only a decision to assess can follow a refusal (an overturned refusal: ChangingDecisionsTest)
            rejected(() -> AssessmentDecider.decide(refuse(RECEIVED.plusWeeks(2), RefusalReason.INSUFFICIENT_EVIDENCE_OF_SEN), given(requested(), decided(AssessmentDecision.REFUSE, RECEIVED.plusWeeks(1))), ctx()),
                    CommandRejected.Kind.CONFLICT, null);
        }

        @Test
        void deciding_a_withdrawn_request_is_unprocessable() {
            rejected(() -> AssessmentDecider.decide(assess(RECEIVED.plusWeeks(2)), given(requested(), withdrawn(RECEIVED.plusDays(3))), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, null).hasMessageContaining("withdrawn");
        }

        @Test
        void a_decision_before_the_request_was_received_is_unprocessable() {
            rejected(() -> AssessmentDecider.decide(assess(RECEIVED.minusDays(1)), given(requested()), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "decisionDate");
        }

        @Test
        void a_decision_on_the_day_of_receipt_is_accepted() {
            assertThat(AssessmentDecider.decide(assess(RECEIVED), given(requested()), ctx())).hasSize(1);
        }

        @Test
        void a_decision_dated_in_the_future_is_unprocessable() {
            rejected(() -> AssessmentDecider.decide(assess(TODAY.plusDays(1)), given(requested()), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "decisionDate");
        }

        @Test
        void the_decision_and_its_date_are_required() {
            rejected(() -> AssessmentDecider.decide(new DecideWhetherToAssess(CASE, null, RECEIVED, null, null), given(requested()), ctx()),
                    CommandRejected.Kind.INVALID, "decision");
            rejected(() -> AssessmentDecider.decide(new DecideWhetherToAssess(CASE, AssessmentDecision.ASSESS, null, null, null), given(requested()), ctx()),
                    CommandRejected.Kind.INVALID, "decisionDate");
        }
    }

    @Nested
    class WithdrawingARequest {

        @Test
        void exactly_one_RequestWithdrawn_with_the_next_event_id() {
            LocalDate on = RECEIVED.plusDays(10);
            assertThat(AssessmentDecider.decide(new WithdrawRequest(CASE, on), given(requested()), ctx()))
                    .containsExactly(new RequestWithdrawn(id(1), CASE, "839", on, NOW, RequestWithdrawn.SCHEMA_VERSION));
        }

        @Test
        void a_pending_request_can_be_withdrawn() {
            LocalDate on = RECEIVED.plusDays(10);
            List<AssessmentEvent> events = AssessmentDecider.decide(new WithdrawRequest(CASE, on), given(requested()), ctx());

            assertThat(events).singleElement().isInstanceOfSatisfying(RequestWithdrawn.class, e -> {
                assertThat(e.caseId()).isEqualTo(CASE);
                assertThat(e.localAuthorityCode()).isEqualTo("839");
                assertThat(e.businessDate()).isEqualTo(on);
                assertThat(e.occurredAt()).isEqualTo(NOW);
            });
        }

        @Test
        void a_request_being_assessed_can_be_withdrawn() {
            var c = given(requested(), decided(AssessmentDecision.ASSESS, RECEIVED.plusWeeks(4)));
            assertThat(AssessmentDecider.decide(new WithdrawRequest(CASE, RECEIVED.plusWeeks(8)), c, ctx()))
                    .singleElement().isInstanceOf(RequestWithdrawn.class);
        }

        @Test
        void a_refused_request_cannot_be_withdrawn() {
            var c = given(requested(), decided(AssessmentDecision.REFUSE, RECEIVED.plusWeeks(4)));
            rejected(() -> AssessmentDecider.decide(new WithdrawRequest(CASE, RECEIVED.plusWeeks(5)), c, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, null).hasMessageContaining("refused");
        }

        @Test
        void withdrawing_twice_is_a_conflict() {
            var c = given(requested(), withdrawn(RECEIVED.plusDays(1)));
            rejected(() -> AssessmentDecider.decide(new WithdrawRequest(CASE, RECEIVED.plusDays(2)), c, ctx()), CommandRejected.Kind.CONFLICT, null);
        }

        @Test
        void an_unknown_case_is_not_found() {
            rejected(() -> AssessmentDecider.decide(new WithdrawRequest(CASE, RECEIVED), given(), ctx()),
                    CommandRejected.Kind.NOT_FOUND, null);
        }

        @Test
        void the_date_is_required_and_must_lie_between_the_last_step_and_today() {
            var pending = given(requested());
            rejected(() -> AssessmentDecider.decide(new WithdrawRequest(CASE, null), pending, ctx()), CommandRejected.Kind.INVALID, "withdrawnDate");
            rejected(() -> AssessmentDecider.decide(new WithdrawRequest(CASE, RECEIVED.minusDays(1)), pending, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "withdrawnDate");
            rejected(() -> AssessmentDecider.decide(new WithdrawRequest(CASE, TODAY.plusDays(1)), pending, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "withdrawnDate");
            var assessing = given(requested(), decided(AssessmentDecision.ASSESS, RECEIVED.plusWeeks(4)));
            rejected(() -> AssessmentDecider.decide(new WithdrawRequest(CASE, RECEIVED.plusWeeks(4).minusDays(1)), assessing, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "withdrawnDate");
        }
    }

    @Nested
    class ConcludingTheAssessment {

        static final LocalDate ASSESS_ON = RECEIVED.plusWeeks(5);

        CaseState assessing() {
            return given(requested(), decided(AssessmentDecision.ASSESS, ASSESS_ON));
        }

        @Test
        void exactly_one_AssessmentConcluded_with_the_next_event_id() {
            LocalDate on = RECEIVED.plusWeeks(12);
            assertThat(AssessmentDecider.decide(conclude(AssessmentOutcome.NO_PLAN, on), assessing(), ctx()))
                    .containsExactly(new AssessmentConcluded(id(1), CASE, "839", on, NOW, AssessmentConcluded.SCHEMA_VERSION,
                            AssessmentOutcome.NO_PLAN));
        }

        @Test
        void no_plan_records_AssessmentConcluded_with_the_outcome_and_date() {
            LocalDate on = RECEIVED.plusWeeks(12);
            List<AssessmentEvent> events = AssessmentDecider.decide(conclude(AssessmentOutcome.NO_PLAN, on), assessing(), ctx());

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
            assertThat(AssessmentDecider.decide(conclude(AssessmentOutcome.ISSUE_PLAN, TODAY), assessing(), ctx()))
                    .singleElement().extracting(e -> ((AssessmentConcluded) e).outcome()).isEqualTo(AssessmentOutcome.ISSUE_PLAN);
        }

        @Test
        void on_the_day_of_the_decision_to_assess_is_accepted() {
            assertThat(AssessmentDecider.decide(conclude(AssessmentOutcome.NO_PLAN, ASSESS_ON), assessing(), ctx())).hasSize(1);
        }

        @Test
        void an_unknown_case_is_not_found() {
            rejected(() -> AssessmentDecider.decide(conclude(AssessmentOutcome.NO_PLAN, TODAY), given(), ctx()),
                    CommandRejected.Kind.NOT_FOUND, null);
        }

        @Test
        void a_case_not_yet_decided_is_unprocessable() {
            rejected(() -> AssessmentDecider.decide(conclude(AssessmentOutcome.NO_PLAN, TODAY), given(requested()), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, null).hasMessageContaining("not yet decided");
        }

        @Test
        void a_refused_case_is_unprocessable() {
            var c = given(requested(), decided(AssessmentDecision.REFUSE, ASSESS_ON));
            rejected(() -> AssessmentDecider.decide(conclude(AssessmentOutcome.NO_PLAN, TODAY), c, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, null).hasMessageContaining("refused");
        }

        @Test
        void a_withdrawn_case_is_unprocessable_whether_or_not_it_was_being_assessed() {
            var pending = given(requested(), withdrawn(RECEIVED.plusDays(3)));
            rejected(() -> AssessmentDecider.decide(conclude(AssessmentOutcome.NO_PLAN, TODAY), pending, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, null).hasMessageContaining("withdrawn");
            var assessed = given(requested(), decided(AssessmentDecision.ASSESS, ASSESS_ON),
                    withdrawn(ASSESS_ON.plusDays(3)));
            rejected(() -> AssessmentDecider.decide(conclude(AssessmentOutcome.NO_PLAN, TODAY), assessed, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, null).hasMessageContaining("withdrawn");
        }

        @Test
        void concluding_twice_is_a_conflict_whatever_the_outcome() {
            for (AssessmentOutcome first : AssessmentOutcome.values()) {
                var c = given(requested(), decided(AssessmentDecision.ASSESS, ASSESS_ON),
                        concluded(first, RECEIVED.plusWeeks(15)));
                for (AssessmentOutcome second : AssessmentOutcome.values()) {
                    rejected(() -> AssessmentDecider.decide(conclude(second, TODAY), c, ctx()), CommandRejected.Kind.CONFLICT, null)
                            .hasMessageContaining("already concluded");
                }
            }
        }

        @Test
        void a_conclusion_before_the_decision_to_assess_is_unprocessable_naming_conclusionDate() {
            rejected(() -> AssessmentDecider.decide(conclude(AssessmentOutcome.NO_PLAN, ASSESS_ON.minusDays(1)), assessing(), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "conclusionDate").hasMessageContaining("before the decision to assess");
        }

        @Test
        void a_conclusion_in_the_future_is_unprocessable_naming_conclusionDate() {
            rejected(() -> AssessmentDecider.decide(conclude(AssessmentOutcome.NO_PLAN, TODAY.plusDays(1)), assessing(), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "conclusionDate").hasMessageContaining("future");
        }

        @Test
        void the_outcome_and_its_date_are_required() {
            rejected(() -> AssessmentDecider.decide(conclude(null, TODAY), assessing(), ctx()), CommandRejected.Kind.INVALID, "outcome");
            rejected(() -> AssessmentDecider.decide(conclude(AssessmentOutcome.NO_PLAN, null), assessing(), ctx()),
                    CommandRejected.Kind.INVALID, "conclusionDate");
        }

        @Test
        void a_concluded_case_cannot_be_withdrawn_or_decided_again() {
            var c = given(requested(), decided(AssessmentDecision.ASSESS, ASSESS_ON),
                    concluded(AssessmentOutcome.NO_PLAN, RECEIVED.plusWeeks(15)));
            rejected(() -> AssessmentDecider.decide(new WithdrawRequest(CASE, TODAY), c, ctx()), CommandRejected.Kind.UNPROCESSABLE, null)
                    .hasMessageContaining("concluded");
            rejected(() -> AssessmentDecider.decide(assess(TODAY), c, ctx()), CommandRejected.Kind.CONFLICT, null);
        }
    }

    @Nested
    class TheCaseView {

        @Test
        void an_empty_history_is_a_case_that_does_not_exist() {
            var c = given();
            assertThat(c.exists()).isFalse();
            assertThat(c.decisionDue()).isNull();
            assertThat(c.noPlanDecisionDue()).isNull();
        }

        @Test
        void a_new_request_is_REQUESTED_with_its_statutory_deadlines() {
            var c = given(requested());
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
            assertThat(c.outcome()).isNull();
            assertThat(c.conclusionDate()).isNull();
            assertThat(c.decision()).isNull();
            assertThat(c.decisionOnTime()).isEmpty();
        }

        @Test
        void assess_makes_the_case_ASSESSING() {
            var c = given(requested(), decided(AssessmentDecision.ASSESS, RECEIVED.plusWeeks(3)));
            assertThat(c.status()).isEqualTo(CaseStatus.ASSESSING);
            assertThat(c.decision()).isEqualTo(AssessmentDecision.ASSESS);
            assertThat(c.decisionDate()).isEqualTo(RECEIVED.plusWeeks(3));
            assertThat(c.refusalReason()).isNull();
        }

        @Test
        void refuse_makes_the_case_REFUSED_with_its_reason() {
            var c = given(requested(), decided(AssessmentDecision.REFUSE, RECEIVED.plusWeeks(3)));
            assertThat(c.status()).isEqualTo(CaseStatus.REFUSED);
            assertThat(c.refusalReason()).isEqualTo(RefusalReason.NEEDS_MET_FROM_AVAILABLE_RESOURCES);
        }

        @Test
        void a_withdrawal_makes_the_case_WITHDRAWN() {
            var c = given(requested(), withdrawn(RECEIVED.plusDays(4)));
            assertThat(c.status()).isEqualTo(CaseStatus.WITHDRAWN);
            assertThat(c.withdrawnDate()).isEqualTo(RECEIVED.plusDays(4));
        }

        @Test
        void a_conclusion_makes_the_case_CONCLUDED_with_its_outcome_and_date() {
            var noPlan = given(requested(), decided(AssessmentDecision.ASSESS, RECEIVED.plusWeeks(3)),
                    concluded(AssessmentOutcome.NO_PLAN, RECEIVED.plusWeeks(15)));
            assertThat(noPlan.status()).isEqualTo(CaseStatus.CONCLUDED_NO_PLAN);
            assertThat(noPlan.outcome()).isEqualTo(AssessmentOutcome.NO_PLAN);
            assertThat(noPlan.conclusionDate()).isEqualTo(RECEIVED.plusWeeks(15));
            assertThat(noPlan.decision()).isEqualTo(AssessmentDecision.ASSESS);
            var issuePlan = given(requested(), decided(AssessmentDecision.ASSESS, RECEIVED.plusWeeks(3)),
                    concluded(AssessmentOutcome.ISSUE_PLAN, RECEIVED.plusWeeks(12)));
            assertThat(issuePlan.status()).isEqualTo(CaseStatus.CONCLUDED_ISSUE_PLAN);
            assertThat(issuePlan.outcome()).isEqualTo(AssessmentOutcome.ISSUE_PLAN);
        }

        @Test
        void a_decision_on_the_due_day_is_on_time_and_a_day_later_is_late() {
            LocalDate due = LocalDate.of(2025, 4, 14);
            assertThat(given(requested(), decided(AssessmentDecision.ASSESS, due)).decisionOnTime())
                    .contains(true);
            assertThat(given(requested(), decided(AssessmentDecision.ASSESS, due.plusDays(1))).decisionOnTime())
                    .contains(false);
        }

        @Test
        void the_events_a_command_returns_rebuild_the_state_it_describes() {
            DecisionContext ctx = ctx();
            List<AssessmentEvent> history = new ArrayList<>(AssessmentDecider.decide(request(), given(), ctx));
            history.addAll(AssessmentDecider.decide(refuse(RECEIVED.plusWeeks(7), RefusalReason.INSUFFICIENT_EVIDENCE_OF_SEN),
                    CaseState.TYPE.rebuild(history), ctx));
            var c = CaseState.TYPE.rebuild(history);
            assertThat(c.status()).isEqualTo(CaseStatus.REFUSED);
            assertThat(c.decisionOnTime()).contains(false);
            assertThat(c.refusalReason()).isEqualTo(RefusalReason.INSUFFICIENT_EVIDENCE_OF_SEN);
        }

        @Test
        void the_events_of_a_conclusion_rebuild_the_concluded_case() {
            DecisionContext ctx = ctx();
            List<AssessmentEvent> history = new ArrayList<>(AssessmentDecider.decide(request(), given(), ctx));
            history.addAll(AssessmentDecider.decide(assess(RECEIVED.plusWeeks(4)), CaseState.TYPE.rebuild(history), ctx));
            history.addAll(AssessmentDecider.decide(conclude(AssessmentOutcome.NO_PLAN, TODAY), CaseState.TYPE.rebuild(history), ctx));
            var c = CaseState.TYPE.rebuild(history);
            assertThat(history).extracting(AssessmentEvent::eventId).containsExactly(id(1), id(2), id(3));
            assertThat(c.status()).isEqualTo(CaseStatus.CONCLUDED_NO_PLAN);
            assertThat(c.conclusionDate()).isEqualTo(TODAY);
            assertThat(c.decisionOnTime()).contains(true);
        }

        @Test
        void a_stream_that_does_not_start_with_the_request_is_refused_loudly() {
            assertThatThrownBy(() -> given(decided(AssessmentDecision.ASSESS, RECEIVED)))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void a_correction_of_an_exception_the_stream_never_recorded_is_refused_loudly() {
            var correction = new org.ehcptracker.contracts.assessment.ExceptionCorrected(UUID.randomUUID(), CASE, "839",
                    RECEIVED, NOW, 1, UUID.randomUUID(), RECEIVED.plusDays(3));
            assertThatThrownBy(() -> given(requested(), correction))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown exception");
        }
    }
}
