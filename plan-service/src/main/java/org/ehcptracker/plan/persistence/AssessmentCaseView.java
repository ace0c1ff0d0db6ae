package org.ehcptracker.plan.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.plan.domain.AssessmentCase;
import org.ehcptracker.plan.domain.AssessmentHistory;
import org.ehcptracker.plan.domain.CaseStatus;
import org.jboss.logging.Logger;

/**
 * A row of {@code assessment_case}: plan-service's view of one of assessment-service's cases. The
 * static methods run in the caller's Panache session (a consumer's or a command's transaction).
 */
@Entity
@Table(name = "assessment_case")
public class AssessmentCaseView extends PanacheEntityBase {

    private static final Logger LOG = Logger.getLogger(AssessmentCaseView.class);

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "local_authority_code", nullable = false)
    public String localAuthorityCode;

    /** Day 0 of the 20-week clock: request received, or responsibility transferred in. */
    @Column(name = "clock_start", nullable = false)
    public LocalDate clockStart;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public CaseStatus status;

    /** The day the assessment concluded (either outcome), or null. */
    @Column(name = "concluded_date")
    public LocalDate concludedDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "assessment_outcome")
    public AssessmentOutcome assessmentOutcome;

    /** The case as the domain sees it; empty when the view has never heard of it. */
    public static Uni<Optional<AssessmentCase>> known(UUID caseId) {
        return AssessmentCaseView.<AssessmentCaseView>findById(caseId)
                .map(row -> Optional.ofNullable(row).map(AssessmentCaseView::toCase));
    }

    /**
     * A request reached the LA: the case starts, its clock at the received date. A case already known
     * (first seen through its transfer in) keeps its row: the transfer's clock start is the later one.
     */
    public static Uni<Void> requested(UUID caseId, String localAuthorityCode, LocalDate received) {
        return AssessmentCaseView.<AssessmentCaseView>findById(caseId).chain(row -> row != null
                ? Uni.createFrom().voidItem()
                : newCase(caseId, localAuthorityCode, received).persist().replaceWithVoid());
    }

    /**
     * The assessment concluded: the outcome and its date are kept; NO_PLAN also closes the case to plans
     * (CONCLUDED_NO_PLAN), ISSUE_PLAN leaves it ASSESSING.
     */
    public static Uni<Void> concluded(UUID caseId, LocalDate on, AssessmentOutcome outcome) {
        return AssessmentCaseView.<AssessmentCaseView>findById(caseId).invoke(row -> {
            if (row == null) {
                LOG.warnf("assessment_case has no case %s to conclude: its AssessmentRequested was never received",
                        caseId);
            } else {
                row.concludedDate = on;
                row.assessmentOutcome = outcome;
                if (outcome == AssessmentOutcome.NO_PLAN) {
                    row.status = CaseStatus.CONCLUDED_NO_PLAN;
                }
            }
        }).replaceWithVoid();
    }

    /** The case's conclusion, exceptions and disputes as this service knows them (NONE for a case it never saw). */
    public static Uni<AssessmentHistory> history(UUID caseId) {
        return AssessmentCaseView.<AssessmentCaseView>findById(caseId)
                .chain(row -> CaseExceptionView.ofCase(caseId)
                        .chain(exceptions -> CaseDisputeView.ofCase(caseId)
                                .map(disputes -> AssessmentHistory.of(row == null ? null : row.concludedDate,
                                        row == null ? null : row.assessmentOutcome, exceptions, disputes))));
    }

    /** A decision to assess or refuse, a withdrawal, or a conclusion with no plan. */
    public static Uni<Void> status(UUID caseId, CaseStatus status) {
        return AssessmentCaseView.<AssessmentCaseView>findById(caseId).invoke(row -> {
            if (row == null) {
                LOG.warnf("assessment_case has no case %s to mark %s: its AssessmentRequested was never received",
                        caseId, status);
            } else {
                row.status = status;
            }
        }).replaceWithVoid();
    }

    /**
     * This LA became responsible: the clock restarts on {@code responsibleFrom}. A case first seen
     * through its transfer starts as REQUESTED (no decision to assess known here yet).
     */
    public static Uni<Void> transferredIn(UUID caseId, String localAuthorityCode, LocalDate responsibleFrom) {
        return AssessmentCaseView.<AssessmentCaseView>findById(caseId).chain(row -> {
            if (row == null) {
                return newCase(caseId, localAuthorityCode, responsibleFrom).persist().replaceWithVoid();
            }
            row.localAuthorityCode = localAuthorityCode;
            row.clockStart = responsibleFrom;
            return Uni.createFrom().voidItem();
        });
    }

    public AssessmentCase toCase() {
        return new AssessmentCase(caseId, localAuthorityCode, clockStart, status);
    }

    private static AssessmentCaseView newCase(UUID caseId, String localAuthorityCode, LocalDate clockStart) {
        AssessmentCaseView row = new AssessmentCaseView();
        row.caseId = caseId;
        row.localAuthorityCode = localAuthorityCode;
        row.clockStart = clockStart;
        row.status = CaseStatus.REQUESTED;
        return row;
    }
}
