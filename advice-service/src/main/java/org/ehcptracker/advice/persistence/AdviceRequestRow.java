package org.ehcptracker.advice.persistence;

import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.advice.domain.AdviceRequestStatus;
import org.ehcptracker.contracts.advice.AdviceType;

/** One row of {@code advice_request_view}. */
public record AdviceRequestRow(UUID adviceRequestId, UUID caseId, String localAuthorityCode, AdviceType adviceType,
                               String agencyId, LocalDate requestedDate, LocalDate dueDate,
                               AdviceRequestStatus status, LocalDate submittedDate, LocalDate cancelledDate) {
}
