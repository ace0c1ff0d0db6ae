package org.ehcptracker.plan.domain;

/** Where a case stands with assessment-service, as plan-service's local view knows it. */
public enum CaseStatus {
    /** the request reached the LA; no decision whether to assess yet */
    REQUESTED,
    /** the LA decided to assess: plans may be drafted and issued */
    ASSESSING,
    /** the LA refused to assess: no plan */
    REFUSED,
    /** the requester withdrew the request: no plan */
    WITHDRAWN,
    /** the assessment was concluded with the LA's decision not to issue a plan (Reg 10): no plan */
    CONCLUDED_NO_PLAN
}
