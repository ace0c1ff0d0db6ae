package org.ehcptracker.contracts.plan;

/** The LA's decision after an annual review meeting, due within 4 weeks. */
public enum ReviewOutcome {
    /** Keep the plan as it is. */
    KEEP,
    /** Amend it; proposed amendments come with the decision. */
    AMEND,
    /** Cease to maintain it. */
    CEASE
}
