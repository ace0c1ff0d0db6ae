package org.ehcptracker.advice.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An exception to the 6-week advice limit (Reg 8(2)) for one request.
 *
 * @param reason the ground as sent: one of {@code AdviceExceptionReason}; a school closure is refused here
 * @param startDate the day the circumstance began (the missed appointment's day; the first day of absence)
 * @param endDate the last day of an absence from the area (required for ABSENT_FROM_AREA, else optional)
 */
public record RecordAdviceException(UUID adviceRequestId, String reason, LocalDate startDate, LocalDate endDate) {
}
