package org.ehcptracker.plan.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ehcptracker.plan.domain.PlanInForce;
import org.ehcptracker.plan.domain.PlanView;

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

    @Column(name = "last_review_meeting")
    public LocalDate lastReviewMeeting;

    @Column(name = "review_due", nullable = false)
    public LocalDate reviewDue;

    @Column(name = "open_review_id")
    public UUID openReviewId;

    @Column(name = "ceased_date")
    public LocalDate ceasedDate;

    @Column(name = "cease_reason")
    public String ceaseReason;

    public PlanInForce toPlan() {
        return new PlanInForce(planId, caseId, localAuthorityCode, issuedDate, lastReviewMeeting, openReviewId,
                ceasedDate);
    }

    /**
     * The plan as a command decides on it. Not locked (the event append must be the transaction's first write):
     * {@link PlanLifeProjection} re-checks the row with a guarded update after the append, so a concurrent command
     * on the same plan that changed it in between makes this one fail with 409.
     */
    public static Uni<Optional<PlanInForce>> forCommand(UUID planId) {
        return PlanInForceEntity.<PlanInForceEntity>findById(planId)
                .map(row -> Optional.ofNullable(row).map(PlanInForceEntity::toPlan));
    }

    public static Uni<Void> issued(UUID planId, UUID caseId, String localAuthorityCode, LocalDate issuedDate,
                                   boolean adviceOutstanding) {
        PlanInForceEntity row = new PlanInForceEntity();
        row.planId = planId;
        row.caseId = caseId;
        row.localAuthorityCode = localAuthorityCode;
        row.issuedDate = issuedDate;
        row.adviceOutstandingAtIssue = adviceOutstanding;
        row.reviewDue = row.toPlan().reviewDue();
        return row.persist().replaceWithVoid();
    }

    /** How each of the case's plans that ceased ended, by planId (empty while none has). */
    public static Uni<Map<UUID, PlanView.Cessation>> cessationsOfCase(UUID caseId) {
        return PlanInForceEntity.<PlanInForceEntity>list("caseId = ?1 and ceasedDate is not null", caseId)
                .map(rows -> rows.stream().collect(Collectors.toMap(r -> r.planId,
                        r -> new PlanView.Cessation(r.ceasedDate, r.ceaseReason))));
    }

    /** The flag kept at issue, or null for a plan with no row. */
    public static Uni<Boolean> adviceOutstandingAtIssue(UUID planId) {
        return PlanInForceEntity.<PlanInForceEntity>findById(planId)
                .map(row -> row == null ? null : row.adviceOutstandingAtIssue);
    }
}
