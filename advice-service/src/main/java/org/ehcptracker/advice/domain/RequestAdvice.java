package org.ehcptracker.advice.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.advice.AdviceType;

/**
 * The LA asks a partner agency for advice on a case accepted for assessment.
 *
 * @param adviceRequestId new id, chosen by the caller (the stream id)
 * @param requestedDate the day the agency received the request: its 6 weeks start here (Reg 8(1))
 */
public record RequestAdvice(UUID adviceRequestId, UUID caseId, AdviceType adviceType, String agencyId,
                            LocalDate requestedDate) {
}
