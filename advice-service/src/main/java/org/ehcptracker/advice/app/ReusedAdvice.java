package org.ehcptracker.advice.app;

import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.advice.AdviceType;

/**
 * Existing advice the LA uses instead of a new request (Reg 6(4)), as council staff see it.
 *
 * @param note the caseworker's note (kept in advice-service only); null when none, or erased
 * @param recordedBy who recorded it (the actor, never a name)
 */
public record ReusedAdvice(UUID adviceReuseId, UUID caseId, String localAuthorityCode, AdviceType adviceType,
                           String agencyId, LocalDate adviceDate, LocalDate recordedDate, String recordedBy, String note) {
}
