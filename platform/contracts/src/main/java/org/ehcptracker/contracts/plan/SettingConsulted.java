package org.ehcptracker.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The LA consulted a school or setting about naming it; it should answer within 15 days (Code 9.83).
 *
 * @param businessDate the date the consultation was sent
 * @param planId the plan
 * @param settingUrn URN (or UKPRN) of the setting consulted
 * @param consultationDueDate StatutoryClock.consultationResponseDue(businessDate)
 */
public record SettingConsulted(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID planId,
        String settingUrn,
        LocalDate consultationDueDate) implements PlanEvent {

    /** The schema version of {@code SettingConsulted} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public SettingConsulted {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(planId, "planId");
        EventPreconditions.requireText(settingUrn, "settingUrn");
        Objects.requireNonNull(consultationDueDate, "consultationDueDate");
        EventPreconditions.requireNotBefore(consultationDueDate, businessDate, "consultationDueDate", "businessDate");
    }
}
