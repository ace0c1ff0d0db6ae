package org.ehcptracker.advice.domain;

/** Where an advice request stands. */
public enum AdviceRequestStatus {
    /** Asked of the agency, not answered (also after the LA returned advice for rework). */
    REQUESTED,
    /** The agency's advice reached the LA. */
    SUBMITTED,
    /** The LA withdrew the request (e.g. existing advice reused, Reg 6(4)). */
    CANCELLED
}
