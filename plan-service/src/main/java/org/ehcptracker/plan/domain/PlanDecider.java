package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.contracts.plan.DraftPlanIssued;
import org.ehcptracker.contracts.plan.FinalPlanIssued;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.domain.DecisionContext;

/**
 * Decides the plan's commands against its {@link PlanState} and the case as plan-service's local view
 * knows it ({@code assessmentCase}: empty when the view has not seen the case). Checks run in a fixed
 * order, so a rejection names the first thing to fix.
 *
 * <p>Rules (SEND Regulations 2014, Reg 13):
 * <ul>
 *   <li>a plan is drafted only for a case the LA decided to assess (not refused, withdrawn,
 *       still awaiting the decision, or concluded with a decision not to issue a plan), on or after
 *       the clock start;</li>
 *   <li>one draft, then one final plan, issued on or after the draft; the final plan names a
 *       specific setting (URN/UKPRN) or a type of setting, exactly one of the two;</li>
 *   <li>no issue date in the future: the service records what was issued;</li>
 *   <li>the parent's 15 days to comment on the draft (Reg 13(1)) are reported, not enforced: an LA
 *       may issue the final plan earlier when the family agrees.</li>
 * </ul>
 */
public final class PlanDecider {

    private PlanDecider() {
    }

    public static List<PlanEvent> decide(IssueDraftPlan command, PlanState plan, Optional<AssessmentCase> assessmentCase,
                                         DecisionContext ctx) {
        UUID caseId = command.caseId();
        requireThisCase(caseId, plan);
        LocalDate issued = requireDate(command.issuedDate());
        if (plan instanceof PlanState.DraftIssued d) {
            throw draftAlreadyIssued(caseId, d);
        }
        if (plan instanceof PlanState.FinalIssued f) {
            throw draftAlreadyIssued(caseId, f.draft());
        }
        AssessmentCase known = requireAssessing(caseId, assessmentCase, "drafted");
        requireNotBeforeClockStart(caseId, issued, known);
        requireNotInFuture(issued, ctx);
        return List.of(new DraftPlanIssued(ctx.nextEventId(), caseId, known.localAuthorityCode(), issued, ctx.now(),
                DraftPlanIssued.SCHEMA_VERSION, ctx.nextEventId()));
    }

    public static List<PlanEvent> decide(IssueFinalPlan command, PlanState plan, Optional<AssessmentCase> assessmentCase,
                                         DecisionContext ctx) {
        UUID caseId = command.caseId();
        requireThisCase(caseId, plan);
        LocalDate issued = requireDate(command.issuedDate());
        if (plan instanceof PlanState.FinalIssued f) {
            throw CommandRejected.conflict("the final plan for case " + caseId + " was already issued on "
                    + f.finalIssuedDate() + " (plan " + f.planId() + ")");
        }
        AssessmentCase known = requireAssessing(caseId, assessmentCase, "issued");
        if (!(plan instanceof PlanState.DraftIssued draft)) {
            throw CommandRejected.unprocessable(null,
                    "a final plan needs a draft plan first: no draft issued for case " + caseId);
        }
        String urn = requireNullOrText(command.namedSettingUrn(), "namedSettingUrn",
                "leave it out to name a type of setting instead");
        String type = requireNullOrText(command.settingType(), "settingType",
                "leave it out to name a specific setting instead");
        if (urn != null && type != null) {
            throw CommandRejected.unprocessable("namedSettingUrn", "give either namedSettingUrn (a specific school or"
                    + " college) or settingType (a type of setting), not both: a final plan names one or the other");
        }
        if (urn == null && type == null) {
            throw CommandRejected.unprocessable("namedSettingUrn", "a final plan must name a setting: give"
                    + " namedSettingUrn (the URN/UKPRN of a specific school or college) or settingType (a type of setting)");
        }
        if (issued.isBefore(draft.draftIssuedDate())) {
            throw CommandRejected.unprocessable("issuedDate", "issuedDate " + issued
                    + " is before the draft plan was issued (" + draft.draftIssuedDate() + ")");
        }
        requireNotBeforeClockStart(caseId, issued, known);
        requireNotInFuture(issued, ctx);
        return List.of(new FinalPlanIssued(ctx.nextEventId(), caseId, known.localAuthorityCode(), issued, ctx.now(),
                FinalPlanIssued.SCHEMA_VERSION, draft.planId(), urn, type, known.clockStart()));
    }

    /** The stream id is the caseId: a command naming another case is a bug in the caller, not a user error. */
    private static void requireThisCase(UUID commandCaseId, PlanState plan) {
        UUID planCaseId = plan instanceof PlanState.DraftIssued d ? d.caseId()
                : plan instanceof PlanState.FinalIssued f ? f.caseId() : commandCaseId;
        if (!planCaseId.equals(commandCaseId)) {
            throw new IllegalArgumentException("command for case " + commandCaseId + " sent to the plan of " + planCaseId);
        }
    }

    private static CommandRejected draftAlreadyIssued(UUID caseId, PlanState.DraftIssued draft) {
        return CommandRejected.conflict("a draft plan was already issued for case " + caseId + " on "
                + draft.draftIssuedDate() + " (plan " + draft.planId() + ")");
    }

    private static LocalDate requireDate(LocalDate issuedDate) {
        if (issuedDate == null) {
            throw CommandRejected.invalid("issuedDate", "issuedDate is required, as yyyy-mm-dd");
        }
        return issuedDate;
    }

    private static AssessmentCase requireAssessing(UUID caseId, Optional<AssessmentCase> assessmentCase, String verb) {
        AssessmentCase known = assessmentCase.orElseThrow(() -> CommandRejected.unprocessable(null,
                "plan-service has not seen case " + caseId + " accepted for assessment"));
        return switch (known.status()) {
            case ASSESSING -> known;
            case REQUESTED -> throw CommandRejected.unprocessable(null, "the LA has not decided yet whether to"
                    + " assess case " + caseId + "; a plan can be " + verb + " only after a decision to assess");
            case REFUSED -> throw CommandRejected.unprocessable(null,
                    "the LA refused to assess case " + caseId + "; no plan can be " + verb);
            case WITHDRAWN -> throw CommandRejected.unprocessable(null,
                    "the request for case " + caseId + " was withdrawn; no plan can be " + verb);
            case CONCLUDED_NO_PLAN -> throw CommandRejected.unprocessable(null,
                    "the LA decided not to issue a plan for case " + caseId + " after its assessment; no plan can be "
                            + verb);
        };
    }

    private static void requireNotBeforeClockStart(UUID caseId, LocalDate issued, AssessmentCase known) {
        if (issued.isBefore(known.clockStart())) {
            throw CommandRejected.unprocessable("issuedDate", "issuedDate " + issued + " is before the clock start "
                    + known.clockStart() + " of case " + caseId
                    + " (the date the request was received, or responsibility transferred in)");
        }
    }

    private static void requireNotInFuture(LocalDate issued, DecisionContext ctx) {
        LocalDate today = ctx.today();
        if (issued.isAfter(today)) {
            throw CommandRejected.unprocessable("issuedDate", "issuedDate " + issued
                    + " is in the future (today is " + today + "): record a plan once it has been issued");
        }
    }

    private static String requireNullOrText(String value, String field, String hint) {
        if (value != null && value.isBlank()) {
            throw CommandRejected.unprocessable(field, field + " must not be blank; " + hint);
        }
        return value == null ? null : value.trim();
    }
}
