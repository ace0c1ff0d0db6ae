package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.contracts.plan.ConsultationAnswered;
import org.ehcptracker.contracts.plan.DraftPlanIssued;
import org.ehcptracker.contracts.plan.ParentResponseReceived;
import org.ehcptracker.contracts.plan.SettingConsulted;
import org.ehcptracker.contracts.plan.FinalPlanIssued;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.domain.DecisionContext;
import org.ehcptracker.statutory.StatutoryClock;

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
 *   <li>once that plan ceased, the case may have a new one: a new draft (a new planId), on or after the
 *       cessation, then its final plan; the earlier plans stay as they were;</li>
 *   <li>no issue date in the future: the service records what was issued;</li>
 *   <li>the family has 15 days to comment on the draft (Reg 13(1)): a final plan dated on or before
 *       the last of them is refused unless their response is recorded (they may answer early and agree);</li>
 *   <li>consultations (Code 9.83, 15 days) never block the final plan: the LA decides without an answer.</li>
 * </ul>
 */
public final class PlanDecider {

    /** Longest free text kept (comments, notes). */
    public static final int MAX_TEXT = 4000;

    private PlanDecider() {
    }

    /** A draft for a case whose plan (if it has had one) is not known to have ceased. */
    public static List<PlanEvent> decide(IssueDraftPlan command, PlanState plan, Optional<AssessmentCase> assessmentCase,
                                         DecisionContext ctx) {
        return decide(command, plan, assessmentCase, Optional.empty(), ctx);
    }

    /**
     * A draft: the case's first plan, or a new plan once the last one ceased.
     *
     * @param lastPlanCeased the day the case's last final plan ceased (plan-service's {@code plan_in_force}, kept
     *                       from the plan's own stream), empty while it is in force or when the case has none
     */
    public static List<PlanEvent> decide(IssueDraftPlan command, PlanState plan, Optional<AssessmentCase> assessmentCase,
                                         Optional<LocalDate> lastPlanCeased, DecisionContext ctx) {
        UUID caseId = command.caseId();
        requireThisCase(caseId, plan);
        LocalDate issued = requireDate(command.issuedDate());
        if (plan instanceof PlanState.DraftIssued d) {
            throw draftAlreadyIssued(caseId, d);
        }
        if (plan instanceof PlanState.FinalIssued f && lastPlanCeased.isEmpty()) {
            throw CommandRejected.conflict("a draft plan was already issued for case " + caseId + " on "
                    + f.draft().draftIssuedDate() + " and its final plan " + f.planId() + " (issued "
                    + f.finalIssuedDate() + ") is in force: a new plan can be drafted only after it ceases");
        }
        AssessmentCase known = requireAssessing(caseId, assessmentCase, "drafted");
        requireNotBeforeClockStart(caseId, issued, known);
        if (plan instanceof PlanState.FinalIssued f) {
            // the new plan follows the ceased one; a draft dated before the cessation would overlap it
            requireOnOrAfter(issued, "issuedDate", lastPlanCeased.get(), "plan " + f.planId() + " ceased");
        }
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
        LocalDate commentsEnd = StatutoryClock.parentCommentsDue(draft.draftIssuedDate());
        if (!issued.isAfter(commentsEnd) && draft.parentResponse() == null) {
            throw CommandRejected.unprocessable("issuedDate", "issuedDate " + issued + " is within the family's 15 days"
                    + " to comment on the draft (until " + commentsEnd + ", Reg 13(1)) and no response from them is"
                    + " recorded: record their response first, or issue the final plan after " + commentsEnd);
        }
        return List.of(new FinalPlanIssued(ctx.nextEventId(), caseId, known.localAuthorityCode(), issued, ctx.now(),
                FinalPlanIssued.SCHEMA_VERSION, draft.planId(), urn, type, known.clockStart()));
    }

    public static List<PlanEvent> decide(RecordParentResponse command, PlanState plan, Optional<AssessmentCase> assessmentCase,
                                         DecisionContext ctx) {
        UUID caseId = command.caseId();
        requireThisCase(caseId, plan);
        LocalDate received = requireDate(command.receivedDate(), "receivedDate");
        String comments = requireText(command.comments(), "comments");
        if (plan instanceof PlanState.FinalIssued f) {
            throw CommandRejected.conflict("the final plan for case " + caseId + " was already issued on "
                    + f.finalIssuedDate() + ": the family's response to the draft can no longer be recorded");
        }
        PlanState.DraftIssued draft = requireDraft(caseId, plan, "the family's response");
        if (draft.parentResponse() != null) {
            throw CommandRejected.conflict("the family's response to the draft of case " + caseId
                    + " was already recorded (received " + draft.parentResponse().receivedDate() + ")");
        }
        String urn = requireNullOrText(command.requestedSettingUrn(), "requestedSettingUrn",
                "leave it out when the family asks for no specific setting");
        String type = requireNullOrText(command.requestedSettingType(), "requestedSettingType",
                "leave it out when the family asks for no type of setting");
        if (urn != null && type != null) {
            throw CommandRejected.unprocessable("requestedSettingUrn", "give either requestedSettingUrn (a specific"
                    + " school or college) or requestedSettingType (a type of setting), not both");
        }
        requireOnOrAfter(received, "receivedDate", draft.draftIssuedDate(), "the draft plan was issued");
        requireNotInFuture(received, "receivedDate", ctx);
        return List.of(new ParentResponseReceived(ctx.nextEventId(), caseId, localAuthority(draft, assessmentCase), received,
                ctx.now(), ParentResponseReceived.SCHEMA_VERSION, draft.planId(), urn, type));
    }

    public static List<PlanEvent> decide(ConsultSetting command, PlanState plan, Optional<AssessmentCase> assessmentCase,
                                         DecisionContext ctx) {
        UUID caseId = command.caseId();
        requireThisCase(caseId, plan);
        LocalDate consulted = requireDate(command.consultedDate(), "consultedDate");
        String urn = requireNullOrText(command.settingUrn(), "settingUrn", "give the setting's URN or UKPRN");
        if (urn == null) {
            throw CommandRejected.invalid("settingUrn", "settingUrn is required: the URN or UKPRN of the setting consulted");
        }
        if (plan instanceof PlanState.FinalIssued f) {
            throw CommandRejected.conflict("the final plan for case " + caseId + " was already issued on "
                    + f.finalIssuedDate() + ": no more settings can be consulted about it");
        }
        PlanState.DraftIssued draft = requireDraft(caseId, plan, "a consultation");
        draft.consultation(urn).ifPresent(c -> {
            throw CommandRejected.conflict("setting " + urn + " was already consulted for case " + caseId + " on "
                    + c.consultedDate());
        });
        requireOnOrAfter(consulted, "consultedDate", draft.draftIssuedDate(), "the draft plan was issued");
        requireNotInFuture(consulted, "consultedDate", ctx);
        return List.of(new SettingConsulted(ctx.nextEventId(), caseId, localAuthority(draft, assessmentCase), consulted, ctx.now(),
                SettingConsulted.SCHEMA_VERSION, draft.planId(), urn, StatutoryClock.consultationResponseDue(consulted)));
    }

    public static List<PlanEvent> decide(RecordConsultationAnswer command, PlanState plan, Optional<AssessmentCase> assessmentCase,
                                         DecisionContext ctx) {
        UUID caseId = command.caseId();
        requireThisCase(caseId, plan);
        LocalDate answered = requireDate(command.answeredDate(), "answeredDate");
        if (command.canMeetNeeds() == null) {
            throw CommandRejected.invalid("canMeetNeeds", "canMeetNeeds is required: true or false");
        }
        PlanState.DraftIssued draft = plan instanceof PlanState.FinalIssued f ? f.draft()
                : requireDraft(caseId, plan, "a consultation's answer");
        PlanState.Consultation consultation = draft.consultation(command.settingUrn()).orElseThrow(() ->
                CommandRejected.notFound("setting " + command.settingUrn() + " was not consulted for case " + caseId));
        if (consultation.answered()) {
            throw CommandRejected.conflict("setting " + consultation.settingUrn() + " already answered on "
                    + consultation.answeredDate());
        }
        requireOnOrAfter(answered, "answeredDate", consultation.consultedDate(), "the setting was consulted");
        requireNotInFuture(answered, "answeredDate", ctx);
        return List.of(new ConsultationAnswered(ctx.nextEventId(), caseId, localAuthority(draft, assessmentCase), answered,
                ctx.now(), ConsultationAnswered.SCHEMA_VERSION, draft.planId(), consultation.settingUrn(),
                command.canMeetNeeds()));
    }

    /** The LA now responsible, as the case view knows it; the draft's LA when the view lost the case. */
    private static String localAuthority(PlanState.DraftIssued draft, Optional<AssessmentCase> assessmentCase) {
        return assessmentCase.map(AssessmentCase::localAuthorityCode).orElse(draft.localAuthorityCode());
    }

    private static PlanState.DraftIssued requireDraft(UUID caseId, PlanState plan, String what) {
        if (plan instanceof PlanState.DraftIssued d) {
            return d;
        }
        throw CommandRejected.unprocessable(null, what + " needs the draft plan first: no draft issued for case " + caseId);
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

    private static LocalDate requireDate(LocalDate date, String field) {
        if (date == null) {
            throw CommandRejected.invalid(field, field + " is required, as yyyy-mm-dd");
        }
        return date;
    }

    /** Free text kept in plan-service only: bounded, and no control characters (a NUL cannot be stored). */
    public static String requireText(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_TEXT) {
            throw CommandRejected.invalid(field, field + " is longer than " + MAX_TEXT + " characters");
        }
        if (text.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t')) {
            throw CommandRejected.invalid(field, field + " holds a control character (e.g. NUL); only text, tabs and"
                    + " line breaks");
        }
        return text.strip();
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
