package org.ehcptracker.contracts.assessment;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.Topics;

/**
 * Events assessment-service publishes: requests, decisions, exceptions, transfers, conclusions and erasures.
 * Published on {@link Topics#ASSESSMENT_EVENTS}, keyed by caseId. The JSON "type" field is the
 * record's simple name, which is part of the contract: never rename a published type.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AssessmentRequested.class, name = "AssessmentRequested"),
        @JsonSubTypes.Type(value = AssessmentDecided.class, name = "AssessmentDecided"),
        @JsonSubTypes.Type(value = ExceptionRecorded.class, name = "ExceptionRecorded"),
        @JsonSubTypes.Type(value = ResponsibilityTransferredIn.class, name = "ResponsibilityTransferredIn"),
        @JsonSubTypes.Type(value = AssessmentConcluded.class, name = "AssessmentConcluded"),
        @JsonSubTypes.Type(value = RequestWithdrawn.class, name = "RequestWithdrawn"),
        @JsonSubTypes.Type(value = MediationOrTribunalRecorded.class, name = "MediationOrTribunalRecorded"),
        @JsonSubTypes.Type(value = ExceptionCorrected.class, name = "ExceptionCorrected"),
        @JsonSubTypes.Type(value = ExceptionWithdrawn.class, name = "ExceptionWithdrawn"),
        @JsonSubTypes.Type(value = DisputeResolved.class, name = "DisputeResolved"),
        @JsonSubTypes.Type(value = PersonalDetailsErased.class, name = "PersonalDetailsErased")
})
public sealed interface AssessmentEvent extends IntegrationEvent
        permits
        AssessmentRequested,
        AssessmentDecided,
        ExceptionRecorded,
        ResponsibilityTransferredIn,
        AssessmentConcluded,
        RequestWithdrawn,
        MediationOrTribunalRecorded,
        ExceptionCorrected,
        ExceptionWithdrawn,
        DisputeResolved,
        PersonalDetailsErased {
}
