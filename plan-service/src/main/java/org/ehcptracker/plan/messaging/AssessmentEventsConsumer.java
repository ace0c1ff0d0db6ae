package org.ehcptracker.plan.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.ehcptracker.contracts.assessment.AssessmentConcluded;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.RequestWithdrawn;
import org.ehcptracker.contracts.assessment.ResponsibilityTransferredIn;
import org.ehcptracker.kit.messaging.IdempotentConsumer;
import org.ehcptracker.plan.domain.CaseStatus;
import org.ehcptracker.plan.persistence.AssessmentCaseView;

/**
 * Feeds {@code assessment_case} from ehcp.assessment.events. An AssessmentConcluded with outcome
 * NO_PLAN closes the case to plans; with ISSUE_PLAN it leaves the case ASSESSING. Other assessment
 * events (exceptions, disputes) do not change what plan-service decides and are only marked processed.
 */
@ApplicationScoped
public class AssessmentEventsConsumer {

    static final String CONSUMER = "plan-service.assessment-case";

    private final IdempotentConsumer consumer;
    private final AssessmentCaseView view;

    public AssessmentEventsConsumer(IdempotentConsumer consumer, AssessmentCaseView view) {
        this.consumer = consumer;
        this.view = view;
    }

    @Incoming("assessment-events")
    public Uni<Void> on(String json) {
        return consumer.consume(CONSUMER, json, (tx, event) -> {
            if (event instanceof AssessmentRequested e) {
                return view.requested(tx, e.caseId(), e.localAuthorityCode(), e.businessDate());
            }
            if (event instanceof AssessmentDecided e) {
                return view.status(tx, e.caseId(),
                        e.decision() == AssessmentDecision.ASSESS ? CaseStatus.ASSESSING : CaseStatus.REFUSED);
            }
            if (event instanceof RequestWithdrawn e) {
                return view.status(tx, e.caseId(), CaseStatus.WITHDRAWN);
            }
            if (event instanceof AssessmentConcluded e && e.outcome() == AssessmentOutcome.NO_PLAN) {
                return view.status(tx, e.caseId(), CaseStatus.CONCLUDED_NO_PLAN);
            }
            if (event instanceof ResponsibilityTransferredIn e) {
                return view.transferredIn(tx, e.caseId(), e.localAuthorityCode(), e.businessDate());
            }
            return Uni.createFrom().voidItem();
        });
    }
}
