package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.contracts.plan.DraftPlanIssued;
import org.ehcptracker.contracts.plan.FinalPlanIssued;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.ehcptracker.kit.domain.CommandRejected;

/**
 * The EHC plan of one case: at most one plan per case, so the event stream id is the caseId. The
 * planId is generated when the draft is issued and carried in every later event.
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
public final class EhcPlan {

    private static final int SCHEMA_VERSION = 1;

    private final UUID caseId;
    private UUID planId;
    private DraftPlanIssued draft;
    private FinalPlanIssued finalPlan;

    private EhcPlan(UUID caseId) {
        this.caseId = Objects.requireNonNull(caseId, "caseId");
    }

    /** Rebuilds the plan of {@code caseId} from its stream (empty for a case with no plan yet). */
    public static EhcPlan from(UUID caseId, List<? extends PlanEvent> history) {
        EhcPlan plan = new EhcPlan(caseId);
        history.forEach(plan::apply);
        return plan;
    }

    private void apply(PlanEvent event) {
        if (!caseId.equals(event.caseId())) {
            throw new IllegalArgumentException("event " + event.eventId() + " is for case " + event.caseId()
                    + ", not " + caseId);
        }
        if (event instanceof DraftPlanIssued d) {
            planId = d.planId();
            draft = d;
        } else if (event instanceof FinalPlanIssued f) {
            planId = f.planId();
            finalPlan = f;
        }
        // later steps (consultations, reviews...) do not change what these commands decide
    }

    /** Decides on {@link IssueDraftPlan}; {@code assessmentCase} is the local view's row, if any. */
    public List<PlanEvent> decide(IssueDraftPlan command, Optional<AssessmentCase> assessmentCase, EventStamp stamp) {
        requireThisCase(command.caseId());
        LocalDate issued = requireDate(command.issuedDate());
        if (draft != null) {
            throw CommandRejected.conflict("a draft plan was already issued for case " + caseId + " on "
                    + draft.businessDate() + " (plan " + planId + ")");
        }
        AssessmentCase known = requireAssessing(assessmentCase, "drafted");
        requireNotBeforeClockStart(issued, known);
        requireNotInFuture(issued, stamp);
        return List.of(new DraftPlanIssued(stamp.newId(), caseId, known.localAuthorityCode(), issued, stamp.now(),
                SCHEMA_VERSION, stamp.newId()));
    }

    /** Decides on {@link IssueFinalPlan}; {@code assessmentCase} is the local view's row, if any. */
    public List<PlanEvent> decide(IssueFinalPlan command, Optional<AssessmentCase> assessmentCase, EventStamp stamp) {
        requireThisCase(command.caseId());
        LocalDate issued = requireDate(command.issuedDate());
        if (finalPlan != null) {
            throw CommandRejected.conflict("the final plan for case " + caseId + " was already issued on "
                    + finalPlan.businessDate() + " (plan " + planId + ")");
        }
        AssessmentCase known = requireAssessing(assessmentCase, "issued");
        if (draft == null) {
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
        if (issued.isBefore(draft.businessDate())) {
            throw CommandRejected.unprocessable("issuedDate", "issuedDate " + issued
                    + " is before the draft plan was issued (" + draft.businessDate() + ")");
        }
        requireNotBeforeClockStart(issued, known);
        requireNotInFuture(issued, stamp);
        return List.of(new FinalPlanIssued(stamp.newId(), caseId, known.localAuthorityCode(), issued, stamp.now(),
                SCHEMA_VERSION, planId, urn, type, known.clockStart()));
    }

    private void requireThisCase(UUID commandCaseId) {
        if (!caseId.equals(commandCaseId)) {
            throw new IllegalArgumentException("command for case " + commandCaseId + " sent to the plan of " + caseId);
        }
    }

    private static LocalDate requireDate(LocalDate issuedDate) {
        if (issuedDate == null) {
            throw CommandRejected.invalid("issuedDate", "issuedDate is required, as yyyy-mm-dd");
        }
        return issuedDate;
    }

    private AssessmentCase requireAssessing(Optional<AssessmentCase> assessmentCase, String verb) {
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

    private void requireNotBeforeClockStart(LocalDate issued, AssessmentCase known) {
        if (issued.isBefore(known.clockStart())) {
            throw CommandRejected.unprocessable("issuedDate", "issuedDate " + issued + " is before the clock start "
                    + known.clockStart() + " of case " + caseId
                    + " (the date the request was received, or responsibility transferred in)");
        }
    }

    private static void requireNotInFuture(LocalDate issued, EventStamp stamp) {
        LocalDate today = stamp.today();
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

    public UUID caseId() {
        return caseId;
    }

    /** False until a draft has been issued. */
    public boolean exists() {
        return draft != null;
    }

    public Optional<UUID> planId() {
        return Optional.ofNullable(planId);
    }

    public Optional<DraftPlanIssued> draft() {
        return Optional.ofNullable(draft);
    }

    public Optional<FinalPlanIssued> finalPlan() {
        return Optional.ofNullable(finalPlan);
    }
}
