package org.ehcptracker.advice.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.advice.AdviceCancellationReason;

/**
 * The LA withdraws an advice request it no longer needs.
 *
 * @param reason why, a code (published on AdviceRequestCancelled)
 * @param note the caseworker's own words; kept in this service only (never in an event), may be null
 * @param cancelledDate the business date of the cancellation; today when null
 */
public record CancelAdviceRequest(UUID adviceRequestId, AdviceCancellationReason reason, String note, LocalDate cancelledDate) {
}
