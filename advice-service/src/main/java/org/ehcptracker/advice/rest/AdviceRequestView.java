package org.ehcptracker.advice.rest;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.advice.app.AdviceRequestAsOf;
import org.ehcptracker.advice.domain.AdviceRequestStatus;
import org.ehcptracker.contracts.advice.AdviceType;

/** An advice request as the API shows it. */
public record AdviceRequestView(
        UUID adviceRequestId,
        UUID caseId,
        AdviceType adviceType,
        String agencyId,
        LocalDate requestedDate,
        @Schema(description = "requestedDate + 6 weeks (Reg 8(1)); the last day that is in time")
        LocalDate dueDate,
        AdviceRequestStatus status,
        LocalDate submittedDate,
        LocalDate cancelledDate,
        @Schema(description = "submitted after the due date, or still open on a day after it (as of today)")
        boolean late) {

    static AdviceRequestView of(AdviceRequestAsOf dated) {
        var r = dated.request();
        return new AdviceRequestView(r.adviceRequestId(), r.caseId(), r.adviceType(), r.agencyId(), r.requestedDate(),
                r.dueDate(), r.status(), r.submittedDate(), r.cancelledDate(), dated.late());
    }
}
