package org.ehcptracker.contracts.assessment;

/**
 * The decision a mediation or tribunal appeal is about. It decides whether the case leaves the SEN2
 * 20-week measure (docs/reporting.md, "The measures"): a dispute about a refusal to assess or a refusal
 * to issue a plan, registered on or before the final plan's issue date, takes the assessment out of the
 * measure; a dispute about the contents of an issued plan does not.
 */
public enum DisputeStage {
    /** The LA refused to carry out an EHC needs assessment (Reg 5). */
    REFUSAL_TO_ASSESS,
    /** The LA decided not to issue a plan after assessing (Reg 10). */
    REFUSAL_TO_ISSUE_PLAN,
    /** The contents of the plan (sections B, F, I: needs, provision, placement). */
    PLAN_CONTENTS
}
