package org.ehcptracker.plan.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A row of {@code annual_review}: one review of a plan, kept by {@link PlanLifeProjection}. */
@Entity
@Table(name = "annual_review")
public class AnnualReviewEntity extends PanacheEntityBase {

    @Id
    @Column(name = "review_id")
    public UUID reviewId;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "local_authority_code", nullable = false)
    public String localAuthorityCode;

    @Column(name = "meeting_date", nullable = false)
    public LocalDate meetingDate;

    @Column(name = "decision_due", nullable = false)
    public LocalDate decisionDue;

    @Column(name = "outcome")
    public String outcome;

    @Column(name = "decided_date")
    public LocalDate decidedDate;

    @Column(name = "amended_plan_due")
    public LocalDate amendedPlanDue;

    @Column(name = "amended_issued_date")
    public LocalDate amendedIssuedDate;

    @Column(name = "phase_transfer")
    public String phaseTransfer;

    @Column(name = "phase_transfer_deadline")
    public LocalDate phaseTransferDeadline;

    /** the setting (URN or type) the amended plan named, or null */
    @Column(name = "amended_setting")
    public String amendedSetting;

    public static Uni<List<AnnualReviewEntity>> ofPlan(UUID planId) {
        return list("planId", Sort.by("meetingDate"), planId);
    }
}
