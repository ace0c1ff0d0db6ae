package org.ehcptracker.eventstore;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as stored. {@code payloadJson} and {@code metadataJson} are PostgreSQL's jsonb text
 * (normalised key order and spacing): compare them as JSON, not as strings.
 *
 * @param position      global, increasing in insertion order; not the publication order (see
 *                      docs/event-store.md) and with gaps where transactions rolled back
 * @param streamVersion 1, 2, 3... within the stream, without gaps
 */
public record StoredEvent(long position, UUID eventId, UUID streamId, int streamVersion, UUID caseId, String type,
                          int schemaVersion, String payloadJson, String metadataJson, Instant occurredAt) {
}
