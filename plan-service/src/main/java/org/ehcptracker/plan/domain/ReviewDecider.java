package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.contracts.plan.AmendedPlanIssued;
import org.ehcptracker.contracts.plan.AnnualReviewDecided;
import org.ehcptracker.contracts.plan.AnnualReviewMeetingHeld;
import org.ehcptracker.contracts.plan.PlanCeased;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.ehcptracker.contracts.plan.ReviewOutcome;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.domain.DecisionContext;
import org.ehcptracker.statutory.StatutoryClock;

/**
 * Decides the commands of a plan's life after its issue: review meetings, review decisions, amended plans (each
 * review its own stream, {@link ReviewState}) and cessation (the plan's stream, {@link PlanLife}), against the
 * plan as {@code plan_in_force} keeps it ({@link PlanInForce}, read and locked in the same transaction).
 *
 * <p>Rules (Children and Families Act 2014 s.44, Reg 20-22, DOMAIN.md):
 * <ul>
 *   <li>a review meeting only for a plan in force (not ceased), on or after its issue, after the last meeting,
 *       and only once the previous review is finished (decided KEEP or CEASE, or amended);</li>
 *   <li>the decision (keep, amend, cease) on or after the meeting; due within 4 weeks, a later one is recorded
 *       and shown late;</li>
 *   <li>an amended plan only after a decision to amend, after the family's 15 days on the proposed amendments
 *       (decision + 15 days); due 8 weeks after the decision and never later than 12 weeks after the meeting, a
 *       later one is recorded and shown late;</li>
 *   <li>ceasing a plan with a reason code, on or after its issue, once;</li>
 *   <li>no date in the future.</li>
 * </ul>
 */
public final class ReviewDecider {

    private ReviewDecider() {
    }

    public static List<PlanEvent> decide(HoldReviewMeeting c, ReviewState review, Optional<PlanInForce> plan,
                                         DecisionContext ctx) {
        LocalDate meeting = requireDate(c.meetingDate(), "meetingDate");
        if (review instanceof ReviewState.Held h) {
            throw CommandRejected.conflict("review " + c.reviewId() + " was already held on " + h.meetingDate());
        }
        if (!(review instanceof ReviewState.NoReview)) {
            throw CommandRejected.conflict("review " + c.reviewId() + " was already held");
        }
        PlanInForce p = requireMaintained(c.planId(), plan, "no review meeting can be held for a ceased plan");
        if (p.openReviewId() != null) {
            throw CommandRejected.conflict("review " + p.openReviewId() + " of plan " + p.planId() + " is still open:"
                    + " decide it (and issue the amended plan after a decision to amend) before the next meeting");
        }
        requireOnOrAfter(meeting, "meetingDate", p.issuedDate(), "the plan was issued");
        if (p.lastReviewMeeting() != null && !meeting.isAfter(p.lastReviewMeeting())) {
            throw CommandRejected.unprocessable("meetingDate", "meetingDate " + meeting + " is not after the last"
                    + " review meeting of plan " + p.planId() + " (" + p.lastReviewMeeting() + ")");
        }
        requireNotInFuture(meeting, "meetingDate", ctx);
        if ((c.phaseTransfer() == null) != (c.yearOfMove() == null)) {
            throw CommandRejected.unprocessable(c.phaseTransfer() == null ? "phaseTransfer" : "yearOfMove",
                    "a phase transfer needs both phaseTransfer (the move) and yearOfMove (its calendar year)");
        }
        LocalDate transferDeadline = c.phaseTransfer() == null ? null
                : StatutoryClock.phaseTransferDeadline(c.yearOfMove(), c.phaseTransfer());
        if (transferDeadline != null && (transferDeadline.isBefore(meeting)
                || transferDeadline.isAfter(meeting.plusMonths(18)))) {
            throw CommandRejected.unprocessable("yearOfMove", "the amended plan for a move in " + c.yearOfMove()
                    + " is due " + transferDeadline + ": the review meeting of " + meeting + " must come before it, and"
                    + " within 18 months of it");
        }
        return List.of(new AnnualReviewMeetingHeld(ctx.nextEventId(), p.caseId(), p.localAuthorityCode(), meeting,
                ctx.now(), AnnualReviewMeetingHeld.SCHEMA_VERSION, p.planId(), c.reviewId(),
                StatutoryClock.reviewDecisionDue(meeting), c.phaseTransfer() == null ? null : c.phaseTransfer().name(),
                transferDeadline));
    }

    public static List<PlanEvent> decide(DecideReview c, ReviewState review, Optional<PlanInForce> plan,
                                         DecisionContext ctx) {
        LocalDate decided = requireDate(c.decidedDate(), "decidedDate");
        if (c.outcome() == null) {
            throw CommandRejected.invalid("outcome", "outcome is required: KEEP, AMEND or CEASE");
        }
        ReviewState.Held held = requireHeld(c.reviewId(), review);
        if (review instanceof ReviewState.Decided d) {
            throw alreadyDecided(c.reviewId(), d);
        }
        if (review instanceof ReviewState.Amended a) {
            throw alreadyDecided(c.reviewId(), a.decided());
        }
        PlanInForce p = requireMaintained(held.planId(), plan, "its review can no longer be decided");
        if (decided.isBefore(held.meetingDate())) {
            throw CommandRejected.unprocessable("decidedDate", "decidedDate " + decided
                    + " is before the review meeting (" + held.meetingDate() + "): the LA decides after the meeting");
        }
        requireNotInFuture(decided, "decidedDate", ctx);
        LocalDate amendedPlanDue = c.outcome() == ReviewOutcome.AMEND
                ? StatutoryClock.amendedPlanDue(decided, held.meetingDate()) : null;
        return List.of(new AnnualReviewDecided(ctx.nextEventId(), p.caseId(), p.localAuthorityCode(), decided,
                ctx.now(), AnnualReviewDecided.SCHEMA_VERSION, p.planId(), c.reviewId(), c.outcome(),
                held.meetingDate(), amendedPlanDue));
    }

    public static List<PlanEvent> decide(IssueAmendedPlan c, ReviewState review, Optional<PlanInForce> plan,
                                         DecisionContext ctx) {
        LocalDate issued = requireDate(c.issuedDate(), "issuedDate");
        ReviewState.Held held = requireHeld(c.reviewId(), review);
        if (review instanceof ReviewState.Amended a) {
            throw CommandRejected.conflict("the amended plan of review " + c.reviewId() + " was already issued on "
                    + a.amendedIssuedDate());
        }
        if (!(review instanceof ReviewState.Decided d)) {
            throw CommandRejected.unprocessable("reviewId", "review " + c.reviewId() + " has no decision yet: an"
                    + " amended plan needs the LA's decision to amend first");
        }
        if (d.outcome() != ReviewOutcome.AMEND) {
            throw CommandRejected.unprocessable("reviewId", "review " + c.reviewId() + " was decided " + d.outcome()
                    + " on " + d.decidedDate() + ": an amended plan needs a decision to amend");
        }
        PlanInForce p = requireMaintained(held.planId(), plan, "it can no longer be amended");
        String urn = blankIsInvalid(c.namedSettingUrn(), "namedSettingUrn");
        String type = blankIsInvalid(c.settingType(), "settingType");
        if (urn != null && type != null) {
            throw CommandRejected.unprocessable("namedSettingUrn", "give either namedSettingUrn or settingType, not"
                    + " both (or neither when the setting does not change)");
        }
        LocalDate commentsEnd = amendmentCommentsEnd(d.decidedDate());
        if (!issued.isAfter(commentsEnd)) {
            throw CommandRejected.unprocessable("issuedDate", "issuedDate " + issued + " is within the family's 15 days"
                    + " to comment on the proposed amendments (until " + commentsEnd + ")");
        }
        requireNotInFuture(issued, "issuedDate", ctx);
        return List.of(new AmendedPlanIssued(ctx.nextEventId(), p.caseId(), p.localAuthorityCode(), issued, ctx.now(),
                AmendedPlanIssued.SCHEMA_VERSION, p.planId(), c.reviewId(), urn, type));
    }

    public static List<PlanEvent> decide(CeasePlan c, PlanLife life, Optional<PlanInForce> plan, DecisionContext ctx) {
        LocalDate ceased = requireDate(c.ceasedDate(), "ceasedDate");
        if (c.reason() == null) {
            throw CommandRejected.invalid("reason", "reason is required, a code such as NO_LONGER_NECESSARY");
        }
        PlanInForce p = plan.orElseThrow(() -> noPlan(c.planId()));
        if (life instanceof PlanLife.Ceased done) {
            throw CommandRejected.conflict("plan " + c.planId() + " already ceased on " + done.ceasedDate() + " ("
                    + done.reason() + ")");
        }
        requireOnOrAfter(ceased, "ceasedDate", p.issuedDate(), "the plan was issued");
        requireNotInFuture(ceased, "ceasedDate", ctx);
        return List.of(new PlanCeased(ctx.nextEventId(), p.caseId(), p.localAuthorityCode(), ceased, ctx.now(),
                PlanCeased.SCHEMA_VERSION, p.planId(), c.reason()));
    }

    /** The last of the family's 15 days to comment on amendments proposed on {@code proposed}. */
    public static LocalDate amendmentCommentsEnd(LocalDate proposed) {
        return StatutoryClock.parentCommentsDue(proposed);
    }

    private static CommandRejected alreadyDecided(UUID reviewId, ReviewState.Decided d) {
        return CommandRejected.conflict("review " + reviewId + " was already decided on " + d.decidedDate() + " ("
                + d.outcome() + ")");
    }

    private static ReviewState.Held requireHeld(UUID reviewId, ReviewState review) {
        if (review instanceof ReviewState.Held h) {
            return h;
        }
        if (review instanceof ReviewState.Decided d) {
            return d.held();
        }
        if (review instanceof ReviewState.Amended a) {
            return a.decided().held();
        }
        throw CommandRejected.notFound("no annual review " + reviewId + ": no meeting was recorded for it");
    }

    private static PlanInForce requireMaintained(UUID planId, Optional<PlanInForce> plan, String consequence) {
        PlanInForce p = plan.orElseThrow(() -> noPlan(planId));
        if (p.ceased()) {
            throw CommandRejected.unprocessable("planId", "plan " + planId + " ceased on " + p.ceasedDate() + ": "
                    + consequence);
        }
        return p;
    }

    private static CommandRejected noPlan(UUID planId) {
        return CommandRejected.notFound("no plan in force " + planId + ": no final plan was issued with that id");
    }

    private static LocalDate requireDate(LocalDate date, String field) {
        if (date == null) {
            throw CommandRejected.invalid(field, field + " is required, as yyyy-mm-dd");
        }
        return date;
    }

    private static void requireOnOrAfter(LocalDate date, String field, LocalDate earliest, String what) {
        if (date.isBefore(earliest)) {
            throw CommandRejected.unprocessable(field, field + " " + date + " is before " + what + " (" + earliest + ")");
        }
    }

    private static void requireNotInFuture(LocalDate date, String field, DecisionContext ctx) {
        if (date.isAfter(ctx.today())) {
            throw CommandRejected.unprocessable(field, field + " " + date + " is in the future (today is " + ctx.today()
                    + ")");
        }
    }

    private static String blankIsInvalid(String value, String field) {
        if (value != null && value.isBlank()) {
            throw CommandRejected.unprocessable(field, field + " must not be blank; leave it out instead");
        }
        return value == null ? null : value.trim();
    }
}
