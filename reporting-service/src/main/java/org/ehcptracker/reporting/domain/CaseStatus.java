package org.ehcptracker.reporting.domain;

/** Where a case stands, derived from the facts {@link CaseProgress} has seen (see docs/reporting.md). */
public enum CaseStatus {
    /** Request received, no closing event yet: counts in the backlog. */
    OPEN,
    /** The LA's latest decision was not to assess (Reg 5). */
    REFUSED,
    /** The requester withdrew the request. */
    WITHDRAWN,
    /** A final EHC plan was issued (Reg 13(2)). */
    PLAN_ISSUED,
    /** The assessment concluded without a plan (Reg 10). */
    NO_PLAN
}
