package org.ehcptracker.advice.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.contracts.advice.AdviceExceptionReason;
import org.ehcptracker.contracts.advice.AdviceExceptionRecorded;
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
                        first.agencyId(), first.businessDate(), first.dueDate(), AdviceRequestStatus.REQUESTED, null, null,
                        null, null, 0, null, null);
            }
            throw new IllegalStateException("an advice request stream must start with AdviceRequested, not "
                    + event.getClass().getSimpleName());
        }
    }

    /**
     * A request that was made, whatever became of it.
     *
     * @param submittedDate set while SUBMITTED (the latest submission)
     * @param cancelledDate set once CANCELLED
     * @param firstSubmittedDate the first submission, kept through a return for rework (timeliness of the first answer)
     * @param returnedDate the last day the LA returned the advice for rework; null if never returned
     * @param reworkCount how many times the advice was returned for rework
     * @param exceptionReason the Reg 8(2) exception recorded, if any (the latest)
     * @param exceptionDate the day it was recorded
     */
    record Request(UUID adviceRequestId, UUID caseId, String localAuthorityCode, AdviceType adviceType, String agencyId,
                   LocalDate requestedDate, LocalDate dueDate, AdviceRequestStatus status, LocalDate submittedDate,
                   LocalDate cancelledDate, LocalDate firstSubmittedDate, LocalDate returnedDate, int reworkCount,
                   AdviceExceptionReason exceptionReason, LocalDate exceptionDate) implements AdviceRequestState {

        public Request {
            Objects.requireNonNull(adviceRequestId, "adviceRequestId");
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(status, "status");
        }

        /** Open after the LA returned the advice for rework: the agency owes a resubmission. */
        public boolean awaitingRework() {
            return status == AdviceRequestStatus.REQUESTED && reworkCount > 0;
        }

        @Override
        public AdviceRequestState evolve(AdviceEvent event) {
            if (event instanceof AdviceSubmitted submitted) {
                return new Request(adviceRequestId, caseId, localAuthorityCode, adviceType, agencyId, requestedDate, dueDate,
                        AdviceRequestStatus.SUBMITTED, submitted.businessDate(), cancelledDate,
                        firstSubmittedDate != null ? firstSubmittedDate : submitted.businessDate(), returnedDate, reworkCount,
                        exceptionReason, exceptionDate);
            }
            if (event instanceof AdviceRequestCancelled cancelled) {
                return new Request(adviceRequestId, caseId, localAuthorityCode, adviceType, agencyId, requestedDate, dueDate,
                        AdviceRequestStatus.CANCELLED, submittedDate, cancelled.businessDate(), firstSubmittedDate,
                        returnedDate, reworkCount, exceptionReason, exceptionDate);
            }
            if (event instanceof AdviceReturnedForRework returned) {
                return new Request(adviceRequestId, caseId, localAuthorityCode, adviceType, agencyId, requestedDate, dueDate,
                        AdviceRequestStatus.REQUESTED, null, cancelledDate, firstSubmittedDate, returned.businessDate(),
                        reworkCount + 1, exceptionReason, exceptionDate);
            }
            if (event instanceof AdviceExceptionRecorded exception) {
                return new Request(adviceRequestId, caseId, localAuthorityCode, adviceType, agencyId, requestedDate, dueDate,
                        status, submittedDate, cancelledDate, firstSubmittedDate, returnedDate, reworkCount,
                        exception.reason(), exception.businessDate());
            }
            // a second AdviceRequested is never appended (see AdviceDecider)
            return this;
        }

        /** Late against the 6-week limit as of {@code today}; see {@link AdviceRequest#late}. */
        public boolean lateAsOf(LocalDate today) {
            return AdviceRequest.late(status, dueDate, submittedDate, today);
        }

        /** Days from today to the due date while open and not yet overdue (0 on the due date); otherwise null. */
        public Long daysLeftAsOf(LocalDate today) {
            return AdviceRequest.daysLeft(status, dueDate, today);
        }

        /** Days past the due date: of an open request as of today, of a submitted one at its submission; otherwise null. */
        public Long daysLateAsOf(LocalDate today) {
            return AdviceRequest.daysLate(status, dueDate, submittedDate, today);
        }

        /** For logs only. */
        @Override
        public String toString() {
            return "AdviceRequest[" + adviceRequestId + " case " + caseId + " " + adviceType + " from " + agencyId
                    + " requested " + requestedDate + " due " + dueDate + " " + status + "]";
        }
    }
}
