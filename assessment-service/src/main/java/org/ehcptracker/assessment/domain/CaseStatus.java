package org.ehcptracker.assessment.domain;

/** Where an assessment case stands. */
public enum CaseStatus {
    /** Received; the LA has not yet decided whether to assess. */
    REQUESTED,
    /** The LA decided to assess. */
    ASSESSING,
    /** The LA refused to assess (appeal rights follow). */
    REFUSED,
    /** The requester withdrew the request. */
    WITHDRAWN
}
