package org.ehcptracker.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.contracts.plan.AmendedPlanIssued;
import org.ehcptracker.contracts.plan.AnnualReviewDecided;
import org.ehcptracker.contracts.plan.AnnualReviewMeetingHeld;
import org.ehcptracker.contracts.plan.CeaseReason;
import org.ehcptracker.contracts.plan.PlanCeased;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.ehcptracker.contracts.plan.ReviewOutcome;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.domain.DecisionContext;
import org.ehcptracker.kit.domain.EventIds;
import org.junit.jupiter.api.Nested;
import org.ehcptracker.statutory.PhaseTransfer;
import org.junit.jupiter.api.Test;

/**
 * Given a plan in force and a review's events, when a review or cessation command ({@link ReviewDecider}), then
 * events or a rejection; and the review view's deadlines and lateness.
 */
class AnnualReviewTest {

    static final UUID CASE = UUID.fromString("d6c826ed-1d5b-41a3-8b42-65ac9e572462");
    static final UUID PLAN = UUID.fromString("03aa49de-d340-46b2-b950-1502dffa5160");
    static final UUID REVIEW = UUID.fromString("5a0c7b1e-2f43-4d8e-9b61-0c3e7d2a9f18");
    static final LocalDate ISSUED = LocalDate.of(2025, 7, 18);
    static final LocalDate MEETING = LocalDate.of(2026, 6, 30);
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    final DecisionContext ctx = new DecisionContext(TODAY, NOW, EventIds.sequence());
    final List<PlanEvent> history = new ArrayList<>();

    static UUID id(long n) {
        return new UUID(0, n);
    }

    static Optional<PlanInForce> plan(LocalDate lastMeeting, UUID openReview, LocalDate ceased) {
        return Optional.of(new PlanInForce(PLAN, CASE, "839", ISSUED, lastMeeting, openReview, ceased));
    }

    static final Optional<PlanInForce> IN_FORCE = plan(null, null, null);

    ReviewState review() {
        return ReviewState.TYPE.rebuild(history);
    }

    List<PlanEvent> record(List<PlanEvent> events) {
        history.addAll(events);
        return events;
    }

    List<PlanEvent> meet(LocalDate on, Optional<PlanInForce> p) {
        return record(ReviewDecider.decide(new HoldReviewMeeting(PLAN, REVIEW, on), review(), p, ctx));
    }

    List<PlanEvent> decide(LocalDate on, ReviewOutcome outcome) {
        return record(ReviewDecider.decide(new DecideReview(REVIEW, on, outcome), review(), plan(MEETING, REVIEW, null),
                ctx));
    }

    List<PlanEvent> amend(LocalDate on, String urn, String type) {
        return record(ReviewDecider.decide(new IssueAmendedPlan(REVIEW, on, urn, type), review(),
                plan(MEETING, REVIEW, null), ctx));
    }

    static void assertRejected(Runnable command, CommandRejected.Kind kind, String field, String message) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(CommandRejected.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Nested
    class ReviewDue {

        // plan issued 18 July 2025: first review due 18 July 2026
        @Test
        void twelve_months_after_the_issue() {
            assertThat(IN_FORCE.orElseThrow().reviewDue()).isEqualTo(LocalDate.of(2026, 7, 18));
        }

        // last meeting 30 June 2026: next review due 30 June 2027, whatever the issue date
        @Test
        void twelve_months_after_the_last_review_meeting() {
            assertThat(plan(MEETING, null, null).orElseThrow().reviewDue()).isEqualTo(LocalDate.of(2027, 6, 30));
        }

        // issued Thursday 29 February 2024: 2025 has no 29 February, so due Friday 28 February 2025 (never 1 March,
        // which would be a day late); a meeting on 29 February 2028 gives 28 February 2029
        @Test
        void twelve_months_from_29_February_is_28_February() {
            var leap = new PlanInForce(PLAN, CASE, "839", LocalDate.of(2024, 2, 29), null, null, null);
            assertThat(leap.reviewDue()).isEqualTo(LocalDate.of(2025, 2, 28));
            var leapMeeting = new PlanInForce(PLAN, CASE, "839", ISSUED, LocalDate.of(2028, 2, 29), null, null);
            assertThat(leapMeeting.reviewDue()).isEqualTo(LocalDate.of(2029, 2, 28));
        }
    }

    @Nested
    class Meeting {

        // meeting Tuesday 30 June 2026: decision due Tuesday 28 July 2026 (4 weeks)
        @Test
        void starts_the_review_with_its_decision_due_4_weeks_later() {
            assertThat(meet(MEETING, IN_FORCE)).containsExactly(new AnnualReviewMeetingHeld(id(1), CASE, "839", MEETING,
                    NOW, 1, PLAN, REVIEW, LocalDate.of(2026, 7, 28), null, null));
            assertThat(review()).isEqualTo(new ReviewState.Held(REVIEW, PLAN, CASE, "839", MEETING,
                    LocalDate.of(2026, 7, 28)));
        }

        @Test
        void for_a_ceased_plan_is_unprocessable_naming_the_plan() {
            assertRejected(() -> meet(MEETING, plan(null, null, LocalDate.of(2026, 5, 1))),
                    CommandRejected.Kind.UNPROCESSABLE, "planId", "ceased on 2026-05-01");
        }

        @Test
        void for_an_unknown_plan_is_not_found() {
            assertRejected(() -> meet(MEETING, Optional.empty()), CommandRejected.Kind.NOT_FOUND, null,
                    "no plan in force " + PLAN);
        }

        @Test
        void while_another_review_is_open_is_a_conflict() {
            UUID open = id(99);
            assertRejected(() -> meet(MEETING, plan(LocalDate.of(2026, 1, 5), open, null)), CommandRejected.Kind.CONFLICT,
                    null, "review " + open + " of plan " + PLAN + " is still open");
        }

        @Test
        void the_same_review_twice_is_a_conflict() {
            meet(MEETING, IN_FORCE);
            assertRejected(() -> meet(MEETING, IN_FORCE), CommandRejected.Kind.CONFLICT, null, "already held on 2026-06-30");
        }

        @Test
        void before_the_issue_not_after_the_last_meeting_or_in_the_future_is_unprocessable_on_meeting_date() {
            assertRejected(() -> meet(ISSUED.minusDays(1), IN_FORCE), CommandRejected.Kind.UNPROCESSABLE, "meetingDate",
                    "is before the plan was issued (2025-07-18)");
            assertRejected(() -> meet(MEETING, plan(MEETING, null, null)), CommandRejected.Kind.UNPROCESSABLE,
                    "meetingDate", "is not after the last review meeting");
            assertRejected(() -> meet(TODAY.plusDays(1), IN_FORCE), CommandRejected.Kind.UNPROCESSABLE, "meetingDate",
                    "is in the future");
        }

        @Test
        void without_a_date_is_invalid() {
            assertRejected(() -> meet(null, IN_FORCE), CommandRejected.Kind.INVALID, "meetingDate", "required");
        }
    }

    @Nested
    class Decision {

        // meeting 30 June 2026, amendments proposed with the decision on Tuesday 21 July 2026: the family's 15 days
        // end Wednesday 5 August (21 + 15 = 36 = 31 July + 5); the amended plan is due 8 weeks after the proposal,
        // Tuesday 15 September, earlier than 12 weeks after the meeting (Tuesday 22 September)
        @Test
        void to_amend_sets_the_amended_plan_due_8_weeks_after_the_proposal() {
            meet(MEETING, IN_FORCE); // id(1)
            LocalDate decided = LocalDate.of(2026, 7, 21);
            assertThat(decide(decided, ReviewOutcome.AMEND)).containsExactly(new AnnualReviewDecided(id(2), CASE, "839",
                    decided, NOW, 1, PLAN, REVIEW, ReviewOutcome.AMEND, MEETING, LocalDate.of(2026, 9, 15)));
            ReviewView view = ReviewView.of(review(), LocalDate.of(2026, 8, 1));
            assertThat(view.decisionLate()).isFalse();
            assertThat(view.amendmentCommentsEnd()).isEqualTo(LocalDate.of(2026, 8, 5));
            assertThat(view.amendedPlanDue()).isEqualTo(LocalDate.of(2026, 9, 15));
            assertThat(view.status()).isEqualTo("AWAITING_AMENDED_PLAN");
            assertThat(view.amendmentLate()).isFalse();
        }

        // decided late, Tuesday 25 August 2026 (8 weeks after the meeting): 8 weeks on would be 20 October, but the
        // cap of 12 weeks from the meeting bites: due Tuesday 22 September
        @Test
        void a_late_decision_to_amend_is_capped_at_12_weeks_from_the_meeting_and_shown_late() {
            meet(MEETING, IN_FORCE);
            AnnualReviewDecided d = (AnnualReviewDecided) decide(LocalDate.of(2026, 8, 25), ReviewOutcome.AMEND).get(0);
            assertThat(d.amendedPlanDue()).isEqualTo(LocalDate.of(2026, 9, 22));
            assertThat(ReviewView.of(review(), TODAY).decisionLate()).isTrue();
        }

        // decision due 28 July 2026: on 28 July in time, on 29 July late
        @Test
        void to_keep_on_the_last_of_the_4_weeks_is_in_time_and_the_day_after_is_late() {
            meet(MEETING, IN_FORCE);
            assertThat(ReviewView.of(review(), LocalDate.of(2026, 7, 28)).decisionLate()).isFalse();
            assertThat(ReviewView.of(review(), LocalDate.of(2026, 7, 29)).decisionLate()).isTrue();
            AnnualReviewDecided d = (AnnualReviewDecided) decide(LocalDate.of(2026, 7, 28), ReviewOutcome.KEEP).get(0);
            assertThat(d.amendedPlanDue()).isNull();
            ReviewView view = ReviewView.of(review(), TODAY);
            assertThat(view.decisionLate()).isFalse();
            assertThat(view.status()).isEqualTo("DECIDED");
            assertThat(view.amendmentLate()).isNull();
        }

        @Test
        void before_the_meeting_is_unprocessable_on_decided_date() {
            meet(MEETING, IN_FORCE);
            assertRejected(() -> decide(MEETING.minusDays(1), ReviewOutcome.KEEP), CommandRejected.Kind.UNPROCESSABLE,
                    "decidedDate", "is before the review meeting (2026-06-30)");
        }

        @Test
        void a_second_decision_is_a_conflict() {
            meet(MEETING, IN_FORCE);
            decide(MEETING, ReviewOutcome.KEEP);
            assertRejected(() -> decide(MEETING, ReviewOutcome.AMEND), CommandRejected.Kind.CONFLICT, null,
                    "was already decided on 2026-06-30 (KEEP)");
        }

        @Test
        void for_a_review_never_held_is_not_found() {
            assertRejected(() -> decide(MEETING, ReviewOutcome.KEEP), CommandRejected.Kind.NOT_FOUND, null,
                    "no annual review " + REVIEW);
        }

        @Test
        void without_an_outcome_is_invalid() {
            meet(MEETING, IN_FORCE);
            assertRejected(() -> decide(MEETING, null), CommandRejected.Kind.INVALID, "outcome", "KEEP, AMEND or CEASE");
        }

        @Test
        void for_a_plan_ceased_since_the_meeting_is_unprocessable() {
            meet(MEETING, IN_FORCE);
            assertRejected(() -> ReviewDecider.decide(new DecideReview(REVIEW, MEETING, ReviewOutcome.KEEP), review(),
                    plan(MEETING, REVIEW, MEETING), ctx), CommandRejected.Kind.UNPROCESSABLE, "planId", "ceased");
        }
    }

    @Nested
    class AmendedPlan {

        final LocalDate decided = LocalDate.of(2026, 7, 21);

        @Test
        void after_the_15_days_issues_the_amended_plan_in_time() {
            meet(MEETING, IN_FORCE);
            decide(decided, ReviewOutcome.AMEND); // id(2)
            assertThat(amend(LocalDate.of(2026, 9, 8), "139021", null)).containsExactly(new AmendedPlanIssued(id(3), CASE,
                    "839", LocalDate.of(2026, 9, 8), NOW, 1, PLAN, REVIEW, "139021", null));
            ReviewView view = ReviewView.of(review(), TODAY);
            assertThat(view.status()).isEqualTo("AMENDED");
            assertThat(view.amendmentLate()).isFalse();
            assertThat(view.namedSettingUrn()).isEqualTo("139021");
        }

        // due 15 September 2026: issued on 16 September it is late (recorded, shown late)
        @Test
        void after_8_weeks_is_recorded_and_shown_late() {
            meet(MEETING, IN_FORCE);
            decide(decided, ReviewOutcome.AMEND);
            amend(LocalDate.of(2026, 9, 16), null, null);
            assertThat(ReviewView.of(review(), TODAY).amendmentLate()).isTrue();
        }

        @Test
        void not_issued_by_its_due_date_is_shown_late() {
            meet(MEETING, IN_FORCE);
            decide(decided, ReviewOutcome.AMEND);
            assertThat(ReviewView.of(review(), LocalDate.of(2026, 9, 15)).amendmentLate()).isFalse();
            assertThat(ReviewView.of(review(), LocalDate.of(2026, 9, 16)).amendmentLate()).isTrue();
        }

        // the family's 15 days on the proposal end 5 August 2026: the amended plan on 5 August is refused
        @Test
        void within_the_familys_15_days_is_unprocessable_on_issued_date() {
            meet(MEETING, IN_FORCE);
            decide(decided, ReviewOutcome.AMEND);
            assertRejected(() -> amend(LocalDate.of(2026, 8, 5), null, null), CommandRejected.Kind.UNPROCESSABLE,
                    "issuedDate", "(until 2026-08-05)");
            assertThat(amend(LocalDate.of(2026, 8, 6), null, null)).hasSize(1);
        }

        @Test
        void without_a_decision_to_amend_is_unprocessable_naming_the_review() {
            meet(MEETING, IN_FORCE);
            assertRejected(() -> amend(LocalDate.of(2026, 9, 8), null, null), CommandRejected.Kind.UNPROCESSABLE,
                    "reviewId", "has no decision yet");
            decide(decided, ReviewOutcome.KEEP);
            assertRejected(() -> amend(LocalDate.of(2026, 9, 8), null, null), CommandRejected.Kind.UNPROCESSABLE,
                    "reviewId", "was decided KEEP on 2026-07-21: an amended plan needs a decision to amend");
        }

        @Test
        void a_second_amended_plan_is_a_conflict() {
            meet(MEETING, IN_FORCE);
            decide(decided, ReviewOutcome.AMEND);
            amend(LocalDate.of(2026, 9, 8), null, null);
            assertRejected(() -> amend(LocalDate.of(2026, 9, 9), null, null), CommandRejected.Kind.CONFLICT, null,
                    "already issued on 2026-09-08");
        }

        @Test
        void naming_both_a_setting_and_a_type_is_unprocessable_on_the_setting_field() {
            meet(MEETING, IN_FORCE);
            decide(decided, ReviewOutcome.AMEND);
            assertRejected(() -> amend(LocalDate.of(2026, 9, 8), "139021", "MSS"), CommandRejected.Kind.UNPROCESSABLE,
                    "namedSettingUrn", "not both");
        }
    }

    @Nested
    class PhaseTransfers {

        final LocalDate autumnMeeting = LocalDate.of(2026, 10, 5);

        List<PlanEvent> meetFor(PhaseTransfer move, Integer year, LocalDate on) {
            return record(ReviewDecider.decide(new HoldReviewMeeting(PLAN, REVIEW, on, move, year), review(), IN_FORCE,
                    ctx));
        }

        // a move from primary to secondary in September 2027: the amended plan naming the school is due by
        // Monday 15 February 2027 (Reg 18)
        @Test
        void a_move_into_secondary_is_due_15_February_of_the_year_of_the_move() {
            assertThat(meetFor(PhaseTransfer.PRIMARY_TO_SECONDARY, 2027, autumnMeeting)).containsExactly(
                    new AnnualReviewMeetingHeld(id(1), CASE, "839", autumnMeeting, NOW, 1, PLAN, REVIEW,
                            LocalDate.of(2026, 11, 2), "PRIMARY_TO_SECONDARY", LocalDate.of(2027, 2, 15)));
        }

        // secondary to post-16 in September 2027: due Wednesday 31 March 2027
        @Test
        void a_move_from_secondary_to_post_16_is_due_31_March() {
            var held = (AnnualReviewMeetingHeld) meetFor(PhaseTransfer.SECONDARY_TO_POST_16, 2027, autumnMeeting).get(0);
            assertThat(held.phaseTransferDeadline()).isEqualTo(LocalDate.of(2027, 3, 31));
        }

        @Test
        void on_the_deadline_it_is_due_and_the_day_after_late() {
            meetFor(PhaseTransfer.PRIMARY_TO_SECONDARY, 2027, autumnMeeting);
            assertThat(ReviewView.of(review(), LocalDate.of(2027, 2, 15)).phaseTransferStatus()).isEqualTo("DUE");
            assertThat(ReviewView.of(review(), LocalDate.of(2027, 2, 16)).phaseTransferStatus()).isEqualTo("LATE");
        }

        // decision to amend Tuesday 20 October 2026 (family's 15 days to 4 November); amended plan naming
        // school 139021 on Friday 20 November 2026: done, before 15 February 2027
        @Test
        void an_amended_plan_naming_the_new_setting_by_the_deadline_is_done_and_after_it_late() {
            meetFor(PhaseTransfer.PRIMARY_TO_SECONDARY, 2027, autumnMeeting);
            record(ReviewDecider.decide(new DecideReview(REVIEW, LocalDate.of(2026, 10, 20), ReviewOutcome.AMEND),
                    review(), plan(autumnMeeting, REVIEW, null), ctx));
            var decided = (ReviewState.Decided) review();
            record(ReviewDecider.decide(new IssueAmendedPlan(REVIEW, LocalDate.of(2026, 11, 20), "139021", null),
                    review(), plan(autumnMeeting, REVIEW, null), ctx));
            assertThat(ReviewView.of(review(), LocalDate.of(2027, 3, 1)).phaseTransferStatus()).isEqualTo("DONE");

            var amendedLate = new ReviewState.Amended(decided, LocalDate.of(2027, 2, 16), "139021", null);
            assertThat(ReviewView.of(amendedLate, LocalDate.of(2027, 3, 1)).phaseTransferStatus()).isEqualTo("LATE");
            var namingNothing = new ReviewState.Amended(decided, LocalDate.of(2027, 2, 1), null, null);
            assertThat(ReviewView.of(namingNothing, LocalDate.of(2027, 2, 10)).phaseTransferStatus()).isEqualTo("DUE");
        }

        @Test
        void a_deadline_before_the_meeting_is_unprocessable_on_year_of_move() {
            assertRejected(() -> meetFor(PhaseTransfer.PRIMARY_TO_SECONDARY, 2026, autumnMeeting),
                    CommandRejected.Kind.UNPROCESSABLE, "yearOfMove", "is due 2026-02-15");
        }

        @Test
        void a_move_without_its_year_is_unprocessable_on_year_of_move() {
            assertRejected(() -> meetFor(PhaseTransfer.PRIMARY_TO_SECONDARY, null, autumnMeeting),
                    CommandRejected.Kind.UNPROCESSABLE, "yearOfMove", "needs both");
        }
    }

    @Nested
    class Cessation {

        @Test
        void ceases_the_plan_with_its_reason_code() {
            LocalDate ceased = LocalDate.of(2026, 10, 31);
            assertThat(ReviewDecider.decide(new CeasePlan(PLAN, ceased, CeaseReason.MOVED_TO_ANOTHER_LA),
                    PlanLife.MAINTAINED, IN_FORCE, ctx)).containsExactly(new PlanCeased(id(1), CASE, "839", ceased, NOW,
                    1, PLAN, CeaseReason.MOVED_TO_ANOTHER_LA));
        }

        @Test
        void twice_is_a_conflict() {
            var ceased = new PlanLife.Ceased(LocalDate.of(2026, 10, 31), CeaseReason.AGE_25);
            assertRejected(() -> ReviewDecider.decide(new CeasePlan(PLAN, TODAY, CeaseReason.OTHER), ceased, IN_FORCE,
                    ctx), CommandRejected.Kind.CONFLICT, null, "already ceased on 2026-10-31 (AGE_25)");
        }

        @Test
        void before_the_issue_or_without_a_reason_is_refused() {
            assertRejected(() -> ReviewDecider.decide(new CeasePlan(PLAN, ISSUED.minusDays(1), CeaseReason.OTHER),
                    PlanLife.MAINTAINED, IN_FORCE, ctx), CommandRejected.Kind.UNPROCESSABLE, "ceasedDate", "before");
            assertRejected(() -> ReviewDecider.decide(new CeasePlan(PLAN, TODAY, null), PlanLife.MAINTAINED, IN_FORCE,
                    ctx), CommandRejected.Kind.INVALID, "reason", "required");
        }
    }
}
