package org.ehcptracker.assessment.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.assessment.app.WorklistLine;
import org.ehcptracker.assessment.app.WorklistPage;
import org.ehcptracker.assessment.domain.CaseStatus;
import org.ehcptracker.assessment.domain.StatutoryStep;
import org.ehcptracker.contracts.assessment.RequestKind;

/** One page of the worklist. */
@Schema(name = "Worklist")
public record WorklistView(
        List<Row> cases,
        @Schema(description = "how many cases match the filters in all pages") long total,
        @Schema(description = "0-based") int page,
        int size,
        @Schema(description = "the council's today (ehcp.zone) that daysLeft and overdue count from") LocalDate today) {

    /** One case on the worklist. */
    @Schema(name = "WorklistRow")
    public record Row(
            UUID caseId,
            String localAuthorityCode,
            String childRef,
            @Schema(description = "INITIAL, or REASSESSMENT of a child who already has a plan (Reg 27: the final plan within 14 weeks is its only step)")
            RequestKind requestKind,
            CaseStatus status,
            @Schema(description = "the next statutory step; null when the case is closed here (refused, withdrawn, no plan) or its final plan was issued")
            StatutoryStep nextStep,
            @Schema(description = "the last day the next step is in time (StatutoryClock, from clockStart)")
            LocalDate dueDate,
            @Schema(description = "days from today to dueDate: 0 on the day, negative when late")
            Long daysLeft,
            @Schema(description = "an exception recorded on the next step's limit is open: lateness is excused; the due date stays")
            boolean exceptionApplies,
            @Schema(description = "exceptions on the next step's limit with no end date recorded")
            int openExceptions,
            @Schema(description = "the assigned caseworker's id; null when unassigned")
            String assignedCaseworker,
            @Schema(description = "day 0 of the statutory clock: receivedDate, or the day this council became responsible after a transfer in")
            LocalDate clockStart,
            @Schema(description = "the day the request was received")
            LocalDate receivedDate,
            @Schema(description = "the council responsible before a transfer in; null otherwise")
            String transferredFrom,
            @Schema(description = "the day plan-service issued the final plan; null until then. Once issued the case has no next step")
            LocalDate finalPlanIssuedDate) {

        static Row of(WorklistLine l) {
            return new Row(l.caseId(), l.localAuthorityCode(), l.childRef(), l.requestKind(), l.status(), l.next().step(), l.next().due(),
                    l.daysLeft(), l.next().exceptionApplies(), l.openExceptions(), l.assignedCaseworker(), l.clockStart(),
                    l.receivedDate(), l.transferredFromLocalAuthority(), l.finalPlanIssuedDate());
        }
    }

    static WorklistView of(WorklistPage p) {
        return new WorklistView(p.lines().stream().map(Row::of).toList(), p.total(), p.page(), p.size(), p.today());
    }
}
