package org.ehcptracker.assessment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.assessment.domain.CaseStatus;
import org.ehcptracker.assessment.domain.NextStatutoryStep;
import org.ehcptracker.assessment.domain.StatutoryStep;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.DisputeKind;
import org.ehcptracker.contracts.assessment.RequestKind;

/**
 * One row of {@code worklist_entry} (Flyway V3): a case as the caseworker's worklist shows it, with its next
 * statutory step and due date ({@link NextStatutoryStep}). The statutory columns are kept in step with the
 * case's events by {@link WorklistProjection} in the append's transaction; {@link #assignedCaseworker} is this
 * service's own fact, changed only by the assignment. Both writers lock the row ({@link #lockedById}) so that
 * neither overwrites the other's change.
 */
@Entity
@Table(name = "worklist_entry")
public class WorklistEntry extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "local_authority_code", nullable = false)
    public String localAuthorityCode;

    @Column(name = "child_ref", nullable = false)
    public String childRef;

    /** INITIAL or REASSESSMENT (V6): decides which limits the next step counts. */
    @Enumerated(EnumType.STRING)
    @Column(name = "request_kind", nullable = false)
    public RequestKind requestKind = RequestKind.INITIAL;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public CaseStatus status;

    @Column(name = "received_date", nullable = false)
    public LocalDate receivedDate;

    @Column(name = "clock_start", nullable = false)
    public LocalDate clockStart;

    @Column(name = "transferred_from_la")
    public String transferredFromLocalAuthority;

    @Enumerated(EnumType.STRING)
    @Column(name = "decision")
    public AssessmentDecision decision;

    @Column(name = "decision_date")
    public LocalDate decisionDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome")
    public AssessmentOutcome outcome;

    @Column(name = "conclusion_date")
    public LocalDate conclusionDate;

    @Column(name = "withdrawn_date")
    public LocalDate withdrawnDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "dispute_kind")
    public DisputeKind disputeKind;

    @Column(name = "dispute_registered_date")
    public LocalDate disputeRegisteredDate;

    /** The day plan-service issued the final plan (its {@code FinalPlanIssued}, V5); null until then. */
    @Column(name = "final_plan_issued_date")
    public LocalDate finalPlanIssuedDate;

    @Column(name = "assigned_caseworker")
    public String assignedCaseworker;

    @Enumerated(EnumType.STRING)
    @Column(name = "next_step")
    public StatutoryStep nextStep;

    @Column(name = "next_step_due")
    public LocalDate nextStepDue;

    @Column(name = "open_exceptions", nullable = false)
    public int openExceptions;

    /** The next step as the rule gives it from the row's status, clock start and open exceptions. */
    public NextStatutoryStep next() {
        return nextStep == null ? NextStatutoryStep.NONE : new NextStatutoryStep(nextStep, nextStepDue, openExceptions > 0);
    }

    /** The row, locked until the transaction ends (SELECT ... FOR UPDATE); null when there is none. */
    public static Uni<WorklistEntry> lockedById(UUID caseId) {
        return WorklistEntry.findById(caseId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * One page of a council's worklist, soonest due first (then by caseId; cases with nothing due last), and
     * the number of rows matching. Every filter but {@code localAuthorityCode} is optional (null: not applied).
     * Without {@code status} only cases with a next step are listed.
     *
     * @param dueFrom first due date to include
     * @param dueTo   last due date to include
     */
    public static Uni<Slice> page(String localAuthorityCode, String caseworker, CaseStatus status,
                                  LocalDate dueFrom, LocalDate dueTo, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = Parameters.with("la", localAuthorityCode);
        where.add("localAuthorityCode = :la");
        if (caseworker != null) {
            where.add("assignedCaseworker = :caseworker");
            params.and("caseworker", caseworker);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        } else {
            where.add("nextStep is not null");
        }
        if (dueFrom != null) {
            where.add("nextStepDue >= :dueFrom");
            params.and("dueFrom", dueFrom);
        }
        if (dueTo != null) {
            where.add("nextStepDue <= :dueTo");
            params.and("dueTo", dueTo);
        }
        Sort sort = Sort.by("nextStepDue", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST).and("caseId");
        PanacheQuery<WorklistEntry> query = WorklistEntry.find(String.join(" and ", where), sort, params);
        return query.count().chain(total -> query.page(Page.of(page, size)).list().map(rows -> new Slice(rows, total)));
    }

    /** Every case of a child (by the pseudonymous childRef), oldest request first. */
    public static Uni<List<WorklistEntry>> forChild(String childRef) {
        return WorklistEntry.<WorklistEntry>find("childRef", Sort.by("receivedDate").and("caseId"), childRef).list();
    }

    /** One page of rows and how many rows match in all. */
    public record Slice(List<WorklistEntry> rows, long total) {
    }
}
