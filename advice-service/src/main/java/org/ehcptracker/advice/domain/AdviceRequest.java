package org.ehcptracker.advice.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.contracts.advice.AdviceRequestCancelled;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceReturnedForRework;
import org.ehcptracker.contracts.advice.AdviceSubmitted;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.clock.StatutoryClock;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;

/**
 * One request for advice from one partner agency on one case; its event stream id is the
 * adviceRequestId and every event carries the caseId (the Kafka key). The decide methods take the
 * stream's history and return the new events, or throw {@link CommandRejected}.
 *
 * <p>"Today" (for "not in the future" and lateness) is the injected {@link Clock}'s date, in the
 * council's zone that service-kit's {@code CouncilClock} gives it.
 */
public final class AdviceRequest {

    /** Role of an actor that is a partner agency ({@code agency:<agencyId>}). */
    public static final String AGENCY_ROLE = "agency";
    public static final int SCHEMA_VERSION = 1;
    /**
     * What an agency id may look like: the id part of an actor ({@code agency:<agencyId>}), so that
     * the agency addressed can identify itself when it submits.
     */
    public static final String AGENCY_ID_PATTERN = "[A-Za-z0-9._@-]{1,100}";

    private final UUID adviceRequestId;
    private final UUID caseId;
    private final String localAuthorityCode;
    private final AdviceType adviceType;
    private final String agencyId;
    private final LocalDate requestedDate;
    private final LocalDate dueDate;
    private AdviceRequestStatus status = AdviceRequestStatus.REQUESTED;
    private LocalDate submittedDate;
    private LocalDate cancelledDate;

    private AdviceRequest(AdviceRequested first) {
        this.adviceRequestId = first.adviceRequestId();
        this.caseId = first.caseId();
        this.localAuthorityCode = first.localAuthorityCode();
        this.adviceType = first.adviceType();
        this.agencyId = first.agencyId();
        this.requestedDate = first.businessDate();
        this.dueDate = first.dueDate();
    }

    /** The request as its events leave it; empty for an empty (unknown) stream. */
    public static Optional<AdviceRequest> rebuild(List<? extends AdviceEvent> history) {
        if (history.isEmpty()) {
            return Optional.empty();
        }
        if (!(history.get(0) instanceof AdviceRequested first)) {
            throw new IllegalStateException("an advice request stream must start with AdviceRequested, not "
                    + history.get(0).getClass().getSimpleName());
        }
        AdviceRequest request = new AdviceRequest(first);
        history.stream().skip(1).forEach(request::apply);
        return Optional.of(request);
    }

    private void apply(AdviceEvent event) {
        if (event instanceof AdviceSubmitted submitted) {
            status = AdviceRequestStatus.SUBMITTED;
            submittedDate = submitted.businessDate();
        } else if (event instanceof AdviceRequestCancelled cancelled) {
            status = AdviceRequestStatus.CANCELLED;
            cancelledDate = cancelled.businessDate();
        } else if (event instanceof AdviceReturnedForRework) {
            status = AdviceRequestStatus.REQUESTED;
            submittedDate = null;
        }
        // AdviceExceptionRecorded changes no status; a second AdviceRequested is never appended (see request)
    }

    // ---------------------------------------------------------------- commands

    /**
     * Opens the request. {@code seenCase} is the local view's row for the case (empty when
     * advice-service has not heard of it): advice may be requested only for a case the LA decided
     * to assess, and not before the day the LA received the assessment request.
     */
    public static List<AdviceEvent> request(List<? extends AdviceEvent> history, RequestAdvice command,
                                            Optional<AssessmentCase> seenCase, Clock clock) {
        Objects.requireNonNull(command, "command");
        if (!history.isEmpty()) {
            throw CommandRejected.conflict("advice request " + command.adviceRequestId() + " already exists");
        }
        if (command.adviceType() == null) {
            throw CommandRejected.invalid("adviceType", "adviceType is required: one of "
                    + List.of(AdviceType.values()));
        }
        if (command.agencyId() == null || command.agencyId().isBlank()) {
            throw CommandRejected.invalid("agencyId", "agencyId is required: the partner agency asked for advice");
        }
        if (!command.agencyId().matches(AGENCY_ID_PATTERN)) {
            throw CommandRejected.invalid("agencyId", "agencyId '" + command.agencyId()
                    + "' must be 1-100 letters, digits or . _ @ - (e.g. 839-EPS)");
        }
        if (command.requestedDate() == null) {
            throw CommandRejected.invalid("requestedDate", "requestedDate is required (yyyy-mm-dd)");
        }
        AssessmentCase theCase = AssessmentCase.acceptedForAssessment(command.caseId(), seenCase);
        LocalDate today = today(clock);
        if (command.requestedDate().isAfter(today)) {
            throw CommandRejected.unprocessable("requestedDate", "requestedDate " + command.requestedDate()
                    + " is in the future (today is " + today + "): record a request once the agency has it");
        }
        if (theCase.receivedDate() != null && command.requestedDate().isBefore(theCase.receivedDate())) {
            throw CommandRejected.unprocessable("requestedDate", "requestedDate " + command.requestedDate()
                    + " is before " + theCase.receivedDate() + ", the day the LA received the assessment request for case "
                    + command.caseId());
        }
        return List.of(new AdviceRequested(UUID.randomUUID(), command.caseId(), theCase.localAuthorityCode(),
                command.requestedDate(), clock.instant(), SCHEMA_VERSION, command.adviceRequestId(),
                command.adviceType(), command.agencyId(), StatutoryClock.adviceDue(command.requestedDate())));
    }

    /** Records the agency's advice: once, for an open request, by the agency addressed (or LA staff). */
    public static List<AdviceEvent> submit(List<? extends AdviceEvent> history, SubmitAdvice command, Clock clock) {
        Objects.requireNonNull(command, "command");
        AdviceRequest request = existing(history, command.adviceRequestId());
        if (command.submittedDate() == null) {
            throw CommandRejected.invalid("submittedDate", "submittedDate is required (yyyy-mm-dd)");
        }
        Actor actor = command.submittedBy();
        if (actor != null && AGENCY_ROLE.equals(actor.role()) && !actor.id().equals(request.agencyId)) {
            throw CommandRejected.unprocessable("agencyId", "advice request " + request.adviceRequestId
                    + " was addressed to agency " + request.agencyId + ", not to " + actor
                    + ": only the agency asked can submit its advice");
        }
        switch (request.status) {
            case SUBMITTED -> throw CommandRejected.conflict("advice for request " + request.adviceRequestId
                    + " was already submitted on " + request.submittedDate + "; a duplicate submission is not recorded");
            case CANCELLED -> throw CommandRejected.conflict("advice request " + request.adviceRequestId
                    + " was cancelled on " + request.cancelledDate + "; advice can no longer be submitted for it");
            case REQUESTED -> { }
        }
        LocalDate today = today(clock);
        if (command.submittedDate().isAfter(today)) {
            throw CommandRejected.unprocessable("submittedDate", "submittedDate " + command.submittedDate()
                    + " is in the future (today is " + today + ")");
        }
        if (command.submittedDate().isBefore(request.requestedDate)) {
            throw CommandRejected.unprocessable("submittedDate", "submittedDate " + command.submittedDate()
                    + " is before the advice was requested on " + request.requestedDate);
        }
        return List.of(new AdviceSubmitted(UUID.randomUUID(), request.caseId, request.localAuthorityCode,
                command.submittedDate(), clock.instant(), SCHEMA_VERSION, request.adviceRequestId,
                request.adviceType, request.agencyId));
    }

    /** Withdraws an open request; a submitted or already cancelled one cannot be cancelled. */
    public static List<AdviceEvent> cancel(List<? extends AdviceEvent> history, CancelAdviceRequest command,
                                           Clock clock) {
        Objects.requireNonNull(command, "command");
        AdviceRequest request = existing(history, command.adviceRequestId());
        if (command.reason() == null || command.reason().isBlank()) {
            throw CommandRejected.invalid("reason", "reason is required: say briefly why the advice is no longer needed");
        }
        switch (request.status) {
            case SUBMITTED -> throw CommandRejected.conflict("advice for request " + request.adviceRequestId
                    + " was already submitted on " + request.submittedDate + "; a submitted request cannot be cancelled");
            case CANCELLED -> throw CommandRejected.conflict("advice request " + request.adviceRequestId
                    + " was already cancelled on " + request.cancelledDate);
            case REQUESTED -> { }
        }
        LocalDate today = today(clock);
        LocalDate cancelled = command.cancelledDate() != null ? command.cancelledDate() : today;
        if (cancelled.isAfter(today)) {
            throw CommandRejected.unprocessable("cancelledDate", "cancelledDate " + cancelled
                    + " is in the future (today is " + today + ")");
        }
        if (cancelled.isBefore(request.requestedDate)) {
            throw CommandRejected.unprocessable("cancelledDate", "cancelledDate " + cancelled
                    + " is before the advice was requested on " + request.requestedDate);
        }
        return List.of(new AdviceRequestCancelled(UUID.randomUUID(), request.caseId, request.localAuthorityCode,
                cancelled, clock.instant(), SCHEMA_VERSION, request.adviceRequestId, command.reason().trim()));
    }

    private static AdviceRequest existing(List<? extends AdviceEvent> history, UUID adviceRequestId) {
        return rebuild(history).orElseThrow(() -> CommandRejected.notFound("there is no advice request " + adviceRequestId));
    }

    // ---------------------------------------------------------------- lateness

    /**
     * Late against the 6-week limit (Reg 8(1)): submitted after the due date, or still open on a day
     * after it. A cancelled request is never late; the due date itself is still in time.
     */
    public static boolean late(AdviceRequestStatus status, LocalDate dueDate, LocalDate submittedDate, LocalDate today) {
        return switch (status) {
            case SUBMITTED -> submittedDate.isAfter(dueDate);
            case REQUESTED -> today.isAfter(dueDate);
            case CANCELLED -> false;
        };
    }

    public boolean lateAsOf(LocalDate today) {
        return late(status, dueDate, submittedDate, today);
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- state

    public UUID adviceRequestId() {
        return adviceRequestId;
    }

    public UUID caseId() {
        return caseId;
    }

    public String localAuthorityCode() {
        return localAuthorityCode;
    }

    public AdviceType adviceType() {
        return adviceType;
    }

    public String agencyId() {
        return agencyId;
    }

    public LocalDate requestedDate() {
        return requestedDate;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public AdviceRequestStatus status() {
        return status;
    }

    public LocalDate submittedDate() {
        return submittedDate;
    }

    public LocalDate cancelledDate() {
        return cancelledDate;
    }

    /** For logs only. */
    @Override
    public String toString() {
        return "AdviceRequest[" + adviceRequestId + " case " + caseId + " " + adviceType + " from " + agencyId
                + " requested " + requestedDate + " due " + dueDate + " " + status + "]";
    }
}
