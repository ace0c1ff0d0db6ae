package org.ehcptracker.reporting.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;

/** One event of a case timeline, as the API returns it. */
public record TimelineEntry(String type, String source, LocalDate businessDate, Instant occurredAt, JsonNode details) {
}
