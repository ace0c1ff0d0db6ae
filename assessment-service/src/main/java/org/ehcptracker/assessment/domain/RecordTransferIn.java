package org.ehcptracker.assessment.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The child moved into an LA's area mid-process and that LA became responsible: the statutory clock restarts
 * on {@code transferDate}.
 *
 * @param localAuthorityCode     the LA now responsible; null means the case's own LA (the case was recorded by the
 *                               receiving LA)
 * @param fromLocalAuthorityCode the LA that was responsible before; must differ from the receiving LA
 * @param transferDate           the day the receiving LA became responsible: not before the clock start, not after today
 */
public record RecordTransferIn(UUID caseId, String localAuthorityCode, String fromLocalAuthorityCode,
        LocalDate transferDate) {
}
