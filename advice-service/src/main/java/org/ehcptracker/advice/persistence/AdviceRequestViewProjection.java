package org.ehcptracker.advice.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.ehcptracker.advice.domain.AdviceRequestStatus;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.contracts.advice.AdviceExceptionRecorded;
import org.ehcptracker.contracts.advice.AdviceRequestCancelled;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceReturnedForRework;
import org.ehcptracker.contracts.advice.AdviceSubmitted;
import org.ehcptracker.contracts.advice.ExistingAdviceReused;
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
        // a reuse of existing advice (Reg 6(4)) is no request: not in the view, so not in any agency's inbox
        return InlineProjection.oneAfterAnother(events, event -> event instanceof AdviceEvent && !(event instanceof ExistingAdviceReused)
                ? nextChange(session).chain(seq -> apply(event, seq))
                : Uni.createFrom().voidItem());
    }

    /**
     * The next change number. The transaction-level advisory lock (held until commit) makes changes of
     * the view commit in the order of their numbers: without it, a change numbered 10 could commit after
     * one numbered 11 was read, and an agency polling with since=11 would never see it. The price: writes
     * of advice requests commit one at a time (a few per second at most here).
     */
    private static Uni<Long> nextChange(Mutiny.Session session) {
        return session.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(" + CHANGE_LOCK + ")) l").getSingleResult()
                .chain(() -> session.createNativeQuery("select nextval('advice_request_change_seq')", Long.class)
                        .getSingleResult());
    }

    /** The advisory lock's key: any number no other lock of this database uses. */
    static final long CHANGE_LOCK = 8_008_001L;

    private static Uni<Void> apply(IntegrationEvent event, long seq) {
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
            row.version = 1;
            row.changeSeq = seq;
            return row.persist().replaceWithVoid();
        }
        if (event instanceof AdviceSubmitted s) {
            return change(s.adviceRequestId(), seq, row -> {
                row.status = AdviceRequestStatus.SUBMITTED;
                row.submittedDate = s.businessDate();
                if (row.firstSubmittedDate == null) {
                    row.firstSubmittedDate = s.businessDate();
                }
            });
        }
        if (event instanceof AdviceRequestCancelled c) {
            return change(c.adviceRequestId(), seq, row -> {
                row.status = AdviceRequestStatus.CANCELLED;
                row.cancelledDate = c.businessDate();
            });
        }
        if (event instanceof AdviceReturnedForRework w) {
            return change(w.adviceRequestId(), seq, row -> {
                row.status = AdviceRequestStatus.REQUESTED;
                row.submittedDate = null;
                row.returnedDate = w.businessDate();
                row.reworkCount++;
            });
        }
        if (event instanceof AdviceExceptionRecorded x) {
            return change(x.adviceRequestId(), seq, row -> {
                row.exceptionReason = x.reason();
                row.exceptionDate = x.businessDate();
            });
        }
        return Uni.createFrom().voidItem();
    }

    /** Changes the managed row and numbers the change; Hibernate writes it at the flush before commit. */
    private static Uni<Void> change(UUID adviceRequestId, long seq, Consumer<AdviceRequestRow> change) {
        return AdviceRequestRow.<AdviceRequestRow>findById(adviceRequestId).invoke(row -> {
            if (row == null) {
                throw new IllegalStateException("advice_request_view has no row for advice request " + adviceRequestId
                        + ", whose AdviceRequested should have created it");
            }
            change.accept(row);
            row.version++;
            row.changeSeq = seq;
        }).replaceWithVoid();
    }
}
