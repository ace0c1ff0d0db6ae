package org.ehcptracker.advice.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.ehcptracker.advice.app.AdviceFollowUps;
import org.ehcptracker.advice.domain.CaseStatus;
import org.ehcptracker.advice.persistence.AssessmentCaseRow;
import org.ehcptracker.advice.persistence.CaseTextErasure;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.assessment.PersonalDetailsErased;
import org.ehcptracker.kit.messaging.IdempotentConsumer;
import org.ehcptracker.kit.messaging.ParkedEventHandler;
import org.jboss.logging.Logger;

/**
 * Feeds the local view {@code assessment_case} from {@code ehcp.assessment.events}: requested,
 * decided (assess/refuse), withdrawn and concluded without a plan change it; the three that close
 * a case also cancel its open advice requests (AdviceRequestCancelled), and a decision to assess
 * raises the council's default advice set: both after the commit, by {@link AdviceFollowUps}. PersonalDetailsErased
 * erases the case's free text in this service ({@link CaseTextErasure}), in the same transaction. The other assessment
 * events are marked processed and change nothing.
 */
@ApplicationScoped
public class AssessmentEventsConsumer implements ParkedEventHandler.OneConsumer {

    /** The consumer name in {@code processed_event}. */
    public static final String CONSUMER = "advice-assessment-case-view";

    private static final Logger LOG = Logger.getLogger(AssessmentEventsConsumer.class);

    private final IdempotentConsumer consumer;
    private final AdviceFollowUps followUps;

    public AssessmentEventsConsumer(IdempotentConsumer consumer, AdviceFollowUps followUps) {
        this.consumer = consumer;
        this.followUps = followUps;
    }

    @Incoming("assessment-events")
    public Uni<Void> on(String json) {
        AtomicReference<UUID> changed = new AtomicReference<>();
        // the row change shares the session (and so the transaction) of the processed_event row
        return consumer.consume(CONSUMER, json, (session, event) -> {
                    if (event instanceof PersonalDetailsErased erased) {
                        LOG.infof("%s erases the free text of case %s", CONSUMER, erased.caseId());
                        return CaseTextErasure.erase(session, erased.caseId());
                    }
                    if (event instanceof AssessmentEvent assessmentEvent) {
                        if (CaseStatus.after(assessmentEvent).isPresent()) {
                            changed.set(assessmentEvent.caseId());
                        }
                        return AssessmentCaseRow.apply(assessmentEvent);
                    }
                    LOG.warnf("%s skips a %s on the assessment topic", CONSUMER, event.getClass().getSimpleName());
                    return Uni.createFrom().voidItem();
                })
                // after the commit, in transactions of their own (an append must be a transaction's first write)
                .chain(() -> changed.get() == null ? Uni.createFrom().voidItem() : followUps.afterCaseChanged(changed.get()));
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }
}
