package org.ehcptracker.contracts.advice;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.Topics;

/**
 * Events advice-service publishes: advice requested of partner agencies and their answers.
 * Published on {@link Topics#ADVICE_EVENTS}, keyed by caseId. The JSON "type" field is the
 * record's simple name, which is part of the contract: never rename a published type.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AdviceRequested.class, name = "AdviceRequested"),
        @JsonSubTypes.Type(value = AdviceSubmitted.class, name = "AdviceSubmitted"),
        @JsonSubTypes.Type(value = AdviceReturnedForRework.class, name = "AdviceReturnedForRework"),
        @JsonSubTypes.Type(value = AdviceExceptionRecorded.class, name = "AdviceExceptionRecorded"),
        @JsonSubTypes.Type(value = AdviceRequestCancelled.class, name = "AdviceRequestCancelled"),
        @JsonSubTypes.Type(value = ExistingAdviceReused.class, name = "ExistingAdviceReused")
})
public sealed interface AdviceEvent extends IntegrationEvent
        permits
        AdviceRequested,
        AdviceSubmitted,
        AdviceReturnedForRework,
        AdviceExceptionRecorded,
        AdviceRequestCancelled,
        ExistingAdviceReused {
}
