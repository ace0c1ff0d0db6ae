package org.ehcptracker.assessment.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.ehcptracker.contracts.assessment.AssessmentConcluded;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.RequestWithdrawn;
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
    static final int MAX_REFUSAL_REASON_LENGTH = 500;

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
        return List.of(new AssessmentRequested(ctx.nextEventId(), command.caseId(), command.localAuthorityCode(),
                command.receivedDate(), ctx.now(), AssessmentRequested.SCHEMA_VERSION, command.childRef(),
                command.requestedBy()));
    }

    /**
     * The decision whether to assess: {@link AssessmentDecided}. NOT_FOUND for an unknown case,
     * UNPROCESSABLE once withdrawn, CONFLICT once decided.
     */
    public static List<AssessmentEvent> decide(DecideWhetherToAssess command, CaseState state, DecisionContext ctx) {
        requireContext(command, state, ctx);
        requireExists(command.caseId(), state);
        if (state.status() == CaseStatus.WITHDRAWN) {
            throw CommandRejected.unprocessable(null, "the request was withdrawn on " + state.withdrawnDate()
                    + ": there is nothing left to decide");
        }
        if (state.decision() != null) {
            throw CommandRejected.conflict("the decision whether to assess was already made on " + state.decisionDate()
                    + " (" + state.decision() + "); it cannot be made twice");
        }
        require(command.decision(), "decision", "decision is missing: ASSESS or REFUSE");
        require(command.decisionDate(), "decisionDate", "decisionDate is missing");
        if (command.decisionDate().isBefore(state.receivedDate())) {
            throw CommandRejected.unprocessable("decisionDate", "decisionDate " + command.decisionDate()
                    + " is before the request was received (" + state.receivedDate() + ")");
        }
        if (command.decisionDate().isAfter(ctx.today())) {
            throw CommandRejected.unprocessable("decisionDate", "decisionDate " + command.decisionDate()
                    + " is in the future (today is " + ctx.today() + "): record a decision once it is made");
        }
        String reason = blankToNull(command.refusalReason());
        if (command.decision() == AssessmentDecision.REFUSE && reason == null) {
            throw CommandRejected.unprocessable("refusalReason",
                    "a refusal needs a refusalReason (a short reason without personal details): the family has appeal rights");
        }
        if (command.decision() == AssessmentDecision.ASSESS && reason != null) {
            throw CommandRejected.unprocessable("refusalReason", "refusalReason is only given when the decision is REFUSE");
        }
        if (reason != null && reason.length() > MAX_REFUSAL_REASON_LENGTH) {
            throw CommandRejected.invalid("refusalReason",
                    "refusalReason is longer than " + MAX_REFUSAL_REASON_LENGTH + " characters");
        }
        return List.of(new AssessmentDecided(ctx.nextEventId(), state.caseId(), state.localAuthorityCode(),
                command.decisionDate(), ctx.now(), AssessmentDecided.SCHEMA_VERSION, command.decision(), reason));
    }

    /**
     * The requester withdrew: {@link RequestWithdrawn}. NOT_FOUND for an unknown case, CONFLICT when already
     * withdrawn, UNPROCESSABLE after a refusal or a conclusion (there is no open request left to withdraw).
     */
    public static List<AssessmentEvent> decide(WithdrawRequest command, CaseState state, DecisionContext ctx) {
        requireContext(command, state, ctx);
        requireExists(command.caseId(), state);
        if (state.status() == CaseStatus.WITHDRAWN) {
            throw CommandRejected.conflict("the request was already withdrawn on " + state.withdrawnDate());
        }
        if (state.status() == CaseStatus.REFUSED) {
            throw CommandRejected.unprocessable(null, "the LA refused to assess on " + state.decisionDate()
                    + ": a refused request cannot be withdrawn");
        }
        if (state.outcome() != null) {
            throw CommandRejected.unprocessable(null, "the assessment was concluded on " + state.conclusionDate() + " ("
                    + state.outcome() + "): there is no open request left to withdraw");
        }
        require(command.withdrawnDate(), "withdrawnDate", "withdrawnDate is missing");
        LocalDate decided = state.decisionDate();
        LocalDate notBefore = decided != null ? decided : state.receivedDate();
        if (command.withdrawnDate().isBefore(notBefore)) {
            throw CommandRejected.unprocessable("withdrawnDate", "withdrawnDate " + command.withdrawnDate()
                    + " is before " + (decided != null ? "the decision to assess (" : "the request was received (")
                    + notBefore + ")");
        }
        if (command.withdrawnDate().isAfter(ctx.today())) {
            throw CommandRejected.unprocessable("withdrawnDate", "withdrawnDate " + command.withdrawnDate()
                    + " is in the future (today is " + ctx.today() + ")");
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
