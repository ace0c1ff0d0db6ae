package org.ehcptracker.contracts.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.Topics;

/**
 * Events plan-service publishes: drafts, consultations, final plans, reviews, amendments and audits.
 * Published on {@link Topics#PLAN_EVENTS}, keyed by caseId. The JSON "type" field is the
 * record's simple name, which is part of the contract: never rename a published type.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DraftPlanIssued.class, name = "DraftPlanIssued"),
        @JsonSubTypes.Type(value = ParentResponseReceived.class, name = "ParentResponseReceived"),
        @JsonSubTypes.Type(value = SettingConsulted.class, name = "SettingConsulted"),
        @JsonSubTypes.Type(value = ConsultationAnswered.class, name = "ConsultationAnswered"),
        @JsonSubTypes.Type(value = FinalPlanIssued.class, name = "FinalPlanIssued"),
        @JsonSubTypes.Type(value = AnnualReviewMeetingHeld.class, name = "AnnualReviewMeetingHeld"),
        @JsonSubTypes.Type(value = AnnualReviewDecided.class, name = "AnnualReviewDecided"),
        @JsonSubTypes.Type(value = AmendedPlanIssued.class, name = "AmendedPlanIssued"),
        @JsonSubTypes.Type(value = PlanCeased.class, name = "PlanCeased"),
        @JsonSubTypes.Type(value = PlanQualityAudited.class, name = "PlanQualityAudited"),
        @JsonSubTypes.Type(value = SenNeedsRecorded.class, name = "SenNeedsRecorded")
})
public sealed interface PlanEvent extends IntegrationEvent
        permits
        DraftPlanIssued,
        ParentResponseReceived,
        SettingConsulted,
        ConsultationAnswered,
        FinalPlanIssued,
        AnnualReviewMeetingHeld,
        AnnualReviewDecided,
        AmendedPlanIssued,
        PlanCeased,
        PlanQualityAudited,
        SenNeedsRecorded {
}
