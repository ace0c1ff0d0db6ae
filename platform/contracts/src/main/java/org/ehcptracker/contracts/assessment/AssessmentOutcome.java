package org.ehcptracker.contracts.assessment;

/** How an EHC needs assessment ended. */
public enum AssessmentOutcome {
    /** The LA will issue an EHC plan (the draft and final plan follow in plan-service). */
    ISSUE_PLAN,
    /** The LA decided not to issue a plan (Reg 10); appeal rights follow. */
    NO_PLAN
}
