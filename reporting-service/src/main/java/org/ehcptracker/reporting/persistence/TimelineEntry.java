package org.ehcptracker.reporting.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;

/** One row of {@code case_timeline}, as the API returns it. */
public record TimelineEntry(String type, String source, LocalDate businessDate, Instant occurredAt, JsonNode details) {
}
