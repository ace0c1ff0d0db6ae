package org.ehcptracker.advice.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.advice.domain.AdviceRequestState;
import org.ehcptracker.advice.persistence.AdviceRequestRow;
import org.ehcptracker.advice.persistence.AdviceSubmissionRow;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.persistence.Transactions;

/**
 * What can be asked about advice requests, answered from {@code advice_request_view} (kept in step with
 * the events in their own transaction) and {@code advice_submission}. Lateness is as of the council's today.
 */
@ApplicationScoped
public class AdviceRequestQueries {

    private final Clock clock;

    public AdviceRequestQueries(Clock clock) {
        this.clock = clock;
    }

    /** One request; NOT_FOUND (404) when there is none. */
    public Uni<AdviceRequestAsOf> get(UUID adviceRequestId) {
        return Transactions.inSession(session -> AdviceRequestRow.byId(adviceRequestId))
                .map(found -> asOfToday(found.orElseThrow(() -> noSuchRequest(adviceRequestId))));
    }

    /** The advice submitted for a request; NOT_FOUND (404) when there is no request or nothing submitted now. */
    public Uni<SubmittedAdvice> submission(UUID adviceRequestId) {
        return Transactions.inSession(session -> AdviceRequestRow.byId(adviceRequestId).chain(found -> {
            AdviceRequestState.Request request = found.orElseThrow(() -> noSuchRequest(adviceRequestId));
            return AdviceSubmissionRow.of(adviceRequestId).map(submission -> {
                // after a return for rework the old text is kept, but nothing counts as submitted
                if (request.submittedDate() == null || submission.isEmpty()) {
                    throw CommandRejected.notFound("no advice has been submitted for advice request " + adviceRequestId);
                }
                return new SubmittedAdvice(adviceRequestId, request.submittedDate(), submission.get().submittedBy,
                        submission.get().summary);
            });
        }));
    }

    /** An agency's inbox: every request addressed to it, soonest due first. */
    public Uni<List<AdviceRequestAsOf>> inbox(String agencyId) {
        if (agencyId == null || agencyId.isBlank()) {
            return Uni.createFrom().failure(
                    CommandRejected.invalid("agencyId", "query parameter agencyId is required: whose inbox to list"));
        }
        return Transactions.inSession(session -> AdviceRequestRow.forAgency(agencyId.trim())).map(this::asOfToday);
    }

    /** Every request of a case, oldest first; empty for a case without any. */
    public Uni<List<AdviceRequestAsOf>> forCase(UUID caseId) {
        return Transactions.inSession(session -> AdviceRequestRow.forCase(caseId)).map(this::asOfToday);
    }

    private List<AdviceRequestAsOf> asOfToday(List<AdviceRequestState.Request> requests) {
        LocalDate today = LocalDate.now(clock);
        return requests.stream().map(r -> new AdviceRequestAsOf(r, today)).toList();
    }

    private AdviceRequestAsOf asOfToday(AdviceRequestState.Request request) {
        return new AdviceRequestAsOf(request, LocalDate.now(clock));
    }

    private static CommandRejected noSuchRequest(UUID adviceRequestId) {
        return CommandRejected.notFound("there is no advice request " + adviceRequestId);
    }
}
