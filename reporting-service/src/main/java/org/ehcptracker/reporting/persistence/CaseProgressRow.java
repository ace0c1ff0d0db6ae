package org.ehcptracker.reporting.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.RequestKind;
import org.ehcptracker.reporting.domain.CaseProgress;
import org.ehcptracker.reporting.domain.CaseStatus;

/**
 * A row of {@code case_progress}: the facts of {@link CaseProgress}, plus its derived values stored
 * for SQL readers (always recomputed from the facts when written: {@link ProjectionBatchStore}).
 */
@Entity
@Table(name = "case_progress")
public class CaseProgressRow extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "local_authority_code")
    public String localAuthorityCode;

    @Column(name = "received_date")
    public LocalDate receivedDate;

    @Column(name = "transferred_in_date")
    public LocalDate transferredInDate;

    @Column(name = "clock_start")
    public LocalDate clockStart;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    public CaseStatus status;

    @Column(name = "closed_date")
    public LocalDate closedDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "decision")
    public AssessmentDecision decision;

    @Column(name = "decision_date")
    public LocalDate decisionDate;

    @Column(name = "withdrawn_date")
    public LocalDate withdrawnDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "assessment_outcome")
    public AssessmentOutcome assessmentOutcome;

    @Column(name = "assessment_outcome_date")
    public LocalDate assessmentOutcomeDate;

    @Column(name = "final_plan_issued_date")
    public LocalDate finalPlanIssuedDate;

    @Column(name = "issue_clock_start")
    public LocalDate issueClockStart;

    @Column(name = "within_20_weeks")
    public Boolean within20Weeks;

    @Column(name = "days_to_issue")
    public Integer daysToIssue;

    @Column(name = "mediation_or_tribunal")
    public boolean mediationOrTribunal;

    /** Derived: {@link CaseProgress#has20WeekException()}. */
    @Column(name = "has_20_week_exception")
    public boolean has20WeekException;

    @Convert(converter = UuidSetConverter.class)
    @Column(name = "twenty_week_exception_ids")
    public Set<UUID> twentyWeekExceptionIds = Set.of();

    @Convert(converter = UuidSetConverter.class)
    @Column(name = "withdrawn_exception_ids")
    public Set<UUID> withdrawnExceptionIds = Set.of();

    @Column(name = "refused_date")
    public LocalDate refusedDate;

    @Column(name = "refusal_dispute_date")
    public LocalDate refusalDisputeDate;

    /** AssessmentRequested.requestKind; null until the request is seen. */
    @Enumerated(EnumType.STRING)
    @Column(name = "request_kind")
    public RequestKind requestKind;

    /** The case as the domain sees it (the derived columns are not read back: the domain derives them). */
    public CaseProgress toCaseProgress() {
        return new CaseProgress(caseId, localAuthorityCode, receivedDate, transferredInDate, decision, decisionDate,
                withdrawnDate, assessmentOutcome, assessmentOutcomeDate, finalPlanIssuedDate, issueClockStart,
                mediationOrTribunal, twentyWeekExceptionIds, withdrawnExceptionIds, refusedDate, refusalDisputeDate,
                requestKind);
    }
}
