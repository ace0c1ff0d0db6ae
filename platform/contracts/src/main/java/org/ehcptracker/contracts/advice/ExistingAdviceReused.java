package org.ehcptracker.contracts.advice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The LA uses advice that already exists instead of asking for it again (Reg 6(4)): recorded only when the
 * parent or young person and the person who gave the advice agreed, as the regulation requires (the command
 * refuses it otherwise). No request goes to the agency and no 6-week limit runs: readers count it as advice
 * reused, never as advice returned on time or late.
 *
 * @param businessDate the day the LA recorded the reuse
 * @param adviceReuseId identifies this reuse (one per case and advice type)
 * @param adviceType the kind of advice reused
 * @param agencyId the agency that gave the existing advice (an organisation, never a person)
 * @param adviceDate the date of the existing advice; not after businessDate
 */
public record ExistingAdviceReused(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID adviceReuseId,
        AdviceType adviceType,
        String agencyId,
        LocalDate adviceDate) implements AdviceEvent {

    /** The schema version of {@code ExistingAdviceReused} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public ExistingAdviceReused {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(adviceReuseId, "adviceReuseId");
        Objects.requireNonNull(adviceType, "adviceType");
        EventPreconditions.requireText(agencyId, "agencyId");
        Objects.requireNonNull(adviceDate, "adviceDate");
        EventPreconditions.requireNotBefore(businessDate, adviceDate, "businessDate", "adviceDate");
    }
}
