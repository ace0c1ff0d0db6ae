package org.ehcptracker.advice.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.ehcptracker.advice.persistence.AssessmentCases;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.kit.messaging.IdempotentConsumer;
import org.jboss.logging.Logger;

/**
 * Feeds the local view {@code assessment_case} from {@code ehcp.assessment.events}: requested,
 * decided (assess/refuse) and withdrawn change it; the other assessment events are marked
 * processed and change nothing.
 */
@ApplicationScoped
public class AssessmentEventsConsumer {

    /** The consumer name in {@code processed_event}. */
    public static final String CONSUMER = "advice-assessment-case-view";

    private static final Logger LOG = Logger.getLogger(AssessmentEventsConsumer.class);

    private final IdempotentConsumer consumer;
    private final AssessmentCases cases;

    public AssessmentEventsConsumer(IdempotentConsumer consumer, AssessmentCases cases) {
        this.consumer = consumer;
        this.cases = cases;
    }

    @Incoming("assessment-events")
    public Uni<Void> on(String json) {
        return consumer.consume(CONSUMER, json, (tx, event) -> {
            if (event instanceof AssessmentEvent assessmentEvent) {
                return cases.apply(tx, assessmentEvent);
            }
            LOG.warnf("%s skips a %s on the assessment topic", CONSUMER, event.getClass().getSimpleName());
            return Uni.createFrom().voidItem();
        });
    }
}
