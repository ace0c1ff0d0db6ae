package org.ehcptracker.advice.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ehcptracker.contracts.advice.AdviceCancellationReason;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.contracts.advice.AdviceExceptionReason;
import org.ehcptracker.contracts.advice.AdviceExceptionRecorded;
import org.ehcptracker.contracts.advice.AdviceReturnedForRework;
import org.ehcptracker.contracts.advice.AdviceReworkReason;
import org.ehcptracker.contracts.advice.AdviceRequestCancelled;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceSubmitted;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.Role;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.domain.DecisionContext;
import org.ehcptracker.statutory.StatutoryClock;

/**
 * Answers each command on an advice request with the events it causes, or a {@link CommandRejected}.
 * Pure: "today" (for "not in the future"), "now" (each event's occurredAt) and event ids come only
 * from the {@link DecisionContext}.
 */
public final class AdviceDecider {

    private AdviceDecider() {
    }

    /**
     * Opens the request. {@code seenCase} is the local view's row for the case (empty when
     * advice-service has not heard of it): advice may be requested only for a case the LA decided
     * to assess, and not before the day the LA received the assessment request.
     */
    public static List<AdviceEvent> decide(RequestAdvice command, AdviceRequestState state,
                                           Optional<AssessmentCase> seenCase, DecisionContext ctx) {
        return decide(command, state, seenCase, AgencyLookup.NO_DIRECTORY, ctx);
    }

    /**
     * As above, and the agency must be in the council's directory, active and giving this type of advice
     * (checked once the council uses the directory, see {@link AgencyLookup}).
     */
    public static List<AdviceEvent> decide(RequestAdvice command, AdviceRequestState state,
                                           Optional<AssessmentCase> seenCase, AgencyLookup agency, DecisionContext ctx) {
        Objects.requireNonNull(command, "command");
        if (!(state instanceof AdviceRequestState.None)) {
            throw CommandRejected.conflict("advice request " + command.adviceRequestId() + " already exists");
        }
        if (command.adviceType() == null) {
            throw CommandRejected.invalid("adviceType", "adviceType is required: one of "
                    + List.of(AdviceType.values()));
        }
        if (command.agencyId() == null || command.agencyId().isBlank()) {
            throw CommandRejected.invalid("agencyId", "agencyId is required: the partner agency asked for advice");
        }
        if (!command.agencyId().matches(AdviceRequest.AGENCY_ID_PATTERN)) {
            throw CommandRejected.invalid("agencyId", "agencyId '" + command.agencyId()
                    + "' must be 1-100 letters, digits or . _ @ - (e.g. 839-EPS)");
        }
        if (command.requestedDate() == null) {
            throw CommandRejected.invalid("requestedDate", "requestedDate is required (yyyy-mm-dd)");
        }
        AssessmentCase theCase = AssessmentCase.acceptedForAssessment(command.caseId(), seenCase);
        agency.requireCanBeAsked(command.agencyId(), theCase.localAuthorityCode(), command.adviceType());
        LocalDate today = ctx.today();
        if (command.requestedDate().isAfter(today)) {
            throw CommandRejected.unprocessable("requestedDate", "requestedDate " + command.requestedDate()
                    + " is in the future (today is " + today + "): record a request once the agency has it");
        }
        if (theCase.receivedDate() != null && command.requestedDate().isBefore(theCase.receivedDate())) {
            throw CommandRejected.unprocessable("requestedDate", "requestedDate " + command.requestedDate()
                    + " is before " + theCase.receivedDate() + ", the day the LA received the assessment request for case "
                    + command.caseId());
        }
        return List.of(new AdviceRequested(ctx.nextEventId(), command.caseId(), theCase.localAuthorityCode(),
                command.requestedDate(), ctx.now(), AdviceRequested.SCHEMA_VERSION, command.adviceRequestId(),
                command.adviceType(), command.agencyId(), StatutoryClock.adviceDue(command.requestedDate())));
    }

    /**
     * Records the agency's advice: once, for an open request, by the agency addressed (or LA staff).
     * The advice text ({@link SubmitAdvice#summary()}) is not put in the event: it may describe the child.
     */
    public static List<AdviceEvent> decide(SubmitAdvice command, AdviceRequestState state, DecisionContext ctx) {
        Objects.requireNonNull(command, "command");
        AdviceRequestState.Request request = existing(state, command.adviceRequestId());
        if (command.submittedDate() == null) {
            throw CommandRejected.invalid("submittedDate", "submittedDate is required (yyyy-mm-dd)");
        }
        Actor actor = command.submittedBy();
        if (actor != null && actor.hasRole(AdviceRequest.AGENCY_ROLE) && !actor.hasRole(Role.CASEWORKER)
                && !request.agencyId().equals(actor.agency())) {
            throw new NotTheAgencyAsked("advice request " + request.adviceRequestId()
                    + " was addressed to agency " + request.agencyId() + ", not to " + actor.agency()
                    + ": only the agency asked can submit its advice");
        }
        switch (request.status()) {
            case SUBMITTED -> throw CommandRejected.conflict("advice for request " + request.adviceRequestId()
                    + " was already submitted on " + request.submittedDate() + "; a duplicate submission is not recorded");
            case CANCELLED -> throw CommandRejected.conflict("advice request " + request.adviceRequestId()
                    + " was cancelled on " + request.cancelledDate() + "; advice can no longer be submitted for it");
            case REQUESTED -> { }
        }
        LocalDate today = ctx.today();
        if (command.submittedDate().isAfter(today)) {
            throw CommandRejected.unprocessable("submittedDate", "submittedDate " + command.submittedDate()
                    + " is in the future (today is " + today + ")");
        }
        if (command.submittedDate().isBefore(request.requestedDate())) {
            throw CommandRejected.unprocessable("submittedDate", "submittedDate " + command.submittedDate()
                    + " is before the advice was requested on " + request.requestedDate());
        }
        if (request.returnedDate() != null && command.submittedDate().isBefore(request.returnedDate())) {
            throw CommandRejected.unprocessable("submittedDate", "submittedDate " + command.submittedDate()
                    + " is before the advice was returned for rework on " + request.returnedDate());
        }
        return List.of(new AdviceSubmitted(ctx.nextEventId(), request.caseId(), request.localAuthorityCode(),
                command.submittedDate(), ctx.now(), AdviceSubmitted.SCHEMA_VERSION, request.adviceRequestId(),
                request.adviceType(), request.agencyId()));
    }

    /**
     * The reasons a caseworker may give; the CASE_* codes are left to advice-service, which cancels with them
     * when the case closes, so that a count of them means what it says.
     */
    public static final Set<AdviceCancellationReason> CASEWORKER_CANCELLATION_REASONS = Collections.unmodifiableSet(
            EnumSet.complementOf(EnumSet.of(AdviceCancellationReason.CASE_REFUSED_ASSESSMENT,
                    AdviceCancellationReason.CASE_WITHDRAWN, AdviceCancellationReason.CASE_CONCLUDED_WITHOUT_PLAN)));

    /** Withdraws an open request; a submitted or already cancelled one cannot be cancelled. */
    public static List<AdviceEvent> decide(CancelAdviceRequest command, AdviceRequestState state, DecisionContext ctx) {
        Objects.requireNonNull(command, "command");
        AdviceRequestState.Request request = existing(state, command.adviceRequestId());
        if (command.reason() == null) {
            throw CommandRejected.invalid("reason", "reason is required: one of " + CASEWORKER_CANCELLATION_REASONS);
        }
        if (!CASEWORKER_CANCELLATION_REASONS.contains(command.reason())) {
            throw CommandRejected.invalid("reason", "reason " + command.reason() + " is written by advice-service itself"
                    + " when the case closes; a caseworker chooses one of " + CASEWORKER_CANCELLATION_REASONS);
        }
        switch (request.status()) {
            case SUBMITTED -> throw CommandRejected.conflict("advice for request " + request.adviceRequestId()
                    + " was already submitted on " + request.submittedDate() + "; a submitted request cannot be cancelled");
            case CANCELLED -> throw CommandRejected.conflict("advice request " + request.adviceRequestId()
                    + " was already cancelled on " + request.cancelledDate());
            case REQUESTED -> { }
        }
        LocalDate today = ctx.today();
        LocalDate cancelled = command.cancelledDate() != null ? command.cancelledDate() : today;
        if (cancelled.isAfter(today)) {
            throw CommandRejected.unprocessable("cancelledDate", "cancelledDate " + cancelled
                    + " is in the future (today is " + today + ")");
        }
        if (cancelled.isBefore(request.requestedDate())) {
            throw CommandRejected.unprocessable("cancelledDate", "cancelledDate " + cancelled
                    + " is before the advice was requested on " + request.requestedDate());
        }
        return List.of(new AdviceRequestCancelled(ctx.nextEventId(), request.caseId(), request.localAuthorityCode(),
                cancelled, ctx.now(), AdviceRequestCancelled.SCHEMA_VERSION, request.adviceRequestId(),
                command.reason()));
    }

    /**
     * The case closed (refused, withdrawn, concluded without a plan): an open request is cancelled with the
     * closure's reason code, dated the day the case closed (or the day of the request, if that was later);
     * a submitted or cancelled one is left as it is (no event).
     */
    public static List<AdviceEvent> decide(CancelForClosedCase command, AdviceRequestState state, DecisionContext ctx) {
        Objects.requireNonNull(command, "command");
        AdviceRequestState.Request request = existing(state, command.adviceRequestId());
        if (request.status() != AdviceRequestStatus.REQUESTED) {
            return List.of();
        }
        LocalDate cancelled = command.closedDate().isBefore(request.requestedDate()) ? request.requestedDate() : command.closedDate();
        return List.of(new AdviceRequestCancelled(ctx.nextEventId(), request.caseId(), request.localAuthorityCode(),
                cancelled, ctx.now(), AdviceRequestCancelled.SCHEMA_VERSION, request.adviceRequestId(),
                command.closedAs().cancellationReason()));
    }

    /**
     * The LA returns submitted advice for rework (reason code on the event, note kept here): the request is
     * open again for a resubmission; its first submission stays counted (firstSubmittedDate).
     */
    public static List<AdviceEvent> decide(ReturnForRework command, AdviceRequestState state, DecisionContext ctx) {
        Objects.requireNonNull(command, "command");
        AdviceRequestState.Request request = existing(state, command.adviceRequestId());
        if (command.reason() == null) {
            throw CommandRejected.invalid("reason", "reason is required: one of " + List.of(AdviceReworkReason.values()));
        }
        if (command.returnedDate() == null) {
            throw CommandRejected.invalid("returnedDate", "returnedDate is required (yyyy-mm-dd)");
        }
        switch (request.status()) {
            case REQUESTED -> throw CommandRejected.conflict("advice request " + request.adviceRequestId()
                    + " has no advice to return: nothing was submitted since it was "
                    + (request.reworkCount() > 0 ? "last returned on " + request.returnedDate() : "requested"));
            case CANCELLED -> throw CommandRejected.conflict("advice request " + request.adviceRequestId()
                    + " was cancelled on " + request.cancelledDate());
            case SUBMITTED -> { }
        }
        if (command.returnedDate().isAfter(ctx.today())) {
            throw CommandRejected.unprocessable("returnedDate", "returnedDate " + command.returnedDate()
                    + " is in the future (today is " + ctx.today() + ")");
        }
        if (command.returnedDate().isBefore(request.submittedDate())) {
            throw CommandRejected.unprocessable("returnedDate", "returnedDate " + command.returnedDate()
                    + " is before the advice was submitted on " + request.submittedDate());
        }
        return List.of(new AdviceReturnedForRework(ctx.nextEventId(), request.caseId(), request.localAuthorityCode(),
                command.returnedDate(), ctx.now(), AdviceReturnedForRework.SCHEMA_VERSION, request.adviceRequestId(),
                command.reason()));
    }

    /** Four weeks, the shortest absence from the area that is an exception (Reg 8(2)(b)), counted inclusively. */
    static final int ABSENCE_DAYS = 28;

    /**
     * Records a Reg 8(2) exception on an open request: exceptional personal circumstances, absence from the
     * area for at least 4 weeks inside the 6 weeks, or a missed appointment inside the 6 weeks. A school
     * closure is no exception to the advice limit and is refused with the reason.
     */
    public static List<AdviceEvent> decide(RecordAdviceException command, AdviceRequestState state, DecisionContext ctx) {
        Objects.requireNonNull(command, "command");
        AdviceRequestState.Request request = existing(state, command.adviceRequestId());
        AdviceExceptionReason reason = exceptionReason(command.reason());
        if (command.startDate() == null) {
            throw CommandRejected.invalid("startDate", "startDate is required (yyyy-mm-dd)");
        }
        switch (request.status()) {
            case SUBMITTED -> throw CommandRejected.unprocessable("reason", "advice for request " + request.adviceRequestId()
                    + " was already submitted on " + request.submittedDate() + ": an exception to the 6 weeks is for advice still awaited");
            case CANCELLED -> throw CommandRejected.unprocessable("reason", "advice request " + request.adviceRequestId()
                    + " was cancelled on " + request.cancelledDate() + ": no exception applies to it");
            case REQUESTED -> { }
        }
        LocalDate today = ctx.today();
        LocalDate start = command.startDate();
        LocalDate end = command.endDate();
        if (start.isAfter(today)) {
            throw CommandRejected.unprocessable("startDate", "startDate " + start + " is in the future (today is " + today + ")");
        }
        if (start.isBefore(request.requestedDate()) || start.isAfter(request.dueDate())) {
            throw CommandRejected.unprocessable("startDate", "startDate " + start + " is outside the 6 weeks of the request ("
                    + request.requestedDate() + " to " + request.dueDate() + "): Reg 8(2) covers what happens inside them");
        }
        if (end != null && end.isBefore(start)) {
            throw CommandRejected.unprocessable("endDate", "endDate " + end + " is before startDate " + start);
        }
        if (end != null && end.isAfter(today)) {
            throw CommandRejected.unprocessable("endDate", "endDate " + end + " is in the future (today is " + today
                    + "): record the absence once it has lasted 4 weeks");
        }
        if (reason == AdviceExceptionReason.ABSENT_FROM_AREA) {
            if (end == null) {
                throw CommandRejected.unprocessable("endDate", "an absence from the area needs its last day (endDate):"
                        + " it is an exception only if it lasted 4 weeks or more");
            }
            long days = ChronoUnit.DAYS.between(start, end) + 1;
            if (days < ABSENCE_DAYS) {
                throw CommandRejected.unprocessable("endDate", "an absence of " + days + " days (" + start + " to " + end
                        + ") is shorter than the 4 weeks (28 days) Reg 8(2) requires");
            }
        }
        return List.of(new AdviceExceptionRecorded(ctx.nextEventId(), request.caseId(), request.localAuthorityCode(),
                today, ctx.now(), AdviceExceptionRecorded.SCHEMA_VERSION, request.adviceRequestId(), reason));
    }

    private static AdviceExceptionReason exceptionReason(String code) {
        if (code == null || code.isBlank()) {
            throw CommandRejected.invalid("reason", "reason is required: one of " + List.of(AdviceExceptionReason.values()));
        }
        String trimmed = code.trim();
        if (trimmed.equals("SCHOOL_CLOSURE")) {
            throw CommandRejected.unprocessable("reason", "a school closure is not an exception to the 6 weeks for advice:"
                    + " Reg 8(2) allows only exceptional personal circumstances, absence from the area for 4 weeks or more,"
                    + " or a missed appointment (school holidays and closures bear on the LA's own time limits, Reg 10(4),"
                    + " recorded in assessment-service)");
        }
        for (AdviceExceptionReason r : AdviceExceptionReason.values()) {
            if (r.name().equals(trimmed)) {
                return r;
            }
        }
        throw CommandRejected.invalid("reason", "reason '" + code + "' is not one of " + List.of(AdviceExceptionReason.values()));
    }

    private static AdviceRequestState.Request existing(AdviceRequestState state, UUID adviceRequestId) {
        if (state instanceof AdviceRequestState.Request request) {
            return request;
        }
        throw CommandRejected.notFound("there is no advice request " + adviceRequestId);
    }
}
