package org.ehcptracker.assessment.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.ehcptracker.assessment.persistence.FinalPlanIssuedView;
import org.ehcptracker.assessment.persistence.WorklistProjection;
import org.ehcptracker.contracts.plan.FinalPlanIssued;
import org.ehcptracker.kit.messaging.IdempotentConsumer;
import org.ehcptracker.kit.messaging.ParkedEventHandler;

/**
 * Reads plan-service's {@code FinalPlanIssued} from ehcp.plan.events into {@code final_plan_issued} and the case's
 * worklist row (issue date kept, no next step any more), in one transaction with the {@code processed_event} row,
 * so a redelivered event changes nothing. Other plan events (the draft) are only marked processed.
 */
@ApplicationScoped
public class PlanEventsConsumer implements ParkedEventHandler.OneConsumer {

    static final String CONSUMER = "assessment-service.final-plan-issued";

    private final IdempotentConsumer consumer;

    public PlanEventsConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("plan-events")
    public Uni<Void> on(String json) {
        return consumer.consume(CONSUMER, json, (session, event) -> {
            if (event instanceof FinalPlanIssued e) {
                return FinalPlanIssuedView.issued(e.caseId(), e.planId(), e.businessDate())
                        .chain(() -> FinalPlanIssuedView.of(e.caseId()))
                        // the date the view holds (the first final plan's), also when this one was a second
                        .chain(plan -> WorklistProjection.finalPlanIssued(session, e.caseId(), plan.orElseThrow().issuedDate()));
            }
            return Uni.createFrom().voidItem();
        });
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }
}
