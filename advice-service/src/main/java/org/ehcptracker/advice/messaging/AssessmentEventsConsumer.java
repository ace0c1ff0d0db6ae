package org.ehcptracker.advice.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.ehcptracker.advice.persistence.AssessmentCaseRow;
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

    public AssessmentEventsConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("assessment-events")
    public Uni<Void> on(String json) {
        // the row change shares the session (and so the transaction) of the processed_event row
        return consumer.consume(CONSUMER, json, (session, event) -> {
            if (event instanceof AssessmentEvent assessmentEvent) {
                return AssessmentCaseRow.apply(assessmentEvent);
            }
            LOG.warnf("%s skips a %s on the assessment topic", CONSUMER, event.getClass().getSimpleName());
            return Uni.createFrom().voidItem();
        });
    }
}
