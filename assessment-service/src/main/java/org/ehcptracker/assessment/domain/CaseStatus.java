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
    WITHDRAWN,
    /** The assessment finished and the LA will issue a plan (the draft and final plan follow in plan-service). */
    CONCLUDED_ISSUE_PLAN,
    /** The assessment finished and the LA decided not to issue a plan (Reg 10; appeal rights follow). */
    CONCLUDED_NO_PLAN
}
