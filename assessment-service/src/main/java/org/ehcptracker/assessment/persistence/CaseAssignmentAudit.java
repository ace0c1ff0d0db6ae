package org.ehcptracker.assessment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One change of a case's assigned caseworker, in {@code case_assignment_audit} (Flyway V3): never updated. */
@Entity
@Table(name = "case_assignment_audit")
public class CaseAssignmentAudit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** null: unassigned. */
    @Column(name = "caseworker")
    public String caseworker;

    @Column(name = "previous_caseworker")
    public String previousCaseworker;

    /** The actor who made the change, role:id. */
    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public static Uni<CaseAssignmentAudit> record(UUID caseId, String caseworker, String previousCaseworker,
                                                  String changedBy, Instant changedAt) {
        CaseAssignmentAudit row = new CaseAssignmentAudit();
        row.caseId = caseId;
        row.caseworker = caseworker;
        row.previousCaseworker = previousCaseworker;
        row.changedBy = changedBy;
        row.changedAt = changedAt;
        return row.persist();
    }

    /** A case's assignment history, oldest first. */
    public static Uni<List<CaseAssignmentAudit>> of(UUID caseId) {
        return CaseAssignmentAudit.<CaseAssignmentAudit>find("caseId", Sort.by("id"), caseId).list();
    }
}
