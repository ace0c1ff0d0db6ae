package org.ehcptracker.plan.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.ehcptracker.contracts.advice.AdviceRequestCancelled;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceReturnedForRework;
import org.ehcptracker.contracts.advice.AdviceSubmitted;
import org.ehcptracker.kit.messaging.IdempotentConsumer;
import org.ehcptracker.plan.persistence.CaseAdviceView;

/**
 * Feeds {@code case_advice} from ehcp.advice.events. AdviceExceptionRecorded does not move the due
 * date and is only marked processed.
 */
@ApplicationScoped
public class AdviceEventsConsumer {

    static final String CONSUMER = "plan-service.case-advice";

    private final IdempotentConsumer consumer;
    private final CaseAdviceView view;

    public AdviceEventsConsumer(IdempotentConsumer consumer, CaseAdviceView view) {
        this.consumer = consumer;
        this.view = view;
    }

    @Incoming("advice-events")
    public Uni<Void> on(String json) {
        return consumer.consume(CONSUMER, json, (tx, event) -> {
            if (event instanceof AdviceRequested e) {
                return view.requested(tx, e.adviceRequestId(), e.caseId(), e.adviceType().name(), e.agencyId(),
                        e.dueDate());
            }
            if (event instanceof AdviceSubmitted e) {
                return view.submitted(tx, e.adviceRequestId(), e.businessDate());
            }
            if (event instanceof AdviceReturnedForRework e) {
                return view.reopened(tx, e.adviceRequestId());
            }
            if (event instanceof AdviceRequestCancelled e) {
                return view.cancelled(tx, e.adviceRequestId());
            }
            return Uni.createFrom().voidItem();
        });
    }
}
