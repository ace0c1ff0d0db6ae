package org.ehcptracker.advice.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.ehcptracker.advice.domain.AdviceRequestStatus;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.advice.AdviceRequestCancelled;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceReturnedForRework;
import org.ehcptracker.contracts.advice.AdviceSubmitted;
import org.ehcptracker.kit.app.InlineProjection;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Keeps {@code advice_request_view} in step with this service's own events, inside the transaction
 * that appends them (so the view is never behind the event store and needs no consumer of our own
 * topic). The entities it changes share the append's session and are flushed after the append.
 */
@ApplicationScoped
public class AdviceRequestViewProjection implements InlineProjection {

    @Override
    public String name() {
        return "advice-request-view";
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, List<? extends IntegrationEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (IntegrationEvent event : events) {
            chain = chain.chain(() -> apply(event));
        }
        return chain;
    }

    private static Uni<Void> apply(IntegrationEvent event) {
        if (event instanceof AdviceRequested r) {
            AdviceRequestRow row = new AdviceRequestRow();
            row.adviceRequestId = r.adviceRequestId();
            row.caseId = r.caseId();
            row.localAuthorityCode = r.localAuthorityCode();
            row.adviceType = r.adviceType();
            row.agencyId = r.agencyId();
            row.requestedDate = r.businessDate();
            row.dueDate = r.dueDate();
            row.status = AdviceRequestStatus.REQUESTED;
            return row.persist().replaceWithVoid();
        }
        if (event instanceof AdviceSubmitted s) {
            return change(s.adviceRequestId(), row -> {
                row.status = AdviceRequestStatus.SUBMITTED;
                row.submittedDate = s.businessDate();
            });
        }
        if (event instanceof AdviceRequestCancelled c) {
            return change(c.adviceRequestId(), row -> {
                row.status = AdviceRequestStatus.CANCELLED;
                row.cancelledDate = c.businessDate();
            });
        }
        if (event instanceof AdviceReturnedForRework w) {
            return change(w.adviceRequestId(), row -> {
                row.status = AdviceRequestStatus.REQUESTED;
                row.submittedDate = null;
            });
        }
        // AdviceExceptionRecorded changes nothing shown; other families are not ours
        return Uni.createFrom().voidItem();
    }

    /** Changes the managed row; Hibernate writes it at the flush before commit. */
    private static Uni<Void> change(UUID adviceRequestId, Consumer<AdviceRequestRow> change) {
        return AdviceRequestRow.<AdviceRequestRow>findById(adviceRequestId).invoke(row -> {
            if (row == null) {
                throw new IllegalStateException("advice_request_view has no row for advice request " + adviceRequestId
                        + ", whose AdviceRequested should have created it");
            }
            change.accept(row);
        }).replaceWithVoid();
    }
}
