package org.ehcptracker.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * An annual review meeting was held; the LA's decision is due within 4 weeks and the next review within 12 months.
 *
 * @param businessDate the date of the meeting
 * @param planId the plan
 * @param reviewId the review (one per meeting, for the life of the plan)
 * @param reviewDecisionDue StatutoryClock.reviewDecisionDue(businessDate): 4 weeks after the meeting
 * @param phaseTransfer for the review before a move between phases (Reg 18): the move, a code (the name of a
 *                      {@code org.ehcptracker.statutory.PhaseTransfer} constant, e.g. PRIMARY_TO_SECONDARY); else null
 * @param phaseTransferDeadline the date the amended plan naming the new setting is due (15 February, or 31 March for
 *                              SECONDARY_TO_POST_16, of the year of the move); present exactly with phaseTransfer
 */
public record AnnualReviewMeetingHeld(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID planId,
        UUID reviewId,
        LocalDate reviewDecisionDue,
        String phaseTransfer,
        LocalDate phaseTransferDeadline) implements PlanEvent {

    /** The schema version of {@code AnnualReviewMeetingHeld} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public AnnualReviewMeetingHeld {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(reviewId, "reviewId");
        Objects.requireNonNull(reviewDecisionDue, "reviewDecisionDue");
        EventPreconditions.requireNotBefore(reviewDecisionDue, businessDate, "reviewDecisionDue", "businessDate");
        EventPreconditions.requireNullOrText(phaseTransfer, "phaseTransfer");
        if ((phaseTransfer == null) != (phaseTransferDeadline == null)) {
            throw new IllegalArgumentException("phaseTransfer and phaseTransferDeadline come together or not at all");
        }
    }
}
