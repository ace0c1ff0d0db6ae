package org.ehcptracker.contracts.assessment;

/**
 * What a request for an EHC needs assessment asks for. A re-assessment has its own limit (the final plan within
 * 14 weeks, Reg 27) and is not part of the SEN2 20-week measure, which counts initial requests only.
 */
public enum RequestKind {
    /** The first EHC needs assessment of a child with no plan: the 6/16/20-week limits (Regs 5, 10, 13). */
    INITIAL,
    /** A re-assessment of a child who already has a plan: the final plan within 14 weeks of the request (Reg 27). */
    REASSESSMENT
}
