package org.ehcptracker.plan.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
import java.util.function.Consumer;
import org.ehcptracker.plan.domain.AdviceSummary;
import org.jboss.logging.Logger;

/**
 * A row of {@code case_advice}: plan-service's view of one of advice-service's advice requests. The
 * static methods run in the caller's Panache session (a consumer's or a command's transaction).
 */
@Entity
@Table(name = "case_advice")
public class CaseAdviceView extends PanacheEntityBase {

    private static final Logger LOG = Logger.getLogger(CaseAdviceView.class);

    /** The values the table's check constraint allows. */
    public enum Status { REQUESTED, SUBMITTED, CANCELLED }

    @Id
    @Column(name = "advice_request_id")
    public UUID adviceRequestId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "advice_type", nullable = false)
    public String adviceType;

    @Column(name = "agency_id", nullable = false)
    public String agencyId;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public Status status;

    @Column(name = "submitted_date")
    public LocalDate submittedDate;

    /**
     * Counts for the plan view; "overdue" means still awaited after the due date, as of {@code today}.
     * A case has a handful of advice requests, so they are counted here rather than in SQL.
     */
    public static Uni<AdviceSummary> summary(UUID caseId, LocalDate today) {
        return CaseAdviceView.<CaseAdviceView>list("caseId", caseId).map(rows -> summary(rows, today));
    }

    static AdviceSummary summary(List<CaseAdviceView> rows, LocalDate today) {
        int requested = 0;
        int submitted = 0;
        int overdue = 0;
        for (CaseAdviceView row : rows) {
            if (row.status != Status.CANCELLED) {
                requested++;
            }
            if (row.status == Status.SUBMITTED) {
                submitted++;
            }
            if (row.status == Status.REQUESTED && row.dueDate.isBefore(today)) {
                overdue++;
            }
        }
        return new AdviceSummary(requested, submitted, overdue);
    }

    /** A new request, awaited; a request already known is left as it is. */
    public static Uni<Void> requested(UUID adviceRequestId, UUID caseId, String adviceType, String agencyId,
                                      LocalDate dueDate) {
        return CaseAdviceView.<CaseAdviceView>findById(adviceRequestId).chain(known -> {
            if (known != null) {
                return Uni.createFrom().voidItem();
            }
            CaseAdviceView row = new CaseAdviceView();
            row.adviceRequestId = adviceRequestId;
            row.caseId = caseId;
            row.adviceType = adviceType;
            row.agencyId = agencyId;
            row.dueDate = dueDate;
            row.status = Status.REQUESTED;
            return row.persist().replaceWithVoid();
        });
    }

    public static Uni<Void> submitted(UUID adviceRequestId, LocalDate submittedOn) {
        return change(adviceRequestId, "SUBMITTED", row -> {
            row.status = Status.SUBMITTED;
            row.submittedDate = submittedOn;
        });
    }

    /** Sent back for rework: awaited again. */
    public static Uni<Void> reopened(UUID adviceRequestId) {
        return change(adviceRequestId, "REQUESTED again", row -> {
            row.status = Status.REQUESTED;
            row.submittedDate = null;
        });
    }

    public static Uni<Void> cancelled(UUID adviceRequestId) {
        return change(adviceRequestId, "CANCELLED", row -> row.status = Status.CANCELLED);
    }

    private static Uni<Void> change(UUID adviceRequestId, String what, Consumer<CaseAdviceView> change) {
        return CaseAdviceView.<CaseAdviceView>findById(adviceRequestId).invoke(row -> {
            if (row == null) {
                LOG.warnf("case_advice has no advice request %s to mark %s: its AdviceRequested was never received",
                        adviceRequestId, what);
            } else {
                change.accept(row);
            }
        }).replaceWithVoid();
    }
}
