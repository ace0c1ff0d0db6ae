package org.ehcptracker.assessment.domain;

import java.time.LocalDate;
import java.util.UUID;

/** The requester withdrew the request for an assessment. */
public record WithdrawRequest(UUID caseId, LocalDate withdrawnDate) {
}
