package org.ehcptracker.contracts.advice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The LA asked a partner agency for advice; the agency has 6 weeks (Reg 8(1)).
 *
 * @param businessDate the day the agency received the request: the start of its 6 weeks
 * @param adviceRequestId identifies this advice request
 * @param adviceType the kind of advice
 * @param agencyId the partner agency (an organisation, never a person)
 * @param dueDate StatutoryClock.adviceDue(businessDate), carried so agencies need not compute it
 */
public record AdviceRequested(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID adviceRequestId,
        AdviceType adviceType,
        String agencyId,
        LocalDate dueDate) implements AdviceEvent {

    /** The schema version of {@code AdviceRequested} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public AdviceRequested {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(adviceRequestId, "adviceRequestId");
        Objects.requireNonNull(adviceType, "adviceType");
        EventPreconditions.requireText(agencyId, "agencyId");
        Objects.requireNonNull(dueDate, "dueDate");
        EventPreconditions.requireNotBefore(dueDate, businessDate, "dueDate", "businessDate");
    }
}
