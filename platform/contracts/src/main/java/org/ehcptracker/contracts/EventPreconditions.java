package org.ehcptracker.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** Checks shared by every event's compact constructor, so a malformed event cannot exist. */
public final class EventPreconditions {

    private EventPreconditions() {
    }

    public static void requireCommonFields(UUID eventId, UUID caseId, String localAuthorityCode,
                                           LocalDate businessDate, Instant occurredAt, int schemaVersion) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(caseId, "caseId");
        requireText(localAuthorityCode, "localAuthorityCode");
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(occurredAt, "occurredAt");
        // 0 is what Jackson gives a missing int, so it must not pass for a real version.
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1 but was " + schemaVersion);
        }
    }

    /** Non-null and not blank. */
    public static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** Null is allowed; an empty string is not, so "absent" has exactly one spelling. */
    public static String requireNullOrText(String value, String name) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(name + " must be null or non-blank");
        }
        return value;
    }

    public static void requireNotBefore(LocalDate later, LocalDate earlier, String laterName, String earlierName) {
        if (later.isBefore(earlier)) {
            throw new IllegalArgumentException(laterName + " " + later + " is before " + earlierName + " " + earlier);
        }
    }
}
