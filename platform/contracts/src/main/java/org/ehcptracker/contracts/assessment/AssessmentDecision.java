package org.ehcptracker.contracts.assessment;

/** The LA's decision whether to carry out an EHC needs assessment (Reg 5). */
public enum AssessmentDecision {
    ASSESS,
    /** Refusal carries appeal rights; mediation or tribunal may follow. */
    REFUSE
}
