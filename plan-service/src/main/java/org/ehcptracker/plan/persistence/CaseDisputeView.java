package org.ehcptracker.plan.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.contracts.assessment.DisputeKind;
import org.ehcptracker.contracts.assessment.DisputeOutcome;
import org.ehcptracker.contracts.assessment.DisputeResolved;
import org.ehcptracker.contracts.assessment.DisputeStage;
import org.ehcptracker.contracts.assessment.MediationOrTribunalRecorded;
import org.ehcptracker.plan.domain.AssessmentHistory;
import org.jboss.logging.Logger;

/**
 * A row of {@code case_dispute}: one mediation or tribunal appeal of a case, from assessment-service's
 * MediationOrTribunalRecorded and DisputeResolved. In the caller's session (the consumer's transaction).
 */
@Entity
@Table(name = "case_dispute")
public class CaseDisputeView extends PanacheEntityBase {

    private static final Logger LOG = Logger.getLogger(CaseDisputeView.class);

    @Id
    @Column(name = "dispute_id")
    public UUID disputeId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    public DisputeKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "stage", nullable = false)
    public DisputeStage stage;

    @Column(name = "registered_date", nullable = false)
    public LocalDate registeredDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome")
    public DisputeOutcome outcome;

    @Column(name = "resolved_date")
    public LocalDate resolvedDate;

    /** A new dispute; one already known is left as it is. */
    public static Uni<Void> registered(MediationOrTribunalRecorded e) {
        return CaseDisputeView.<CaseDisputeView>findById(e.disputeId()).chain(row -> {
            if (row != null) {
                return Uni.createFrom().voidItem();
            }
            CaseDisputeView created = new CaseDisputeView();
            created.disputeId = e.disputeId();
            created.caseId = e.caseId();
            created.kind = e.kind();
            created.stage = e.stage();
            created.registeredDate = e.businessDate();
            return created.persist().replaceWithVoid();
        });
    }

    public static Uni<Void> resolved(DisputeResolved e) {
        return CaseDisputeView.<CaseDisputeView>findById(e.disputeId()).invoke(row -> {
            if (row == null) {
                LOG.warnf("case_dispute has no dispute %s to resolve: its MediationOrTribunalRecorded was never received",
                        e.disputeId());
            } else {
                row.outcome = e.outcome();
                row.resolvedDate = e.businessDate();
            }
        }).replaceWithVoid();
    }

    public static Uni<List<AssessmentHistory.Dispute>> ofCase(UUID caseId) {
        return CaseDisputeView.<CaseDisputeView>list("caseId", Sort.by("registeredDate").and("disputeId"), caseId)
                .map(rows -> rows.stream().map(r -> new AssessmentHistory.Dispute(r.disputeId, r.kind, r.stage,
                        r.registeredDate, r.outcome, r.resolvedDate)).toList());
    }
}
