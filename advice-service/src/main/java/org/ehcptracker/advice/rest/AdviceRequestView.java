package org.ehcptracker.advice.rest;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.advice.app.AdviceRequestAsOf;
import org.ehcptracker.advice.domain.AdviceRequestStatus;
import org.ehcptracker.contracts.advice.AdviceExceptionReason;
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
        boolean late,
        @Schema(description = "open and not overdue: days from today to the due date (0 on the due date); otherwise null")
        Long daysLeft,
        @Schema(description = "days past the due date: of an open request as of today, of submitted advice on its"
                + " submission; null when in time or cancelled")
        Long daysLate,
        @Schema(description = "the first submission (kept through a return for rework); timeliness of the first answer")
        LocalDate firstSubmittedDate,
        @Schema(description = "true while open after the LA returned the advice for rework")
        boolean returnedForRework,
        @Schema(description = "the last day the LA returned the advice for rework")
        LocalDate returnedDate,
        int reworkCount,
        @Schema(description = "a Reg 8(2) exception to the 6 weeks recorded for this request")
        AdviceExceptionReason exceptionReason,
        LocalDate exceptionDate,
        @Schema(description = "the caseworker's note on the cancellation: to council staff only (null for an agency),"
                + " kept by advice-service, never published")
        String cancellationNote) {

    static AdviceRequestView of(AdviceRequestAsOf dated) {
        return of(dated, null);
    }

    static AdviceRequestView of(AdviceRequestAsOf dated, String cancellationNote) {
        var r = dated.request();
        return new AdviceRequestView(r.adviceRequestId(), r.caseId(), r.adviceType(), r.agencyId(), r.requestedDate(),
                r.dueDate(), r.status(), r.submittedDate(), r.cancelledDate(), dated.late(),
                r.daysLeftAsOf(dated.today()), r.daysLateAsOf(dated.today()), r.firstSubmittedDate(), r.awaitingRework(),
                r.returnedDate(), r.reworkCount(), r.exceptionReason(), r.exceptionDate(), cancellationNote);
    }
}
