package org.ehcptracker.assessment.rest;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.assessment.app.Worklist.CaseSummary;
import org.ehcptracker.assessment.domain.CaseStatus;

/** A case found by {@code GET /api/cases?childRef=}. */
@Schema(name = "CaseFound")
public record CaseFound(UUID caseId, String localAuthorityCode, String childRef, CaseStatus status, LocalDate receivedDate,
                        @Schema(description = "day 0 of the statutory clock (the day of a transfer in, when there was one)")
                        LocalDate clockStart) {

    static CaseFound of(CaseSummary s) {
        return new CaseFound(s.caseId(), s.localAuthorityCode(), s.childRef(), s.status(), s.receivedDate(), s.clockStart());
    }
}
