package org.ehcptracker.plan.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A row of {@code draft_in_progress}: a plan's draft until (and after) its final plan, kept by {@link PlanMakingProjection};
 * one per plan, so a case whose plan ceased has a row for each plan it made.
 */
@Entity
@Table(name = "draft_in_progress")
public class DraftInProgressEntity extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "local_authority_code", nullable = false)
    public String localAuthorityCode;

    @Column(name = "draft_issued_date", nullable = false)
    public LocalDate draftIssuedDate;

    @Column(name = "comments_end", nullable = false)
    public LocalDate commentsEnd;

    @Column(name = "parent_response_date")
    public LocalDate parentResponseDate;

    @Column(name = "final_issued_date")
    public LocalDate finalIssuedDate;
}
