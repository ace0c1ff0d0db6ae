package org.ehcptracker.reporting.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code case_timeline}, for reading: rows are only ever inserted, by
 * {@link ProjectionBatchStore}'s {@code on conflict do nothing}, never changed.
 */
@Entity
@Immutable
@Table(name = "case_timeline")
public class CaseTimelineRow extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "local_authority_code")
    public String localAuthorityCode;

    /** assessment, advice or plan ({@link org.ehcptracker.reporting.domain.EventSource#label()}). */
    @Column(name = "source")
    public String source;

    /** The event's type name, e.g. FinalPlanIssued. */
    @Column(name = "type")
    public String type;

    @Column(name = "business_date")
    public LocalDate businessDate;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    /** The jsonb column read as its text, so the JSON comes back exactly as stored. */
    @Column(name = "details")
    @ColumnTransformer(read = "cast(details as text)")
    public String details;
}
