package org.ehcptracker.advice.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.contracts.advice.AdviceRequestCancelled;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceReturnedForRework;
import org.ehcptracker.contracts.advice.AdviceSubmitted;
import org.ehcptracker.contracts.advice.AdviceType;

/**
 * An advice request as its events leave it: {@link None} before its first event, then a
 * {@link Request} whose status the later events move. Immutable; {@link #evolve} is pure.
 */
public sealed interface AdviceRequestState permits AdviceRequestState.None, AdviceRequestState.Request {

    /** The state of an empty stream. */
    None NONE = new None();

    /** The state after one more event of the stream. */
    AdviceRequestState evolve(AdviceEvent event);

    /** Nothing has been requested under this id. */
    record None() implements AdviceRequestState {

        @Override
        public AdviceRequestState evolve(AdviceEvent event) {
            if (event instanceof AdviceRequested first) {
                return new Request(first.adviceRequestId(), first.caseId(), first.localAuthorityCode(), first.adviceType(),
                        first.agencyId(), first.businessDate(), first.dueDate(), AdviceRequestStatus.REQUESTED, null, null);
            }
            throw new IllegalStateException("an advice request stream must start with AdviceRequested, not "
                    + event.getClass().getSimpleName());
        }
    }

    /**
     * A request that was made, whatever became of it.
     *
     * @param submittedDate set while SUBMITTED
     * @param cancelledDate set once CANCELLED
     */
    record Request(UUID adviceRequestId, UUID caseId, String localAuthorityCode, AdviceType adviceType, String agencyId,
                   LocalDate requestedDate, LocalDate dueDate, AdviceRequestStatus status, LocalDate submittedDate,
                   LocalDate cancelledDate) implements AdviceRequestState {

        public Request {
            Objects.requireNonNull(adviceRequestId, "adviceRequestId");
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public AdviceRequestState evolve(AdviceEvent event) {
            if (event instanceof AdviceSubmitted submitted) {
                return with(AdviceRequestStatus.SUBMITTED, submitted.businessDate(), cancelledDate);
            }
            if (event instanceof AdviceRequestCancelled cancelled) {
                return with(AdviceRequestStatus.CANCELLED, submittedDate, cancelled.businessDate());
            }
            if (event instanceof AdviceReturnedForRework) {
                return with(AdviceRequestStatus.REQUESTED, null, cancelledDate);
            }
            // AdviceExceptionRecorded changes no status; a second AdviceRequested is never appended (see AdviceDecider)
            return this;
        }

        /** Late against the 6-week limit as of {@code today}; see {@link AdviceRequest#late}. */
        public boolean lateAsOf(LocalDate today) {
            return AdviceRequest.late(status, dueDate, submittedDate, today);
        }

        private Request with(AdviceRequestStatus newStatus, LocalDate newSubmittedDate, LocalDate newCancelledDate) {
            return new Request(adviceRequestId, caseId, localAuthorityCode, adviceType, agencyId, requestedDate, dueDate,
                    newStatus, newSubmittedDate, newCancelledDate);
        }

        /** For logs only. */
        @Override
        public String toString() {
            return "AdviceRequest[" + adviceRequestId + " case " + caseId + " " + adviceType + " from " + agencyId
                    + " requested " + requestedDate + " due " + dueDate + " " + status + "]";
        }
    }
}
