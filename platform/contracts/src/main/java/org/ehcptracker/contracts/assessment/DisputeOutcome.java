package org.ehcptracker.contracts.assessment;

/** How a mediation or tribunal appeal ended. */
public enum DisputeOutcome {
    /** The LA's decision stands (mediation without change, appeal dismissed). */
    DECISION_UPHELD,
    /** The LA's decision was changed (tribunal order, the LA conceded, or it changed its decision after mediation). */
    DECISION_CHANGED,
    /** Mediation ended in an agreement that is not a change of the decision itself. */
    AGREEMENT_REACHED,
    /** The family withdrew the appeal or left mediation. */
    WITHDRAWN
}
