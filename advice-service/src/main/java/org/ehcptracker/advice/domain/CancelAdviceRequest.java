package org.ehcptracker.advice.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The LA withdraws an advice request it no longer needs.
 *
 * @param reason short reason, no personal details
 * @param cancelledDate the business date of the cancellation
 */
public record CancelAdviceRequest(UUID adviceRequestId, String reason, LocalDate cancelledDate) {
}
