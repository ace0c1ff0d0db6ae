package org.ehcptracker.reporting.domain;

import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.plan.PlanEvent;

/** The service (and topic) an event comes from, as shown in a case timeline. */
public enum EventSource {
    ASSESSMENT("assessment"),
    ADVICE("advice"),
    PLAN("plan");

    private final String label;

    EventSource(String label) {
        this.label = label;
    }

    /** Lower-case name stored in case_timeline.source and returned by the API. */
    public String label() {
        return label;
    }

    public static EventSource of(IntegrationEvent event) {
        if (event instanceof AssessmentEvent) {
            return ASSESSMENT;
        }
        if (event instanceof AdviceEvent) {
            return ADVICE;
        }
        if (event instanceof PlanEvent) {
            return PLAN;
        }
        throw new IllegalArgumentException("not an event of a known family: " + event.getClass().getName());
    }
}
