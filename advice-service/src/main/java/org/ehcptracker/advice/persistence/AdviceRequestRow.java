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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ehcptracker.advice.domain.AdviceRequestState;
import org.ehcptracker.advice.domain.AdviceRequestStatus;
import org.ehcptracker.contracts.advice.AdviceExceptionReason;
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

    @Column(name = "first_submitted_date")
    public LocalDate firstSubmittedDate;

    @Column(name = "returned_date")
    public LocalDate returnedDate;

    @Column(name = "rework_count", nullable = false)
    public int reworkCount;

    @Enumerated(EnumType.STRING)
    @Column(name = "exception_reason")
    public AdviceExceptionReason exceptionReason;

    @Column(name = "exception_date")
    public LocalDate exceptionDate;

    /** Bumped at every change (by the projection, not by Hibernate): the ETag of one request. */
    @Column(name = "version", nullable = false)
    public int version;

    /** The change number of the row's latest change: an agency's `since` cursor. */
    @Column(name = "change_seq", nullable = false)
    public long changeSeq;

    public static Uni<Optional<AdviceRequestState.Request>> byId(UUID adviceRequestId) {
        return AdviceRequestRow.<AdviceRequestRow>findById(adviceRequestId)
                .map(row -> Optional.ofNullable(row).map(AdviceRequestRow::toRequest));
    }

    /**
     * An agency's inbox: soonest due first (index advice_request_view_agency_idx); only the requests of
     * {@code councils} when present (a caller who does not act for every council).
     */
    public static Uni<List<AdviceRequestState.Request>> forAgency(String agencyId, Optional<Set<String>> councils) {
        if (councils.isPresent() && councils.get().isEmpty()) {
            return Uni.createFrom().item(List.of());   // a token without councils: nothing to list
        }
        Sort order = Sort.by("dueDate").and("requestedDate").and("adviceRequestId");
        var found = councils.isPresent()
                ? AdviceRequestRow.<AdviceRequestRow>find("agencyId = ?1 and localAuthorityCode in ?2", order, agencyId,
                        List.copyOf(councils.get()))
                : AdviceRequestRow.<AdviceRequestRow>find("agencyId", order, agencyId);
        return found.list().map(AdviceRequestRow::toRequests);
    }

    /** A case's requests: oldest first (index advice_request_view_case_idx). */
    public static Uni<List<AdviceRequestState.Request>> forCase(UUID caseId) {
        return AdviceRequestRow.<AdviceRequestRow>find("caseId", Sort.by("requestedDate").and("dueDate").and("adviceRequestId"),
                caseId).list().map(AdviceRequestRow::toRequests);
    }

    /** The row with its version and change number, for the agency inbox. */
    public static Uni<Optional<VersionedRequest>> versionedById(UUID adviceRequestId) {
        return AdviceRequestRow.<AdviceRequestRow>findById(adviceRequestId)
                .map(row -> Optional.ofNullable(row).map(AdviceRequestRow::toVersioned));
    }

    /**
     * One page of an agency's inbox: with {@code since}, the rows changed after that change number in the
     * order of change; without, soonest due first. {@code condition} is a JPQL condition over the row
     * ({@code InboxFilter}'s), with its named parameters. With {@code councils}, only the requests of those
     * councils (total and cursor included: a caller outside a council learns nothing of its requests).
     */
    public static Uni<InboxPage> inbox(String agencyId, Optional<Set<String>> councils, String condition,
                                       Map<String, Object> parameters, Long since, int page, int size) {
        if (councils.isPresent() && councils.get().isEmpty()) {
            return Uni.createFrom().item(new InboxPage(List.of(), 0, since == null ? 0 : since));
        }
        StringBuilder query = new StringBuilder("agencyId = :agencyId");
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("agencyId", agencyId);
        StringBuilder latestQuery = new StringBuilder("agencyId = :agencyId");
        Map<String, Object> latestParameters = new HashMap<>(Map.of("agencyId", agencyId));
        if (councils.isPresent()) {
            query.append(" and localAuthorityCode in :councils");
            latestQuery.append(" and localAuthorityCode in :councils");
            all.put("councils", List.copyOf(councils.get()));
            latestParameters.put("councils", List.copyOf(councils.get()));
        }
        if (!condition.isBlank()) {
            query.append(" and (").append(condition).append(')');
        }
        if (since != null) {
            query.append(" and changeSeq > :since");
            all.put("since", since);
        }
        Sort order = since != null ? Sort.by("changeSeq")
                : Sort.by("dueDate").and("requestedDate").and("adviceRequestId");
        var found = AdviceRequestRow.<AdviceRequestRow>find(query.toString(), order, all);
        Uni<Long> latest = AdviceRequestRow.<AdviceRequestRow>find(latestQuery.toString(), Sort.by("changeSeq").descending(),
                        latestParameters)
                .firstResult().map(row -> row == null ? 0L : ((AdviceRequestRow) row).changeSeq);
        return found.count().chain(total -> found.page(page, size).list()
                .chain(rows -> latest.map(latestChange -> new InboxPage(
                        rows.stream().map(AdviceRequestRow::toVersioned).toList(), total, latestChange))));
    }

    /** A request with the row's version (its ETag) and latest change number. */
    public record VersionedRequest(AdviceRequestState.Request request, int version, long changeSeq) {
    }

    /** One page of an inbox and how many rows match in all. */
    public record InboxPage(List<VersionedRequest> items, long total, long latestChange) {
    }

    AdviceRequestState.Request toRequest() {
        return new AdviceRequestState.Request(adviceRequestId, caseId, localAuthorityCode, adviceType, agencyId,
                requestedDate, dueDate, status, submittedDate, cancelledDate, firstSubmittedDate, returnedDate, reworkCount,
                exceptionReason, exceptionDate);
    }

    VersionedRequest toVersioned() {
        return new VersionedRequest(toRequest(), version, changeSeq);
    }

    private static List<AdviceRequestState.Request> toRequests(List<AdviceRequestRow> rows) {
        return rows.stream().map(AdviceRequestRow::toRequest).toList();
    }
}
