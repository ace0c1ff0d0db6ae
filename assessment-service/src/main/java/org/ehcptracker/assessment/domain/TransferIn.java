package org.ehcptracker.assessment.domain;

import java.time.LocalDate;

/**
 * A request that reaches this LA as a transfer: the previous LA received it on the request's receivedDate, and
 * this LA became responsible on {@code transferDate} (the clock start).
 */
public record TransferIn(String fromLocalAuthorityCode, LocalDate transferDate) {
}
