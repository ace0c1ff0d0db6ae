package org.ehcptracker.assessment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
import org.ehcptracker.contracts.assessment.RequestWithdrawn;
import org.ehcptracker.contracts.assessment.RequesterType;
import org.ehcptracker.contracts.clock.StatutoryClock;
import org.ehcptracker.kit.domain.CommandRejected;

/**
 * One EHC needs assessment case (stream id = caseId), rebuilt from its {@link AssessmentEvent}
 * history. Each {@code decide} method checks a command against the current state and returns the
 * events to append, or throws {@link CommandRejected}. Dates come in as parameters ({@code today},
 * {@code now}): the domain never reads the system clock, so replaying the same history and
 * commands gives the same answer.
 *
 * <p>The aggregate never sees a child's name or date of birth: they are not part of any command
 * or event (see docs/assessment-service.md, "Personal data").
 */
public final class AssessmentCase {

    /** Schema version of the events this aggregate writes. */
    static final int SCHEMA_VERSION = 1;

    private static final Pattern LA_CODE = Pattern.compile("\\d{3}");
    /** Letters, digits, '-' and '_'; no spaces, so a full name cannot be typed in by mistake. */
    private static final Pattern CHILD_REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    static final int MAX_REFUSAL_REASON_LENGTH = 500;

    private UUID caseId;
    private String localAuthorityCode;
    private String childRef;
    private RequesterType requestedBy;
    private LocalDate receivedDate;
    private CaseStatus status;
    private AssessmentDecision decision;
    private LocalDate decisionDate;
    private String refusalReason;
    private LocalDate withdrawnDate;
    private AssessmentOutcome outcome;
    private LocalDate conclusionDate;

    private AssessmentCase() {
    }

    /** Rebuilds a case from its events in stream order; an empty history is a case that does not exist yet. */
    public static AssessmentCase from(List<? extends AssessmentEvent> history) {
        Objects.requireNonNull(history, "history");
        AssessmentCase c = new AssessmentCase();
        history.forEach(c::apply);
        return c;
    }

    private void apply(AssessmentEvent event) {
        if (event instanceof AssessmentRequested e) {
            if (exists()) {
                throw new IllegalStateException("case " + caseId + " has a second AssessmentRequested");
            }
            caseId = e.caseId();
            localAuthorityCode = e.localAuthorityCode();
            childRef = e.childRef();
            requestedBy = e.requestedBy();
            receivedDate = e.businessDate();
            status = CaseStatus.REQUESTED;
            return;
        }
        if (!exists()) {
            throw new IllegalStateException("stream starts with " + event.getClass().getSimpleName()
                    + " instead of AssessmentRequested");
        }
        if (event instanceof AssessmentDecided e) {
            decision = e.decision();
            decisionDate = e.businessDate();
            refusalReason = e.refusalReason();
            status = e.decision() == AssessmentDecision.ASSESS ? CaseStatus.ASSESSING : CaseStatus.REFUSED;
        } else if (event instanceof RequestWithdrawn e) {
            withdrawnDate = e.businessDate();
            status = CaseStatus.WITHDRAWN;
        } else if (event instanceof AssessmentConcluded e) {
            outcome = e.outcome();
            conclusionDate = e.businessDate();
            status = e.outcome() == AssessmentOutcome.NO_PLAN ? CaseStatus.CONCLUDED_NO_PLAN : CaseStatus.CONCLUDED_ISSUE_PLAN;
        } else {
            // Fail loudly rather than rebuild a case whose deadlines silently ignore, e.g., a transfer.
            throw new IllegalStateException("AssessmentCase cannot apply " + event.getClass().getSimpleName() + " yet");
        }
    }

    // ---- commands ------------------------------------------------------------------------------------------

    /** A new request: {@link AssessmentRequested}. CONFLICT when the case already exists (a duplicate submission). */
    public List<AssessmentEvent> decide(RecordAssessmentRequest command, LocalDate today, Instant now) {
        requireContext(command, today, now);
        if (exists()) {
            throw CommandRejected.conflict("case " + command.caseId() + " already exists: the request was recorded"
                    + " before (received " + receivedDate + "); a repeated submission is not recorded twice");
        }
        require(command.caseId(), "caseId", "the case id is missing");
        if (command.localAuthorityCode() == null || !LA_CODE.matcher(command.localAuthorityCode()).matches()) {
            throw CommandRejected.invalid("localAuthorityCode",
                    "localAuthorityCode must be the DfE three-digit local authority code, e.g. 839");
        }
        require(command.receivedDate(), "receivedDate", "receivedDate (the day the LA received the request) is missing");
        if (command.receivedDate().isAfter(today)) {
            throw CommandRejected.unprocessable("receivedDate", "receivedDate " + command.receivedDate()
                    + " is in the future (today is " + today + "): a request can only be recorded once it has arrived");
        }
        require(command.requestedBy(), "requestedBy", "requestedBy (who made the request) is missing");
        if (command.childRef() == null || !CHILD_REF.matcher(command.childRef()).matches()) {
            throw CommandRejected.invalid("childRef", "childRef must be the child's pseudonymous reference"
                    + " (1-64 letters, digits, '-' or '_', no spaces), never a name");
        }
        return List.of(new AssessmentRequested(UUID.randomUUID(), command.caseId(), command.localAuthorityCode(),
                command.receivedDate(), now, SCHEMA_VERSION, command.childRef(), command.requestedBy()));
    }

    /**
     * The decision whether to assess: {@link AssessmentDecided}. NOT_FOUND for an unknown case,
     * UNPROCESSABLE once withdrawn, CONFLICT once decided.
     */
    public List<AssessmentEvent> decide(DecideWhetherToAssess command, LocalDate today, Instant now) {
        requireContext(command, today, now);
        requireExists(command.caseId());
        if (status == CaseStatus.WITHDRAWN) {
            throw CommandRejected.unprocessable(null, "the request was withdrawn on " + withdrawnDate
                    + ": there is nothing left to decide");
        }
        if (decision != null) {
            throw CommandRejected.conflict("the decision whether to assess was already made on " + decisionDate
                    + " (" + decision + "); it cannot be made twice");
        }
        require(command.decision(), "decision", "decision is missing: ASSESS or REFUSE");
        require(command.decisionDate(), "decisionDate", "decisionDate is missing");
        if (command.decisionDate().isBefore(receivedDate)) {
            throw CommandRejected.unprocessable("decisionDate", "decisionDate " + command.decisionDate()
                    + " is before the request was received (" + receivedDate + ")");
        }
        if (command.decisionDate().isAfter(today)) {
            throw CommandRejected.unprocessable("decisionDate", "decisionDate " + command.decisionDate()
                    + " is in the future (today is " + today + "): record a decision once it is made");
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
        return List.of(new AssessmentDecided(UUID.randomUUID(), caseId, localAuthorityCode, command.decisionDate(), now,
                SCHEMA_VERSION, command.decision(), reason));
    }

    /**
     * The requester withdrew: {@link RequestWithdrawn}. NOT_FOUND for an unknown case, CONFLICT when already
     * withdrawn, UNPROCESSABLE after a refusal or a conclusion (there is no open request left to withdraw).
     */
    public List<AssessmentEvent> decide(WithdrawRequest command, LocalDate today, Instant now) {
        requireContext(command, today, now);
        requireExists(command.caseId());
        if (status == CaseStatus.WITHDRAWN) {
            throw CommandRejected.conflict("the request was already withdrawn on " + withdrawnDate);
        }
        if (status == CaseStatus.REFUSED) {
            throw CommandRejected.unprocessable(null, "the LA refused to assess on " + decisionDate
                    + ": a refused request cannot be withdrawn");
        }
        if (outcome != null) {
            throw CommandRejected.unprocessable(null, "the assessment was concluded on " + conclusionDate + " ("
                    + outcome + "): there is no open request left to withdraw");
        }
        require(command.withdrawnDate(), "withdrawnDate", "withdrawnDate is missing");
        LocalDate notBefore = decisionDate != null ? decisionDate : receivedDate;
        if (command.withdrawnDate().isBefore(notBefore)) {
            throw CommandRejected.unprocessable("withdrawnDate", "withdrawnDate " + command.withdrawnDate()
                    + " is before " + (decisionDate != null ? "the decision to assess (" : "the request was received (")
                    + notBefore + ")");
        }
        if (command.withdrawnDate().isAfter(today)) {
            throw CommandRejected.unprocessable("withdrawnDate", "withdrawnDate " + command.withdrawnDate()
                    + " is in the future (today is " + today + ")");
        }
        return List.of(new RequestWithdrawn(UUID.randomUUID(), caseId, localAuthorityCode, command.withdrawnDate(), now,
                SCHEMA_VERSION));
    }

    /**
     * The assessment finished: {@link AssessmentConcluded}. NOT_FOUND for an unknown case, CONFLICT once concluded,
     * UNPROCESSABLE unless the LA decided to assess and the request is still open (not yet decided, refused,
     * withdrawn). The date is not before the decision to assess and not in the future.
     */
    public List<AssessmentEvent> decide(ConcludeAssessment command, LocalDate today, Instant now) {
        requireContext(command, today, now);
        requireExists(command.caseId());
        if (outcome != null) {
            throw CommandRejected.conflict("the assessment was already concluded on " + conclusionDate + " (" + outcome
                    + "); it cannot be concluded twice");
        }
        switch (status) {
            case ASSESSING -> { }
            case REQUESTED -> throw CommandRejected.unprocessable(null, "the LA has not yet decided whether to assess"
                    + " case " + caseId + ": only an assessment that is under way can be concluded");
            case REFUSED -> throw CommandRejected.unprocessable(null, "the LA refused to assess case " + caseId + " on "
                    + decisionDate + ": there is no assessment to conclude");
            case WITHDRAWN -> throw CommandRejected.unprocessable(null, "the request for case " + caseId
                    + " was withdrawn on " + withdrawnDate + ": there is no assessment to conclude");
            default -> throw new IllegalStateException("case " + caseId + " is " + status + " without an outcome");
        }
        require(command.outcome(), "outcome", "outcome is missing: ISSUE_PLAN or NO_PLAN");
        require(command.conclusionDate(), "conclusionDate", "conclusionDate is missing");
        if (command.conclusionDate().isBefore(decisionDate)) {
            throw CommandRejected.unprocessable("conclusionDate", "conclusionDate " + command.conclusionDate()
                    + " is before the decision to assess (" + decisionDate + ")");
        }
        if (command.conclusionDate().isAfter(today)) {
            throw CommandRejected.unprocessable("conclusionDate", "conclusionDate " + command.conclusionDate()
                    + " is in the future (today is " + today + "): record the conclusion once it is made");
        }
        return List.of(new AssessmentConcluded(UUID.randomUUID(), caseId, localAuthorityCode, command.conclusionDate(),
                now, SCHEMA_VERSION, command.outcome()));
    }

    // ---- view ----------------------------------------------------------------------------------------------

    /** False for a case id that has no events. */
    public boolean exists() {
        return caseId != null;
    }

    public UUID caseId() {
        return caseId;
    }

    public String localAuthorityCode() {
        return localAuthorityCode;
    }

    public String childRef() {
        return childRef;
    }

    public RequesterType requestedBy() {
        return requestedBy;
    }

    public CaseStatus status() {
        return status;
    }

    /** Day 0 of the statutory clock. */
    public LocalDate receivedDate() {
        return receivedDate;
    }

    /** Reg 5: the decision whether to assess is due 6 weeks after receipt. */
    public LocalDate decisionDue() {
        return receivedDate == null ? null : StatutoryClock.decisionToAssessDue(receivedDate);
    }

    /** Reg 13(2): the final plan is due 20 weeks (140 days) after receipt. */
    public LocalDate finalPlanDue() {
        return receivedDate == null ? null : StatutoryClock.finalPlanDue(receivedDate);
    }

    /** Reg 10: the decision not to issue a plan after assessment is due 16 weeks after receipt. */
    public LocalDate noPlanDecisionDue() {
        return receivedDate == null ? null : StatutoryClock.noPlanDecisionDue(receivedDate);
    }

    public Optional<AssessmentDecision> decision() {
        return Optional.ofNullable(decision);
    }

    public Optional<LocalDate> decisionDate() {
        return Optional.ofNullable(decisionDate);
    }

    public Optional<String> refusalReason() {
        return Optional.ofNullable(refusalReason);
    }

    public Optional<LocalDate> withdrawnDate() {
        return Optional.ofNullable(withdrawnDate);
    }

    public Optional<AssessmentOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    public Optional<LocalDate> conclusionDate() {
        return Optional.ofNullable(conclusionDate);
    }

    /** Whether the decision was made by {@link #decisionDue()} (that day included); empty while undecided. */
    public Optional<Boolean> decisionOnTime() {
        return decisionDate().map(d -> !d.isAfter(decisionDue()));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private void requireExists(UUID requested) {
        require(requested, "caseId", "the case id is missing");
        if (!exists()) {
            throw CommandRejected.notFound("no assessment case " + requested);
        }
        if (!caseId.equals(requested)) {
            throw new IllegalArgumentException("command for case " + requested + " given the history of case " + caseId);
        }
    }

    private static void requireContext(Object command, LocalDate today, Instant now) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(now, "now");
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
