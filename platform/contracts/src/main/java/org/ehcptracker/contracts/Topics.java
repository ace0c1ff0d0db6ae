package org.ehcptracker.contracts;

/** Kafka topic names; every record on them is keyed by caseId. */
public final class Topics {

    public static final String ASSESSMENT_EVENTS = "ehcp.assessment.events";
    public static final String ADVICE_EVENTS = "ehcp.advice.events";
    public static final String PLAN_EVENTS = "ehcp.plan.events";

    private Topics() {
    }
}
