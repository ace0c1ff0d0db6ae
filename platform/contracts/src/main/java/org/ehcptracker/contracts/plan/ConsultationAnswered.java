package org.ehcptracker.contracts.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * A consulted setting answered.
 *
 * @param businessDate the date the answer was received
 * @param planId the plan
 * @param settingUrn the setting that answered
 * @param canMeetNeeds whether it says it can meet the child's needs
 */
public record ConsultationAnswered(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID planId,
        String settingUrn,
        @JsonProperty(required = true) boolean canMeetNeeds) implements PlanEvent {

    /** The schema version of {@code ConsultationAnswered} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public ConsultationAnswered {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(planId, "planId");
        EventPreconditions.requireText(settingUrn, "settingUrn");
    }
}
