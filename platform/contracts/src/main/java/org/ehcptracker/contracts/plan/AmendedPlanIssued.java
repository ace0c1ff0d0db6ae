package org.ehcptracker.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The final amended plan was issued (within 8 weeks of the proposal, 12 weeks of the meeting at most).
 *
 * @param businessDate the date it was issued
 * @param planId the plan
 * @param reviewId the review whose decision to amend it carries out
 * @param namedSettingUrn URN/UKPRN of a setting the amended plan names (e.g. after a phase transfer), or null
 * @param settingType SEN2 type of setting it names instead, or null; never both, neither when the setting is unchanged
 */
public record AmendedPlanIssued(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID planId,
        UUID reviewId,
        String namedSettingUrn,
        String settingType) implements PlanEvent {

    /** The schema version of {@code AmendedPlanIssued} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public AmendedPlanIssued {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(reviewId, "reviewId");
        EventPreconditions.requireNullOrText(namedSettingUrn, "namedSettingUrn");
        EventPreconditions.requireNullOrText(settingType, "settingType");
        if (namedSettingUrn != null && settingType != null) {
            throw new IllegalArgumentException("at most one of namedSettingUrn and settingType may be present");
        }
    }
}
