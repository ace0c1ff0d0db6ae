package org.ehcptracker.plan.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.ehcptracker.contracts.advice.AdviceRequestCancelled;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceReturnedForRework;
import org.ehcptracker.contracts.advice.AdviceSubmitted;
import org.ehcptracker.kit.messaging.IdempotentConsumer;
import org.ehcptracker.kit.messaging.ParkedEventHandler;
import org.ehcptracker.plan.persistence.CaseAdviceView;

/**
 * Feeds {@code case_advice} from ehcp.advice.events. AdviceExceptionRecorded does not move the due
 * date and is only marked processed.
 */
@ApplicationScoped
public class AdviceEventsConsumer implements ParkedEventHandler.OneConsumer {

    static final String CONSUMER = "plan-service.case-advice";

    private final IdempotentConsumer consumer;

    public AdviceEventsConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("advice-events")
    public Uni<Void> on(String json) {
        // the view's entities share the consumer's session, so the change and processed_event commit together
        return consumer.consume(CONSUMER, json, (session, event) -> {
            if (event instanceof AdviceRequested e) {
                return CaseAdviceView.requested(e.adviceRequestId(), e.caseId(), e.adviceType().name(), e.agencyId(),
                        e.dueDate());
            }
            if (event instanceof AdviceSubmitted e) {
                return CaseAdviceView.submitted(e.adviceRequestId(), e.businessDate());
            }
            if (event instanceof AdviceReturnedForRework e) {
                return CaseAdviceView.reopened(e.adviceRequestId());
            }
            if (event instanceof AdviceRequestCancelled e) {
                return CaseAdviceView.cancelled(e.adviceRequestId());
            }
            return Uni.createFrom().voidItem();
        });
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }
}
