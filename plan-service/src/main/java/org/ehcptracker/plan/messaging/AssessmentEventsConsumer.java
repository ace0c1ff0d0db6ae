package org.ehcptracker.plan.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.ehcptracker.contracts.assessment.AssessmentConcluded;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.PersonalDetailsErased;
import org.ehcptracker.contracts.assessment.RequestWithdrawn;
import org.ehcptracker.contracts.assessment.ResponsibilityTransferredIn;
import org.ehcptracker.kit.messaging.IdempotentConsumer;
import org.ehcptracker.kit.messaging.ParkedEventHandler;
import org.ehcptracker.plan.domain.CaseStatus;
import org.ehcptracker.plan.persistence.AssessmentCaseView;
import org.ehcptracker.plan.persistence.ParentResponseEntity;
import org.ehcptracker.plan.persistence.PlanQualityAuditEntity;

/**
 * Feeds {@code assessment_case} from ehcp.assessment.events. An AssessmentConcluded with outcome
 * NO_PLAN closes the case to plans; with ISSUE_PLAN it leaves the case ASSESSING. PersonalDetailsErased erases the
 * family's comments ({@code parent_response.comments}), the only free text plan-service holds. Other assessment
 * events (exceptions, disputes) do not change what plan-service decides and are only marked processed.
 */
@ApplicationScoped
public class AssessmentEventsConsumer implements ParkedEventHandler.OneConsumer {

    static final String CONSUMER = "plan-service.assessment-case";

    private final IdempotentConsumer consumer;

    public AssessmentEventsConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("assessment-events")
    public Uni<Void> on(String json) {
        // the view's entities share the consumer's session, so the change and processed_event commit together
        return consumer.consume(CONSUMER, json, (session, event) -> {
            if (event instanceof AssessmentRequested e) {
                return AssessmentCaseView.requested(e.caseId(), e.localAuthorityCode(), e.businessDate());
            }
            if (event instanceof AssessmentDecided e) {
                return AssessmentCaseView.status(e.caseId(),
                        e.decision() == AssessmentDecision.ASSESS ? CaseStatus.ASSESSING : CaseStatus.REFUSED);
            }
            if (event instanceof RequestWithdrawn e) {
                return AssessmentCaseView.status(e.caseId(), CaseStatus.WITHDRAWN);
            }
            if (event instanceof AssessmentConcluded e && e.outcome() == AssessmentOutcome.NO_PLAN) {
                return AssessmentCaseView.status(e.caseId(), CaseStatus.CONCLUDED_NO_PLAN);
            }
            if (event instanceof PersonalDetailsErased e) {
                return ParentResponseEntity.erase(session, e.caseId())
                        .chain(() -> PlanQualityAuditEntity.erase(session, e.caseId()));
            }
            if (event instanceof ResponsibilityTransferredIn e) {
                return AssessmentCaseView.transferredIn(e.caseId(), e.localAuthorityCode(), e.businessDate());
            }
            return Uni.createFrom().voidItem();
        });
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }
}
