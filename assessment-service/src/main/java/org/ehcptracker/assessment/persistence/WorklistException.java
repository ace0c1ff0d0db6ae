package org.ehcptracker.assessment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.assessment.ExceptionReason;
import org.ehcptracker.contracts.assessment.StatutoryLimit;

/** One exception of {@code worklist_exception} (Flyway V3), as recorded; the worklist counts the open ones. */
@Entity
@Table(name = "worklist_exception")
public class WorklistException extends PanacheEntityBase {

    @Id
    @Column(name = "exception_id")
    public UUID exceptionId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "statutory_limit", nullable = false)
    public StatutoryLimit statutoryLimit;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason", nullable = false)
    public ExceptionReason reason;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    /** Exceptions of a case on one limit with no end date recorded. */
    static Uni<Long> openOn(UUID caseId, StatutoryLimit limit) {
        return count("caseId = ?1 and statutoryLimit = ?2 and endDate is null", caseId, limit);
    }
}
