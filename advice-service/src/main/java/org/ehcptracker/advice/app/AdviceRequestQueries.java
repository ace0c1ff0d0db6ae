package org.ehcptracker.advice.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.advice.domain.AdviceRequestReach;
import org.ehcptracker.advice.domain.AdviceRequestState;
import org.ehcptracker.advice.persistence.AdviceTextReadRow;
import org.ehcptracker.advice.persistence.AssessmentCaseRow;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.advice.persistence.AdviceRequestRow;
import org.ehcptracker.advice.persistence.AdviceSubmissionRow;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.persistence.Transactions;

/**
 * What can be asked about advice requests, answered from {@code advice_request_view} (kept in step with
 * the events in their own transaction) and {@code advice_submission}. Lateness is as of the council's today.
 * Every answer is scoped to the actor ({@link AdviceRequestReach}).
 */
@ApplicationScoped
public class AdviceRequestQueries {

    private final Clock clock;

    public AdviceRequestQueries(Clock clock) {
        this.clock = clock;
    }

    /**
     * The advice submitted for a request; NOT_FOUND (404) when there is no request or nothing submitted now;
     * 403 when the reader may not reach the request. The advice may describe the child, so every answer is
     * recorded ({@code advice_text_read}: who, in which role, when) in the read's own transaction: no text
     * leaves without its record.
     */
    public Uni<SubmittedAdvice> submission(Actor reader, UUID adviceRequestId) {
        return Transactions.inTransaction(session -> AdviceRequestRow.byId(adviceRequestId).chain(found -> {
            AdviceRequestState.Request request = found.orElseThrow(() -> noSuchRequest(adviceRequestId));
            AdviceRequestReach.require(reader, request);
            return AdviceSubmissionRow.of(adviceRequestId).chain(submission -> {
                // after a return for rework the old text is kept, but nothing counts as submitted
                if (request.submittedDate() == null || submission.isEmpty()) {
                    throw CommandRejected.notFound("no advice has been submitted for advice request " + adviceRequestId);
                }
                var answer = new SubmittedAdvice(adviceRequestId, request.submittedDate(), submission.get().submittedBy,
                        submission.get().summary);
                return AdviceTextReadRow.record(adviceRequestId, request.caseId(), reader, clock.instant())
                        .replaceWith(answer);
            });
        }));
    }

    /**
     * An agency's inbox: every request addressed to it, soonest due first. An agency user lists only its own
     * (403 naming {@code agencyId}); council staff only the requests of the councils they act for.
     */
    public Uni<List<AdviceRequestAsOf>> inbox(Actor actor, String agencyId) {
        if (agencyId == null || agencyId.isBlank()) {
            return Uni.createFrom().failure(
                    CommandRejected.invalid("agencyId", "query parameter agencyId is required: whose inbox to list"));
        }
        AgencyInbox.requireOwnInbox(actor, agencyId.trim());
        return Transactions.inSession(session -> AdviceRequestRow.forAgency(agencyId.trim(),
                AdviceRequestReach.listedCouncils(actor))).map(this::asOfToday);
    }

    /**
     * Every request of a case, oldest first; empty for a case without any. 403 when the case (as the local view
     * or its requests know it) is of a council the actor does not act for.
     */
    public Uni<List<AdviceRequestAsOf>> forCase(Actor actor, UUID caseId) {
        return Transactions.inSession(session -> AssessmentCaseRow.seen(caseId)
                .chain(seenCase -> AdviceRequestRow.forCase(caseId).map(requests -> {
                    seenCase.ifPresent(c -> actor.requireCouncil(c.localAuthorityCode()));
                    requests.forEach(r -> actor.requireCouncil(r.localAuthorityCode()));
                    return requests;
                })))
                .map(this::asOfToday);
    }

    private List<AdviceRequestAsOf> asOfToday(List<AdviceRequestState.Request> requests) {
        LocalDate today = LocalDate.now(clock);
        return requests.stream().map(r -> new AdviceRequestAsOf(r, today)).toList();
    }

    private static CommandRejected noSuchRequest(UUID adviceRequestId) {
        return CommandRejected.notFound("there is no advice request " + adviceRequestId);
    }
}
