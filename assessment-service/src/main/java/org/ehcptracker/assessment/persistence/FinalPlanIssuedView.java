package org.ehcptracker.assessment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.assessment.domain.IssuedFinalPlan;
import org.jboss.logging.Logger;

/**
 * A row of {@code final_plan_issued} (Flyway V5): plan-service's final plan of a case, as its
 * {@code FinalPlanIssued} said. The static methods run in the caller's Panache session (the consumer's or a
 * command's transaction).
 */
@Entity
@Table(name = "final_plan_issued")
public class FinalPlanIssuedView extends PanacheEntityBase {

    private static final Logger LOG = Logger.getLogger(FinalPlanIssuedView.class);

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "issued_date", nullable = false)
    public LocalDate issuedDate;

    /** The case's final plan as the domain sees it; empty while plan-service has not issued one (as far as known here). */
    public static Uni<Optional<IssuedFinalPlan>> of(UUID caseId) {
        return FinalPlanIssuedView.<FinalPlanIssuedView>findById(caseId)
                .map(row -> Optional.ofNullable(row).map(r -> new IssuedFinalPlan(r.planId, r.issuedDate)));
    }

    /**
     * The final plan was issued. plan-service issues one final plan per case; a second one with other facts is
     * logged and leaves the first (the first issue date is the one the figures were measured on).
     */
    public static Uni<Void> issued(UUID caseId, UUID planId, LocalDate issuedDate) {
        return FinalPlanIssuedView.<FinalPlanIssuedView>findById(caseId).chain(row -> {
            if (row != null) {
                if (!row.planId.equals(planId) || !row.issuedDate.equals(issuedDate)) {
                    LOG.warnf("final_plan_issued: case %s already has final plan %s issued %s; FinalPlanIssued for plan %s"
                            + " issued %s ignored", caseId, row.planId, row.issuedDate, planId, issuedDate);
                }
                return Uni.createFrom().voidItem();
            }
            FinalPlanIssuedView created = new FinalPlanIssuedView();
            created.caseId = caseId;
            created.planId = planId;
            created.issuedDate = issuedDate;
            return created.persist().replaceWithVoid();
        });
    }
}
