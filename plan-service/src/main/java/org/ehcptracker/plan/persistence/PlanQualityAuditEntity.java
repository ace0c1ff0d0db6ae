package org.ehcptracker.plan.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.contracts.plan.CriterionScore;
import org.ehcptracker.contracts.plan.PlanQualityAudited;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * A row of {@code plan_quality_audit}: one audit of a plan (its event's codes and scores) and the auditor's notes,
 * which stay in plan-service. Written by {@link PlanLifeProjection} in the event's transaction; the notes are set
 * right after, in the same transaction.
 */
@Entity
@Table(name = "plan_quality_audit")
public class PlanQualityAuditEntity extends PanacheEntityBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    @Column(name = "audit_id")
    public UUID auditId;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "local_authority_code", nullable = false)
    public String localAuthorityCode;

    @Column(name = "audit_date", nullable = false)
    public LocalDate auditDate;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "grade", nullable = false)
    public String grade;

    @Column(name = "score", nullable = false)
    public int score;

    @Column(name = "criteria", nullable = false)
    public String criteria;

    @Column(name = "notes")
    public String notes;

    static PlanQualityAuditEntity of(PlanQualityAudited e) {
        PlanQualityAuditEntity row = new PlanQualityAuditEntity();
        row.auditId = e.eventId();
        row.planId = e.planId();
        row.caseId = e.caseId();
        row.localAuthorityCode = e.localAuthorityCode();
        row.auditDate = e.businessDate();
        row.recordedAt = e.occurredAt();
        row.grade = e.grade().name();
        row.score = e.score();
        try {
            row.criteria = JSON.writeValueAsString(e.criteria());
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
        return row;
    }

    public List<CriterionScore> criterionScores() {
        try {
            return JSON.readValue(criteria, new TypeReference<List<CriterionScore>>() { });
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The audit's notes, in the transaction that appended its event (the projection's row, still managed). */
    public static Uni<Void> recordNotes(Mutiny.Session session, UUID auditId, String notes) {
        if (notes == null) {
            return Uni.createFrom().voidItem();
        }
        return session.find(PlanQualityAuditEntity.class, auditId).invoke(row -> {
            if (row == null) {
                throw new IllegalStateException("no plan_quality_audit row for audit " + auditId);
            }
            row.notes = notes;
        }).replaceWithVoid();
    }

    /** A plan's audits, oldest first (by audit date, then as recorded). */
    public static Uni<List<PlanQualityAuditEntity>> ofPlan(UUID planId) {
        return PlanQualityAuditEntity.<PlanQualityAuditEntity>find("planId = ?1 order by auditDate, recordedAt", planId)
                .list();
    }

    /** Erases the auditors' notes on a case's plans (PersonalDetailsErased); grades and scores stay. */
    public static Uni<Void> erase(Mutiny.Session session, UUID caseId) {
        return session.createNativeQuery("update plan_quality_audit set notes = null where case_id = ?1 and notes is not null")
                .setParameter(1, caseId)
                .executeUpdate()
                .replaceWithVoid();
    }
}
