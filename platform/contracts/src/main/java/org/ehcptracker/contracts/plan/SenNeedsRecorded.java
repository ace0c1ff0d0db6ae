package org.ehcptracker.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The child's special educational needs as the plan describes them (section B), ranked: recorded when the plan is
 * issued, corrected, or changed by an amendment. Each recording replaces the last from its date on. What SEN2 returns
 * as the active plan's SEN need, and the source of "plans by primary need".
 *
 * @param businessDate the date from which the plan describes these needs (the plan's or amendment's issue, or later)
 * @param planId the plan
 * @param needs the types of need, the primary one first (its rank is its position, from 1); at least one, none twice
 */
public record SenNeedsRecorded(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID planId,
        List<SenNeedType> needs) implements PlanEvent {

    /** The schema version of {@code SenNeedsRecorded} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public SenNeedsRecorded {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(needs, "needs");
        if (needs.isEmpty()) {
            throw new IllegalArgumentException("needs must not be empty");
        }
        // a loop, not contains(null): an immutable list refuses to be asked about null
        HashSet<SenNeedType> seen = new HashSet<>();
        for (SenNeedType need : needs) {
            if (need == null || !seen.add(need)) {
                throw new IllegalArgumentException("needs must name each type once: " + needs);
            }
        }
        needs = List.copyOf(needs);
    }
}
