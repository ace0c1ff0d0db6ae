package org.ehcptracker.advice.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.kit.domain.AggregateType;

/**
 * The advice request aggregate: one request for advice from one partner agency on one case. Its
 * event stream id is the adviceRequestId and every event carries the caseId (the Kafka key). The
 * state is {@link AdviceRequestState}; the commands are answered by {@link AdviceDecider}.
 */
public final class AdviceRequest {

    /** How the application service loads and rebuilds an advice request. */
    public static final AggregateType<AdviceRequestState, AdviceEvent> TYPE = new AggregateType<>(
            "advice request", AdviceEvent.class, AdviceRequestState.NONE, AdviceRequestState::evolve);

    /** Role of an actor that is a partner agency ({@code agency:<agencyId>}). */
    public static final String AGENCY_ROLE = "agency";

    /**
     * What an agency id may look like: the id part of an actor ({@code agency:<agencyId>}), so that
     * the agency addressed can identify itself when it submits.
     */
    public static final String AGENCY_ID_PATTERN = "[A-Za-z0-9._@-]{1,100}";

    private AdviceRequest() {
    }

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

    /**
     * Days left before the due date of an open request, counted from {@code today}: 0 on the due date
     * itself (still in time); null once overdue, submitted or cancelled.
     */
    public static Long daysLeft(AdviceRequestStatus status, LocalDate dueDate, LocalDate today) {
        if (status != AdviceRequestStatus.REQUESTED || today.isAfter(dueDate)) {
            return null;
        }
        return ChronoUnit.DAYS.between(today, dueDate);
    }

    /**
     * Days past the due date: of an open request, as of {@code today}; of submitted advice, on the day it
     * was submitted. Null when in time or cancelled.
     */
    public static Long daysLate(AdviceRequestStatus status, LocalDate dueDate, LocalDate submittedDate, LocalDate today) {
        LocalDate judgedOn = switch (status) {
            case REQUESTED -> today;
            case SUBMITTED -> submittedDate;
            case CANCELLED -> null;
        };
        if (judgedOn == null || !judgedOn.isAfter(dueDate)) {
            return null;
        }
        return ChronoUnit.DAYS.between(dueDate, judgedOn);
    }
}
