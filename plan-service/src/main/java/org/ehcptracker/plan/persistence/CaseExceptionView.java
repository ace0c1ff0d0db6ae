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
import org.ehcptracker.contracts.assessment.ExceptionRecorded;
import org.ehcptracker.contracts.assessment.ExceptionReason;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.plan.domain.AssessmentHistory;
import org.jboss.logging.Logger;

/**
 * A row of {@code case_exception}: one exception to a statutory limit of a case, from assessment-service's
 * ExceptionRecorded, ExceptionCorrected and ExceptionWithdrawn. In the caller's session (the consumer's transaction).
 */
@Entity
@Table(name = "case_exception")
public class CaseExceptionView extends PanacheEntityBase {

    private static final Logger LOG = Logger.getLogger(CaseExceptionView.class);

    @Id
    @Column(name = "exception_id")
    public UUID exceptionId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "statutory_limit", nullable = false)
    public StatutoryLimit limit;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason", nullable = false)
    public ExceptionReason reason;

    @Column(name = "recorded_date", nullable = false)
    public LocalDate recordedDate;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "withdrawn", nullable = false)
    public boolean withdrawn;

    /** A new exception; one already known (a redelivery the idempotent consumer did not catch) is left as it is. */
    public static Uni<Void> recorded(ExceptionRecorded e) {
        return CaseExceptionView.<CaseExceptionView>findById(e.exceptionId()).chain(row -> {
            if (row != null) {
                return Uni.createFrom().voidItem();
            }
            CaseExceptionView created = new CaseExceptionView();
            created.exceptionId = e.exceptionId();
            created.caseId = e.caseId();
            created.limit = e.limit();
            created.reason = e.reason();
            created.recordedDate = e.businessDate();
            created.startDate = e.startDate();
            created.endDate = e.endDate();
            return created.persist().replaceWithVoid();
        });
    }

    /** Its end date set or changed. */
    public static Uni<Void> corrected(UUID exceptionId, LocalDate endDate) {
        return change(exceptionId, "correct", row -> row.endDate = endDate);
    }

    /** Recorded in error: kept, flagged, counted for nothing. */
    public static Uni<Void> withdrawn(UUID exceptionId) {
        return change(exceptionId, "withdraw", row -> row.withdrawn = true);
    }

    public static Uni<List<AssessmentHistory.LimitException>> ofCase(UUID caseId) {
        return CaseExceptionView.<CaseExceptionView>list("caseId", Sort.by("recordedDate").and("exceptionId"), caseId)
                .map(rows -> rows.stream().map(r -> new AssessmentHistory.LimitException(r.exceptionId, r.limit,
                        r.reason, r.recordedDate, r.startDate, r.endDate, r.withdrawn)).toList());
    }

    private static Uni<Void> change(UUID exceptionId, String what, java.util.function.Consumer<CaseExceptionView> change) {
        return CaseExceptionView.<CaseExceptionView>findById(exceptionId).invoke(row -> {
            if (row == null) {
                LOG.warnf("case_exception has no exception %s to %s: its ExceptionRecorded was never received",
                        exceptionId, what);
            } else {
                change.accept(row);
            }
        }).replaceWithVoid();
    }
}
