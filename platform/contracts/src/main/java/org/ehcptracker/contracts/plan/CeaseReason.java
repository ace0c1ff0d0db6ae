package org.ehcptracker.contracts.plan;

/** Why the LA ceased to maintain a plan (Children and Families Act 2014 s.45; Reg 29-31): a code, never free text. */
public enum CeaseReason {
    /** the child's needs can now be met without a plan (s.45(1)(b)) */
    NO_LONGER_NECESSARY,
    /** another LA became responsible (the child moved away) */
    MOVED_TO_ANOTHER_LA,
    /** the young person started higher education */
    HIGHER_EDUCATION,
    /** the young person 16+ left education or training, e.g. for employment */
    LEFT_EDUCATION_OR_TRAINING,
    /** the young person reached 25 (the plan may run to the end of that academic year) */
    AGE_25,
    /** any other ground (e.g. the child died); details stay with the LA */
    OTHER
}
