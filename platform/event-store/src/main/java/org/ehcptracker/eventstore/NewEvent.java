package org.ehcptracker.eventstore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event to append. The stream id and version are given by {@link EventStore#append}.
 *
 * @param eventId       globally unique; consumers deduplicate on it
 * @param caseId        the Kafka key of the published record
 * @param type          e.g. {@code AssessmentRequested}
 * @param schemaVersion version of the payload's schema for this type
 * @param payloadJson   a JSON object; stored as jsonb, so key order and whitespace are normalised
 * @param metadataJson  a JSON object, e.g. {@code {"actor":"caseworker:jsmith","correlationId":"..."}}
 * @param occurredAt    when it happened (stored with microsecond precision)
 */
public record NewEvent(UUID eventId, UUID caseId, String type, int schemaVersion, String payloadJson,
                       String metadataJson, Instant occurredAt) {

    public NewEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payloadJson, "payloadJson");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (type.isBlank()) {
            throw new IllegalArgumentException("type must not be blank");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1, was " + schemaVersion);
        }
        if (metadataJson == null) {
            metadataJson = "{}";
        }
    }

    /** A new event with a random id, occurring now, and empty metadata. */
    public static NewEvent of(UUID caseId, String type, int schemaVersion, String payloadJson) {
        return new NewEvent(UUID.randomUUID(), caseId, type, schemaVersion, payloadJson, "{}", Instant.now());
    }
}
