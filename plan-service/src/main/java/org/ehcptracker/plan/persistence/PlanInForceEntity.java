package org.ehcptracker.plan.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A row of {@code plan_in_force}: a plan from its final issue, written in the final plan's transaction. */
@Entity
@Table(name = "plan_in_force")
public class PlanInForceEntity extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "local_authority_code", nullable = false)
    public String localAuthorityCode;

    @Column(name = "issued_date", nullable = false)
    public LocalDate issuedDate;

    @Column(name = "advice_outstanding_at_issue", nullable = false)
    public boolean adviceOutstandingAtIssue;

    public static Uni<Void> issued(UUID planId, UUID caseId, String localAuthorityCode, LocalDate issuedDate,
                                   boolean adviceOutstanding) {
        PlanInForceEntity row = new PlanInForceEntity();
        row.planId = planId;
        row.caseId = caseId;
        row.localAuthorityCode = localAuthorityCode;
        row.issuedDate = issuedDate;
        row.adviceOutstandingAtIssue = adviceOutstanding;
        return row.persist().replaceWithVoid();
    }

    /** The flag kept at issue, or null for a plan with no row. */
    public static Uni<Boolean> adviceOutstandingAtIssue(UUID planId) {
        return PlanInForceEntity.<PlanInForceEntity>findById(planId)
                .map(row -> row == null ? null : row.adviceOutstandingAtIssue);
    }
}
