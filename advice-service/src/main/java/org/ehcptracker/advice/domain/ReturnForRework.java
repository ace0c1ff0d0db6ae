package org.ehcptracker.advice.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.advice.AdviceReworkReason;

/**
 * The LA returns submitted advice that does not meet the need; the agency resubmits.
 *
 * @param note the caseworker's explanation; kept in this service only (never in an event), may be null
 */
public record ReturnForRework(UUID adviceRequestId, LocalDate returnedDate, AdviceReworkReason reason, String note) {
}
