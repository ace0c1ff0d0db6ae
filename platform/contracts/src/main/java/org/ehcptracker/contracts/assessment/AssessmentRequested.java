package org.ehcptracker.contracts.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * A request for an EHC needs assessment reached the LA: day 0 of the statutory clock (20 weeks for an initial
 * request, 14 weeks for a re-assessment).
 *
 * @param businessDate the date the LA received the request (day 0, even on a weekend or bank holiday)
 * @param childRef pseudonymous child reference; never a name
 * @param requestedBy who made the request
 * @param requestKind INITIAL or REASSESSMENT (Reg 27, a child who already has a plan); added in v2, every v1
 *        event is upcast to INITIAL (re-assessments could not be recorded before)
 * @param yearGroup the child's national curriculum year group on the day the LA received the request; nullable
 *        (not given). Added in v3; every v2 event is upcast with null (no year group was recorded before)
 */
public record AssessmentRequested(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        String childRef,
        RequesterType requestedBy,
        RequestKind requestKind,
        NationalCurriculumYear yearGroup) implements AssessmentEvent {

    /** The schema version of {@code AssessmentRequested} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 3;

    public AssessmentRequested {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        EventPreconditions.requireText(childRef, "childRef");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestKind, "requestKind");
    }

    /** A request without a year group (the only shape before v3): kept so that code building one stays short. */
    public AssessmentRequested(UUID eventId, UUID caseId, String localAuthorityCode, LocalDate businessDate,
                               Instant occurredAt, int schemaVersion, String childRef, RequesterType requestedBy,
                               RequestKind requestKind) {
        this(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion, childRef, requestedBy,
                requestKind, null);
    }

    /** An initial request (requestKind INITIAL), the only kind v1 knew: kept so that code building one stays short. */
    public AssessmentRequested(UUID eventId, UUID caseId, String localAuthorityCode, LocalDate businessDate,
                               Instant occurredAt, int schemaVersion, String childRef, RequesterType requestedBy) {
        this(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion, childRef, requestedBy,
                RequestKind.INITIAL);
    }
}
