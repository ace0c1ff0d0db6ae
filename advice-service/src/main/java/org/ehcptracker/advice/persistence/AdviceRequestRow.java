package org.ehcptracker.advice.persistence;

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
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.advice.domain.AdviceRequestState;
import org.ehcptracker.advice.domain.AdviceRequestStatus;
import org.ehcptracker.contracts.advice.AdviceType;

/**
 * One row of {@code advice_request_view}: an advice request as the agency inbox and the case's list
 * show it. Kept in step with the events by {@link AdviceRequestViewProjection}.
 */
@Entity
@Table(name = "advice_request_view")
public class AdviceRequestRow extends PanacheEntityBase {

    @Id
    @Column(name = "advice_request_id")
    public UUID adviceRequestId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "local_authority_code", nullable = false)
    public String localAuthorityCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "advice_type", nullable = false)
    public AdviceType adviceType;

    @Column(name = "agency_id", nullable = false)
    public String agencyId;

    @Column(name = "requested_date", nullable = false)
    public LocalDate requestedDate;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public AdviceRequestStatus status;

    @Column(name = "submitted_date")
    public LocalDate submittedDate;

    @Column(name = "cancelled_date")
    public LocalDate cancelledDate;

    public static Uni<Optional<AdviceRequestState.Request>> byId(UUID adviceRequestId) {
        return AdviceRequestRow.<AdviceRequestRow>findById(adviceRequestId)
                .map(row -> Optional.ofNullable(row).map(AdviceRequestRow::toRequest));
    }

    /** An agency's inbox: soonest due first (index advice_request_view_agency_idx). */
    public static Uni<List<AdviceRequestState.Request>> forAgency(String agencyId) {
        return AdviceRequestRow.<AdviceRequestRow>find("agencyId", Sort.by("dueDate").and("requestedDate").and("adviceRequestId"),
                agencyId).list().map(AdviceRequestRow::toRequests);
    }

    /** A case's requests: oldest first (index advice_request_view_case_idx). */
    public static Uni<List<AdviceRequestState.Request>> forCase(UUID caseId) {
        return AdviceRequestRow.<AdviceRequestRow>find("caseId", Sort.by("requestedDate").and("dueDate").and("adviceRequestId"),
                caseId).list().map(AdviceRequestRow::toRequests);
    }

    AdviceRequestState.Request toRequest() {
        return new AdviceRequestState.Request(adviceRequestId, caseId, localAuthorityCode, adviceType, agencyId,
                requestedDate, dueDate, status, submittedDate, cancelledDate);
    }

    private static List<AdviceRequestState.Request> toRequests(List<AdviceRequestRow> rows) {
        return rows.stream().map(AdviceRequestRow::toRequest).toList();
    }
}
