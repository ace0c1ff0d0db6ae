package org.ehcptracker.advice.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * The case of an advice request closed (assessment-service's event): cancel the request if still open.
 *
 * @param closedAs how the case closed (one of the statuses that {@link CaseStatus#closesAdvice() close advice})
 * @param closedDate the business date of the closing event
 */
public record CancelForClosedCase(UUID adviceRequestId, CaseStatus closedAs, LocalDate closedDate) {

    public CancelForClosedCase {
        Objects.requireNonNull(adviceRequestId, "adviceRequestId");
        Objects.requireNonNull(closedDate, "closedDate");
        if (!closedAs.closesAdvice()) {
            throw new IllegalArgumentException(closedAs + " does not close a case");
        }
    }
}
