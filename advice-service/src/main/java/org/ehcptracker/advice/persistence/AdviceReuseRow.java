package org.ehcptracker.advice.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.advice.ExistingAdviceReused;

/**
 * One row of {@code advice_reuse} (V12): existing advice the LA uses instead of a new request (Reg 6(4)), with
 * the caseworker's note, which is kept here only (ExistingAdviceReused carries codes and dates).
 */
@Entity
@Table(name = "advice_reuse")
public class AdviceReuseRow extends PanacheEntityBase {

    @Id
    @Column(name = "advice_reuse_id")
    public UUID adviceReuseId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "local_authority_code", nullable = false)
    public String localAuthorityCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "advice_type", nullable = false)
    public AdviceType adviceType;

    @Column(name = "agency_id", nullable = false)
    public String agencyId;

    @Column(name = "advice_date", nullable = false)
    public LocalDate adviceDate;

    @Column(name = "recorded_date", nullable = false)
    public LocalDate recordedDate;

    @Column(name = "note")
    public String note;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** Writes the row of the event just appended, in the append's transaction. */
    public static Uni<Void> record(ExistingAdviceReused reused, String note, String recordedBy) {
        AdviceReuseRow row = new AdviceReuseRow();
        row.adviceReuseId = reused.adviceReuseId();
        row.caseId = reused.caseId();
        row.localAuthorityCode = reused.localAuthorityCode();
        row.adviceType = reused.adviceType();
        row.agencyId = reused.agencyId();
        row.adviceDate = reused.adviceDate();
        row.recordedDate = reused.businessDate();
        row.note = note;
        row.recordedBy = recordedBy;
        row.recordedAt = reused.occurredAt();
        return row.persist().replaceWithVoid();
    }

    /** The case's reuses, by advice type. */
    public static Uni<List<AdviceReuseRow>> forCase(UUID caseId) {
        return AdviceReuseRow.list("caseId = ?1 order by adviceType", caseId);
    }

    /** The reuse of {@code type} for the case, if one was recorded. */
    public static Uni<Optional<AdviceReuseRow>> of(UUID caseId, AdviceType type) {
        return AdviceReuseRow.<AdviceReuseRow>find("caseId = ?1 and adviceType = ?2", caseId, type)
                .firstResult().map(Optional::ofNullable);
    }

    /** The advice types the LA reuses existing advice for on this case (the default set skips them). */
    public static Uni<Set<AdviceType>> typesForCase(UUID caseId) {
        return forCase(caseId).map(rows -> rows.stream().map(r -> r.adviceType).collect(Collectors.toSet()));
    }
}
