package org.ehcptracker.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The final EHC plan was issued (Reg 13(2), 20 weeks). Names either a specific setting or a
 * type of setting, never both: naming a type is how LAs avoid consultation delays.
 *
 * @param businessDate the date the final plan was issued
 * @param planId the plan
 * @param namedSettingUrn URN/UKPRN of the named setting, or null when a type is named
 * @param settingType SEN2 setting type code, or null when a specific setting is named
 * @param requestReceivedDate the 20-week clock start (request received, or responsibility transferred in), so consumers can compute the measure without a lookup
 */
public record FinalPlanIssued(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID planId,
        String namedSettingUrn,
        String settingType,
        LocalDate requestReceivedDate) implements PlanEvent {

    /** The schema version of {@code FinalPlanIssued} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public FinalPlanIssued {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(planId, "planId");
        EventPreconditions.requireNullOrText(namedSettingUrn, "namedSettingUrn");
        EventPreconditions.requireNullOrText(settingType, "settingType");
        Objects.requireNonNull(requestReceivedDate, "requestReceivedDate");
        if ((namedSettingUrn == null) == (settingType == null)) {
            throw new IllegalArgumentException("exactly one of namedSettingUrn and settingType must be present");
        }
        EventPreconditions.requireNotBefore(businessDate, requestReceivedDate, "businessDate", "requestReceivedDate");
    }
}
