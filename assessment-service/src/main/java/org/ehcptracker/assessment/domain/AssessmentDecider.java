package org.ehcptracker.assessment.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.ehcptracker.contracts.assessment.AssessmentConcluded;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.DisputeResolved;
import org.ehcptracker.contracts.assessment.ExceptionCorrected;
import org.ehcptracker.contracts.assessment.ExceptionReason;
import org.ehcptracker.contracts.assessment.ExceptionRecorded;
import org.ehcptracker.contracts.assessment.ExceptionWithdrawn;
import org.ehcptracker.contracts.assessment.MediationOrTribunalRecorded;
import org.ehcptracker.contracts.assessment.PersonalDetailsErased;
import org.ehcptracker.contracts.assessment.RefusalReason;
import org.ehcptracker.contracts.assessment.RequestWithdrawn;
import org.ehcptracker.contracts.assessment.ResponsibilityTransferredIn;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.domain.DecisionContext;

/**
 * The rules of an assessment case: each {@code decide} checks one command against the case as its events
 * left it ({@link CaseState}) and returns the events to append, or throws {@link CommandRejected}. Pure:
 * today, now and the event ids come from the {@link DecisionContext}, so the same history, command and
 * context always give the same events.
 */
public final class AssessmentDecider {

    private static final Pattern LA_CODE = Pattern.compile("\\d{3}");
    /** Letters, digits, '-' and '_'; no spaces, so a full name cannot be typed in by mistake. */
    private static final Pattern CHILD_REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private AssessmentDecider() {
    }

    /** A new request: {@link AssessmentRequested}. CONFLICT when the case already exists (a duplicate submission). */
    public static List<AssessmentEvent> decide(RecordAssessmentRequest command, CaseState state, DecisionContext ctx) {
        requireContext(command, state, ctx);
        if (state.exists()) {
            throw CommandRejected.conflict("case " + command.caseId() + " already exists: the request was recorded"
                    + " before (received " + state.receivedDate() + "); a repeated submission is not recorded twice");
        }
        require(command.caseId(), "caseId", "the case id is missing");
        if (command.localAuthorityCode() == null || !LA_CODE.matcher(command.localAuthorityCode()).matches()) {
            throw CommandRejected.invalid("localAuthorityCode",
                    "localAuthorityCode must be the DfE three-digit local authority code, e.g. 839");
        }
        require(command.receivedDate(), "receivedDate", "receivedDate (the day the LA received the request) is missing");
        if (command.receivedDate().isAfter(ctx.today())) {
            throw CommandRejected.unprocessable("receivedDate", "receivedDate " + command.receivedDate()
                    + " is in the future (today is " + ctx.today() + "): a request can only be recorded once it has arrived");
        }
        LocalDate born = command.child().dateOfBirth();
        if (born != null && born.isAfter(command.receivedDate())) {
            throw CommandRejected.unprocessable("childDateOfBirth", "childDateOfBirth is after receivedDate "
                    + command.receivedDate() + ": a request cannot be made for a child not yet born");
        }
        require(command.requestedBy(), "requestedBy", "requestedBy (who made the request) is missing");
        if (command.childRef() == null || !CHILD_REF.matcher(command.childRef()).matches()) {
            throw CommandRejected.invalid("childRef", "childRef must be the child's pseudonymous reference"
                    + " (1-64 letters, digits, '-' or '_', no spaces), never a name");
        }
        TransferIn transfer = command.transferredIn();
        if (transfer != null) {
            requireLaCode(transfer.fromLocalAuthorityCode(), "transferredIn.fromLocalAuthorityCode");
            require(transfer.transferDate(), "transferredIn.transferDate",
                    "transferredIn.transferDate (the day this LA became responsible) is missing");
            requireOtherLa(transfer.fromLocalAuthorityCode(), command.localAuthorityCode(), "transferredIn.fromLocalAuthorityCode");
            requireBetween(transfer.transferDate(), command.receivedDate(), "the request was received", ctx,
                    "transferredIn.transferDate");
        }
        AssessmentRequested requested = new AssessmentRequested(ctx.nextEventId(), command.caseId(),
                command.localAuthorityCode(), command.receivedDate(), ctx.now(), AssessmentRequested.SCHEMA_VERSION,
                command.childRef(), command.requestedBy(), command.kind(), command.yearGroup());
        if (transfer == null) {
            return List.of(requested);
        }
        return List.of(requested, new ResponsibilityTransferredIn(ctx.nextEventId(), command.caseId(),
                command.localAuthorityCode(), transfer.transferDate(), ctx.now(), ResponsibilityTransferredIn.SCHEMA_VERSION,
                transfer.fromLocalAuthorityCode()));
    }

    /**
     * The decision whether to assess: {@link AssessmentDecided}. NOT_FOUND for an unknown case,
     * UNPROCESSABLE once withdrawn, CONFLICT once decided, except that a refusal can be followed by a decision
     * to assess (a refusal overturned after mediation, tribunal or review), dated on or after the refusal: the
     * history keeps both, and the later one holds from its date.
     */
    public static List<AssessmentEvent> decide(DecideWhetherToAssess command, CaseState state, DecisionContext ctx) {
        requireContext(command, state, ctx);
        requireExists(command.caseId(), state);
        if (state.status() == CaseStatus.WITHDRAWN) {
            throw CommandRejected.unprocessable(null, "the request was withdrawn on " + state.withdrawnDate()
                    + ": there is nothing left to decide");
        }
        boolean overturning = state.decision() == AssessmentDecision.REFUSE
                && command.decision() == AssessmentDecision.ASSESS && command.overturnsRefusal();
        if (state.decision() != null && !overturning) {
            throw CommandRejected.conflict("the decision whether to assess was already made on " + state.decisionDate()
                    + " (" + state.decision() + "); it cannot be made twice"
                    + (state.decision() == AssessmentDecision.REFUSE
                            ? " (a refusal overturned after mediation, tribunal or review is recorded as ASSESS with overturnsRefusal=true)"
                            : ""));
        }
        if (command.overturnsRefusal() && !overturning) {
            throw CommandRejected.unprocessable("overturnsRefusal", "overturnsRefusal is only for a decision to assess"
                    + " that replaces a refusal, and case " + state.caseId() + " has " + (state.decision() == null
                    ? "no decision yet" : "no refusal to overturn"));
        }
        require(command.decision(), "decision", "decision is missing: ASSESS or REFUSE");
        require(command.decisionDate(), "decisionDate", "decisionDate is missing");
        if (overturning && command.decisionDate().isBefore(state.decisionDate())) {
            throw CommandRejected.unprocessable("decisionDate", "decisionDate " + command.decisionDate()
                    + " is before the refusal it overturns (" + state.decisionDate() + ")");
        }
        if (command.decisionDate().isBefore(state.receivedDate())) {
            throw CommandRejected.unprocessable("decisionDate", "decisionDate " + command.decisionDate()
                    + " is before the request was received (" + state.receivedDate() + ")");
        }
        if (command.decisionDate().isAfter(ctx.today())) {
            throw CommandRejected.unprocessable("decisionDate", "decisionDate " + command.decisionDate()
                    + " is in the future (today is " + ctx.today() + "): record a decision once it is made");
        }
        RefusalReason reason = command.refusalReason();
        if (command.decision() == AssessmentDecision.REFUSE && reason == null) {
            throw CommandRejected.unprocessable("refusalReason", "a refusal needs a refusalReason, one of "
                    + Arrays.toString(RefusalReason.values()) + ": the family has appeal rights");
        }
        if (command.decision() == AssessmentDecision.ASSESS && reason != null) {
            throw CommandRejected.unprocessable("refusalReason", "refusalReason is only given when the decision is REFUSE");
        }
        String note = requireNote(command.refusalNote(), "refusalNote"); // kept in case_note by the caller, never in the event
        if (command.decision() == AssessmentDecision.ASSESS && note != null) {
            throw CommandRejected.unprocessable("refusalNote", "refusalNote is only given when the decision is REFUSE");
        }
        return List.of(new AssessmentDecided(ctx.nextEventId(), state.caseId(), state.localAuthorityCode(),
                command.decisionDate(), ctx.now(), AssessmentDecided.SCHEMA_VERSION, command.decision(), reason));
    }

    /**
     * The requester withdrew: {@link RequestWithdrawn}. NOT_FOUND for an unknown case, CONFLICT when already
     * withdrawn, UNPROCESSABLE after a refusal or a conclusion NO_PLAN (there is no open request left to withdraw).
     * After a conclusion ISSUE_PLAN the family can still withdraw (no final plan is issued then), on or after
     * the conclusion date.
     */
    public static List<AssessmentEvent> decide(WithdrawRequest command, CaseState state, DecisionContext ctx) {
        return decide(command, state, Optional.empty(), ctx);
    }

    /**
     * As above, knowing plan-service's final plan ({@code finalPlan}, the local view): once it was issued the request
     * can no longer be withdrawn, and a withdrawal dated after the issue date is UNPROCESSABLE (field withdrawnDate).
     */
    public static List<AssessmentEvent> decide(WithdrawRequest command, CaseState state,
                                               Optional<IssuedFinalPlan> finalPlan, DecisionContext ctx) {
        requireContext(command, state, ctx);
        requireExists(command.caseId(), state);
        if (state.status() == CaseStatus.WITHDRAWN) {
            throw CommandRejected.conflict("the request was already withdrawn on " + state.withdrawnDate());
        }
        if (state.status() == CaseStatus.REFUSED) {
            throw CommandRejected.unprocessable(null, "the LA refused to assess on " + state.decisionDate()
                    + ": a refused request cannot be withdrawn");
        }
        if (state.outcome() == AssessmentOutcome.NO_PLAN) {
            throw CommandRejected.unprocessable(null, "the assessment was concluded on " + state.conclusionDate() + " ("
                    + state.outcome() + "): there is no open request left to withdraw");
        }
        require(command.withdrawnDate(), "withdrawnDate", "withdrawnDate is missing");
        LocalDate decided = state.decisionDate();
        LocalDate notBefore = state.conclusionDate() != null ? state.conclusionDate()
                : decided != null ? decided : state.receivedDate();
        if (command.withdrawnDate().isBefore(notBefore)) {
            throw CommandRejected.unprocessable("withdrawnDate", "withdrawnDate " + command.withdrawnDate()
                    + " is before " + (state.conclusionDate() != null ? "the conclusion of the assessment ("
                    : decided != null ? "the decision to assess (" : "the request was received (")
                    + notBefore + ")");
        }
        if (command.withdrawnDate().isAfter(ctx.today())) {
            throw CommandRejected.unprocessable("withdrawnDate", "withdrawnDate " + command.withdrawnDate()
                    + " is in the future (today is " + ctx.today() + ")");
        }
        if (finalPlan.isPresent() && command.withdrawnDate().isAfter(finalPlan.get().issuedDate())) {
            throw CommandRejected.unprocessable("withdrawnDate", "withdrawnDate " + command.withdrawnDate() + " is after "
                    + finalPlan.get().issuedDate() + ", when the final plan was issued: the assessment was over, so"
                    + " the request can no longer be withdrawn");
        }
        return List.of(new RequestWithdrawn(ctx.nextEventId(), state.caseId(), state.localAuthorityCode(),
                command.withdrawnDate(), ctx.now(), RequestWithdrawn.SCHEMA_VERSION));
    }

    /**
     * The assessment finished: {@link AssessmentConcluded}. NOT_FOUND for an unknown case, CONFLICT once concluded,
     * UNPROCESSABLE unless the LA decided to assess and the request is still open (not yet decided, refused,
     * withdrawn). The date is not before the decision to assess and not in the future.
     */
    public static List<AssessmentEvent> decide(ConcludeAssessment command, CaseState state, DecisionContext ctx) {
        requireContext(command, state, ctx);
        requireExists(command.caseId(), state);
        UUID caseId = state.caseId();
        if (state.outcome() != null) {
            throw CommandRejected.conflict("the assessment was already concluded on " + state.conclusionDate() + " ("
                    + state.outcome() + "); it cannot be concluded twice");
        }
        switch (state.status()) {
            case ASSESSING -> { }
            case REQUESTED -> throw CommandRejected.unprocessable(null, "the LA has not yet decided whether to assess"
                    + " case " + caseId + ": only an assessment that is under way can be concluded");
            case REFUSED -> throw CommandRejected.unprocessable(null, "the LA refused to assess case " + caseId + " on "
                    + state.decisionDate() + ": there is no assessment to conclude");
            case WITHDRAWN -> throw CommandRejected.unprocessable(null, "the request for case " + caseId
                    + " was withdrawn on " + state.withdrawnDate() + ": there is no assessment to conclude");
            default -> throw new IllegalStateException("case " + caseId + " is " + state.status() + " without an outcome");
        }
        require(command.outcome(), "outcome", "outcome is missing: ISSUE_PLAN or NO_PLAN");
        require(command.conclusionDate(), "conclusionDate", "conclusionDate is missing");
        if (command.conclusionDate().isBefore(state.decisionDate())) {
            throw CommandRejected.unprocessable("conclusionDate", "conclusionDate " + command.conclusionDate()
                    + " is before the decision to assess (" + state.decisionDate() + ")");
        }
        if (command.conclusionDate().isAfter(ctx.today())) {
            throw CommandRejected.unprocessable("conclusionDate", "conclusionDate " + command.conclusionDate()
                    + " is in the future (today is " + ctx.today() + "): record the conclusion once it is made");
        }
        return List.of(new AssessmentConcluded(ctx.nextEventId(), caseId, state.localAuthorityCode(),
                command.conclusionDate(), ctx.now(), AssessmentConcluded.SCHEMA_VERSION, command.outcome()));
    }


    // ---- exceptions ------------------------------------------------------------------------------------------

    /**
     * Which exception reasons each limit allows (DOMAIN.md, "Exceptions to the limits"). The 20- and 16-week limits
     * allow all four (Regs 13(3), 10(4)). For the 6-week decision (Reg 5(4)) the school-closure limb is confirmed and
     * the other three are believed the same but unconfirmed: all four are allowed (an assumption, documented).
     * Exceptions to the 6 weeks for advice are advice-service's, not here.
     */
    static final Map<StatutoryLimit, Set<ExceptionReason>> ALLOWED_REASONS = Map.of(
            StatutoryLimit.FINAL_PLAN_20_WEEKS, EnumSet.allOf(ExceptionReason.class),
            StatutoryLimit.NO_PLAN_16_WEEKS, EnumSet.allOf(ExceptionReason.class),
            StatutoryLimit.DECISION_6_WEEKS, EnumSet.allOf(ExceptionReason.class),
            // Reg 27's 14 weeks: DOMAIN.md "same exceptions" as the 20 weeks
            StatutoryLimit.FINAL_PLAN_14_WEEKS_REASSESSMENT, EnumSet.allOf(ExceptionReason.class));

    static final int MAX_NOTE_LENGTH = 2000;

    /**
     * An exception to a limit: {@link ExceptionRecorded} (the note never goes into it). NOT_FOUND for an unknown
     * case, CONFLICT for an exception id already recorded, UNPROCESSABLE for a closed case, a reason the limit does
     * not allow, dates outside the case's life (before the clock start, after today, end before start), or a
     * 6-/16-week exception starting after the decision / conclusion that ended that limit, or any exception
     * starting after the final plan was issued ({@code finalPlan}, from plan-service: it ended every limit).
     */
    public static List<AssessmentEvent> decide(RecordException command, CaseState state,
                                               Optional<IssuedFinalPlan> finalPlan, DecisionContext ctx) {
        requireContext(command, state, ctx);
        requireExists(command.caseId(), state);
        require(command.exceptionId(), "exceptionId", "exceptionId is missing");
        if (state.exception(command.exceptionId()).isPresent()) {
            throw CommandRejected.conflict("exception " + command.exceptionId() + " was already recorded; it is not"
                    + " recorded twice (correct it or withdraw it instead)");
        }
        requireOpen(state, "an exception");
        require(command.limit(), "limit", "limit is missing: one of " + state.limits());
        if (!state.limits().contains(command.limit())) {
            throw CommandRejected.unprocessable("limit", "limit " + command.limit() + " is not a limit of "
                    + (state.reassessment() ? "a re-assessment (Reg 27: only the 14-week final plan)" : "an initial request")
                    + "; case " + state.caseId() + " has " + state.limits());
        }
        require(command.reason(), "reason", "reason is missing");
        require(command.startDate(), "startDate", "startDate (the first day the circumstance applied) is missing");
        requireNote(command.note());
        if (!ALLOWED_REASONS.get(command.limit()).contains(command.reason())) {
            throw CommandRejected.unprocessable("reason", "reason " + command.reason()
                    + " is not an exception allowed for the limit " + command.limit());
        }
        requireBetween(command.startDate(), state.clockStart(), clockStartName(state), ctx, "startDate");
        if (command.endDate() != null) {
            requireBetween(command.endDate(), command.startDate(), "the exception's startDate", ctx, "endDate");
        }
        LocalDate limitEnded = switch (command.limit()) {
            case DECISION_6_WEEKS -> state.firstDecisionDate();
            case NO_PLAN_16_WEEKS -> state.conclusionDate();
            case FINAL_PLAN_20_WEEKS, FINAL_PLAN_14_WEEKS_REASSESSMENT -> null;
        };
        if (finalPlan.isPresent() && command.startDate().isAfter(finalPlan.get().issuedDate())) {
            throw CommandRejected.unprocessable("startDate", "startDate " + command.startDate() + " is after "
                    + finalPlan.get().issuedDate() + ", when the final plan was issued: the assessment was over, so an"
                    + " exception cannot start after the final plan");
        }
        if (limitEnded != null && command.startDate().isAfter(limitEnded)) {
            throw CommandRejected.unprocessable("startDate", "startDate " + command.startDate() + " is after "
                    + limitEnded + ", when the LA acted on the " + command.limit() + " limit: an exception cannot"
                    + " explain a delay that had already ended");
        }
        return List.of(new ExceptionRecorded(ctx.nextEventId(), state.caseId(), state.localAuthorityCode(), ctx.today(),
                ctx.now(), ExceptionRecorded.SCHEMA_VERSION, command.exceptionId(), command.limit(), command.reason(),
                command.startDate(), command.endDate()));
    }

    /**
     * Sets or changes an exception's end date: {@link ExceptionCorrected}. NOT_FOUND for an unknown case or
     * exception, CONFLICT when the end date is already that one, UNPROCESSABLE for a withdrawn exception or an end
     * date before its start or after today. Allowed on a closed case: it corrects the record.
     */
    public static List<AssessmentEvent> decide(CorrectException command, CaseState state, DecisionContext ctx) {
        return decide(command, state, Optional.empty(), ctx);
    }

    /**
     * As above, knowing plan-service's final plan: an end date after its issue date is UNPROCESSABLE (field endDate),
     * since the final plan ended every limit the exception could explain.
     */
    public static List<AssessmentEvent> decide(CorrectException command, CaseState state,
                                               Optional<IssuedFinalPlan> finalPlan, DecisionContext ctx) {
        requireContext(command, state, ctx);
        requireExists(command.caseId(), state);
        CaseState.CaseException x = requireException(command.exceptionId(), state);
        require(command.endDate(), "endDate", "endDate is missing");
        if (command.endDate().equals(x.endDate())) {
            throw CommandRejected.conflict("exception " + x.exceptionId() + " already ends on " + x.endDate());
        }
        requireBetween(command.endDate(), x.startDate(), "the exception's startDate", ctx, "endDate");
        if (finalPlan.isPresent() && command.endDate().isAfter(finalPlan.get().issuedDate())) {
            throw CommandRejected.unprocessable("endDate", "endDate " + command.endDate() + " is after "
                    + finalPlan.get().issuedDate() + ", when the final plan was issued: the assessment was over, so an"
                    + " exception cannot last beyond it");
        }
        return List.of(new ExceptionCorrected(ctx.nextEventId(), state.caseId(), state.localAuthorityCode(), ctx.today(),
                ctx.now(), ExceptionCorrected.SCHEMA_VERSION, x.exceptionId(), command.endDate()));
    }

    /**
     * An exception recorded in error: {@link ExceptionWithdrawn}. NOT_FOUND for an unknown case or exception,
     * CONFLICT when already withdrawn. Allowed on a closed case: it corrects the record.
     */
    public static List<AssessmentEvent> decide(WithdrawException command, CaseState state, DecisionContext ctx) {
        requireContext(command, state, ctx);
        requireExists(command.caseId(), state);
        require(command.exceptionId(), "exceptionId", "exceptionId is missing");
        CaseState.CaseException x = state.exception(command.exceptionId()).orElseThrow(() ->
                CommandRejected.notFound("case " + state.caseId() + " has no exception " + command.exceptionId()));
        if (x.withdrawn()) {
            throw CommandRejected.conflict("exception " + x.exceptionId() + " was already withdrawn");
        }
        return List.of(new ExceptionWithdrawn(ctx.nextEventId(), state.caseId(), state.localAuthorityCode(), ctx.today(),
                ctx.now(), ExceptionWithdrawn.SCHEMA_VERSION, x.exceptionId()));
    }

    // ---- erasure ---------------------------------------------------------------------------------------------

    /**
     * The child's personal details are erased: {@link PersonalDetailsErased} dated today, which tells every service
     * holding free text about the case to erase it. NOT_FOUND for an unknown case. Idempotent: a case already erased
     * gets no event (an erasure repeated, e.g. by a retry, is not an error). Allowed on a closed case: erasure is
     * requested most often long after the case ended.
     */
    public static List<AssessmentEvent> decide(ErasePersonalDetails command, CaseState state, DecisionContext ctx) {
        requireContext(command, state, ctx);
        requireExists(command.caseId(), state);
        if (state.personalDetailsErasedDate() != null) {
            return List.of();
        }
        return List.of(new PersonalDetailsErased(ctx.nextEventId(), state.caseId(), state.localAuthorityCode(), ctx.today(),
                ctx.now(), PersonalDetailsErased.SCHEMA_VERSION));
    }

    // ---- transfer in -----------------------------------------------------------------------------------------

    /**
     * The child moved into an LA's area and it became responsible: {@link ResponsibilityTransferredIn} naming the
     * receiving LA; the clock restarts on the transfer date. NOT_FOUND for an unknown case, CONFLICT for the same
     * transfer twice, UNPROCESSABLE for a closed case, a transfer from the receiving LA itself, a date before the
     * clock start or after today, or a date after the final plan was issued ({@code finalPlan}, from plan-service:
     * the assessment was over; a move after it transfers the plan, not the assessment).
     */
    public static List<AssessmentEvent> decide(RecordTransferIn command, CaseState state,
                                               Optional<IssuedFinalPlan> finalPlan, DecisionContext ctx) {
        requireContext(command, state, ctx);
        requireExists(command.caseId(), state);
        requireOpen(state, "a transfer in");
        String receiving = command.localAuthorityCode() != null ? command.localAuthorityCode() : state.localAuthorityCode();
        requireLaCode(receiving, "localAuthorityCode");
        requireLaCode(command.fromLocalAuthorityCode(), "fromLocalAuthorityCode");
        require(command.transferDate(), "transferDate", "transferDate (the day the LA became responsible) is missing");
        requireOtherLa(command.fromLocalAuthorityCode(), receiving, "fromLocalAuthorityCode");
        CaseState.Transfer last = state.transfers().isEmpty() ? null : state.transfers().get(state.transfers().size() - 1);
        if (last != null && last.date().equals(command.transferDate())
                && last.fromLocalAuthorityCode().equals(command.fromLocalAuthorityCode())
                && receiving.equals(state.localAuthorityCode())) {
            throw CommandRejected.conflict("the transfer in from " + last.fromLocalAuthorityCode() + " on " + last.date()
                    + " was already recorded");
        }
        requireBetween(command.transferDate(), state.clockStart(), clockStartName(state), ctx, "transferDate");
        if (finalPlan.isPresent() && command.transferDate().isAfter(finalPlan.get().issuedDate())) {
            throw CommandRejected.unprocessable("transferDate", "transferDate " + command.transferDate() + " is after "
                    + finalPlan.get().issuedDate() + ", when the final plan was issued: the assessment was over, so a"
                    + " transfer after the final plan is not a transfer in of this assessment");
        }
        return List.of(new ResponsibilityTransferredIn(ctx.nextEventId(), state.caseId(), receiving,
                command.transferDate(), ctx.now(), ResponsibilityTransferredIn.SCHEMA_VERSION,
                command.fromLocalAuthorityCode()));
    }

    // ---- disputes --------------------------------------------------------------------------------------------

    /**
     * A mediation or tribunal appeal: {@link MediationOrTribunalRecorded} (the note never goes into it). NOT_FOUND
     * for an unknown case, CONFLICT for a dispute id already recorded, UNPROCESSABLE for a withdrawn case, a stage
     * the case has not reached (REFUSAL_TO_ASSESS needs a refusal, REFUSAL_TO_ISSUE_PLAN a conclusion NO_PLAN,
     * PLAN_CONTENTS a conclusion ISSUE_PLAN), or a date before that decision or after today.
     */
    public static List<AssessmentEvent> decide(RecordDispute command, CaseState state, DecisionContext ctx) {
        requireContext(command, state, ctx);
        requireExists(command.caseId(), state);
        require(command.disputeId(), "disputeId", "disputeId is missing");
        if (state.dispute(command.disputeId()).isPresent()) {
            throw CommandRejected.conflict("dispute " + command.disputeId() + " was already recorded; it is not recorded twice");
        }
        if (state.status() == CaseStatus.WITHDRAWN) {
            throw CommandRejected.unprocessable(null, "the request was withdrawn on " + state.withdrawnDate()
                    + ": there is no decision left to dispute");
        }
        require(command.kind(), "kind", "kind is missing: MEDIATION or TRIBUNAL");
        require(command.stage(), "stage", "stage is missing: REFUSAL_TO_ASSESS, REFUSAL_TO_ISSUE_PLAN or PLAN_CONTENTS");
        require(command.registeredDate(), "registeredDate", "registeredDate is missing");
        requireNote(command.note());
        LocalDate disputed = switch (command.stage()) {
            case REFUSAL_TO_ASSESS -> state.decisions().stream()
                    .filter(d -> d.decision() == AssessmentDecision.REFUSE).map(CaseState.Decision::date)
                    .findFirst().orElseThrow(() -> CommandRejected.unprocessable("stage",
                            "the LA has not refused to assess case " + state.caseId() + ": there is no refusal to dispute"));
            case REFUSAL_TO_ISSUE_PLAN -> {
                if (state.outcome() != AssessmentOutcome.NO_PLAN) {
                    throw CommandRejected.unprocessable("stage", "the LA has not decided not to issue a plan for case "
                            + state.caseId() + ": there is no such decision to dispute");
                }
                yield state.conclusionDate();
            }
            case PLAN_CONTENTS -> {
                if (state.outcome() != AssessmentOutcome.ISSUE_PLAN) {
                    throw CommandRejected.unprocessable("stage", "the assessment of case " + state.caseId()
                            + " has not concluded with a plan: there are no plan contents to dispute");
                }
                yield state.conclusionDate();
            }
        };
        requireBetween(command.registeredDate(), disputed, "the decision disputed", ctx, "registeredDate");
        return List.of(new MediationOrTribunalRecorded(ctx.nextEventId(), state.caseId(), state.localAuthorityCode(),
                command.registeredDate(), ctx.now(), MediationOrTribunalRecorded.SCHEMA_VERSION, command.kind(),
                command.disputeId(), command.stage()));
    }

    /**
     * The outcome of a dispute: {@link DisputeResolved}. NOT_FOUND for an unknown case or dispute, CONFLICT when it
     * already has an outcome, UNPROCESSABLE for a date before it was registered or after today. A changed decision
     * itself is recorded by its own command (e.g. a decision to assess after an overturned refusal).
     */
    public static List<AssessmentEvent> decide(RecordDisputeOutcome command, CaseState state, DecisionContext ctx) {
        requireContext(command, state, ctx);
        requireExists(command.caseId(), state);
        require(command.disputeId(), "disputeId", "disputeId is missing");
        CaseState.Dispute d = state.dispute(command.disputeId()).orElseThrow(() ->
                CommandRejected.notFound("case " + state.caseId() + " has no dispute " + command.disputeId()));
        if (d.resolved()) {
            throw CommandRejected.conflict("dispute " + d.disputeId() + " already ended on " + d.outcomeDate()
                    + " (" + d.outcome() + ")");
        }
        require(command.outcome(), "outcome", "outcome is missing");
        require(command.outcomeDate(), "outcomeDate", "outcomeDate is missing");
        requireBetween(command.outcomeDate(), d.registeredDate(), "the dispute was registered", ctx, "outcomeDate");
        return List.of(new DisputeResolved(ctx.nextEventId(), state.caseId(), state.localAuthorityCode(),
                command.outcomeDate(), ctx.now(), DisputeResolved.SCHEMA_VERSION, d.disputeId(), command.outcome()));
    }

    /** The note as it will be stored: stripped, null when blank. INVALID (field note) when too long or holding control characters. */
    public static String requireNote(String note) {
        return requireNote(note, "note");
    }

    /** {@link #requireNote(String)} for a note sent in the field {@code field} (e.g. refusalNote). */
    public static String requireNote(String note, String field) {
        String n = blankToNull(note);
        if (n == null) {
            return null;
        }
        if (n.length() > MAX_NOTE_LENGTH) {
            throw CommandRejected.invalid(field, field + " is longer than " + MAX_NOTE_LENGTH + " characters");
        }
        if (n.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t')) {
            throw CommandRejected.invalid(field, field + " holds a control character (e.g. NUL); only text, tabs and line breaks");
        }
        return n;
    }

    // ---------------------------------------------------------------------------------------------------------

    private static CaseState.CaseException requireException(UUID exceptionId, CaseState state) {
        require(exceptionId, "exceptionId", "exceptionId is missing");
        CaseState.CaseException x = state.exception(exceptionId).orElseThrow(() ->
                CommandRejected.notFound("case " + state.caseId() + " has no exception " + exceptionId));
        if (x.withdrawn()) {
            throw CommandRejected.unprocessable("exceptionId", "exception " + exceptionId
                    + " was withdrawn as recorded in error: it cannot be corrected");
        }
        return x;
    }

    private static void requireOpen(CaseState state, String what) {
        if (!state.closed()) {
            return;
        }
        String why = switch (state.status()) {
            case WITHDRAWN -> "the request was withdrawn on " + state.withdrawnDate();
            case CONCLUDED_NO_PLAN -> "the LA decided on " + state.conclusionDate() + " not to issue a plan";
            case REFUSED -> "the LA refused to assess on " + state.decisionDate() + " and no dispute about it is open";
            default -> "the case is " + state.status();
        };
        throw CommandRejected.unprocessable(null, why + ": the case is closed, so " + what + " cannot be recorded");
    }

    private static String clockStartName(CaseState state) {
        return state.transfers().isEmpty() ? "the request was received" : "the LA became responsible (transfer in)";
    }

    /** {@code date} on or after {@code notBefore} (named {@code what}) and not after today, else UNPROCESSABLE naming field. */
    private static void requireBetween(LocalDate date, LocalDate notBefore, String what, DecisionContext ctx, String field) {
        if (date.isBefore(notBefore)) {
            throw CommandRejected.unprocessable(field, field + " " + date + " is before " + what + " (" + notBefore + ")");
        }
        if (date.isAfter(ctx.today())) {
            throw CommandRejected.unprocessable(field, field + " " + date + " is in the future (today is " + ctx.today() + ")");
        }
    }

    private static void requireLaCode(String code, String field) {
        if (code == null || !LA_CODE.matcher(code).matches()) {
            throw CommandRejected.invalid(field, field + " must be the DfE three-digit local authority code, e.g. 850");
        }
    }

    private static void requireOtherLa(String from, String receiving, String field) {
        if (from.equals(receiving)) {
            throw CommandRejected.unprocessable(field, "a transfer in comes from another LA: " + field + " " + from
                    + " is the LA now responsible");
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void requireExists(UUID requested, CaseState state) {
        require(requested, "caseId", "the case id is missing");
        if (!state.exists()) {
            throw CommandRejected.notFound("no assessment case " + requested);
        }
        if (!state.caseId().equals(requested)) {
            throw new IllegalArgumentException("command for case " + requested + " given the history of case " + state.caseId());
        }
    }

    private static void requireContext(Object command, CaseState state, DecisionContext ctx) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(ctx, "ctx");
    }

    private static void require(Object value, String field, String message) {
        if (value == null) {
            throw CommandRejected.invalid(field, message);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
