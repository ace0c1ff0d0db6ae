package org.ehcptracker.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The parent or young person commented on the draft, possibly asking for a setting.
 *
 * @param businessDate the date the response was received
 * @param planId the plan
 * @param requestedSetting URN (or UKPRN) of the setting asked for; null when none or a type was asked for
 * @param requestedSettingType SEN2 setting type code asked for instead of a specific setting; null otherwise
 *                             (never both; added while the type was still reserved, so version 1)
 */
public record ParentResponseReceived(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID planId,
        String requestedSetting,
        String requestedSettingType) implements PlanEvent {

    /** The schema version of {@code ParentResponseReceived} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public ParentResponseReceived {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(planId, "planId");
        EventPreconditions.requireNullOrText(requestedSetting, "requestedSetting");
        EventPreconditions.requireNullOrText(requestedSettingType, "requestedSettingType");
        if (requestedSetting != null && requestedSettingType != null) {
            throw new IllegalArgumentException("at most one of requestedSetting and requestedSettingType may be present");
        }
    }
}
