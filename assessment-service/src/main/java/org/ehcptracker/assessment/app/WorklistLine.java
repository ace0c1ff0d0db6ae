package org.ehcptracker.assessment.app;

import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.assessment.domain.CaseStatus;
import org.ehcptracker.assessment.domain.NextStatutoryStep;
import org.ehcptracker.contracts.assessment.RequestKind;

/**
 * One case on the worklist as of the council's today.
 *
 * @param requestKind INITIAL or REASSESSMENT (Reg 27: its next step is the 14-week final plan)
 * @param next     the next statutory step, its due date and whether an exception applies
 * @param daysLeft days from today to the due date, negative when late; null when nothing is due
 * @param finalPlanIssuedDate the day plan-service issued the final plan; null until then
 */
public record WorklistLine(UUID caseId, String localAuthorityCode, String childRef, RequestKind requestKind, CaseStatus status,
                           NextStatutoryStep next, Long daysLeft, String assignedCaseworker, LocalDate clockStart,
                           LocalDate receivedDate, String transferredFromLocalAuthority, int openExceptions,
                           LocalDate finalPlanIssuedDate) {
}
