package org.ehcptracker.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The LA ceased to maintain the plan.
 *
 * @param businessDate the date the plan ceased
 * @param planId the plan
 * @param reason why, a code (never free text: no personal details can reach Kafka)
 */
public record PlanCeased(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID planId,
        CeaseReason reason) implements PlanEvent {

    /** The schema version of {@code PlanCeased} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public PlanCeased {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(reason, "reason");
    }
}
